// Tests for the rules of a request before it reaches the coordinator: the
// Support Panel's Thursday 16:00 cut-off (GMT, BST, bank holidays), which
// sitting a request goes to, the CLAM statutory date, the Support Panel's
// authorisation, and month arithmetic for the watch lists.
#include <gtest/gtest.h>

#include "core/cutoff.h"
#include "core/request.h"
#include "core/task_list.h"
#include "shipped_panels.h"

namespace casepanel::core {
namespace {

Date date(std::string_view iso) { return parse_iso_date(iso).value(); }

Instant london(std::string_view iso_date, std::string_view hh_mm) {
  return london_to_utc(date(iso_date), parse_hh_mm(hh_mm).value());
}

class RequestRules : public ::testing::Test {
 protected:
  PanelType support = shipped("lincolnshire-support.toml");
  PanelType clam = shipped("west-sussex-clam.toml");
  Calendar calendar = Calendar::england_and_wales();
};

TEST_F(RequestRules, TheSupportCutOffIsFourOnTheThursdayBefore) {
  struct Case {
    const char* sitting;
    const char* cutoff;  // ISO 8601 with the Europe/London offset
  };
  const Case cases[] = {
      // GMT: Wednesday 2 December 2026 -> Thursday 26 November, 16:00 GMT.
      {"2026-12-02", "2026-11-26T16:00:00+00:00"},
      // BST: Wednesday 1 July 2026 -> Thursday 25 June, 16:00 BST (15:00 UTC).
      {"2026-07-01", "2026-06-25T16:00:00+01:00"},
      // Across the clock change: the sitting is in GMT, the Thursday in BST.
      {"2026-10-28", "2026-10-22T16:00:00+01:00"},
      // A sitting on a Thursday counts from the Thursday of the week before.
      {"2026-12-03", "2026-11-26T16:00:00+00:00"},
      // Christmas Day 2025 is a Thursday: the working day before it.
      {"2025-12-31", "2025-12-24T16:00:00+00:00"},
      // New Year's Day 2026 is a Thursday: back to Wednesday 31 December.
      {"2026-01-07", "2025-12-31T16:00:00+00:00"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.sitting);
    const auto at = submission_cutoff(support, calendar, date(c.sitting));
    ASSERT_TRUE(at.has_value());
    EXPECT_EQ(to_iso_london(*at), c.cutoff);
  }
}

TEST_F(RequestRules, AnOrganisationsOwnClosureMovesTheCutOff) {
  const Calendar closed = Calendar::england_and_wales({date("2026-11-26")}, {});
  EXPECT_EQ(to_iso_london(*submission_cutoff(support, closed, date("2026-12-02"))),
            "2026-11-25T16:00:00+00:00");
}

TEST_F(RequestRules, TheClamPanelHasNoCutOff) {
  EXPECT_FALSE(submission_cutoff(clam, calendar, date("2026-12-01")).has_value());
}

TEST_F(RequestRules, ARequestGoesToTheFirstSittingWhoseCutOffItMeets) {
  const std::vector<Sitting> sittings = sittings_from(support, calendar, date("2026-11-23"), 3);
  ASSERT_EQ(to_iso(sittings[0].date), "2026-11-25");
  ASSERT_EQ(to_iso(sittings[1].date), "2026-12-02");
  struct Case {
    const char* what;
    Instant arrives;
    bool must_go_next;
    const char* target;
    const char* missed;  // "" when in time
  };
  const Case cases[] = {
      {"a minute before the cut-off", london("2026-11-26", "15:59"), false, "2026-12-02", ""},
      {"at the cut-off", london("2026-11-26", "16:00"), false, "2026-12-02", ""},
      {"a minute after it", london("2026-11-26", "16:01"), false, "2026-12-09", "2026-12-02"},
      {"after it, but must go to the next", london("2026-11-26", "16:01"), true, "2026-12-02", ""},
      {"on the day of a sitting, before it", london("2026-11-25", "08:00"), false, "2026-12-02",
       "2026-11-25"},
      {"must go next, on the morning of a sitting", london("2026-11-25", "08:00"), true,
       "2026-11-25", ""},
      {"once a sitting has started, it does not count", london("2026-11-25", "09:31"), false,
       "2026-12-02", ""},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.what);
    auto t = target_sitting(support, calendar, sittings, c.arrives, c.must_go_next);
    ASSERT_TRUE(t.has_value());
    EXPECT_EQ(to_iso(t->sitting.date), c.target);
    EXPECT_EQ(t->missed ? to_iso(t->missed->date) : "", c.missed);
  }
  // Nothing far enough ahead: no target.
  EXPECT_FALSE(target_sitting(support, calendar, sittings, london("2026-12-09", "12:00"), false));
}

TEST_F(RequestRules, WithoutACutOffTheNextSittingIsTheTarget) {
  const auto sittings = sittings_from(clam, calendar, date("2026-11-23"), 2);
  auto t = target_sitting(clam, calendar, sittings, london("2026-11-23", "18:00"), false);
  ASSERT_TRUE(t.has_value());
  EXPECT_EQ(to_iso(t->sitting.date), "2026-11-24");
  EXPECT_FALSE(t->missed.has_value());
}

TEST_F(RequestRules, AnEmergencyRetrospectiveReviewMustBeHeardWithinSevenWorkingDays) {
  RequestDraft d;
  d.panel_id = "clam";
  d.request_type = "emergency_retrospective_review";
  d.came_into_care = "2026-11-20";  // a Friday
  EXPECT_EQ(to_iso(*statutory_due(clam, calendar, d)), "2026-12-01");
  // Over Christmas: 25 December, 28 December (for Boxing Day) and 1 January
  // are not working days.
  d.came_into_care = "2026-12-21";
  EXPECT_EQ(to_iso(*statutory_due(clam, calendar, d)), "2027-01-04");
  d.request_type = "section_20_permission";  // not statutory
  EXPECT_FALSE(statutory_due(clam, calendar, d).has_value());
}

std::vector<std::string> fields_of(const Status& s) {
  std::vector<std::string> out;
  if (!s) {
    for (const auto& f : s.error().fields) {
      out.push_back(f.field);
    }
  }
  return out;
}

TEST_F(RequestRules, AStatutoryRequestNeedsARealPastDateOfComingIntoCare) {
  RequestDraft d;
  d.panel_id = "clam";
  d.request_type = "emergency_retrospective_review";
  d.reason = "r";
  d.proposed_plan = "p";
  d.parallel_plan = "pp";
  d.venue_preference = "chd";
  const Date today = date("2026-11-24");
  for (const char* bad : {"", "not a date", "2026-02-30", "2026-11-25"}) {
    SCOPED_TRACE(bad);
    d.came_into_care = bad;
    EXPECT_EQ(fields_of(validate_draft(clam, d, today)),
              std::vector<std::string>{"came_into_care"});
  }
  d.came_into_care = "2026-11-24";
  EXPECT_TRUE(validate_draft(clam, d, today).ok());
}

TEST_F(RequestRules, ImmediateActionNeedsTheServiceManagersAuthorisationFirst) {
  RequestDraft d;
  d.panel_id = "support";
  d.criteria = {"immediate_action"};
  d.reason = "r";
  d.proposed_plan = "p";
  const Date today = date("2026-11-24");
  EXPECT_EQ(fields_of(validate_draft(support, d, today)),
            (std::vector<std::string>{"auth_immediate_action_by", "auth_immediate_action_date",
                                      "auth_immediate_action_time", "auth_immediate_action_what"}));
  EXPECT_TRUE(must_go_to_next_sitting(support, d));
  d.authorisations.push_back(
      {"immediate_action", 7, true, "2026-11-23", "17:45", "Accommodation tonight"});
  EXPECT_TRUE(validate_draft(support, d, today).ok());
  // Somebody without the Service Manager's role cannot authorise it.
  d.authorisations[0].authoriser_has_role = false;
  EXPECT_EQ(fields_of(validate_draft(support, d, today)),
            std::vector<std::string>{"auth_immediate_action_by"});
  // An ordinary criterion needs no authorisation and keeps the cut-off.
  d.criteria = {"complex_or_high_risk"};
  d.authorisations.clear();
  EXPECT_TRUE(validate_draft(support, d, today).ok());
  EXPECT_FALSE(must_go_to_next_sitting(support, d));
  // No criterion, or an unknown one.
  for (std::vector<std::string> criteria :
       {std::vector<std::string>{}, std::vector<std::string>{"made_up"}}) {
    d.criteria = criteria;
    EXPECT_EQ(fields_of(validate_draft(support, d, today)), std::vector<std::string>{"criteria"});
  }
  // Several criteria, on a panel that ticks all that apply, and on one whose
  // requests meet exactly one ([requests] selection = "one").
  d.criteria = {"complex_or_high_risk", "resources_not_found"};
  EXPECT_TRUE(validate_draft(support, d, today).ok());
  PanelType one_only = support;
  one_only.request_type_selection = Selection::one;
  const Status several = validate_draft(one_only, d, today);
  ASSERT_FALSE(several);
  EXPECT_EQ(several.error().fields.at(0).message, "Select only one criterion");
  d.criteria = {"complex_or_high_risk"};
  EXPECT_TRUE(validate_draft(one_only, d, today).ok());
}

TEST_F(RequestRules, SectionsReportOnlyTheirOwnFields) {
  RequestDraft d;
  d.panel_id = "clam";
  const Date today = date("2026-11-24");
  EXPECT_EQ(fields_of(validate_section(clam, d, today, Section::type)),
            std::vector<std::string>{"request_type"});
  EXPECT_EQ(fields_of(validate_section(clam, d, today, Section::details)),
            (std::vector<std::string>{"reason", "proposed_plan"}));
  EXPECT_EQ(fields_of(validate_section(clam, d, today, Section::attendance)),
            std::vector<std::string>{"venue_preference"});
}

TEST_F(RequestRules, TheThreeWayDiscussionNeedsARealPastDateAndBothManagers) {
  struct Case {
    const char* date;
    bool pm_holds_role;
    bool gm_holds_role;
    std::vector<std::string> fields;
    const char* why;
  };
  const Date today = date("2026-11-24");
  const Case cases[] = {
      {.date = "2026-11-20",
       .pm_holds_role = true,
       .gm_holds_role = true,
       .fields = {},
       .why = "a discussion last week with both managers is recorded"},
      {.date = "2026-11-24",
       .pm_holds_role = true,
       .gm_holds_role = true,
       .fields = {},
       .why = "a discussion today is in the past enough"},
      {.date = "2026-11-25",
       .pm_holds_role = true,
       .gm_holds_role = true,
       .fields = {"discussion_date"},
       .why = "a discussion cannot be tomorrow"},
      {.date = "2026-02-30",
       .pm_holds_role = true,
       .gm_holds_role = true,
       .fields = {"discussion_date"},
       .why = "30 February is not a real date"},
      {.date = "",
       .pm_holds_role = true,
       .gm_holds_role = true,
       .fields = {"discussion_date"},
       .why = "the date must be given"},
      {.date = "2026-11-20",
       .pm_holds_role = false,
       .gm_holds_role = true,
       .fields = {"discussion_practice_manager"},
       .why = "the Practice Manager must hold that role"},
      {.date = "2026-11-20",
       .pm_holds_role = true,
       .gm_holds_role = false,
       .fields = {"discussion_group_manager"},
       .why = "the Group Manager must hold that role"},
      {.date = "x",
       .pm_holds_role = false,
       .gm_holds_role = false,
       .fields = {"discussion_date", "discussion_practice_manager", "discussion_group_manager"},
       .why = "every problem is named at once, in the order of the form"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.why);
    EXPECT_EQ(fields_of(validate_three_way_discussion(
                  clam, {c.date, c.pm_holds_role, c.gm_holds_role}, today)),
              c.fields);
  }
}

TEST(StatutoryOverdue, OnlyARequestStillToBeHeardIsOverdue) {
  struct Case {
    std::optional<Date> due;
    RequestState state;
    bool overdue;
    const char* why;
  };
  const Date today = date("2026-11-24");
  const Case cases[] = {
      {.due = date("2026-11-23"),
       .state = RequestState::submitted,
       .overdue = true,
       .why = "waiting for a slot a day after it should have been heard"},
      {.due = date("2026-11-23"),
       .state = RequestState::draft,
       .overdue = true,
       .why = "a draft is overdue as much as a submitted request"},
      {.due = date("2026-11-23"),
       .state = RequestState::awaiting_approval,
       .overdue = true,
       .why = "waiting for a manager's approval"},
      {.due = date("2026-11-23"),
       .state = RequestState::scheduled,
       .overdue = true,
       .why = "scheduled for a sitting after the date"},
      {.due = date("2026-11-24"),
       .state = RequestState::submitted,
       .overdue = false,
       .why = "it may still be heard today"},
      {.due = date("2026-11-23"),
       .state = RequestState::heard,
       .overdue = false,
       .why = "once heard it is no longer waiting"},
      {.due = date("2026-11-23"),
       .state = RequestState::declined,
       .overdue = false,
       .why = "a declined request will not be heard"},
      {.due = date("2026-11-23"),
       .state = RequestState::withdrawn,
       .overdue = false,
       .why = "a withdrawn request will not be heard"},
      {.due = std::nullopt,
       .state = RequestState::submitted,
       .overdue = false,
       .why = "a request type with no statutory timescale is never overdue"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.why);
    EXPECT_EQ(statutory_overdue(c.due, c.state, today), c.overdue);
  }
}

TEST_F(RequestRules, SendingAndApprovingMoveAsThePanelsStepsSay) {
  struct Case {
    const PanelType* panel;
    SentBackBy sent_back_by;
    RequestEvent event;
    const char* why;
  };
  PanelType no_steps = support;
  no_steps.approval_steps.clear();
  const Case cases[] = {
      {.panel = &clam,
       .sent_back_by = SentBackBy::nobody,
       .event = RequestEvent::send,
       .why = "a new CLAM request goes to its first approval step"},
      {.panel = &clam,
       .sent_back_by = SentBackBy::approver,
       .event = RequestEvent::send,
       .why = "returned by an approver, the approvals start again"},
      {.panel = &clam,
       .sent_back_by = SentBackBy::coordinator,
       .event = RequestEvent::send_without_approval,
       .why = "the coordinator asked for more: the approvals were given"},
      {.panel = &no_steps,
       .sent_back_by = SentBackBy::nobody,
       .event = RequestEvent::send_without_approval,
       .why = "a panel with no approval steps goes straight to the coordinator"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.why);
    EXPECT_EQ(send_event(*c.panel, c.sent_back_by), c.event);
  }
  const int steps = static_cast<int>(clam.approval_steps.size());
  ASSERT_GE(steps, 1);
  EXPECT_EQ(approval_event(clam, steps - 1), RequestEvent::approve_last_step);
  if (steps > 1) {
    EXPECT_EQ(approval_event(clam, 0), RequestEvent::approve_step);
  }
}

TEST(LateAcceptance, OnlyASubmittedRequestThatMissedACutOffBeforeItsSitting) {
  struct Case {
    RequestState state;
    std::optional<Date> missed;
    const char* starts;  // the sitting's start, London time on 2026-12-03
    bool ok;
    const char* why;
  };
  const Instant now = london("2026-12-01", "10:00");
  const Case cases[] = {
      {.state = RequestState::submitted,
       .missed = date("2026-12-03"),
       .starts = "10:00",
       .ok = true,
       .why = "submitted, missed the cut-off, the sitting is ahead"},
      {.state = RequestState::submitted,
       .missed = std::nullopt,
       .starts = "10:00",
       .ok = false,
       .why = "it met its cut-off: nothing to accept"},
      {.state = RequestState::scheduled,
       .missed = date("2026-12-03"),
       .starts = "10:00",
       .ok = false,
       .why = "already given a slot"},
      {.state = RequestState::draft,
       .missed = date("2026-12-03"),
       .starts = "10:00",
       .ok = false,
       .why = "a draft has not reached the coordinator"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.why);
    EXPECT_EQ(check_late_acceptance(c.state, c.missed, london("2026-12-03", c.starts), now).ok(),
              c.ok);
  }
  // The sitting has started (or the clock has passed it).
  EXPECT_FALSE(check_late_acceptance(RequestState::submitted, date("2026-12-01"),
                                     london("2026-12-01", "10:00"), now)
                   .ok());
}

TEST_F(RequestRules, TheTaskListSaysHowFarEachTaskIs) {
  struct Case {
    std::vector<std::string> saved;
    std::string reason;
    PapersProgress papers;
    std::vector<std::string> statuses;  // type, details, attendance, papers, check
    const char* why;
  };
  RequestDraft d;
  d.panel_id = "clam";
  d.request_type = clam.request_types.front().id;
  d.proposed_plan = "p";
  d.parallel_plan = "pp";
  d.venue_preference = "chd";
  const Case cases[] = {
      {.saved = {},
       .reason = "",
       .papers = PapersProgress::none,
       .statuses = {"Not yet started", "Not yet started", "Not yet started", "Not yet started",
                    "Cannot start yet"},
       .why = "a new draft: nothing started, nothing to check"},
      {.saved = {"type", "details"},
       .reason = "",
       .papers = PapersProgress::some,
       .statuses = {"Completed", "In progress", "Not yet started", "In progress",
                    "Cannot start yet"},
       .why = "a section saved with a problem is in progress"},
      {.saved = {"type", "details", "attendance"},
       .reason = "r",
       .papers = PapersProgress::some,
       .statuses = {"Completed", "Completed", "Completed", "In progress", "Cannot start yet"},
       .why = "papers still missing hold back the check"},
      {.saved = {"type", "details", "attendance"},
       .reason = "r",
       .papers = PapersProgress::ready,
       .statuses = {"Completed", "Completed", "Completed", "Completed", "Not yet started"},
       .why = "everything done: the check can start"},
  };
  const Date today = date("2026-11-24");
  for (const Case& c : cases) {
    SCOPED_TRACE(c.why);
    d.reason = c.reason;
    std::vector<std::string> statuses;
    for (const Task& t : task_list(clam, d, c.saved, c.papers, today)) {
      statuses.emplace_back(task_status_label(t.status));
    }
    EXPECT_EQ(statuses, c.statuses);
  }
  // A panel with neither papers nor attendance questions lists neither.
  PanelType plain = support;
  plain.documents.clear();
  plain.asks_venue_preference = false;
  plain.asks_conference_call = false;
  std::vector<std::string> ids;
  for (const Task& t : task_list(plain, d, {}, PapersProgress::none, today)) {
    ids.push_back(t.id);
  }
  EXPECT_EQ(ids, (std::vector<std::string>{"type", "details", "check"}));
}

TEST(Months, AddMonthsKeepsTheDayOrTakesTheMonthsLast) {
  struct Case {
    const char* from;
    int months;
    const char* to;
  };
  const Case cases[] = {{"2026-01-31", 1, "2026-02-28"},
                        {"2024-01-31", 1, "2024-02-29"},
                        {"2026-05-20", -18, "2024-11-20"},
                        {"2026-11-24", -9, "2026-02-24"},
                        {"2026-08-31", -18, "2025-02-28"}};
  for (const Case& c : cases) {
    EXPECT_EQ(to_iso(add_months(date(c.from), c.months)), c.to) << c.from << " " << c.months;
  }
}

}  // namespace
}  // namespace casepanel::core
