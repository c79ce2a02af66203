// Entry criteria the child's record can bear out: "a Child Protection Plan
// for more than 18 months" (Support Panel 2.1) and "open to the FAST team for
// longer than 9 months" (2.2) are facts about dates the record holds
// (`after_months` and `months_from` on the criterion, docs/panel-configuration.md).
//
// Issue 14, item 8: such a criterion was accepted for a child whose plan had
// started 15 months earlier. A claim the record does not bear out (the
// period has not yet passed, or the record has no such date) is not refused:
// the record may be out of date. It is named, with the dates, and the
// practitioner must confirm it before the request is sent; approvers see that
// it was claimed against the record. For a sibling group each child is checked.
//
// Pure functions; "today" is passed in (Europe/London).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/calendar.h"
#include "core/panel_type.h"

namespace casepanel::core {

// The dates on a child's record that a criterion's months count from.
struct ChildOnRecord {
  std::string name;
  std::optional<Date> case_opened;                  // months_from = "case_open"
  std::optional<Date> came_into_care;               // "came_into_care"
  std::optional<Date> child_protection_plan_start;  // "child_protection_plan_start"
};

// The child's date that `c` counts its months from; nullopt when the record
// has none (or the criterion counts no months).
std::optional<Date> months_counted_from(const EntryCriterion& c, const ChildOnRecord& child);

// Whole months from `from` to `today` (0 when `today` is earlier).
int whole_months(Date from, Date today);

// Whether more than `months` months have passed since `since` by `today`:
// the day after the date `months` months on (core::add_months), as the watch
// lists count them.
bool more_than_months_since(Date since, int months, Date today);

// One child for whom the record does not bear out a chosen criterion.
struct ClaimAgainstRecord {
  std::string criterion_id;
  std::string child_name;
  std::optional<Date> since;  // the record's date; nullopt when it has none
  int months_ago = 0;         // whole months since `since`
  Date passes_on{};           // `since` plus the criterion's months
  // "Olivia Brown's Child Protection Plan started on 3 August 2025, 15 months
  // ago; 18 months will have passed on 3 February 2027."
  std::string text;
};

// The chosen criteria (`criteria`, ids) that count months, checked against
// each child's record: one entry per child whose record does not bear the
// criterion out, in the order of the criteria, then of the children.
std::vector<ClaimAgainstRecord> claims_against_record(const PanelType& panel,
                                                      const std::vector<std::string>& criteria,
                                                      const std::vector<ChildOnRecord>& children,
                                                      Date today);

// The form field where the practitioner confirms a criterion claimed against
// the record: "confirm_<id>".
std::string record_confirmation_field(std::string_view criterion_id);

}  // namespace casepanel::core
