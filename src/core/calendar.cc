// Calendar: England and Wales bank holidays, working-day arithmetic and
// Europe/London wall-clock time. calendar.h states the contract;
// docs/calendar.md explains the rules as a council's staff would read them.
//
// Years outside 1990-2100 are not refused: the statutory rules as they stand
// today are projected onto them, with no one-off changes. That is exact for
// the years the service deals with and keeps every function total; callers
// that take a year from a person (the CLI) refuse years outside the range.
#include "core/calendar.h"

#include <date/tz.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdio>
#include <initializer_list>
#include <stdexcept>
#include <utility>

namespace casepanel::core {
namespace {

using Day = std::chrono::sys_days;
constexpr std::chrono::days kOneDay{1};

bool is_weekend(Day d) {
  const std::chrono::weekday wd{d};
  return wd == std::chrono::Saturday || wd == std::chrono::Sunday;
}

bool contains(const std::vector<Day>& days, Day d) {
  return std::find(days.begin(), days.end(), d) != days.end();
}

// Easter Sunday in the Gregorian calendar, by the anonymous algorithm
// published in Nature in 1876 (Meeus, Jones, Butcher). It is exact for every
// Gregorian year, so no table of Easter dates is needed.
Day easter_sunday(int y) {
  const int a = y % 19;
  const int b = y / 100;
  const int c = y % 100;
  const int h = (19 * a + b - b / 4 - (b - (b + 8) / 25 + 1) / 3 + 15) % 30;
  const int l = (32 + 2 * (b % 4) + 2 * (c / 4) - h - c % 4) % 7;
  const int m = (a + 11 * h + 22 * l) / 451;
  const int month = (h + l - 7 * m + 114) / 31;
  const int day = (h + l - 7 * m + 114) % 31 + 1;
  return Day{std::chrono::year{y} / month / day};
}

// A fixed-date holiday that falls at a weekend is observed on the next
// weekday that is not already a bank holiday. Days that fall on a weekday are
// placed first: when Christmas Day is a Sunday, Boxing Day keeps Monday 26th
// and Christmas Day moves to Tuesday 27th, as gov.uk lists them; when it is a
// Saturday, Christmas Day moves to Monday 27th and Boxing Day to Tuesday 28th.
void add_observed(std::vector<Day>& out, std::initializer_list<Day> fixed) {
  for (Day d : fixed) {
    if (!is_weekend(d)) {
      out.push_back(d);
    }
  }
  for (Day d : fixed) {
    if (!is_weekend(d)) {
      continue;
    }
    Day substitute = d + kOneDay;
    while (is_weekend(substitute) || contains(out, substitute)) {
      substitute += kOneDay;
    }
    out.push_back(substitute);
  }
}

// A bank holiday declared by royal proclamation for one year only: either an
// extra day or a statutory day moved to another date.
struct OneOffChange {
  Date observed;
  std::optional<Date> instead_of;  // the statutory day it replaced, if moved
  const char* occasion;
};

using std::chrono::year;
// Every one-off change in England and Wales since 1995, from gov.uk's list
// of bank holidays and the proclamations it records.
constexpr std::array kOneOffChanges{
    OneOffChange{year{1995} / 5 / 8, year{1995} / 5 / 1, "VE Day, 50th anniversary"},
    OneOffChange{year{1999} / 12 / 31, std::nullopt, "Millennium"},
    OneOffChange{year{2002} / 6 / 4, year{2002} / 5 / 27, "Golden Jubilee (spring moved)"},
    OneOffChange{year{2002} / 6 / 3, std::nullopt, "Golden Jubilee"},
    OneOffChange{year{2011} / 4 / 29, std::nullopt, "Royal wedding"},
    OneOffChange{year{2012} / 6 / 4, year{2012} / 5 / 28, "Diamond Jubilee (spring moved)"},
    OneOffChange{year{2012} / 6 / 5, std::nullopt, "Diamond Jubilee"},
    OneOffChange{year{2020} / 5 / 8, year{2020} / 5 / 4, "VE Day, 75th anniversary"},
    OneOffChange{year{2022} / 6 / 2, year{2022} / 5 / 30, "Platinum Jubilee (spring moved)"},
    OneOffChange{year{2022} / 6 / 3, std::nullopt, "Platinum Jubilee"},
    OneOffChange{year{2022} / 9 / 19, std::nullopt, "State funeral of Queen Elizabeth II"},
    OneOffChange{year{2023} / 5 / 8, std::nullopt, "Coronation of King Charles III"},
};

void apply_one_off_changes(std::vector<Day>& days, int y) {
  for (const OneOffChange& change : kOneOffChanges) {
    if (change.observed.year() != year{y}) {
      continue;
    }
    if (change.instead_of) {
      std::erase(days, Day{*change.instead_of});
    }
    days.push_back(Day{change.observed});
  }
}

// The bank holidays of England and Wales in year y, before any organisation's
// own changes, in date order.
std::vector<Day> statutory_holidays(int y) {
  const year yr{y};
  std::vector<Day> days;
  add_observed(days, {Day{yr / 1 / 1}});
  const Day easter = easter_sunday(y);
  days.push_back(easter - 2 * kOneDay);  // Good Friday
  days.push_back(easter + kOneDay);      // Easter Monday
  days.push_back(Day{yr / std::chrono::May / std::chrono::Monday[1]});
  days.push_back(Day{yr / std::chrono::May / std::chrono::Monday[std::chrono::last]});
  days.push_back(Day{yr / std::chrono::August / std::chrono::Monday[std::chrono::last]});
  add_observed(days, {Day{yr / 12 / 25}, Day{yr / 12 / 26}});
  apply_one_off_changes(days, y);
  std::sort(days.begin(), days.end());
  return days;
}

// Working days in (epoch Monday, d], up to a constant: the difference of two
// values is the number of weekdays between them, whatever the sign.
long long weekdays_through(Day d) {
  constexpr Day kMonday{year{1970} / 1 / 5};
  const long long n = (d - kMonday).count();
  const long long weeks = n >= 0 ? n / 7 : -((-n + 6) / 7);
  const long long day_of_week = n - 7 * weeks;  // 0 is Monday
  return weeks * 5 + std::min(day_of_week + 1, 5LL);
}

// Callers pass 0-99 (months, days, hours, minutes, seconds).
std::string two_digits(long long n) {
  std::string out = std::to_string(n);
  return out.size() < 2 ? "0" + out : out;
}

// Reads exactly `width` ASCII digits at `pos`; anything else is refused.
std::optional<int> fixed_digits(std::string_view text, std::size_t pos, std::size_t width) {
  int value = 0;
  for (std::size_t i = pos; i < pos + width; ++i) {
    if (text[i] < '0' || text[i] > '9') {
      return std::nullopt;
    }
    value = value * 10 + (text[i] - '0');
  }
  return value;
}

}  // namespace

std::optional<Date> parse_iso_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') {
    return std::nullopt;
  }
  const auto y = fixed_digits(text, 0, 4);
  const auto m = fixed_digits(text, 5, 2);
  const auto d = fixed_digits(text, 8, 2);
  if (!y || !m || !d) {
    return std::nullopt;
  }
  const Date date{year{*y}, std::chrono::month(*m), std::chrono::day(*d)};
  if (!date.ok()) {
    return std::nullopt;
  }
  return date;
}

std::string to_iso(Date d) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", static_cast<int>(d.year()),
                static_cast<unsigned>(d.month()), static_cast<unsigned>(d.day()));
  return buffer;
}

std::optional<LocalTime> parse_hh_mm(std::string_view text) {
  if (text.size() != 5 || text[2] != ':') {
    return std::nullopt;
  }
  const auto h = fixed_digits(text, 0, 2);
  const auto m = fixed_digits(text, 3, 2);
  if (!h || !m || *h > 23 || *m > 59) {
    return std::nullopt;
  }
  return std::chrono::hours(*h) + std::chrono::minutes(*m);
}

// A LocalTime is a time of day; a value outside 00:00-23:59 is wrapped onto
// the clock face rather than printed as "25:00".
std::string to_hh_mm(LocalTime t) {
  const long long minutes = ((t.count() % 1440) + 1440) % 1440;
  return two_digits(minutes / 60) + ":" + two_digits(minutes % 60);
}

Calendar::Calendar(std::set<Day> extra, std::set<Day> removed)
    : extra_(std::move(extra)), removed_(std::move(removed)) {}

Calendar Calendar::england_and_wales() { return Calendar({}, {}); }

Calendar Calendar::england_and_wales(std::vector<Date> extra_closures,
                                     std::vector<Date> removed_holidays) {
  return Calendar(std::set<Day>(extra_closures.begin(), extra_closures.end()),
                  std::set<Day>(removed_holidays.begin(), removed_holidays.end()));
}

// An organisation's closure wins over its removal of the same day: if a
// council lists a day as both, it is closed, and a deadline never lands on a
// day nobody is at work.
bool Calendar::is_bank_holiday(Date d) const {
  const Day day{d};
  if (extra_.contains(day)) {
    return true;
  }
  if (removed_.contains(day)) {
    return false;
  }
  return contains(statutory_holidays(static_cast<int>(d.year())), day);
}

bool Calendar::is_working_day(Date d) const { return !is_weekend(Day{d}) && !is_bank_holiday(d); }

std::vector<Date> Calendar::bank_holidays(int y) const {
  std::set<Day> days;
  for (Day d : statutory_holidays(y)) {
    if (!removed_.contains(d)) {
      days.insert(d);
    }
  }
  const auto first = extra_.lower_bound(Day{year{y} / 1 / 1});
  const auto last = extra_.lower_bound(Day{year{y + 1} / 1 / 1});
  days.insert(first, last);
  return std::vector<Date>(days.begin(), days.end());
}

Date Calendar::add_working_days(Date d, int n) const {
  if (n < 0) {
    throw std::invalid_argument("add_working_days: n must not be negative");
  }
  Day day{d};
  for (int left = n; left > 0;) {
    day += kOneDay;
    if (is_working_day(Date{day})) {
      --left;
    }
  }
  return Date{day};
}

// Counts weekdays arithmetically and subtracts the non-working days among
// them year by year, so that a span of decades costs a few hundred look-ups
// rather than one per day. The count for `to` before `from` is the negated
// count the other way round, so working_days_between(a, b) ==
// -working_days_between(b, a).
int Calendar::working_days_between(Date from, Date to) const {
  const Day start{from};
  const Day end{to};
  if (end < start) {
    return -working_days_between(to, from);
  }
  long long count = weekdays_through(end) - weekdays_through(start);
  const int first_year = static_cast<int>(from.year());
  const int last_year = static_cast<int>(to.year());
  for (int y = first_year; y <= last_year; ++y) {
    for (Date holiday : bank_holidays(y)) {
      const Day day{holiday};
      if (day > start && day <= end && !is_weekend(day)) {
        --count;
      }
    }
  }
  return static_cast<int>(count);
}

Date Calendar::next_working_day(Date d) const { return add_working_days(d, 1); }

Date Calendar::subtract_working_days(Date d, int n) const {
  if (n < 0) {
    throw std::invalid_argument("subtract_working_days: n must not be negative");
  }
  Day day{d};
  for (int left = n; left > 0;) {
    day -= kOneDay;
    if (is_working_day(Date{day})) {
      --left;
    }
  }
  return Date{day};
}

Date Calendar::working_day_on_or_before(Date d) const {
  Day day{d};
  while (!is_working_day(Date{day})) {
    day -= kOneDay;
  }
  return Date{day};
}

// ---- Europe/London time ----

namespace {

struct LondonPeriod {
  std::chrono::seconds offset;  // local time minus UTC
  Instant begin;                // when this offset took effect
};

const date::time_zone& london_zone() {
  static const date::time_zone* const zone = date::locate_zone("Europe/London");
  return *zone;
}

// The UK's summer-time rule since 1996, shared with the EU: British Summer
// Time from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last
// Sunday of October (the POSIX rule "GMT0BST,M3.5.0/1,M10.5.0" at the end of
// the system's Europe/London file).
Instant summer_time_start(int y) {
  return Instant{Day{year{y} / std::chrono::March / std::chrono::Sunday[std::chrono::last]}} +
         std::chrono::hours{1};
}
Instant summer_time_end(int y) {
  return Instant{Day{year{y} / std::chrono::October / std::chrono::Sunday[std::chrono::last]}} +
         std::chrono::hours{1};
}

LondonPeriod period_by_rule(Instant t) {
  const int y = static_cast<int>(Date{std::chrono::floor<std::chrono::days>(t)}.year());
  if (t < summer_time_start(y)) {
    return {std::chrono::seconds{0}, summer_time_end(y - 1)};
  }
  if (t < summer_time_end(y)) {
    return {std::chrono::hours{1}, summer_time_start(y)};
  }
  return {std::chrono::seconds{0}, summer_time_end(y)};
}

// date 3.0.1, reading the system's compiled zone files, knows only the
// transitions listed in them (Debian's list ends in October 2037) and ignores
// the rule at the end of the file that covers the years after. Left alone it
// would keep London on GMT all year from 2038. From the last listed
// transition onwards we apply that rule ourselves; this also covers a
// "slim" zone file, which lists no transitions after 1996 at all. If
// Parliament ever changes the rule, this fallback must change with it.
Instant end_of_zone_database() {
  static const Instant horizon = [] {
    const Instant far_future{Day{year{3000} / 1 / 1}};
    const date::sys_info last = london_zone().get_info(far_future);
    return last.begin >= summer_time_start(1996) ? last.begin : Instant::max();
  }();
  return horizon;
}

LondonPeriod london_period(Instant t) {
  if (t >= end_of_zone_database()) {
    return period_by_rule(t);
  }
  const date::sys_info info = london_zone().get_info(t);
  return {info.offset, info.begin};
}

Instant local_as_if_utc(Date d, LocalTime t) { return Instant{Day{d}} + t; }

}  // namespace

// The offset in force just before and just after the wall-clock time give the
// two candidate instants. Transitions are months apart, so a day either side
// is enough to see both offsets.
Instant london_to_utc(Date d, LocalTime t) {
  const Instant local = local_as_if_utc(d, t);
  const auto before = london_period(local - std::chrono::days{1}).offset;
  const auto after = london_period(local + std::chrono::days{1}).offset;
  const Instant earlier = local - std::max(before, after);
  const Instant later = local - std::min(before, after);
  if (london_period(earlier).offset == std::max(before, after)) {
    return earlier;  // unique, or the first of an ambiguous pair
  }
  if (london_period(later).offset == std::min(before, after)) {
    return later;
  }
  // Neither exists: the wall-clock time is in the hour skipped in spring.
  // The instant just after the gap is the moment the clocks went forward.
  return london_period(local - std::min(before, after)).begin;
}

Date london_date(Instant t) {
  const Instant local = t + london_period(t).offset;
  return Date{std::chrono::floor<std::chrono::days>(local)};
}

LocalTime london_time_of_day(Instant t) {
  const Instant local = t + london_period(t).offset;
  return std::chrono::floor<std::chrono::minutes>(local -
                                                  std::chrono::floor<std::chrono::days>(local));
}

namespace {

std::string iso_date_time(Instant local) {
  const Day day = std::chrono::floor<std::chrono::days>(local);
  const std::chrono::hh_mm_ss clock{local - day};
  return to_iso(Date{day}) + "T" + two_digits(clock.hours().count()) + ":" +
         two_digits(clock.minutes().count()) + ":" + two_digits(clock.seconds().count());
}

}  // namespace

std::string to_iso_london(Instant t) {
  const std::chrono::seconds offset = london_period(t).offset;
  const long long minutes = std::chrono::abs(offset).count() / 60;
  const char* sign = offset < std::chrono::seconds{0} ? "-" : "+";
  return iso_date_time(t + offset) + sign + two_digits(minutes / 60) + ":" +
         two_digits(minutes % 60);
}

std::string to_iso_utc(Instant t) { return iso_date_time(t) + "Z"; }

namespace {

// Two digits at `at` as a number no greater than `max`; -1 otherwise.
int two_digit_field(std::string_view text, std::size_t at, int max) {
  int value = 0;
  const auto [end, ec] = std::from_chars(text.data() + at, text.data() + at + 2, value);
  if (ec != std::errc{} || end != text.data() + at + 2 || value > max) {
    return -1;
  }
  return value;
}

bool fraction_then_zone(std::string_view rest) {
  if (!rest.empty() && rest.front() == '.') {
    rest.remove_prefix(1);
    const std::size_t digits = rest.find_first_not_of("0123456789");
    if (digits == 0) {
      return false;
    }
    rest.remove_prefix(digits == std::string_view::npos ? rest.size() : digits);
  }
  return rest.empty() || rest == "Z";
}

}  // namespace

std::optional<Instant> parse_iso_utc(std::string_view text) {
  if (text.size() < 19 || (text[10] != 'T' && text[10] != ' ') || text[13] != ':' ||
      text[16] != ':' || !fraction_then_zone(text.substr(19))) {
    return std::nullopt;
  }
  const std::optional<Date> day = parse_iso_date(text.substr(0, 10));
  const int hh = two_digit_field(text, 11, 23);
  const int mm = two_digit_field(text, 14, 59);
  const int ss = two_digit_field(text, 17, 59);
  if (!day || hh < 0 || mm < 0 || ss < 0) {
    return std::nullopt;
  }
  return std::chrono::sys_days{*day} + std::chrono::hours{hh} + std::chrono::minutes{mm} +
         std::chrono::seconds{ss};
}

}  // namespace casepanel::core
