// Reading decision records back: a hearing's records (for the hearing page,
// corrections and the minutes), a child's (for the child's record and the
// API), one item with where it was decided (for a final decision or a
// disagreement), and the recommendations awaiting a role's final decision.
// Each record comes whole: its items, actions and disagreements, read in one
// query each however many records there are.
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

namespace casepanel::store {

struct ItemRecord {
  std::int64_t id = 0;
  core::ItemKind kind = core::ItemKind::decision;
  std::string option_id;
  std::string detail;
  std::optional<core::Role> final_role;
  core::FinalStatus final_status = core::FinalStatus::final;
  std::string final_detail;
  std::string final_reasons;
  std::string final_by;  // name
  std::optional<core::Instant> final_at;
};

struct PlanRecord {
  std::string plan_id;
  std::string timeframe;
  std::optional<std::int64_t> owner_id;
  std::string owner;  // name
};

struct ActionRecord {
  std::int64_t id = 0;
  std::string description;
  std::int64_t owner_id = 0;
  std::string owner;
  core::Date due;
  std::string status;
};

struct DisagreementRecord {
  std::int64_t id = 0;
  std::int64_t item_id = 0;
  std::string member;  // who disagreed
  std::string why;
  std::string recorded_by;
  core::Instant recorded_at;
  core::Role resolve_role = core::Role::assistant_director;
  std::optional<std::string> agreed_outcome;  // set once resolved
  std::string agreed_reasons;
  std::string resolved_by;
  std::optional<core::Instant> resolved_at;
};

struct DecisionRecord {
  std::int64_t id = 0;
  std::int64_t hearing_id = 0;
  std::int64_t child_id = 0;
  std::string child;  // "First Last"
  core::Date child_born;
  std::int64_t sitting_id = 0;
  std::string panel_id;
  core::Date sitting_date;
  std::string reasons;
  PlanRecord permanency;
  PlanRecord parallel;
  std::optional<core::Date> review_date;
  std::string recorded_by;
  core::Instant recorded_at;
  std::string corrected_by;
  std::optional<core::Instant> corrected_at;
  std::vector<ItemRecord> items;
  std::vector<ActionRecord> actions;
  std::vector<DisagreementRecord> disagreements;
};

// A hearing's records, children eldest first.
std::vector<DecisionRecord> hearing_decisions(Tx& tx, std::int64_t hearing_id);
// A sitting's records, in agenda order then eldest first.
std::vector<DecisionRecord> sitting_decisions(Tx& tx, std::int64_t sitting_id);
// A child's records, newest sitting first.
std::vector<DecisionRecord> child_decision_records(Tx& tx, std::int64_t child_id);
// One record.
std::optional<DecisionRecord> find_decision(Tx& tx, std::int64_t decision_id);

// One item with the record it belongs to.
struct ItemAt {
  ItemRecord item;
  DecisionRecord record;  // without its items, actions or disagreements
  std::int64_t request_id = 0;
};
std::optional<ItemAt> find_item(Tx& tx, std::int64_t item_id);

// Items awaiting a final decision by `role` on the panels given (every panel
// when `panel_ids` is empty), oldest first.
std::vector<ItemAt> awaiting_final_decision(Tx& tx, core::Role role,
                                            const std::vector<std::string>& panel_ids);

}  // namespace casepanel::store
