// Tests for core/calendar: bank holidays as gov.uk lists them, working-day
// arithmetic, organisations' own changes, Europe/London time across clock
// changes, and the strict parsers.
#include "core/calendar.h"

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

namespace casepanel::core {
namespace {

using namespace std::chrono_literals;

Date date(std::string_view iso) {
  const std::optional<Date> d = parse_iso_date(iso);
  EXPECT_TRUE(d.has_value()) << "bad date in test table: " << iso;
  return d.value_or(Date{});
}

Instant utc(std::string_view iso_date, int hour, int minute, int second = 0) {
  return Instant{std::chrono::sys_days{date(iso_date)}} + std::chrono::hours{hour} +
         std::chrono::minutes{minute} + std::chrono::seconds{second};
}

std::string joined(const std::vector<Date>& dates) {
  std::string text;
  for (Date d : dates) {
    text += (text.empty() ? "" : " ") + to_iso(d);
  }
  return text;
}

// ---- Bank holidays ----

struct YearCase {
  int year;
  const char* holidays;  // ISO dates, space-separated, in order
  const char* why;
};

// Each row is gov.uk's list for that year (the past ones as they were
// observed, the future ones by the statutory rules).
const YearCase kYears[] = {
    {.year = 1990,
     .holidays = "1990-01-01 1990-04-13 1990-04-16 1990-05-07 1990-05-28 1990-08-27 1990-12-25 "
                 "1990-12-26",
     .why = "first year of the range"},
    {.year = 1995,
     .holidays = "1995-01-02 1995-04-14 1995-04-17 1995-05-08 1995-05-29 1995-08-28 1995-12-25 "
                 "1995-12-26",
     .why = "early May moved to 8 May for VE Day; New Year on a Sunday"},
    {.year = 1999,
     .holidays = "1999-01-01 1999-04-02 1999-04-05 1999-05-03 1999-05-31 1999-08-30 1999-12-27 "
                 "1999-12-28 1999-12-31",
     .why = "millennium; Christmas on a Saturday"},
    {.year = 2000,
     .holidays = "2000-01-03 2000-04-21 2000-04-24 2000-05-01 2000-05-29 2000-08-28 2000-12-25 "
                 "2000-12-26",
     .why = "New Year on a Saturday"},
    {.year = 2002,
     .holidays = "2002-01-01 2002-03-29 2002-04-01 2002-05-06 2002-06-03 2002-06-04 2002-08-26 "
                 "2002-12-25 2002-12-26",
     .why = "Golden Jubilee: spring moved to 4 June, 3 June extra"},
    {.year = 2004,
     .holidays = "2004-01-01 2004-04-09 2004-04-12 2004-05-03 2004-05-31 2004-08-30 2004-12-27 "
                 "2004-12-28",
     .why = "Christmas on a Saturday"},
    {.year = 2008,
     .holidays = "2008-01-01 2008-03-21 2008-03-24 2008-05-05 2008-05-26 2008-08-25 2008-12-25 "
                 "2008-12-26",
     .why = "early Easter (23 March)"},
    {.year = 2010,
     .holidays = "2010-01-01 2010-04-02 2010-04-05 2010-05-03 2010-05-31 2010-08-30 2010-12-27 "
                 "2010-12-28",
     .why = "Christmas on a Saturday"},
    {.year = 2011,
     .holidays = "2011-01-03 2011-04-22 2011-04-25 2011-04-29 2011-05-02 2011-05-30 2011-08-29 "
                 "2011-12-26 2011-12-27",
     .why = "late Easter, royal wedding, New Year on a Saturday, Christmas on a Sunday"},
    {.year = 2012,
     .holidays = "2012-01-02 2012-04-06 2012-04-09 2012-05-07 2012-06-04 2012-06-05 2012-08-27 "
                 "2012-12-25 2012-12-26",
     .why = "Diamond Jubilee: spring moved to 4 June, 5 June extra"},
    {.year = 2016,
     .holidays = "2016-01-01 2016-03-25 2016-03-28 2016-05-02 2016-05-30 2016-08-29 2016-12-26 "
                 "2016-12-27",
     .why = "Christmas on a Sunday"},
    {.year = 2020,
     .holidays = "2020-01-01 2020-04-10 2020-04-13 2020-05-08 2020-05-25 2020-08-31 2020-12-25 "
                 "2020-12-28",
     .why = "early May moved to Friday 8 May for VE Day; Boxing Day on a Saturday"},
    {.year = 2021,
     .holidays = "2021-01-01 2021-04-02 2021-04-05 2021-05-03 2021-05-31 2021-08-30 2021-12-27 "
                 "2021-12-28",
     .why = "Christmas on a Saturday"},
    {.year = 2022,
     .holidays = "2022-01-03 2022-04-15 2022-04-18 2022-05-02 2022-06-02 2022-06-03 2022-08-29 "
                 "2022-09-19 2022-12-26 2022-12-27",
     .why = "Platinum Jubilee, state funeral, New Year on a Saturday, Christmas on a Sunday"},
    {.year = 2023,
     .holidays = "2023-01-02 2023-04-07 2023-04-10 2023-05-01 2023-05-08 2023-05-29 2023-08-28 "
                 "2023-12-25 2023-12-26",
     .why = "coronation; New Year on a Sunday"},
    {.year = 2024,
     .holidays = "2024-01-01 2024-03-29 2024-04-01 2024-05-06 2024-05-27 2024-08-26 2024-12-25 "
                 "2024-12-26",
     .why = "an ordinary year"},
    {.year = 2025,
     .holidays = "2025-01-01 2025-04-18 2025-04-21 2025-05-05 2025-05-26 2025-08-25 2025-12-25 "
                 "2025-12-26",
     .why = "an ordinary year"},
    {.year = 2027,
     .holidays = "2027-01-01 2027-03-26 2027-03-29 2027-05-03 2027-05-31 2027-08-30 2027-12-27 "
                 "2027-12-28",
     .why = "Christmas on a Saturday"},
    {.year = 2038,
     .holidays = "2038-01-01 2038-04-23 2038-04-26 2038-05-03 2038-05-31 2038-08-30 2038-12-27 "
                 "2038-12-28",
     .why = "latest possible Easter but one (25 April)"},
    {.year = 2100,
     .holidays = "2100-01-01 2100-03-26 2100-03-29 2100-05-03 2100-05-31 2100-08-30 2100-12-27 "
                 "2100-12-28",
     .why = "last year of the range; not a leap year"},
};

TEST(CalendarBankHolidays, MatchGovUkForEachYear) {
  const Calendar calendar = Calendar::england_and_wales();
  for (const YearCase& row : kYears) {
    EXPECT_EQ(joined(calendar.bank_holidays(row.year)), row.holidays)
        << row.year << ": " << row.why;
  }
}

TEST(CalendarBankHolidays, IsBankHolidayAgreesWithTheList) {
  const Calendar calendar = Calendar::england_and_wales();
  for (const YearCase& row : kYears) {
    std::istringstream days(row.holidays);
    for (std::string iso; days >> iso;) {
      EXPECT_TRUE(calendar.is_bank_holiday(date(iso))) << iso;
      EXPECT_FALSE(calendar.is_working_day(date(iso))) << iso;
    }
  }
}

struct DayCase {
  const char* day;
  bool bank_holiday;
  const char* why;
};

TEST(CalendarBankHolidays, MovedDaysAreOrdinaryDays) {
  const DayCase cases[] = {
      {.day = "1995-05-01", .bank_holiday = false, .why = "moved to 8 May 1995"},
      {.day = "2002-05-27", .bank_holiday = false, .why = "moved to 4 June 2002"},
      {.day = "2012-05-28", .bank_holiday = false, .why = "moved to 4 June 2012"},
      {.day = "2020-05-04", .bank_holiday = false, .why = "moved to 8 May 2020"},
      {.day = "2022-05-30", .bank_holiday = false, .why = "moved to 2 June 2022"},
      {.day = "2023-05-08", .bank_holiday = true, .why = "coronation"},
      {.day = "2024-12-24", .bank_holiday = false, .why = "Christmas Eve is not a bank holiday"},
      {.day = "2022-12-25",
       .bank_holiday = false,
       .why = "the Sunday itself: observed on the 27th"},
  };
  const Calendar calendar = Calendar::england_and_wales();
  for (const DayCase& row : cases) {
    EXPECT_EQ(calendar.is_bank_holiday(date(row.day)), row.bank_holiday)
        << row.day << ": " << row.why;
  }
}

// Every year of the range: the usual eight days (more or fewer only in the
// one-off years), all on weekdays, in order, with no duplicates.
TEST(CalendarBankHolidays, EveryYearOfTheRangeIsWellFormed) {
  const Calendar calendar = Calendar::england_and_wales();
  for (int year = 1990; year <= 2100; ++year) {
    const std::vector<Date> days = calendar.bank_holidays(year);
    std::size_t expected = 8;
    if (year == 1999 || year == 2002 || year == 2011 || year == 2012 || year == 2023) {
      expected = 9;
    }
    if (year == 2022) {
      expected = 10;
    }
    EXPECT_EQ(days.size(), expected) << year;
    for (std::size_t i = 0; i < days.size(); ++i) {
      EXPECT_EQ(days[i].year(), std::chrono::year{year}) << to_iso(days[i]);
      const std::chrono::weekday wd{std::chrono::sys_days{days[i]}};
      EXPECT_TRUE(wd != std::chrono::Saturday && wd != std::chrono::Sunday) << to_iso(days[i]);
      if (i > 0) {
        EXPECT_LT(days[i - 1], days[i]) << year;
      }
    }
  }
}

// Outside 1990-2100 the current statutory rules are projected, without
// one-off changes.
TEST(CalendarBankHolidays, YearsOutsideTheRangeUseTheStatutoryRules) {
  const Calendar calendar = Calendar::england_and_wales();
  EXPECT_EQ(joined(calendar.bank_holidays(2101)),
            "2101-01-03 2101-04-15 2101-04-18 2101-05-02 2101-05-30 2101-08-29 2101-12-26 "
            "2101-12-27");
  EXPECT_EQ(joined(calendar.bank_holidays(1989)),
            "1989-01-02 1989-03-24 1989-03-27 1989-05-01 1989-05-29 1989-08-28 1989-12-25 "
            "1989-12-26");
}

// ---- Working days ----

struct AddCase {
  const char* from;
  int n;
  const char* expected;
  const char* why;
};

TEST(CalendarWorkingDays, AddWorkingDays) {
  const AddCase cases[] = {
      {.from = "2024-07-04", .n = 1, .expected = "2024-07-05", .why = "Thursday to Friday"},
      {.from = "2024-07-05", .n = 1, .expected = "2024-07-08", .why = "over a weekend"},
      {.from = "2024-07-06", .n = 1, .expected = "2024-07-08", .why = "from a Saturday"},
      {.from = "2024-07-06", .n = 0, .expected = "2024-07-06", .why = "zero leaves the day alone"},
      {.from = "2024-07-01", .n = 5, .expected = "2024-07-08", .why = "a working week"},
      {.from = "2024-03-28", .n = 1, .expected = "2024-04-02", .why = "over Easter"},
      {.from = "2024-12-24", .n = 1, .expected = "2024-12-27", .why = "over Christmas"},
      {.from = "2024-12-20",
       .n = 10,
       .expected = "2025-01-08",
       .why = "over Christmas and New Year"},
      {.from = "2021-12-24", .n = 1, .expected = "2021-12-29", .why = "substitute days"},
      {.from = "1999-12-30", .n = 1, .expected = "2000-01-04", .why = "millennium and substitute"},
      {.from = "2020-05-01", .n = 1, .expected = "2020-05-04", .why = "4 May 2020 was a work day"},
      {.from = "2020-05-07", .n = 1, .expected = "2020-05-11", .why = "VE Day 75"},
      {.from = "2022-06-01", .n = 1, .expected = "2022-06-06", .why = "Platinum Jubilee"},
      {.from = "2022-05-27", .n = 1, .expected = "2022-05-30", .why = "30 May 2022 was a work day"},
      {.from = "2022-09-16", .n = 1, .expected = "2022-09-20", .why = "state funeral"},
      {.from = "2023-05-05", .n = 1, .expected = "2023-05-09", .why = "coronation"},
      {.from = "2011-04-21", .n = 5, .expected = "2011-05-04", .why = "Easter, wedding, May Day"},
      {.from = "2012-06-01", .n = 1, .expected = "2012-06-06", .why = "Diamond Jubilee"},
  };
  const Calendar calendar = Calendar::england_and_wales();
  for (const AddCase& row : cases) {
    EXPECT_EQ(to_iso(calendar.add_working_days(date(row.from), row.n)), row.expected)
        << row.from << " + " << row.n << ": " << row.why;
  }
}

TEST(CalendarWorkingDays, AddWorkingDaysRefusesNegative) {
  const Calendar calendar = Calendar::england_and_wales();
  EXPECT_THROW((void)calendar.add_working_days(date("2024-07-04"), -1), std::invalid_argument);
}

TEST(CalendarWorkingDays, NextWorkingDay) {
  const Calendar calendar = Calendar::england_and_wales();
  EXPECT_EQ(to_iso(calendar.next_working_day(date("2024-07-04"))), "2024-07-05");
  EXPECT_EQ(to_iso(calendar.next_working_day(date("2022-12-23"))), "2022-12-28");
  EXPECT_EQ(to_iso(calendar.next_working_day(date("2022-12-27"))), "2022-12-28");
}

TEST(CalendarWorkingDays, SubtractWorkingDays) {
  const AddCase cases[] = {
      {.from = "2024-07-05", .n = 1, .expected = "2024-07-04", .why = "Friday to Thursday"},
      {.from = "2024-07-08", .n = 1, .expected = "2024-07-05", .why = "back over a weekend"},
      {.from = "2024-07-07", .n = 1, .expected = "2024-07-05", .why = "from a Sunday"},
      {.from = "2024-07-06", .n = 0, .expected = "2024-07-06", .why = "zero leaves the day alone"},
      {.from = "2024-04-02", .n = 1, .expected = "2024-03-28", .why = "back over Easter"},
      {.from = "2025-01-08", .n = 10, .expected = "2024-12-20", .why = "back over Christmas"},
  };
  const Calendar calendar = Calendar::england_and_wales();
  for (const AddCase& row : cases) {
    EXPECT_EQ(to_iso(calendar.subtract_working_days(date(row.from), row.n)), row.expected)
        << row.from << " - " << row.n << ": " << row.why;
  }
  EXPECT_THROW((void)calendar.subtract_working_days(date("2024-07-04"), -1), std::invalid_argument);
}

TEST(CalendarWorkingDays, WorkingDayOnOrBefore) {
  const Calendar calendar = Calendar::england_and_wales();
  EXPECT_EQ(to_iso(calendar.working_day_on_or_before(date("2024-07-04"))), "2024-07-04");
  EXPECT_EQ(to_iso(calendar.working_day_on_or_before(date("2024-07-07"))), "2024-07-05");
  EXPECT_EQ(to_iso(calendar.working_day_on_or_before(date("2022-12-27"))), "2022-12-23");
}

struct BetweenCase {
  const char* from;
  const char* to;
  int expected;
  const char* why;
};

TEST(CalendarWorkingDays, WorkingDaysBetween) {
  const BetweenCase cases[] = {
      {.from = "2024-07-05", .to = "2024-07-05", .expected = 0, .why = "same day"},
      {.from = "2024-07-05", .to = "2024-07-08", .expected = 1, .why = "over a weekend"},
      {.from = "2024-07-06", .to = "2024-07-07", .expected = 0, .why = "Saturday to Sunday"},
      {.from = "2024-07-04", .to = "2024-07-05", .expected = 1, .why = "the day after"},
      {.from = "2024-03-28", .to = "2024-04-02", .expected = 1, .why = "over Easter"},
      {.from = "2024-12-20", .to = "2025-01-08", .expected = 10, .why = "over Christmas"},
      {.from = "2022-06-01", .to = "2022-06-06", .expected = 1, .why = "Platinum Jubilee"},
      {.from = "2023-12-31", .to = "2024-12-31", .expected = 254, .why = "the whole of 2024"},
      {.from = "2021-12-31", .to = "2022-12-31", .expected = 250, .why = "the whole of 2022"},
      {.from = "2024-07-08", .to = "2024-07-05", .expected = -1, .why = "backwards over a weekend"},
      {.from = "2024-07-05", .to = "2024-07-04", .expected = -1, .why = "the day before"},
      {.from = "2025-01-08",
       .to = "2024-12-20",
       .expected = -10,
       .why = "backwards over Christmas"},
      {.from = "2024-07-07", .to = "2024-07-06", .expected = 0, .why = "Sunday back to Saturday"},
  };
  const Calendar calendar = Calendar::england_and_wales();
  for (const BetweenCase& row : cases) {
    EXPECT_EQ(calendar.working_days_between(date(row.from), date(row.to)), row.expected)
        << row.from << " to " << row.to << ": " << row.why;
  }
}

// The two operations agree with each other for every start day over several
// years (including the one-off years 2020 and 2022-2023), and the count is
// antisymmetric.
TEST(CalendarWorkingDays, AddAndBetweenAgree) {
  const Calendar calendar = Calendar::england_and_wales();
  const std::chrono::sys_days first{date("2019-12-01")};
  const std::chrono::sys_days last{date("2024-01-31")};
  for (auto day = first; day <= last; day += std::chrono::days{1}) {
    const Date from{day};
    for (int n : {0, 1, 2, 5, 23}) {
      const Date to = calendar.add_working_days(from, n);
      ASSERT_EQ(calendar.working_days_between(from, to), n) << to_iso(from) << " + " << n;
      ASSERT_EQ(calendar.working_days_between(to, from), -n) << to_iso(from) << " + " << n;
      if (n > 0) {
        ASSERT_TRUE(calendar.is_working_day(to)) << to_iso(to);
      }
    }
  }
}

// ---- An organisation's own changes ----

TEST(CalendarOverrides, ExtraClosuresAndRemovedHolidays) {
  const Calendar calendar =
      Calendar::england_and_wales({date("2024-12-24"), date("2024-12-31")}, {date("2024-08-26")});
  EXPECT_EQ(joined(calendar.bank_holidays(2024)),
            "2024-01-01 2024-03-29 2024-04-01 2024-05-06 2024-05-27 2024-12-24 2024-12-25 "
            "2024-12-26 2024-12-31");
  EXPECT_TRUE(calendar.is_bank_holiday(date("2024-12-24")));
  EXPECT_FALSE(calendar.is_working_day(date("2024-12-24")));
  EXPECT_FALSE(calendar.is_bank_holiday(date("2024-08-26")));
  EXPECT_TRUE(calendar.is_working_day(date("2024-08-26")));
  EXPECT_EQ(to_iso(calendar.add_working_days(date("2024-12-23"), 1)), "2024-12-27");
  EXPECT_EQ(to_iso(calendar.add_working_days(date("2024-12-30"), 1)), "2025-01-02");
  EXPECT_EQ(to_iso(calendar.add_working_days(date("2024-08-23"), 1)), "2024-08-26");
  EXPECT_EQ(calendar.working_days_between(date("2023-12-31"), date("2024-12-31")), 253);
  // Other years and the default calendar are untouched.
  EXPECT_EQ(Calendar::england_and_wales().bank_holidays(2024).size(), 8u);
  EXPECT_EQ(calendar.bank_holidays(2025).size(), 8u);
}

TEST(CalendarOverrides, ClosureAtAWeekendIsListedButChangesNoCount) {
  const Calendar calendar = Calendar::england_and_wales({date("2024-07-06")}, {});
  EXPECT_TRUE(calendar.is_bank_holiday(date("2024-07-06")));
  EXPECT_EQ(calendar.bank_holidays(2024).size(), 9u);
  EXPECT_EQ(calendar.working_days_between(date("2024-07-05"), date("2024-07-08")), 1);
}

TEST(CalendarOverrides, ADayBothClosedAndRemovedIsClosed) {
  const Calendar calendar = Calendar::england_and_wales({date("2024-12-26")}, {date("2024-12-26")});
  EXPECT_TRUE(calendar.is_bank_holiday(date("2024-12-26")));
  EXPECT_EQ(calendar.bank_holidays(2024).size(), 8u);
}

TEST(CalendarOverrides, RemovingADayThatIsNotAHolidayChangesNothing) {
  const Calendar calendar = Calendar::england_and_wales({}, {date("2024-07-04")});
  EXPECT_EQ(joined(calendar.bank_holidays(2024)),
            joined(Calendar::england_and_wales().bank_holidays(2024)));
}

// ---- Europe/London time ----

struct LocalToUtcCase {
  const char* day;
  const char* time;
  const char* expected_utc;
  const char* why;
};

TEST(CalendarLondonTime, LondonToUtc) {
  const LocalToUtcCase cases[] = {
      {.day = "2024-07-04", .time = "16:00", .expected_utc = "2024-07-04T15:00:00Z", .why = "BST"},
      {.day = "2024-12-05", .time = "16:00", .expected_utc = "2024-12-05T16:00:00Z", .why = "GMT"},
      {.day = "2024-03-31",
       .time = "00:59",
       .expected_utc = "2024-03-31T00:59:00Z",
       .why = "before"},
      {.day = "2024-03-31", .time = "01:00", .expected_utc = "2024-03-31T01:00:00Z", .why = "gap"},
      {.day = "2024-03-31", .time = "01:30", .expected_utc = "2024-03-31T01:00:00Z", .why = "gap"},
      {.day = "2024-03-31", .time = "01:59", .expected_utc = "2024-03-31T01:00:00Z", .why = "gap"},
      {.day = "2024-03-31",
       .time = "02:00",
       .expected_utc = "2024-03-31T01:00:00Z",
       .why = "after"},
      {.day = "2024-03-31",
       .time = "02:30",
       .expected_utc = "2024-03-31T01:30:00Z",
       .why = "after"},
      {.day = "2024-10-27", .time = "00:30", .expected_utc = "2024-10-26T23:30:00Z", .why = "BST"},
      {.day = "2024-10-27", .time = "00:59", .expected_utc = "2024-10-26T23:59:00Z", .why = "BST"},
      {.day = "2024-10-27",
       .time = "01:00",
       .expected_utc = "2024-10-27T00:00:00Z",
       .why = "twice"},
      {.day = "2024-10-27",
       .time = "01:30",
       .expected_utc = "2024-10-27T00:30:00Z",
       .why = "twice"},
      {.day = "2024-10-27",
       .time = "01:59",
       .expected_utc = "2024-10-27T00:59:00Z",
       .why = "twice"},
      {.day = "2024-10-27", .time = "02:00", .expected_utc = "2024-10-27T02:00:00Z", .why = "GMT"},
      {.day = "2025-03-30", .time = "00:30", .expected_utc = "2025-03-30T00:30:00Z", .why = "GMT"},
      {.day = "2025-03-30", .time = "01:30", .expected_utc = "2025-03-30T01:00:00Z", .why = "gap"},
      {.day = "2025-03-30", .time = "03:00", .expected_utc = "2025-03-30T02:00:00Z", .why = "BST"},
      {.day = "2025-10-26",
       .time = "01:30",
       .expected_utc = "2025-10-26T00:30:00Z",
       .why = "twice"},
      {.day = "2025-10-26", .time = "02:30", .expected_utc = "2025-10-26T02:30:00Z", .why = "GMT"},
      {.day = "2025-03-29", .time = "01:30", .expected_utc = "2025-03-29T01:30:00Z", .why = "eve"},
      {.day = "2038-07-01", .time = "12:00", .expected_utc = "2038-07-01T11:00:00Z", .why = "rule"},
      {.day = "2050-03-27", .time = "01:30", .expected_utc = "2050-03-27T01:00:00Z", .why = "rule"},
      {.day = "2050-10-30", .time = "01:30", .expected_utc = "2050-10-30T00:30:00Z", .why = "rule"},
      {.day = "2050-12-01", .time = "09:00", .expected_utc = "2050-12-01T09:00:00Z", .why = "rule"},
  };
  for (const LocalToUtcCase& row : cases) {
    const std::optional<LocalTime> time = parse_hh_mm(row.time);
    ASSERT_TRUE(time.has_value()) << row.time;
    EXPECT_EQ(to_iso_utc(london_to_utc(date(row.day), *time)), row.expected_utc)
        << row.day << " " << row.time << " (" << row.why << ")";
  }
}

struct UtcToLocalCase {
  Instant instant;
  const char* expected_london;
  const char* expected_date;
  const char* expected_time;
};

TEST(CalendarLondonTime, UtcToLondon) {
  const UtcToLocalCase cases[] = {
      {.instant = utc("2024-07-04", 15, 0),
       .expected_london = "2024-07-04T16:00:00+01:00",
       .expected_date = "2024-07-04",
       .expected_time = "16:00"},
      {.instant = utc("2024-12-05", 16, 0),
       .expected_london = "2024-12-05T16:00:00+00:00",
       .expected_date = "2024-12-05",
       .expected_time = "16:00"},
      {.instant = utc("2024-07-04", 23, 30),
       .expected_london = "2024-07-05T00:30:00+01:00",
       .expected_date = "2024-07-05",
       .expected_time = "00:30"},
      {.instant = utc("2024-03-31", 0, 59, 59),
       .expected_london = "2024-03-31T00:59:59+00:00",
       .expected_date = "2024-03-31",
       .expected_time = "00:59"},
      {.instant = utc("2024-03-31", 1, 0),
       .expected_london = "2024-03-31T02:00:00+01:00",
       .expected_date = "2024-03-31",
       .expected_time = "02:00"},
      {.instant = utc("2024-10-27", 0, 30),
       .expected_london = "2024-10-27T01:30:00+01:00",
       .expected_date = "2024-10-27",
       .expected_time = "01:30"},
      {.instant = utc("2024-10-27", 1, 30),
       .expected_london = "2024-10-27T01:30:00+00:00",
       .expected_date = "2024-10-27",
       .expected_time = "01:30"},
      {.instant = utc("2025-03-30", 1, 0),
       .expected_london = "2025-03-30T02:00:00+01:00",
       .expected_date = "2025-03-30",
       .expected_time = "02:00"},
      {.instant = utc("2025-10-26", 0, 59, 59),
       .expected_london = "2025-10-26T01:59:59+01:00",
       .expected_date = "2025-10-26",
       .expected_time = "01:59"},
      {.instant = utc("2025-10-26", 1, 0),
       .expected_london = "2025-10-26T01:00:00+00:00",
       .expected_date = "2025-10-26",
       .expected_time = "01:00"},
      {.instant = utc("2040-08-01", 8, 0),
       .expected_london = "2040-08-01T09:00:00+01:00",
       .expected_date = "2040-08-01",
       .expected_time = "09:00"},
  };
  for (const UtcToLocalCase& row : cases) {
    const std::string at = to_iso_utc(row.instant);
    EXPECT_EQ(to_iso_london(row.instant), row.expected_london) << at;
    EXPECT_EQ(to_iso(london_date(row.instant)), row.expected_date) << at;
    EXPECT_EQ(to_hh_mm(london_time_of_day(row.instant)), row.expected_time) << at;
  }
}

// Every quarter of an hour through the change days of 2024 and 2025 comes
// back to itself, except in the second pass through the repeated hour in
// October, which maps to the first.
TEST(CalendarLondonTime, RoundTripAroundTheChanges) {
  for (const char* day : {"2024-03-31", "2024-10-27", "2025-03-30", "2025-10-26"}) {
    const Instant start = utc(day, 0, 0) - 12h;
    for (Instant t = start; t < start + 36h; t += 15min) {
      const Instant back = london_to_utc(london_date(t), london_time_of_day(t));
      const bool second_pass = to_iso_london(t).ends_with("+00:00") &&
                               to_iso_london(t - 1h).ends_with("+01:00") &&
                               to_hh_mm(london_time_of_day(t)).starts_with("01:");
      EXPECT_EQ(back, second_pass ? t - 1h : t) << to_iso_utc(t);
    }
  }
}

TEST(CalendarLondonTime, IsoUtc) {
  EXPECT_EQ(to_iso_utc(utc("2024-07-04", 15, 0)), "2024-07-04T15:00:00Z");
  EXPECT_EQ(to_iso_utc(utc("1999-12-31", 23, 59, 59)), "1999-12-31T23:59:59Z");
}

// ---- Parsing ----

TEST(CalendarParsing, IsoDates) {
  EXPECT_EQ(to_iso(date("2024-02-29")), "2024-02-29");
  EXPECT_EQ(to_iso(date("2000-02-29")), "2000-02-29");
  EXPECT_EQ(to_iso(date("1990-01-01")), "1990-01-01");
  const char* bad[] = {
      "",           "2023-02-29",       "2100-02-29",  "2023-2-1",
      "2023-02-1",  "2024-05-06x",      " 2024-05-06", "2024-05-06 ",
      "2024-13-01", "2024-00-10",       "2024-04-31",  "2024-05-00",
      "20240506",   "2024/05/06",       "+024-05-06",  "2024-05-0a",
      "06-05-2024", "2024-05-06T00:00", "2024--5-06",  "-024-05-06",
  };
  for (const char* text : bad) {
    EXPECT_FALSE(parse_iso_date(text).has_value()) << '"' << text << '"';
  }
}

TEST(CalendarParsing, HoursAndMinutes) {
  EXPECT_EQ(parse_hh_mm("16:00"), LocalTime{960});
  EXPECT_EQ(parse_hh_mm("00:00"), LocalTime{0});
  EXPECT_EQ(parse_hh_mm("23:59"), LocalTime{1439});
  EXPECT_EQ(parse_hh_mm("09:05"), LocalTime{545});
  EXPECT_EQ(to_hh_mm(LocalTime{545}), "09:05");
  EXPECT_EQ(to_hh_mm(LocalTime{0}), "00:00");
  EXPECT_EQ(to_hh_mm(LocalTime{1439}), "23:59");
  const char* bad[] = {"",     "24:00", "9:05",  "09:5",  "09:60",    "09:05 ", " 09:05",
                       "0905", "-1:00", "ab:cd", "09-05", "09:05:00", "1:000"};
  for (const char* text : bad) {
    EXPECT_FALSE(parse_hh_mm(text).has_value()) << '"' << text << '"';
  }
}

}  // namespace
}  // namespace casepanel::core
