// Recording a decision at a hearing: what the panel administrator types is
// checked here, every problem at once and each naming its form field, before
// anything is read or written; and the dates on which a sitting's decisions
// may be recorded.
//
//   - the child, the decision (from the panel's catalogue), what was decided
//     and the reasons are required (DESIGN.md: reasons, always);
//   - a review date, when given, is a real date;
//   - an action, when given, has an owner and a deadline of 1 to 260 working
//     days (a year of working days) from the sitting's date.
//
// A decision is recorded on the day of its sitting or after (the note taker
// may write it up during the afternoon), never before and never at a
// cancelled sitting.
//
// Pure: values in, values out; safe from any thread.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/calendar.h"
#include "core/result.h"
#include "core/sitting_status.h"

namespace casepanel::core {

// As typed on the form.
struct DecisionEntry {
  std::int64_t child_id = 0;
  std::string decision_type;
  std::string summary;  // the form's "decided"
  std::string reasons;
  std::string review_date;  // ISO, optional
  std::string action;       // optional
  std::int64_t action_owner_id = 0;
  std::string action_due_working_days;
};

inline constexpr int kLongestActionWorkingDays = 260;

// What the entry means, once checked.
struct CheckedDecision {
  std::optional<Date> review_date;
  std::optional<int> action_due_working_days;  // set when there is an action
};
Result<CheckedDecision> check_decision(const DecisionEntry& entry);

// Why no decision may be recorded at the sitting on `today` (Europe/London),
// or Done when one may: a conflict (HTTP 409) a person can read.
Status may_record_decision(SittingStatus status, Date sitting_date, Date today);

}  // namespace casepanel::core
