// Recording a decision (core/decisions.h): what the panel administrator
// types, checked before anything is read or written, and the days on which a
// sitting's decisions may be recorded. One row per case, each with its why.
#include "core/decisions.h"

#include <gtest/gtest.h>

#include <vector>

namespace casepanel::core {
namespace {

// A complete entry; each row changes what it tests.
DecisionEntry complete() {
  return {.child_id = 7,
          .decision_type = "agree_plan",
          .summary = "Agreed",
          .reasons = "Proportionate",
          .review_date = "",
          .action = "",
          .action_owner_id = 0,
          .action_due_working_days = ""};
}

struct EntryCase {
  const char* why;
  DecisionEntry entry;
  std::vector<std::string> fields;  // the fields named, in order; empty: accepted
};

DecisionEntry with(DecisionEntry e, void (*change)(DecisionEntry&)) {
  change(e);
  return e;
}

TEST(Decisions, EveryProblemOfAnEntryIsNamedAtOnce) {
  const EntryCase cases[] = {
      {.why = "a complete entry is accepted", .entry = complete(), .fields = {}},
      {.why = "the child must be chosen",
       .entry = with(complete(), [](DecisionEntry& e) { e.child_id = 0; }),
       .fields = {"child_id"}},
      {.why = "the decision must be one of the catalogue's",
       .entry = with(complete(), [](DecisionEntry& e) { e.decision_type = ""; }),
       .fields = {"decision_type"}},
      {.why = "what was decided is required; spaces are not a decision",
       .entry = with(complete(), [](DecisionEntry& e) { e.summary = " \n "; }),
       .fields = {"decided"}},
      {.why = "DESIGN.md: reasons, always",
       .entry = with(complete(), [](DecisionEntry& e) { e.reasons = ""; }),
       .fields = {"reasons"}},
      {.why = "a review date must be a real date",
       .entry = with(complete(), [](DecisionEntry& e) { e.review_date = "2027-02-30"; }),
       .fields = {"review_date"}},
      {.why = "a real review date is taken",
       .entry = with(complete(), [](DecisionEntry& e) { e.review_date = "2027-03-31"; }),
       .fields = {}},
      {.why = "an action needs an owner and a deadline",
       .entry = with(complete(), [](DecisionEntry& e) { e.action = "Book the LAC review"; }),
       .fields = {"action_owner_id", "action_due_working_days"}},
      {.why = "an action's deadline is a whole number of working days",
       .entry = with(complete(),
                     [](DecisionEntry& e) {
                       e.action = "Book the LAC review";
                       e.action_owner_id = 3;
                       e.action_due_working_days = "10 days";
                     }),
       .fields = {"action_due_working_days"}},
      {.why = "no more than a year of working days",
       .entry = with(complete(),
                     [](DecisionEntry& e) {
                       e.action = "Book the LAC review";
                       e.action_owner_id = 3;
                       e.action_due_working_days = "261";
                     }),
       .fields = {"action_due_working_days"}},
      {.why = "an action with its owner and 260 working days is taken",
       .entry = with(complete(),
                     [](DecisionEntry& e) {
                       e.action = "Book the LAC review";
                       e.action_owner_id = 3;
                       e.action_due_working_days = "260";
                     }),
       .fields = {}},
      {.why = "a blank action is no action: its owner and deadline are not asked for",
       .entry = with(complete(), [](DecisionEntry& e) { e.action = "  "; }),
       .fields = {}},
      {.why = "every problem at once, in the order of the form",
       .entry = DecisionEntry{},
       .fields = {"child_id", "decision_type", "decided", "reasons"}},
  };
  for (const EntryCase& c : cases) {
    const auto checked = check_decision(c.entry);
    std::vector<std::string> fields;
    if (!checked.ok()) {
      for (const FieldError& f : checked.error().fields) {
        fields.push_back(f.field);
      }
    }
    EXPECT_EQ(fields, c.fields) << c.why;
  }
}

TEST(Decisions, AnAcceptedEntryCarriesItsReviewDateAndDeadline) {
  DecisionEntry e = complete();
  e.review_date = "2027-03-31";
  e.action = "Book the LAC review";
  e.action_owner_id = 3;
  e.action_due_working_days = "10";
  const auto checked = check_decision(e);
  ASSERT_TRUE(checked.ok());
  EXPECT_EQ(to_iso(*checked->review_date), "2027-03-31");
  EXPECT_EQ(checked->action_due_working_days, 10);
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
