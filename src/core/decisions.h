// The record of a hearing, child by child: what the panel administrator types
// is checked here against the panel's configuration, every problem at once
// and each naming its form field, before anything is read or written.
//
//   - one or more decisions from the panel's [[decisions]] and outcomes from
//     its [[outcomes]] (Support Panel 6: "one or more of the following"),
//     each with its own text;
//   - the reasons, always (CLAM: "clear as to the reasons for why these
//     decisions were made");
//   - where the panel has [permanency]: the permanency plan from its list,
//     with the timeframe and the person responsible; a parallel plan likewise
//     when the panel asks for one (optional, but complete when given);
//   - a review date, required when a decision or outcome brings the child
//     back to panel ([after_panel] return_to_panel), and after the sitting;
//   - any number of actions: what, whose, due in 1 to 260 working days from
//     the sitting or on a date after it.
//
// A decision is recorded on the day of its sitting or after (the note taker
// may write it up during the afternoon), never before and never at a
// cancelled sitting; it is corrected on the day only, and never once the
// minutes are authorised.
//
// Pure: values in, values out; safe from any thread.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/calendar.h"
#include "core/panel_type.h"
#include "core/result.h"
#include "core/sitting_status.h"

namespace casepanel::core {

// A line of a decision record: a decision from the catalogue or an outcome.
enum class ItemKind { decision, outcome };
std::string_view item_kind_id(ItemKind k);  // "outcome"
std::optional<ItemKind> item_kind_from_id(std::string_view id);

// Where a decision stands: final as recorded, or a recommendation awaiting
// the final decision of the role the panel names (final_decision_by), and
// then agreed or decided otherwise.
enum class FinalStatus { final, awaiting, agreed, otherwise };
std::string_view final_status_id(FinalStatus s);
std::optional<FinalStatus> final_status_from_id(std::string_view id);

// As typed on the form.
struct ItemEntry {
  ItemKind kind = ItemKind::decision;
  std::string option_id;
  std::string detail;
};
struct PlanEntry {
  std::string plan_id;  // from [permanency] plans; empty: none
  std::string timeframe;
  std::int64_t owner_id = 0;
};
struct ActionEntry {
  std::string description;  // empty: no action on this line
  std::int64_t owner_id = 0;
  std::string due_working_days;  // either this ...
  std::string due_date;          // ... or this (ISO)
};
struct DecisionEntry {
  std::vector<std::int64_t> child_ids;  // a sibling group: one record each
  std::vector<ItemEntry> items;
  std::string reasons;
  PlanEntry permanency;
  PlanEntry parallel;
  std::string review_date;  // ISO
  std::vector<ActionEntry> actions;
};

inline constexpr int kLongestActionWorkingDays = 260;

// An action once checked: due in working days from the sitting, or on a date.
struct CheckedAction {
  std::string description;
  std::int64_t owner_id = 0;
  std::optional<int> due_working_days;
  std::optional<Date> due_date;
};
// What the entry means, once checked.
struct CheckedDecision {
  std::optional<Date> review_date;
  std::vector<CheckedAction> actions;
  bool returns_to_panel = false;
};

// The catalogue entry an item names: a decision from [[decisions]], an
// outcome from [[outcomes]]; null when the panel lists none by that id.
const Choice* item_option(const PanelType& panel, ItemKind kind, std::string_view option_id);

// The form's field for an item's text: "detail-decision-fgc".
std::string item_field(ItemKind kind, std::string_view option_id);
// The form's fields for action line `i` (from 0): "action-0-description" ...
std::string action_field(std::size_t i, std::string_view part);

// Checks the entry against the panel's catalogue and the sitting's date.
Result<CheckedDecision> check_decision(const PanelType& panel, const DecisionEntry& entry,
                                       Date sitting_date);

// Why no decision may be recorded at the sitting on `today` (Europe/London),
// or Done when one may: a conflict (HTTP 409) a person can read.
Status may_record_decision(SittingStatus status, Date sitting_date, Date today);

// Why a saved record may not be corrected, or Done: on the sitting's day
// only, and never once the minutes are authorised (then an addendum).
Status may_correct_decision(Date sitting_date, Date today, bool minutes_authorised);

// A recommendation's final decision: agreed as recommended, or decided
// otherwise with what was decided; the reasons always.
struct FinalEntry {
  bool agree = true;
  std::string decided;  // required when not agreeing
  std::string reasons;
};
Status check_final_decision(const FinalEntry& entry);

}  // namespace casepanel::core
