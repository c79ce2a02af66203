// Calendar: the working-day arithmetic every deadline in casepanel stands on.
//
// A working day is Monday to Friday and not a bank holiday in England and
// Wales. Bank holidays are computed for 1990-2100 from the statutory rules
// (New Year's Day, Good Friday, Easter Monday, early May, spring and summer
// bank holidays, Christmas Day and Boxing Day, with substitute days when they
// fall at a weekend) plus the one-off changes since 1995. An organisation can
// add days (a local closure) or remove them in its configuration.
//
// Times: stored in UTC (core::Instant); rules are written and times shown in
// Europe/London wall-clock time. The conversions below use the system tzdata,
// loaded once on first use (the one piece of I/O core/ is allowed).
//
// A Calendar is immutable after construction: const methods are safe to call
// from several threads.
#pragma once

#include <chrono>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"

namespace casepanel::core {

using Date = std::chrono::year_month_day;
// A wall-clock time of day in Europe/London, minutes since midnight.
using LocalTime = std::chrono::minutes;

// "2024-05-06" -> Date; std::nullopt for anything that is not a real ISO date.
std::optional<Date> parse_iso_date(std::string_view text);
std::string to_iso(Date d);  // "2024-05-06"
// "16:00" -> 960 minutes; std::nullopt for anything that is not HH:MM (00:00-23:59).
std::optional<LocalTime> parse_hh_mm(std::string_view text);
std::string to_hh_mm(LocalTime t);  // "09:05"

class Calendar {
 public:
  // England and Wales, with no local changes.
  static Calendar england_and_wales();
  // England and Wales with an organisation's own additions and removals.
  static Calendar england_and_wales(std::vector<Date> extra_closures,
                                    std::vector<Date> removed_holidays);

  bool is_bank_holiday(Date d) const;
  bool is_working_day(Date d) const;
  // The bank holidays of a year, in date order (local changes applied).
  std::vector<Date> bank_holidays(int year) const;
  // The date n working days after d (n >= 0; n == 0 returns d unchanged).
  Date add_working_days(Date d, int n) const;
  // The number of working days after `from` up to and including `to`
  // (negative when `to` is before `from`).
  int working_days_between(Date from, Date to) const;
  // The first working day strictly after d.
  Date next_working_day(Date d) const;
  // The date n working days before d (n >= 0; n == 0 returns d unchanged).
  Date subtract_working_days(Date d, int n) const;
  // d if it is a working day, else the last working day before it.
  Date working_day_on_or_before(Date d) const;

 private:
  Calendar(std::set<std::chrono::sys_days> extra, std::set<std::chrono::sys_days> removed);
  std::set<std::chrono::sys_days> extra_;
  std::set<std::chrono::sys_days> removed_;
};

// Europe/London wall-clock time <-> UTC, across clock changes. A wall-clock
// time that does not exist (the hour skipped in March) maps to the instant
// just after the gap; an ambiguous one (the repeated hour in October) to the
// earlier of the two instants.
Instant london_to_utc(Date d, LocalTime t);
Date london_date(Instant t);
LocalTime london_time_of_day(Instant t);
// ISO 8601 with the Europe/London UTC offset, e.g. "2024-07-04T16:00:00+01:00".
std::string to_iso_london(Instant t);
// ISO 8601 in UTC, e.g. "2024-07-04T15:00:00Z".
std::string to_iso_utc(Instant t);
// "2024-07-04T15:00:00Z" -> Instant: a date, 'T' (or a space), HH:MM:SS, an
// optional fraction of a second (dropped) and an optional 'Z'; std::nullopt
// for anything else, so that a caller can refuse it rather than read 1970.
std::optional<Instant> parse_iso_utc(std::string_view text);

}  // namespace casepanel::core
