// The request's life before the coordinator, as the procedures set it: the
// task list, sending with every problem named, the CLAM 3-way discussion and
// statutory date, the Support Panel's authorisation, cut-off and late
// acceptance, and the managers' watch lists.
#include <gtest/gtest.h>

#include <stdexcept>

#include "app/agenda_view.h"
#include "app/children.h"
#include "app/display.h"
#include "app/papers.h"
#include "app/proposals.h"
#include "app/requests.h"
#include "app/sitting_changes.h"
#include "app/sittings.h"
#include "app/triage.h"
#include "app/watch.h"
#include "support/requests.h"
#include "support/world.h"

namespace casepanel::app {
namespace {

using testing::TestWorld;

std::string text(TestWorld& w, const std::string& sql, std::int64_t id) {
  std::string out;
  w.db().read_all([&](store::Tx& tx) {
    auto r = tx.query_one(sql, {id});
    out = r ? r->text(0) : "";
  });
  return out;
}

// The Support Panel's sitting on an ISO date.
std::int64_t support_sitting_on(TestWorld& w, const std::string& date) {
  std::int64_t id = 0;
  w.db().read_all([&](store::Tx& tx) {
    id = tx.query_one("SELECT id FROM sittings WHERE panel_id = 'support' AND sitting_date = $1",
                      {date})
             ->integer(0);
  });
  return id;
}

std::vector<std::string> statuses(const RequestView& v) {
  std::vector<std::string> out;
  for (const auto& t : v.tasks) {
    out.push_back(t.id + ":" + t.status_label);
  }
  return out;
}

TEST(RequestFlow, TheTaskListFollowsTheSectionsAndSendingNamesWhatIsMissing) {
  TestWorld w;
  auto& s = w.services();
  const Actor sw = w.actor(w.sw_a);
  auto id = start_request(s, sw, "clam", {w.child_a});
  ASSERT_TRUE(id.ok());
  auto v = request_view(s, sw, *id);
  ASSERT_TRUE(v.ok());
  EXPECT_EQ(statuses(*v),
            (std::vector<std::string>{"type:Not yet started", "details:Not yet started",
                                      "attendance:Not yet started", "papers:Not yet started",
                                      "check:Cannot start yet"}));
  // Sending now names every problem, papers included, and changes nothing.
  auto sent = send_for_approval(s, sw, *id);
  ASSERT_FALSE(sent.ok());
  std::vector<std::string> fields;
  for (const auto& f : sent.error().fields) {
    fields.push_back(f.field);
  }
  EXPECT_EQ(fields, (std::vector<std::string>{"request_type", "reason", "proposed_plan",
                                              "venue_preference", "paper_referral"}));
  EXPECT_EQ(testing::state_of(w, *id), "draft");
  // A section with a problem saves nothing.
  core::RequestDraft in = testing::clam_draft(w);
  in.reason = " ";
  EXPECT_FALSE(save_section(s, sw, *id, core::Section::details, in).ok());
  EXPECT_EQ(text(w, "SELECT proposed_plan FROM requests WHERE id = $1", *id), "");
  in = testing::clam_draft(w);
  for (core::Section section :
       {core::Section::type, core::Section::details, core::Section::attendance}) {
    ASSERT_TRUE(save_section(s, sw, *id, section, in).ok());
  }
  // Another social worker cannot edit it.
  EXPECT_FALSE(save_section(s, w.actor(w.sw_b), *id, core::Section::details, in).ok());
  ASSERT_TRUE(add_paper(s, sw, *id, "referral", {"referral.pdf", testing::tiny_pdf()}).ok());
  v = request_view(s, sw, *id);
  EXPECT_EQ(statuses(*v),
            (std::vector<std::string>{"type:Completed", "details:Completed", "attendance:Completed",
                                      "papers:Completed", "check:Not yet started"}));
  ASSERT_TRUE(send_for_approval(s, sw, *id).ok());
  EXPECT_EQ(testing::state_of(w, *id), "awaiting_approval");
}

TEST(RequestFlow, TheQualityAssuranceStepRecordsTheThreeWayDiscussion) {
  TestWorld w;
  const auto id = testing::sent_clam_request(w, {w.child_a});
  ApprovalInput in;
  auto done = approve_request(w.services(), w.actor(w.pm_a), id, in);
  ASSERT_FALSE(done.ok());
  EXPECT_EQ(done.error().fields.size(), 3u);
  in = testing::clam_quality_assurance(w);
  in.discussion_group_manager = w.sw_a;  // not a group manager
  EXPECT_FALSE(approve_request(w.services(), w.actor(w.pm_a), id, in).ok());
  EXPECT_EQ(testing::state_of(w, id), "awaiting_approval");
  ASSERT_TRUE(
      approve_request(w.services(), w.actor(w.pm_a), id, testing::clam_quality_assurance(w)).ok());
  auto v = request_view(w.services(), w.actor(w.sw_a), id);
  EXPECT_EQ(v->three_way_discussion,
            "On 23 November 2026, with Pat Alpha (Practice Manager) and Gita Manager "
            "(Group Manager)");
}

TEST(RequestFlow, AnEmergencyReviewShowsItsStatutoryDateAndStandsOutWhenOverdue) {
  TestWorld w;
  auto d = testing::clam_draft(w);
  d.request_type = "emergency_retrospective_review";
  d.came_into_care = "2026-11-11";  // 7 working days: Friday 20 November
  const auto id = testing::sent_request(w, w.sw_a, {w.child_a}, d);
  auto v = request_view(w.services(), w.actor(w.sw_a), id);
  EXPECT_EQ(v->statutory_due, "20 November 2026");
  EXPECT_TRUE(v->statutory_overdue);  // the clock is at 24 November
  auto queue = (testing::approve_clam(w, id), triage_queue(w.services(), w.actor(w.coordinator)));
  ASSERT_EQ(queue->size(), 1u);
  EXPECT_EQ(queue->front().statutory_due, "20 November 2026");
}

TEST(RequestFlow, ImmediateActionNeedsAServiceManagersAuthorisationAndGoesNext) {
  TestWorld w;
  ensure_sittings(w.services(), core::Date{std::chrono::year{2026} / 11 / 24}, 3);
  auto d = testing::support_draft();
  d.criteria = {"immediate_action"};
  d.authorisations.push_back({"immediate_action", w.pm_a, false, "2026-11-23", "17:45",
                              "Accommodation under section 20 tonight"});
  auto refused = create_request(w.services(), w.actor(w.sw_a), {w.child_a}, d);
  ASSERT_FALSE(refused.ok());  // pm_a is not a Service Manager
  EXPECT_EQ(refused.error().fields.front().field, "auth_immediate_action_by");
  d.authorisations[0].authorised_by = w.gm;
  const auto id = testing::sent_request(w, w.sw_a, {w.child_a}, d);
  ASSERT_TRUE(approve_request(w.services(), w.actor(w.pm_a), id, {}).ok());
  EXPECT_EQ(testing::state_of(w, id), "submitted");
  // Past Thursday's cut-off, but it must go to the next sitting: tomorrow's.
  EXPECT_EQ(text(w, "SELECT target_sitting_date FROM requests WHERE id = $1", id), "2026-11-25");
  EXPECT_EQ(text(w, "SELECT COALESCE(missed_cutoff_date, '') FROM requests WHERE id = $1", id), "");
  auto v = request_view(w.services(), w.actor(w.sw_a), id);
  ASSERT_EQ(v->authorisations.size(), 1u);
  EXPECT_EQ(v->authorisations[0].authorised_by, "Gita Manager");
  EXPECT_EQ(v->authorisations[0].at, "23 November 2026 at 17:45");
  // Triage, the proposed agenda and the agenda show it as immediate action,
  // not "in time" for a sitting whose cut-off it passed.
  const Actor coordinator = w.actor(w.coordinator);
  auto queue = triage_queue(w.services(), coordinator);
  ASSERT_EQ(queue->size(), 1u);
  EXPECT_TRUE(queue->front().immediate);
  EXPECT_EQ(queue->front().cutoff_status,
            "Goes to the next sitting, 25 November 2026, whatever the cut-off");
  auto proposals = propose_agendas(w.services(), coordinator);
  ASSERT_TRUE(proposals.ok());
  bool proposed = false;
  for (const AgendaProposal& p : *proposals) {
    for (const ProposedSlot& slot : p.slots) {
      proposed = proposed || (slot.request_id == id && slot.immediate);
    }
  }
  EXPECT_TRUE(proposed);
  const std::int64_t sitting = queue->front().sittings.front().id;
  ASSERT_TRUE(schedule_request(w.services(), coordinator, id, sitting).ok());
  auto agenda = sitting_view(w.services(), coordinator, sitting);
  ASSERT_TRUE(agenda.ok());
  ASSERT_EQ(agenda->agenda.size(), 1u);
  EXPECT_TRUE(agenda->agenda.front().immediate);
}

TEST(RequestFlow, ALateSupportRequestGoesToTheFollowingSittingUnlessAcceptedLate) {
  TestWorld w;
  ensure_sittings(w.services(), core::Date{std::chrono::year{2026} / 11 / 24}, 3);
  const auto id = testing::sent_request(w, w.sw_a, {w.child_a}, testing::support_draft());
  // Before the team manager agrees it, the page says where it would go.
  auto before = request_view(w.services(), w.actor(w.sw_a), id);
  EXPECT_NE(before->cutoff_note.find("will go to the sitting on 2 December 2026"),
            std::string::npos)
      << before->cutoff_note;
  EXPECT_NE(before->cutoff_note.find("too late for the sitting on 25 November 2026"),
            std::string::npos);
  ASSERT_TRUE(approve_request(w.services(), w.actor(w.pm_a), id, {}).ok());
  EXPECT_EQ(text(w, "SELECT target_sitting_date FROM requests WHERE id = $1", id), "2026-12-02");
  EXPECT_EQ(text(w, "SELECT missed_cutoff_date FROM requests WHERE id = $1", id), "2026-11-25");
  auto queue = triage_queue(w.services(), w.actor(w.coordinator));
  ASSERT_EQ(queue->size(), 1u);
  EXPECT_TRUE(queue->front().late);
  ASSERT_FALSE(queue->front().sittings.empty());
  EXPECT_EQ(queue->front().sittings.front().iso_date, "2026-12-02");
  // Scheduling into the sitting it missed is refused...
  const std::int64_t missed = support_sitting_on(w, "2026-11-25");
  EXPECT_FALSE(schedule_request(w.services(), w.actor(w.coordinator), id, missed).ok());
  // ...until the coordinator accepts it late, with a reason; nobody else can.
  EXPECT_FALSE(accept_late(w.services(), w.actor(w.sw_a), id, "Please").ok());
  EXPECT_FALSE(accept_late(w.services(), w.actor(w.coordinator), id, " ").ok());
  ASSERT_TRUE(
      accept_late(w.services(), w.actor(w.coordinator), id, "Court hearing on Friday").ok());
  EXPECT_EQ(text(w, "SELECT target_sitting_date FROM requests WHERE id = $1", id), "2026-11-25");
  EXPECT_EQ(text(w, "SELECT late_reason FROM requests WHERE id = $1", id),
            "Court hearing on Friday");
  EXPECT_TRUE(schedule_request(w.services(), w.actor(w.coordinator), id, missed).ok());
  EXPECT_EQ(text(w,
                 "SELECT COUNT(*) FROM audit_events WHERE action = 'request.accept_late' AND "
                 "entity_id = CAST($1 AS TEXT)",
                 id),
            "1");
}

TEST(RequestFlow, ALateRequestCannotBeAcceptedOnceTheMovedSittingHasStarted) {
  TestWorld w;
  ensure_sittings(w.services(), core::Date{std::chrono::year{2026} / 11 / 24}, 3);
  const auto id = testing::sent_request(w, w.sw_a, {w.child_a}, testing::support_draft());
  ASSERT_TRUE(approve_request(w.services(), w.actor(w.pm_a), id, {}).ok());
  ASSERT_EQ(text(w, "SELECT missed_cutoff_date FROM requests WHERE id = $1", id), "2026-11-25");
  const std::int64_t missed = support_sitting_on(w, "2026-11-25");
  // The coordinator brings the sitting forward to 08:30; the schedule says 09:30.
  const SittingInput earlier{"", "2026-11-25", "08:30", "12:30", "lincoln", "", ""};
  ASSERT_TRUE(move_sitting(w.services(), w.actor(w.coordinator), missed, earlier, "").ok());
  w.clock().set(parse_utc("2026-11-25T09:00:00Z"));
  auto refused = accept_late(w.services(), w.actor(w.coordinator), id, "Court hearing on Friday");
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().message, "The sitting it missed has already started");
  EXPECT_EQ(text(w, "SELECT target_sitting_date FROM requests WHERE id = $1", id), "2026-12-02");
}

TEST(Watch, ManagersSeeTheirTeamsLongPlansAndRecordTheDiscussion) {
  TestWorld w;
  w.db().write_all([&](store::Tx& tx) {
    tx.exec("UPDATE children SET cp_plan_start = '2025-04-01' WHERE id = $1", {w.child_a});
    tx.exec("UPDATE children SET cp_plan_start = '2025-06-01' WHERE id = $1", {w.child_b});
    tx.exec("UPDATE children SET cp_plan_start = '2025-07-01' WHERE id = $1", {w.sibling_1});
  });
  auto find = [](const std::vector<WatchList>& lists, const std::string& criterion) {
    for (const auto& l : lists) {
      if (l.criterion_id == criterion) {
        return l;
      }
    }
    return WatchList{};
  };
  auto lists = watch_lists(w.services(), w.actor(w.pm_a));
  ASSERT_TRUE(lists.ok());
  auto cp = find(*lists, "cp_plan_over_18_months");
  // Over 18 months by 24 November 2026: started before 24 May 2025. Team B's
  // child is not pm_a's; sibling_1's plan is too recent.
  ASSERT_EQ(cp.not_discussed.size(), 1u);
  EXPECT_EQ(cp.not_discussed[0].id, w.child_a);
  EXPECT_EQ(cp.not_discussed[0].months, 19);
  EXPECT_FALSE(watch_lists(w.services(), w.actor(w.sw_a)).ok());
  DiscussionInput in{"support", "cp_plan_over_18_months", "2026-11-23", "not_now",
                     "Plan is working; review in three months."};
  EXPECT_FALSE(record_discussion(w.services(), w.actor(w.pm_b), w.child_a, in).ok());
  in.outcome = "maybe";
  EXPECT_FALSE(record_discussion(w.services(), w.actor(w.pm_a), w.child_a, in).ok());
  in.outcome = "not_now";
  ASSERT_TRUE(record_discussion(w.services(), w.actor(w.pm_a), w.child_a, in).ok());
  cp = find(*watch_lists(w.services(), w.actor(w.pm_a)), "cp_plan_over_18_months");
  EXPECT_TRUE(cp.not_discussed.empty());
  ASSERT_EQ(cp.discussed.size(), 1u);
  EXPECT_EQ(cp.discussed[0].last_outcome, "Not to panel now");
  // The discussion and its arguments are on the child's record.
  auto rec = child_record(w.services(), w.actor(w.sw_a), w.child_a);
  ASSERT_TRUE(rec.ok());
  ASSERT_EQ(rec->discussions.size(), 1u);
  EXPECT_EQ(rec->discussions[0].outcome, "Not to panel now");
  EXPECT_EQ(rec->discussions[0].arguments, "Plan is working; review in three months.");
  EXPECT_NE(rec->discussions[0].criterion.find("18 months"), std::string::npos);
}

// `considered_by` acts (Support Panel 2.2): the FAST Team Manager records the
// discussion of a case open to FAST for more than 9 months; the Group
// Manager, a manager of the same line, sees the list but may not record it,
// though they may record the CP-plan discussion, which names nobody.
TEST(Watch, OnlyTheRoleTheCriterionNamesRecordsItsDiscussion) {
  TestWorld w;
  w.db().write_all([&](store::Tx& tx) {
    tx.exec("UPDATE teams SET kind = 'fast' WHERE id = $1", {w.team_a});
    tx.exec("UPDATE children SET case_opened = '2025-12-01' WHERE id = $1", {w.child_a});
  });
  auto fast_list = [&](std::int64_t who) {
    const auto lists = watch_lists(w.services(), w.actor(who));
    for (const WatchList& l : *lists) {
      if (l.criterion_id == "fast_open_over_9_months") {
        return l;
      }
    }
    return WatchList{};
  };
  const WatchList gm = fast_list(w.gm);
  ASSERT_EQ(gm.not_discussed.size(), 1u);
  EXPECT_EQ(gm.considered_by, "Team Manager / Practice Supervisor");
  EXPECT_FALSE(gm.may_record);
  EXPECT_TRUE(fast_list(w.pm_a).may_record);
  DiscussionInput in{"support", "fast_open_over_9_months", "2026-11-23", "refer",
                     "Nine months of FAST work without the change needed."};
  const auto refused = record_discussion(w.services(), w.actor(w.gm), w.child_a, in);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().kind, core::ErrorKind::forbidden);
  EXPECT_EQ(testing::number(w, "SELECT COUNT(*) FROM child_discussions"), 0);
  ASSERT_TRUE(record_discussion(w.services(), w.actor(w.pm_a), w.child_a, in).ok());
  in.criterion_id = "cp_plan_over_18_months";
  EXPECT_TRUE(record_discussion(w.services(), w.actor(w.gm), w.child_a, in).ok());
}

// The history names each outcome as it was: a coordinator's decline is
// "Declined", not "Returned for changes" (issue 11).
TEST(RequestFlow, TheHistoryNamesTheCoordinatorsDeclineAsDeclined) {
  TestWorld w;
  const auto id = testing::sent_clam_request(w, {w.child_a});
  testing::approve_clam(w, id);
  ASSERT_TRUE(
      decline_request(w.services(), w.actor(w.coordinator), id, "Not a matter for CLAM").ok());
  auto v = request_view(w.services(), w.actor(w.sw_a), id);
  ASSERT_TRUE(v.ok());
  ASSERT_FALSE(v->approvals.empty());
  const ApprovalEntry& last = v->approvals.back();
  EXPECT_EQ(last.outcome, store::HistoryOutcome::declined);
  EXPECT_EQ(last.outcome_label, "Declined");
  EXPECT_EQ(last.step, "Coordinator's triage");
  EXPECT_EQ(last.comments, "Not a matter for CLAM");
  EXPECT_EQ(v->approvals.front().outcome_label, "Approved");
}

TEST(RequestFlow, MoreInformationNeededGoesBackToTheAuthorAndSkipsTheApprovals) {
  TestWorld w;
  const auto id = testing::sent_clam_request(w, {w.child_a});
  testing::approve_clam(w, id);
  ASSERT_TRUE(
      ask_for_information(w.services(), w.actor(w.coordinator), id, "The plan's dates").ok());
  auto v = request_view(w.services(), w.actor(w.sw_a), id);
  ASSERT_TRUE(v.ok());
  EXPECT_EQ(v->approvals.back().outcome, store::HistoryOutcome::more_information);
  auto tasks = my_tasks(w.services(), w.actor(w.sw_a));
  ASSERT_EQ(tasks->returned.size(), 1u);
  EXPECT_EQ(tasks->returned[0].detail, "The plan's dates");
  // The approvals were given: sending again goes straight to the coordinator.
  ASSERT_TRUE(send_for_approval(w.services(), w.actor(w.sw_a), id).ok());
  EXPECT_EQ(testing::state_of(w, id), "submitted");
}

// The annual review's "submitted to triaged" (docs/reports.md): the time of
// the coordinator's first decision on the request as last sent (a slot
// given, more information asked for, declined), written with the decision;
// a request sent again waits for triage again; one whose sitting is
// cancelled and which gets a new slot keeps the day it was first triaged; a
// referral for advice is not a decision.
TEST(RequestFlow, TheCoordinatorsTriageDecisionIsRecordedWithItsTime) {
  TestWorld w;
  auto& s = w.services();
  const Actor coordinator = w.actor(w.coordinator);
  const auto triaged_at = [&](std::int64_t id) {
    return text(w, "SELECT COALESCE(triaged_at, 'not triaged') FROM requests WHERE id = $1", id);
  };
  const auto now = [&] { return core::to_iso_utc(w.clock().now()); };
  const auto asked = testing::sent_clam_request(w, {w.child_a});
  testing::approve_clam(w, asked);
  EXPECT_EQ(triaged_at(asked), "not triaged");
  w.clock().advance(std::chrono::hours{3});
  ASSERT_TRUE(ask_for_information(s, coordinator, asked, "The plan's dates").ok());
  EXPECT_EQ(triaged_at(asked), now());
  ASSERT_TRUE(send_for_approval(s, w.actor(w.sw_a), asked).ok());
  EXPECT_EQ(triaged_at(asked), "not triaged");
  w.clock().advance(std::chrono::hours{20});
  ASSERT_TRUE(decline_request(s, coordinator, asked, "Not a matter for CLAM").ok());
  EXPECT_EQ(triaged_at(asked), now());

  ensure_sittings(s, core::london_date(w.clock().now()), 3);
  const auto given = testing::sent_clam_request(w, {w.sibling_1});
  testing::approve_clam(w, given);
  auto queue = triage_queue(s, coordinator);
  ASSERT_EQ(queue->size(), 1u);
  ASSERT_GE(queue->front().sittings.size(), 2u);
  const std::int64_t first = queue->front().sittings[0].id;
  const std::int64_t second = queue->front().sittings[1].id;
  w.clock().advance(std::chrono::hours{1});
  ASSERT_TRUE(schedule_request(s, coordinator, given, first).ok());
  const std::string scheduled = now();
  EXPECT_EQ(triaged_at(given), scheduled);
  w.clock().advance(std::chrono::hours{1});
  ASSERT_TRUE(cancel_sitting(s, coordinator, first, "The chair is ill").ok());
  EXPECT_EQ(testing::state_of(w, given), "submitted");
  ASSERT_TRUE(schedule_request(s, coordinator, given, second).ok());
  EXPECT_EQ(triaged_at(given), scheduled);
}

// A state casepanel never writes is a broken database: the repository throws,
// naming the table, the id and the value, and nothing treats it as a draft.
TEST(RequestFlow, AnUnknownStateFailsClosedAndIsNeverADraft) {
  TestWorld w;
  auto id = start_request(w.services(), w.actor(w.sw_a), "clam", {w.child_a});
  ASSERT_TRUE(id.ok());
  w.db().write_all(
      [&](store::Tx& tx) { tx.exec("UPDATE requests SET state = 'drafty' WHERE id = $1", {*id}); });
  core::RequestDraft in = testing::clam_draft(w);
  in.reason = "Changed after the database broke";
  try {
    (void)save_section(w.services(), w.actor(w.sw_a), *id, core::Section::details, in);
    ADD_FAILURE() << "a request in an unknown state was changed as a draft";
  } catch (const std::runtime_error& e) {
    const std::string message = e.what();
    EXPECT_NE(message.find("requests"), std::string::npos) << message;
    EXPECT_NE(message.find(std::to_string(*id)), std::string::npos) << message;
    EXPECT_NE(message.find("drafty"), std::string::npos) << message;
  }
  EXPECT_EQ(text(w, "SELECT reason FROM requests WHERE id = $1", *id), "");
  EXPECT_THROW((void)request_view(w.services(), w.actor(w.sw_a), *id), std::runtime_error);
  auto tasks = my_tasks(w.services(), w.actor(w.sw_a));
  EXPECT_TRUE(tasks->drafts.empty());  // not among the author's drafts either
}

// An unreadable timestamp throws too; it never becomes 1 January 1970.
TEST(RequestFlow, AnUnreadableTimestampFailsClosed) {
  TestWorld w;
  const auto id = testing::sent_clam_request(w, {w.child_a});
  testing::approve_clam(w, id);
  w.db().write_all([&](store::Tx& tx) {
    tx.exec("UPDATE approvals SET at = 'yesterday' WHERE request_id = $1", {id});
  });
  EXPECT_THROW((void)request_view(w.services(), w.actor(w.sw_a), id), std::runtime_error);
}

}  // namespace
}  // namespace casepanel::app
