// Tests for core/follow_up: the days escalation steps act on and the
// timescales a decision starts, over weekends, bank holidays and Christmas,
// for both shipped panels' ladders (Support Panel 6.1 and CLAM's).
#include "core/follow_up.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "iso_date.h"
#include "shipped_panels.h"

namespace casepanel::core {
namespace {

// "2026-12-10 fgc_referral/0, 2026-12-14 fgc_referral/1"
std::string words(const std::vector<StepDue>& steps) {
  std::string out;
  for (const StepDue& s : steps) {
    out += (out.empty() ? "" : ", ") + to_iso(s.day) + " " + s.ladder->id + "/" +
           std::to_string(s.step);
  }
  return out;
}

struct LadderCase {
  const char* panel;
  const char* kind;        // "action" or a timescale id
  const char* started_by;  // the decision that started a timescale
  const char* hearing;
  const char* due;
  const char* as_of;
  const char* steps;  // what steps_due returns, in words()
  const char* why;
};

const LadderCase kLadders[] = {
    {.panel = "lincolnshire-support.toml",
     .kind = "fgc_referral",
     .started_by = "fgc",
     .hearing = "2026-12-02",
     .due = "2026-12-09",
     .as_of = "2026-12-09",
     .steps = "",
     .why = "Support 6.1: the referral is expected within 5 working days (by Wednesday 9th): "
            "nothing to escalate on the fifth day itself"},
    {.panel = "lincolnshire-support.toml",
     .kind = "fgc_referral",
     .started_by = "fgc",
     .hearing = "2026-12-02",
     .due = "2026-12-09",
     .as_of = "2026-12-10",
     .steps = "2026-12-10 fgc_referral/0",
     .why = "not received within 5 working days: to the Social Care Team Manager on the sixth"},
    {.panel = "lincolnshire-support.toml",
     .kind = "fgc_referral",
     .started_by = "fgc",
     .hearing = "2026-12-02",
     .due = "2026-12-09",
     .as_of = "2026-12-13",
     .steps = "2026-12-10 fgc_referral/0",
     .why = "7 working days from Wednesday 2nd end on Friday 11th; the weekend adds nothing"},
    {.panel = "lincolnshire-support.toml",
     .kind = "fgc_referral",
     .started_by = "fgc",
     .hearing = "2026-12-02",
     .due = "2026-12-09",
     .as_of = "2026-12-14",
     .steps = "2026-12-10 fgc_referral/0, 2026-12-14 fgc_referral/1",
     .why = "still not received within 7 working days: to the Service Manager on Monday"},
    {.panel = "lincolnshire-support.toml",
     .kind = "fgc_referral",
     .started_by = "fgc",
     .hearing = "2026-12-23",
     .due = "2027-01-04",
     .as_of = "2027-01-31",
     .steps = "2027-01-05 fgc_referral/0, 2027-01-07 fgc_referral/1",
     .why = "Christmas 2026: 25th (Friday) and the substitute Boxing Day (Monday 28th) and "
            "New Year's Day are not working days; 5 working days from the 23rd end on 4 "
            "January, 7 on 6 January"},
    {.panel = "lincolnshire-support.toml",
     .kind = "action",
     .started_by = "",
     .hearing = "2026-12-02",
     .due = "2026-12-09",
     .as_of = "2026-12-31",
     .steps = "2026-12-10 actions_overdue/0, 2026-12-17 actions_overdue/1",
     .why = "Support 6: the Team Manager on the first working day the action is overdue; our "
            "locality Service Manager step 5 working days after it fell due. The FGC ladder "
            "does not watch a panel action"},
    {.panel = "west-sussex-clam.toml",
     .kind = "action",
     .started_by = "",
     .hearing = "2026-11-17",
     .due = "2026-12-11",
     .as_of = "2026-12-14",
     .steps = "2026-12-14 actions_slipping/0",
     .why = "CLAM: due on a Friday, overdue from Monday: the Practice Manager then"},
    {.panel = "west-sussex-clam.toml",
     .kind = "action",
     .started_by = "",
     .hearing = "2026-11-17",
     .due = "2026-12-24",
     .as_of = "2027-01-06",
     .steps = "2026-12-29 actions_slipping/0, 2027-01-06 actions_slipping/1",
     .why = "CLAM over Christmas: overdue from Tuesday 29th; 5 working days after the 24th end "
            "on 5 January, so the Group Manager on the 6th"},
    {.panel = "west-sussex-clam.toml",
     .kind = "action",
     .started_by = "",
     .hearing = "2026-11-17",
     .due = "2026-12-24",
     .as_of = "2026-12-24",
     .steps = "",
     .why = "an action is not overdue on its due date"},
};

TEST(FollowUp, LaddersActOnTheirWorkingDay) {
  const Calendar c = Calendar::england_and_wales();
  for (const LadderCase& row : kLadders) {
    const PanelType p = shipped(row.panel);
    const TrackedAction a{row.kind, row.started_by, date(row.hearing), date(row.due)};
    EXPECT_EQ(words(steps_due(p, c, a, date(row.as_of))), row.steps) << row.why;
  }
}

TEST(FollowUp, AnOrganisationsClosureIsNotAWorkingDay) {
  // A council closing on Thursday 10 December: the FGC referral's first step
  // moves to Friday; the due date counts the closure out too.
  const Calendar c = Calendar::england_and_wales({date("2026-12-10")}, {});
  const PanelType p = shipped("lincolnshire-support.toml");
  const auto started = timescales_started(p, c, "fgc", date("2026-12-02"));
  ASSERT_EQ(started.size(), 1u);
  EXPECT_EQ(to_iso(started.front().due), "2026-12-09");
  const TrackedAction a{"fgc_referral", "fgc", date("2026-12-02"), started.front().due};
  EXPECT_EQ(words(steps_due(p, c, a, date("2026-12-11"))), "2026-12-11 fgc_referral/0");
}

struct StartCase {
  const char* panel;
  const char* option;
  const char* hearing;
  const char* started;  // "timescale due", or "" for none
  const char* why;
};

const StartCase kStarts[] = {
    {.panel = "lincolnshire-support.toml",
     .option = "fgc",
     .hearing = "2026-12-02",
     .started = "fgc_referral 2026-12-09",
     .why = "Support 6.1: FGC referral expected within 5 working days of panel"},
    {.panel = "lincolnshire-support.toml",
     .option = "fgc",
     .hearing = "2026-12-23",
     .started = "fgc_referral 2027-01-04",
     .why = "over Christmas and New Year"},
    {.panel = "lincolnshire-support.toml",
     .option = "return_to_panel",
     .hearing = "2026-12-02",
     .started = "",
     .why = "no timescale applies to return to panel"},
    {.panel = "west-sussex-clam.toml",
     .option = "review_date",
     .hearing = "2026-12-01",
     .started = "",
     .why = "CLAM's emergency-review timescale counts from coming into care, not a decision"},
};

TEST(FollowUp, DecisionsStartTheirTimescales) {
  const Calendar c = Calendar::england_and_wales();
  for (const StartCase& row : kStarts) {
    const PanelType p = shipped(row.panel);
    std::string got;
    for (const StartedTimescale& t : timescales_started(p, c, row.option, date(row.hearing))) {
      got += t.timescale->id + " " + to_iso(t.due);
    }
    EXPECT_EQ(got, row.started) << row.why;
  }
}

TEST(FollowUp, StatusesAreStoredAsIdsAndShownAsWords) {
  for (ActionStatus st : {ActionStatus::open, ActionStatus::done, ActionStatus::not_done}) {
    EXPECT_EQ(action_status_from_id(action_status_id(st)), st);
  }
  EXPECT_FALSE(action_status_from_id("overdue").has_value());
  EXPECT_EQ(action_status_words("not_done"), "not done");
  EXPECT_EQ(action_status_words("done"), "done");
}

TEST(FollowUp, OverdueFromTheDayAfterItIsDue) {
  EXPECT_FALSE(is_overdue(date("2026-12-09"), date("2026-12-09")));
  EXPECT_TRUE(is_overdue(date("2026-12-09"), date("2026-12-10")));
}

}  // namespace
}  // namespace casepanel::core
