// Recording a decision (core/decisions.h): what the panel administrator
// types, checked before anything is read or written, and the days on which a
// sitting's decisions may be recorded. One row per case, each with its why.
#include "core/decisions.h"

#include <gtest/gtest.h>

#include <vector>

#include "core/shipped_panels.h"

namespace casepanel::core {
namespace {

const PanelType& clam() {
  static const PanelType p = shipped("west-sussex-clam.toml");
  return p;
}
const PanelType& support() {
  static const PanelType p = shipped("lincolnshire-support.toml");
  return p;
}
const Date kSitting = *parse_iso_date("2026-12-02");

// A complete Support Panel entry; each row changes what it tests.
DecisionEntry complete() {
  DecisionEntry e;
  e.child_ids = {7};
  e.items = {{ItemKind::decision, "agree_plan", "Agreed"},
             {ItemKind::outcome, "resources_services", "Family support worker, twice a week"}};
  e.reasons = "Proportionate";
  return e;
}

struct EntryCase {
  const char* why;
  const PanelType* panel;
  DecisionEntry entry;
  std::vector<std::string> fields;  // the fields named, in order; empty: accepted
};

DecisionEntry with(DecisionEntry e, void (*change)(DecisionEntry&)) {
  change(e);
  return e;
}

// A complete CLAM entry: CLAM asks for the permanency plan.
DecisionEntry clam_entry() {
  DecisionEntry e;
  e.child_ids = {7, 8};
  e.items = {{ItemKind::decision, "ratify_plan", "Plan ratified"}};
  e.reasons = "The plan keeps them together";
  e.permanency = {"long_term_fostering", "Within 6 months", 3};
  return e;
}

TEST(Decisions, EveryProblemOfAnEntryIsNamedAtOnce) {
  const EntryCase cases[] = {
      {"a complete entry is accepted", &support(), complete(), {}},
      {"the children must be chosen",
       &support(),
       with(complete(), [](DecisionEntry& e) { e.child_ids.clear(); }),
       {"child_id"}},
      {"at least one decision or outcome",
       &support(),
       with(complete(), [](DecisionEntry& e) { e.items.clear(); }),
       {"items"}},
      {"each decision and outcome says what was decided",
       &support(),
       with(complete(), [](DecisionEntry& e) { e.items[1].detail = " \n "; }),
       {"detail-outcome-resources_services"}},
      {"an item must be the panel's",
       &support(),
       with(complete(),
            [](DecisionEntry& e) {
              e.items.push_back({ItemKind::outcome, "adopt", "x"});
            }),
       {"items"}},
      {"an item only once",
       &support(),
       with(complete(), [](DecisionEntry& e) { e.items.push_back(e.items[0]); }),
       {"items"}},
      {"a decision id is not an outcome",
       &support(),
       with(complete(), [](DecisionEntry& e) { e.items[0].kind = ItemKind::outcome; }),
       {"items"}},
      {"reasons, always",
       &support(),
       with(complete(), [](DecisionEntry& e) { e.reasons = ""; }),
       {"reasons"}},
      {"Return to Panel needs the review date",
       &support(),
       with(complete(),
            [](DecisionEntry& e) {
              e.items.push_back({ItemKind::outcome, "return_to_panel", "In 3 months"});
            }),
       {"review_date"}},
      {"... and is accepted with one",
       &support(),
       with(complete(),
            [](DecisionEntry& e) {
              e.items.push_back({ItemKind::outcome, "return_to_panel", "In 3 months"});
              e.review_date = "2027-03-03";
            }),
       {}},
      {"a review date is a real date",
       &support(),
       with(complete(), [](DecisionEntry& e) { e.review_date = "2027-02-30"; }),
       {"review_date"}},
      {"a review date is after the sitting",
       &support(),
       with(complete(), [](DecisionEntry& e) { e.review_date = "2026-12-02"; }),
       {"review_date"}},
      {"the Support Panel asks no permanency plan", &support(), complete(), {}},
      {"CLAM asks for the permanency plan, its timeframe and who is responsible",
       &clam(),
       with(clam_entry(), [](DecisionEntry& e) { e.permanency = {}; }),
       {"permanency_plan", "permanency_timeframe", "permanency_owner_id"}},
      {"a complete CLAM entry for two siblings", &clam(), clam_entry(), {}},
      {"a parallel plan is optional but complete when given",
       &clam(),
       with(clam_entry(), [](DecisionEntry& e) { e.parallel.plan_id = "return_home"; }),
       {"parallel_timeframe", "parallel_owner_id"}},
      {"a plan from the panel's list",
       &clam(),
       with(clam_entry(), [](DecisionEntry& e) { e.permanency.plan_id = "boarding_school"; }),
       {"permanency_plan"}},
      {"CLAM's review decision brings the child back: review date",
       &clam(),
       with(clam_entry(),
            [](DecisionEntry& e) {
              e.items.push_back({ItemKind::decision, "review_date", "March"});
            }),
       {"review_date"}},
      {"CLAM keeps no outcomes",
       &clam(),
       with(clam_entry(),
            [](DecisionEntry& e) {
              e.items.push_back({ItemKind::outcome, "accommodation", "x"});
            }),
       {"items"}},
      {"an action needs its owner and its deadline",
       &support(),
       with(complete(),
            [](DecisionEntry& e) {
              e.actions = {{"Book the FGC", 0, "", ""}};
            }),
       {"action-0-owner_id", "action-0-due_working_days"}},
      {"an action's working days are 1 to 260",
       &support(),
       with(complete(),
            [](DecisionEntry& e) {
              e.actions = {{"Book the FGC", 3, "261", ""}};
            }),
       {"action-0-due_working_days"}},
      {"an action due on a date after the sitting",
       &support(),
       with(complete(),
            [](DecisionEntry& e) {
              e.actions = {{"Book the FGC", 3, "", "2026-12-01"}};
            }),
       {"action-0-due_date"}},
      {"an empty action line is no action",
       &support(),
       with(complete(),
            [](DecisionEntry& e) {
              e.actions = {{" ", 0, "", ""}};
            }),
       {}},
      {"an owner without words is a half-filled line",
       &support(),
       with(complete(),
            [](DecisionEntry& e) {
              e.actions = {{"", 3, "", ""}};
            }),
       {"action-0-description"}},
  };
  for (const EntryCase& c : cases) {
    const auto checked = check_decision(*c.panel, c.entry, kSitting);
    std::vector<std::string> fields;
    if (!checked.ok()) {
      for (const FieldError& f : checked.error().fields) {
        fields.push_back(f.field);
      }
    }
    EXPECT_EQ(fields, c.fields) << c.why;
  }
}

TEST(Decisions, AnAcceptedEntryCarriesItsReviewDateActionsAndReturn) {
  DecisionEntry e = complete();
  e.items.push_back({ItemKind::outcome, "return_to_panel", "In 3 months"});
  e.review_date = "2027-03-31";
  e.actions = {{"Book the LAC review", 3, "10", ""},
               {"", 0, "", ""},
               {"Send the letter", 4, "", "2026-12-18"}};
  const auto checked = check_decision(support(), e, kSitting);
  ASSERT_TRUE(checked.ok());
  EXPECT_EQ(to_iso(*checked->review_date), "2027-03-31");
  EXPECT_TRUE(checked->returns_to_panel);
  ASSERT_EQ(checked->actions.size(), 2u);
  EXPECT_EQ(checked->actions[0].due_working_days, 10);
  EXPECT_EQ(to_iso(*checked->actions[1].due_date), "2026-12-18");
}

TEST(Decisions, ARecordIsCorrectedOnTheDayUntilTheMinutesAreAuthorised) {
  EXPECT_TRUE(may_correct_decision(kSitting, kSitting, false).ok());
  EXPECT_EQ(may_correct_decision(kSitting, *parse_iso_date("2026-12-03"), false).error().message,
            "A record can be corrected on the day of its sitting only (2 December 2026): add an "
            "addendum to the minutes instead");
  EXPECT_EQ(may_correct_decision(kSitting, kSitting, true).error().kind, ErrorKind::conflict);
}

TEST(Decisions, AFinalDecisionAgreesOrDecidesOtherwiseAlwaysWithReasons) {
  EXPECT_TRUE(check_final_decision({true, "", "Stable for two years"}).ok());
  std::vector<std::string> fields;
  const Status refused = check_final_decision({false, " ", ""});
  for (const FieldError& f : refused.error().fields) {
    fields.push_back(f.field);
  }
  EXPECT_EQ(fields, (std::vector<std::string>{"decided", "reasons"}));
  EXPECT_TRUE(check_final_decision({false, "Not yet: review in 3 months", "Too soon"}).ok());
}

struct DayCase {
  const char* why;
  SittingStatus status;
  const char* sitting;
  const char* today;
  const char* refusal;  // empty: allowed
};

TEST(Decisions, ADecisionIsRecordedOnTheSittingsDayOrAfterAndNeverAtACancelledOne) {
  const DayCase cases[] = {
      {.why = "on the day: the note taker writes it up during the afternoon",
       .status = SittingStatus::planned,
       .sitting = "2026-12-02",
       .today = "2026-12-02",
       .refusal = ""},
      {.why = "after the day, at a held sitting",
       .status = SittingStatus::held,
       .sitting = "2026-12-02",
       .today = "2026-12-09",
       .refusal = ""},
      {.why = "never before the hearing",
       .status = SittingStatus::planned,
       .sitting = "2026-12-02",
       .today = "2026-12-01",
       .refusal = "This hearing is on 2 December 2026: its decision can be recorded from that day"},
      {.why = "never at a cancelled sitting, whatever the day",
       .status = SittingStatus::cancelled,
       .sitting = "2026-12-02",
       .today = "2026-12-02",
       .refusal = "This sitting is cancelled: no decision can be recorded at it"},
  };
  for (const DayCase& c : cases) {
    const Status may =
        may_record_decision(c.status, *parse_iso_date(c.sitting), *parse_iso_date(c.today));
    EXPECT_EQ(may.ok() ? std::string() : may.error().message, c.refusal) << c.why;
    if (!may.ok()) {
      EXPECT_EQ(may.error().kind, ErrorKind::conflict) << c.why;
    }
  }
}

}  // namespace
}  // namespace casepanel::core
