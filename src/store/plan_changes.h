// Changes of plan after panel (app/plan_changes.h, Support Panel 6.1): a
// proposal with its reason waits for the role the panel names, who approves
// or refuses it with reasons.
//
// Every function takes the caller's open transaction; none commits.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/calendar.h"
#include "core/clock.h"
#include "core/role.h"
#include "store/database.h"

namespace casepanel::store {

enum class PlanChangeStatus { proposed, approved, refused };

struct PlanChangeRecord {
  std::int64_t id = 0;
  std::int64_t decision_id = 0;
  std::int64_t child_id = 0;
  std::string child;
  core::Date child_born;
  std::int64_t team_id = 0;
  std::string panel_id;
  core::Date decided_on;
  std::int64_t author_id = 0;  // the decided request's author
  std::string proposal;
  std::string reason;
  std::int64_t proposed_by_id = 0;
  std::string proposed_by;
  core::Instant proposed_at;
  core::Role approver_role = core::Role::group_manager;
  PlanChangeStatus status = PlanChangeStatus::proposed;
  std::string decided_by;
  std::optional<core::Instant> decided_at;
  std::string decision_reasons;
};

struct NewPlanChange {
  std::int64_t decision_id = 0;
  std::string proposal;
  std::string reason;
  std::int64_t by = 0;
  core::Instant at;
  core::Role approver_role = core::Role::group_manager;
};
std::int64_t add_plan_change(Tx& tx, const NewPlanChange& c);
std::optional<PlanChangeRecord> find_plan_change(Tx& tx, std::int64_t id);
// A record's changes, oldest first.
std::vector<PlanChangeRecord> plan_changes_of_decision(Tx& tx, std::int64_t decision_id);
// Every change still waiting, oldest first.
std::vector<PlanChangeRecord> proposed_plan_changes(Tx& tx);
// proposed -> approved or refused; false when it was no longer proposed.
bool decide_plan_change(Tx& tx, std::int64_t id, bool approved, const std::string& reasons,
                        std::int64_t by, core::Instant at);

}  // namespace casepanel::store
