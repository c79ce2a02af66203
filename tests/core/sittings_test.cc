// Sittings from a panel's schedule: the CLAM Panel's Tuesdays alternating
// between Horsham and Worthing, and a sitting on a bank holiday (or an
// organisation's own closure) flagged with the next working day proposed.
#include "core/sittings.h"
#include "core/sitting_status.h"
#include "shipped_panels.h"

#include <gtest/gtest.h>

namespace casepanel::core {
namespace {

Date date(const char* iso) { return *parse_iso_date(iso); }

TEST(Sittings, ClamSitsOnTuesdaysAlternatingBetweenHorshamAndWorthing) {
  const PanelType clam = shipped("west-sussex-clam.toml");
  const auto s = sittings_from(clam, Calendar::england_and_wales(), date("2026-11-23"), 4);
  ASSERT_EQ(s.size(), 4u);
  const char* dates[] = {"2026-11-24", "2026-12-01", "2026-12-08", "2026-12-15"};
  for (std::size_t i = 0; i < s.size(); ++i) {
    EXPECT_EQ(to_iso(s[i].date), dates[i]);
    EXPECT_EQ(to_hh_mm(s[i].start), "13:30");
    EXPECT_EQ(to_hh_mm(s[i].end), "17:00");
    EXPECT_FALSE(s[i].on_bank_holiday);
    EXPECT_FALSE(s[i].proposed_date.has_value());
  }
  EXPECT_NE(s[0].venue_id, s[1].venue_id);
  EXPECT_EQ(s[0].venue_id, s[2].venue_id);
  EXPECT_EQ(s[1].venue_id, s[3].venue_id);
}

TEST(Sittings, ASittingOnABankHolidayIsFlaggedWithTheNextWorkingDayProposed) {
  const PanelType clam = shipped("west-sussex-clam.toml");
  struct Case {
    const char* from;
    std::vector<Date> closures;
    const char* flagged;
    const char* proposed;
  };
  const Case cases[] = {
      // Christmas Day 2029 is a Tuesday, Boxing Day a Wednesday: Thursday.
      {.from = "2029-12-20", .closures = {}, .flagged = "2029-12-25", .proposed = "2029-12-27"},
      // New Year's Day 2030 is the following Tuesday.
      {.from = "2030-01-01", .closures = {}, .flagged = "2030-01-01", .proposed = "2030-01-02"},
      // An organisation's own closure counts as well.
      {.from = "2026-11-30",
       .closures = {date("2026-12-01")},
       .flagged = "2026-12-01",
       .proposed = "2026-12-02"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.flagged);
    const auto s =
        sittings_from(clam, Calendar::england_and_wales(c.closures, {}), date(c.from), 1);
    ASSERT_EQ(s.size(), 1u);
    EXPECT_EQ(to_iso(s[0].date), c.flagged);
    EXPECT_TRUE(s[0].on_bank_holiday);
    ASSERT_TRUE(s[0].proposed_date.has_value());
    EXPECT_EQ(to_iso(*s[0].proposed_date), c.proposed);
  }
}

}  // namespace
}  // namespace casepanel::core

namespace casepanel::core {
namespace {

Instant at(const char* hh_mm) {
  return london_to_utc(*parse_iso_date("2026-12-01"), *parse_hh_mm(hh_mm));
}

struct GapCase {
  const char* why;
  std::vector<Booking> booked;
  int minutes;
  std::optional<const char*> first;  // HH:MM London, or none
};

TEST(Sittings, AHearingTakesTheFirstGapLongEnoughForAllItsMinutes) {
  const GapCase cases[] = {
      {.why = "an empty sitting: from its start", .booked = {}, .minutes = 30, .first = "13:30"},
      {.why = "a quarter hour before a booking is enough for one child",
       .booked = {{at("13:45"), at("14:15")}},
       .minutes = 15,
       .first = "13:30"},
      {.why = "too short a gap is passed over",
       .booked = {{at("13:45"), at("14:15")}},
       .minutes = 30,
       .first = "14:15"},
      {.why = "it must end by the sitting's end (17:00)",
       .booked = {{at("13:30"), at("16:45")}},
       .minutes = 30,
       .first = std::nullopt},
  };
  for (const GapCase& c : cases) {
    const auto gap = first_gap(c.booked, at("13:30"), at("17:00"), c.minutes);
    ASSERT_EQ(gap.has_value(), c.first.has_value()) << c.why;
    if (gap) {
      EXPECT_EQ(to_hh_mm(london_time_of_day(*gap)), *c.first) << c.why;
    }
  }
  const std::vector<Booking> one{{at("14:00"), at("14:30")}};
  EXPECT_TRUE(fits_at(one, at("13:30"), at("13:30"), at("17:00"), 30));
  EXPECT_FALSE(fits_at(one, at("13:45"), at("13:30"), at("17:00"), 30));  // overlaps
  EXPECT_FALSE(fits_at(one, at("16:45"), at("13:30"), at("17:00"), 30));  // past the end
  EXPECT_FALSE(fits_at(one, at("13:00"), at("13:30"), at("17:00"), 15));  // before the start
}

TEST(Sittings, SupportPanelChairIsIndependentOfTheCasesLineManagement) {
  // Support Panel 4.1: the worker (1), managed by 2, managed by 3.
  const std::vector<std::int64_t> chain{2, 3};
  EXPECT_TRUE(in_line_management(1, 1, chain)) << "the worker themselves";
  EXPECT_TRUE(in_line_management(2, 1, chain)) << "their manager";
  EXPECT_TRUE(in_line_management(3, 1, chain)) << "their manager's manager";
  EXPECT_FALSE(in_line_management(4, 1, chain)) << "someone outside the chain";
  EXPECT_FALSE(in_line_management(2, 1, {})) << "a worker with no managers";
}

TEST(Sittings, StatesReadBackFromTheirIdsAndAnUnknownIdIsNone) {
  for (const SittingStatus s :
       {SittingStatus::planned, SittingStatus::held, SittingStatus::cancelled}) {
    EXPECT_EQ(sitting_status_from_id(sitting_status_id(s)), s);
  }
  for (const HearingStatus s : {HearingStatus::scheduled, HearingStatus::heard}) {
    EXPECT_EQ(hearing_status_from_id(hearing_status_id(s)), s);
  }
  for (const Attendance a : kAttendances) {
    EXPECT_EQ(attendance_from_id(attendance_id(a)), a);
  }
  EXPECT_EQ(sitting_status_from_id("meeting"), std::nullopt);
  EXPECT_EQ(hearing_status_from_id(""), std::nullopt);
  EXPECT_EQ(attendance_from_id("Present"), std::nullopt);
  EXPECT_EQ(sitting_status_label(SittingStatus::cancelled), "Cancelled");
}

}  // namespace
}  // namespace casepanel::core
