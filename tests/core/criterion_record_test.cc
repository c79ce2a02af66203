// Tests for core/criterion_record: whether a child's record bears out an
// entry criterion that counts months (Support Panel 2.1: a Child Protection
// Plan for more than 18 months; 2.2: open to FAST for longer than 9 months),
// what the warning says, and that an unconfirmed claim stops the request
// (issue 14, item 8). Also core/counted, which the warning's wording uses.
#include "core/criterion_record.h"

#include <gtest/gtest.h>

#include "core/counted.h"
#include "core/request.h"
#include "iso_date.h"
#include "shipped_panels.h"

namespace casepanel::core {
namespace {

TEST(CriterionRecord, WholeMonthsAndMoreThanNMonths) {
  struct Row {
    const char* since;
    const char* today;
    int months;         // whole months since
    bool more_than_18;  // more than 18 months since
    const char* why;
  };
  const Row rows[] = {
      {.since = "2025-08-03",
       .today = "2026-11-03",
       .months = 15,
       .more_than_18 = false,
       .why = "issue 14, item 8: the plan had started 15 months earlier"},
      {.since = "2025-08-03",
       .today = "2027-02-03",
       .months = 18,
       .more_than_18 = false,
       .why = "exactly 18 months is not more than 18"},
      {.since = "2025-08-03",
       .today = "2027-02-04",
       .months = 18,
       .more_than_18 = true,
       .why = "the day after, it is"},
      {.since = "2025-08-03",
       .today = "2025-08-02",
       .months = 0,
       .more_than_18 = false,
       .why = "a date after today counts no months"},
      {.since = "2024-08-31",
       .today = "2026-02-28",
       .months = 18,
       .more_than_18 = false,
       .why = "the 31st becomes February's last day (core::add_months)"},
      {.since = "2024-08-31",
       .today = "2026-03-01",
       .months = 18,
       .more_than_18 = true,
       .why = "and the day after that is more than 18 months"},
  };
  for (const Row& r : rows) {
    SCOPED_TRACE(r.why);
    EXPECT_EQ(whole_months(date(r.since), date(r.today)), r.months);
    EXPECT_EQ(more_than_months_since(date(r.since), 18, date(r.today)), r.more_than_18);
  }
}

class RecordClaims : public ::testing::Test {
 protected:
  PanelType support = shipped("lincolnshire-support.toml");
  ChildOnRecord olivia{.name = "Olivia Brown",
                       .case_opened = date("2026-08-10"),
                       .came_into_care = std::nullopt,
                       .child_protection_plan_start = date("2025-08-03")};
  ChildOnRecord noah{.name = "Noah Brown",
                     .case_opened = date("2025-01-06"),
                     .came_into_care = std::nullopt,
                     .child_protection_plan_start = date("2025-03-01")};
  Date today = date("2026-11-03");
};

TEST_F(RecordClaims, APlanShorterThanTheCriterionIsNamedWithItsDates) {
  const auto claims = claims_against_record(support, {"cp_plan_over_18_months"}, {olivia}, today);
  ASSERT_EQ(claims.size(), 1u);
  EXPECT_EQ(claims[0].criterion_id, "cp_plan_over_18_months");
  EXPECT_EQ(claims[0].months_ago, 15);
  EXPECT_EQ(claims[0].passes_on, date("2027-02-03"));
  EXPECT_EQ(claims[0].text,
            "Olivia Brown's Child Protection Plan started on 3 August 2025, 15 months ago; "
            "18 months will have passed on 3 February 2027.");
}

TEST_F(RecordClaims, EachChildOfASiblingGroupIsChecked) {
  // Noah's plan started 20 months ago: only Olivia's record is against it.
  const auto claims =
      claims_against_record(support, {"cp_plan_over_18_months"}, {noah, olivia}, today);
  ASSERT_EQ(claims.size(), 1u);
  EXPECT_EQ(claims[0].child_name, "Olivia Brown");
  EXPECT_TRUE(claims_against_record(support, {"cp_plan_over_18_months"}, {noah}, today).empty());
}

TEST_F(RecordClaims, ARecordWithoutTheDateDoesNotBearItOut) {
  olivia.child_protection_plan_start.reset();
  const auto claims = claims_against_record(support, {"cp_plan_over_18_months"}, {olivia}, today);
  ASSERT_EQ(claims.size(), 1u);
  EXPECT_FALSE(claims[0].since.has_value());
  EXPECT_EQ(claims[0].text,
            "Olivia Brown's record has no Child Protection Plan start date, so it does not show "
            "18 months have passed.");
}

TEST_F(RecordClaims, TheFastCriterionCountsFromTheCaseOpening) {
  const auto claims = claims_against_record(support, {"fast_open_over_9_months"}, {olivia}, today);
  ASSERT_EQ(claims.size(), 1u);
  EXPECT_EQ(claims[0].text,
            "Olivia Brown's case was opened on 10 August 2026, 2 months ago; 9 months will have "
            "passed on 10 May 2027.");
  olivia.case_opened = date("2026-10-20");
  EXPECT_NE(
      claims_against_record(support, {"fast_open_over_9_months"}, {olivia}, today)[0].text.find(
          "less than a month ago"),
      std::string::npos);
}

TEST_F(RecordClaims, CriteriaThatCountNoMonthsAreNotChecked) {
  EXPECT_TRUE(claims_against_record(support, {"complex_or_high_risk"}, {olivia}, today).empty());
}

TEST_F(RecordClaims, AnUnconfirmedClaimStopsTheRequestAndAConfirmedOneDoesNot) {
  RequestDraft d;
  d.panel_id = "support";
  d.criteria = {"cp_plan_over_18_months"};
  d.children_on_record = {olivia};
  d.reason = "Reason";
  d.proposed_plan = "Plan";
  d.venue_preference = support.venues.front().id;
  const auto refused = validate_section(support, d, today, Section::type);
  ASSERT_FALSE(refused.ok());
  ASSERT_EQ(refused.error().fields.size(), 1u);
  EXPECT_EQ(refused.error().fields[0].field, "confirm_cp_plan_over_18_months");
  EXPECT_EQ(section_of_field(refused.error().fields[0].field), Section::type);
  d.confirmed_against_record = {"cp_plan_over_18_months"};
  EXPECT_TRUE(validate_draft(support, d, today).ok());
  // Once the record bears it out, nothing needs confirming.
  d.confirmed_against_record.clear();
  d.children_on_record = {noah};
  EXPECT_TRUE(validate_draft(support, d, today).ok());
}

TEST(Counted, OneIsSingular) {
  EXPECT_EQ(counted(1, "hearing", "hearings"), "1 hearing");
  EXPECT_EQ(counted(0, "hearing", "hearings"), "0 hearings");
  EXPECT_EQ(counted(2, "child", "children"), "2 children");
}

}  // namespace
}  // namespace casepanel::core
