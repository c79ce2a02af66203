#include "core/criterion_record.h"

#include <chrono>

#include "core/counted.h"
#include "core/cutoff.h"
#include "core/sittings.h"

namespace casepanel::core {
namespace {

bool before(Date a, Date b) { return std::chrono::sys_days{a} < std::chrono::sys_days{b}; }

// What the record's date is, as a sentence about the child begins it.
std::string started(const EntryCriterion& c, const std::string& child) {
  if (c.months_from == "child_protection_plan_start") {
    return child + "'s Child Protection Plan started";
  }
  if (c.months_from == "came_into_care") {
    return child + " came into care";
  }
  return child + "'s case was opened";
}

// The date the record lacks, as "... record has no ..." ends.
std::string missing(const EntryCriterion& c) {
  if (c.months_from == "child_protection_plan_start") {
    return "Child Protection Plan start date";
  }
  if (c.months_from == "came_into_care") {
    return "date of coming into care";
  }
  return "case open date";
}

std::string months_ago(int months) {
  return months == 0 ? "less than a month ago" : counted(months, "month", "months") + " ago";
}

ClaimAgainstRecord claim(const EntryCriterion& c, const ChildOnRecord& child, Date today) {
  ClaimAgainstRecord out;
  out.criterion_id = c.id;
  out.child_name = child.name;
  out.since = months_counted_from(c, child);
  const std::string period = counted(*c.after_months, "month", "months");
  if (!out.since) {
    out.text = child.name + "'s record has no " + missing(c) + ", so it does not show " + period +
               " have passed.";
    return out;
  }
  out.months_ago = whole_months(*out.since, today);
  out.passes_on = add_months(*out.since, *c.after_months);
  out.text = started(c, child.name) + " on " + long_date(*out.since) + ", " +
             months_ago(out.months_ago) + "; " + period + " will have passed on " +
             long_date(out.passes_on) + ".";
  return out;
}

}  // namespace

std::optional<Date> months_counted_from(const EntryCriterion& c, const ChildOnRecord& child) {
  if (!c.after_months) {
    return std::nullopt;
  }
  if (c.months_from == "child_protection_plan_start") {
    return child.child_protection_plan_start;
  }
  if (c.months_from == "came_into_care") {
    return child.came_into_care;
  }
  return child.case_opened;  // "case_open"
}

int whole_months(Date from, Date today) {
  int months = 0;
  while (!before(today, add_months(from, months + 1))) {
    ++months;
  }
  return months;
}

bool more_than_months_since(Date since, int months, Date today) {
  return before(add_months(since, months), today);
}

std::vector<ClaimAgainstRecord> claims_against_record(const PanelType& panel,
                                                      const std::vector<std::string>& criteria,
                                                      const std::vector<ChildOnRecord>& children,
                                                      Date today) {
  std::vector<ClaimAgainstRecord> out;
  for (const std::string& id : criteria) {
    const EntryCriterion* c = panel.entry_criterion(id);
    if (c == nullptr || !c->after_months) {
      continue;
    }
    for (const ChildOnRecord& child : children) {
      const auto since = months_counted_from(*c, child);
      if (!since || !more_than_months_since(*since, *c->after_months, today)) {
        out.push_back(claim(*c, child, today));
      }
    }
  }
  return out;
}

std::string record_confirmation_field(std::string_view criterion_id) {
  return "confirm_" + std::string(criterion_id);
}

}  // namespace casepanel::core
