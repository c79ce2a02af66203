// Decisions: the repository for the record of a hearing, one per child
// (`decisions`: the reasons, the permanency and parallel plans, the review
// date), its lines (`decision_items`: each decision or outcome with its
// text, and a recommendation's final decision), and the actions it creates.
// Reading the records back, with their items, actions and disagreements, is
// store/decision_records.h. The rules are core/decisions.h.
//
// Every function takes the caller's open transaction; none commits.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/calendar.h"
#include "core/clock.h"
#include "core/decisions.h"
#include "core/role.h"
#include "store/database.h"
#include "store/sittings.h"

namespace casepanel::store {

struct PlanFields {
  std::string plan_id;  // empty: none
  std::string timeframe;
  std::optional<std::int64_t> owner_id;
};

// The fields of a record a correction may change.
struct RecordFields {
  std::string reasons;
  PlanFields permanency;
  PlanFields parallel;
  std::optional<core::Date> review_date;
};

struct NewDecision {
  std::int64_t hearing_id = 0;
  std::int64_t child_id = 0;
  RecordFields fields;
  std::int64_t recorded_by = 0;
  core::Instant recorded_at;
};
std::int64_t add_decision(Tx& tx, const NewDecision& d);
void correct_decision(Tx& tx, std::int64_t decision_id, const RecordFields& fields,
                      std::int64_t corrected_by, core::Instant at);

struct NewItem {
  std::int64_t decision_id = 0;
  core::ItemKind kind = core::ItemKind::decision;
  std::string option_id;
  std::string detail;
  // Set for a recommendation: the role that makes the final decision.
  std::optional<core::Role> final_role;
};
std::int64_t add_item(Tx& tx, const NewItem& item);
void set_item_detail(Tx& tx, std::int64_t item_id, const std::string& detail);
// A correction takes an item off the record; the row stays (the child's
// significant events refer to it), marked removed, and is read no more.
void remove_item(Tx& tx, std::int64_t item_id, core::Instant at);

struct FinalDecision {
  core::FinalStatus status = core::FinalStatus::agreed;  // agreed or otherwise
  std::string detail;                                    // what was decided, when otherwise
  std::string reasons;
  std::int64_t by = 0;
  core::Instant at;
};
// Records the final decision on an item awaiting one; false when it is not
// awaiting (someone decided first).
bool set_final_decision(Tx& tx, std::int64_t item_id, const FinalDecision& f);

struct NewAction {
  std::int64_t decision_id = 0;
  std::int64_t child_id = 0;
  std::string description;
  std::int64_t owner_id = 0;
  core::Date due;
  core::Instant created_at;
  std::string kind = "action";  // or the id of the timescale a decision started
  std::string started_by{};     // that decision's or outcome's id
};
// An open action.
std::int64_t add_action(Tx& tx, const NewAction& a);

bool has_decision(Tx& tx, std::int64_t hearing_id, std::int64_t child_id);

// The children of the hearing's request without a record at it yet, eldest
// first (id, "First Last" and, in `email`, the ISO date of birth).
std::vector<PersonContact> undecided_children(Tx& tx, std::int64_t hearing_id,
                                              std::int64_t request_id);
// How many there are, without their names.
int undecided_count(Tx& tx, std::int64_t hearing_id, std::int64_t request_id);

// Who may own an action or a plan: the active people of the team, and its
// manager.
std::vector<PersonContact> action_owners(Tx& tx, std::int64_t team_id);

}  // namespace casepanel::store
