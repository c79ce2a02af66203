// Sittings from a panel's schedule: the CLAM Panel's Tuesdays alternating
// between Horsham and Worthing, and a sitting on a bank holiday (or an
// organisation's own closure) flagged with the next working day proposed.
#include "core/sittings.h"
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
