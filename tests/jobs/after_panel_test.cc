// After panel, as use cases: the supervision view (what is outstanding, by
// team and worker, and the notes managers make), and closing the loop (a
// decided request closes once its actions are done and no return is open).
#include <gtest/gtest.h>

#include "app/actions.h"
#include "app/display.h"
#include "app/plan_changes.h"
#include "app/returns.h"
#include "app/supervision.h"
#include "jobs/escalations.h"
#include "support/changed_panels.h"
#include "support/decided_hearing.h"
#include "support/requests.h"
#include "support/world.h"

namespace casepanel::app {
namespace {

using testing::TestWorld;

std::int64_t integer(TestWorld& w, const std::string& sql, const store::Params& params = {}) {
  return testing::number(w, sql, params);
}

TEST(Supervision, AManagerSeesWhatIsOutstandingByWorkerAndNotesTheDiscussion) {
  TestWorld w;
  testing::fgc_hearing(w);
  auto& s = w.services();
  w.clock().set(parse_utc("2026-12-10T09:00:00Z"));
  jobs::run_escalations(s, core::Date{std::chrono::year{2026} / 12 / 10});

  EXPECT_EQ(supervision(s, w.actor(w.sw_a)).error().kind, core::ErrorKind::forbidden);
  auto pm_b = supervision(s, w.actor(w.pm_b));
  ASSERT_TRUE(pm_b.ok());
  EXPECT_TRUE(pm_b->empty()) << "team B has nothing outstanding";
  auto view = supervision(s, w.actor(w.pm_a));
  ASSERT_TRUE(view.ok());
  ASSERT_EQ(view->size(), 1u);
  ASSERT_EQ(view->front().workers.size(), 1u);
  const SupervisionChild& child = view->front().workers.front().children.front();
  EXPECT_EQ(child.child_id, w.child_a);
  ASSERT_EQ(child.outstanding.size(), 3u);
  EXPECT_EQ(child.outstanding[0], "2 open actions");
  EXPECT_EQ(child.outstanding[1], "2 overdue");
  EXPECT_EQ(child.outstanding[2], "2 escalated");
  EXPECT_TRUE(child.discussed.empty());

  EXPECT_EQ(record_supervision(s, w.actor(w.pm_b), w.child_a, "x").error().kind,
            core::ErrorKind::not_found);
  auto blank = record_supervision(s, w.actor(w.pm_a), w.child_a, " ");
  ASSERT_FALSE(blank.ok());
  EXPECT_EQ(blank.error().fields.front().field, "note");
  ASSERT_TRUE(record_supervision(s, w.actor(w.pm_a), w.child_a, "Chase the FGC service").ok());
  auto after = supervision(s, w.actor(w.gm));
  ASSERT_TRUE(after.ok());
  EXPECT_EQ(after->front().workers.front().children.front().discussed,
            "Discussed in supervision on 10 December 2026: Chase the FGC service");
}

TEST(ClosingTheLoop, ADecidedRequestClosesWhenItsActionsAndTimescalesAreDone) {
  TestWorld w;
  const auto fgc = testing::fgc_hearing(w);
  auto& s = w.services();
  EXPECT_EQ(testing::state_of(w, fgc.request_id), "decided");
  w.clock().set(parse_utc("2026-12-08T09:00:00Z"));
  core::CompletionEntry done;
  done.evidence = "Met the family";
  const std::int64_t action = integer(w, "SELECT id FROM actions WHERE kind = 'action'");
  ASSERT_TRUE(close_action(s, w.actor(w.sw_a), action, done).ok());
  EXPECT_EQ(testing::state_of(w, fgc.request_id), "decided") << "the FGC referral is open";
  core::CompletionEntry received;
  received.met_on = "2026-12-07";
  const std::int64_t referral = integer(w, "SELECT id FROM actions WHERE kind = 'fgc_referral'");
  ASSERT_TRUE(close_action(s, w.actor(w.panel_admin), referral, received).ok());
  EXPECT_EQ(testing::state_of(w, fgc.request_id), "closed");
  EXPECT_EQ(integer(w, "SELECT COUNT(*) FROM audit_events WHERE action = 'request.closed'"), 1);
}

TEST(ClosingTheLoop, TheDailyJobClosesARequestDecidedWithNothingToFollowUp) {
  TestWorld w;
  const auto fgc = testing::fgc_hearing(w);
  w.db().write_all([&](store::Tx& tx) {
    tx.exec("UPDATE actions SET status = 'done'");  // as if closed before this build
  });
  EXPECT_EQ(testing::state_of(w, fgc.request_id), "decided");
  jobs::run_escalations(w.services(), core::Date{std::chrono::year{2026} / 12 / 3});
  EXPECT_EQ(testing::state_of(w, fgc.request_id), "closed");
}

// The after-panel keys act from the panel file alone (issue 13): each tried
// as a council that changed its file would see it.

TEST(AfterPanelKeys, AnEscalationStepTellsTheRoleItNames) {
  TestWorld w;
  testing::fgc_hearing(w);
  // The council sends an overdue action straight to the Service Manager.
  testing::ChangedPanels changed(w, [](core::PanelType& p) {
    for (core::EscalationLadder& l : p.escalations) {
      if (l.applies_to == "any_action") {
        l.steps.front().role = core::Role::group_manager;
      }
    }
  });
  const auto taken =
      jobs::run_escalations(changed.services(), core::Date{std::chrono::year{2026} / 12 / 10});
  bool told = false;
  for (const jobs::EscalationTaken& t : taken) {
    if (t.ladder_id == "actions_overdue") {
      told = t.told_id == w.gm;
    }
  }
  EXPECT_TRUE(told);
}

TEST(AfterPanelKeys, ATimescaleWithoutRecordedByIsClosedByItsOwner) {
  TestWorld w;
  testing::fgc_hearing(w);
  const std::int64_t referral = integer(w, "SELECT id FROM actions WHERE kind = 'fgc_referral'");
  core::CompletionEntry met;
  met.evidence = "Referral sent and acknowledged";
  // As shipped, only the Panel Administrator records it.
  EXPECT_EQ(close_action(w.services(), w.actor(w.sw_a), referral, met).error().kind,
            core::ErrorKind::forbidden);
  testing::ChangedPanels changed(w, [](core::PanelType& p) {
    for (core::Timescale& t : p.timescales) {
      t.recorded_by.reset();
    }
  });
  EXPECT_TRUE(close_action(changed.services(), w.actor(w.sw_a), referral, met).ok());
}

TEST(AfterPanelKeys, WithoutAnApproverNoChangeOfPlanIsOffered) {
  TestWorld w;
  testing::fgc_hearing(w);
  const std::int64_t decision = integer(w, "SELECT id FROM decisions");
  testing::ChangedPanels none(w, [](core::PanelType& p) { p.change_of_plan_approval_by.reset(); });
  EXPECT_EQ(propose_plan_change(none.services(), w.actor(w.sw_a), decision, "x", "y").error().kind,
            core::ErrorKind::conflict);
  // Named the practice manager instead: the case's practice manager approves.
  testing::ChangedPanels pm(w, [](core::PanelType& p) {
    if (p.change_of_plan_approval_by) {
      p.change_of_plan_approval_by = core::Role::practice_manager;
    }
  });
  auto id = propose_plan_change(pm.services(), w.actor(w.sw_a), decision, "Kinship first",
                                "The family declined");
  ASSERT_TRUE(id.ok());
  EXPECT_EQ(plan_changes_to_decide(pm.services(), w.actor(w.gm)).size(), 0u);
  ASSERT_EQ(plan_changes_to_decide(pm.services(), w.actor(w.pm_a)).size(), 1u);
  EXPECT_TRUE(decide_plan_change(pm.services(), w.actor(w.pm_a), *id, true, "Agreed").ok());
}

TEST(AfterPanelKeys, WithoutProgressUpdateToTheReturnMustBeHeard) {
  TestWorld w;
  testing::decided_hearing(w, {w.child_a});  // CLAM: a review date, no progress_update_to
  w.clock().set(parse_utc("2027-02-20T09:00:00Z"));
  const MyReturns clam = my_returns(w.services(), w.actor(w.sw_a));
  ASSERT_EQ(clam.reviews_due.size(), 1u);
  EXPECT_FALSE(clam.reviews_due.front().may_send_update);
  testing::ChangedPanels updates(w, [](core::PanelType& p) {
    p.return_to_panel.progress_update_to = core::Role::group_manager;
  });
  const MyReturns changed = my_returns(updates.services(), w.actor(w.sw_a));
  ASSERT_EQ(changed.reviews_due.size(), 1u);
  EXPECT_TRUE(changed.reviews_due.front().may_send_update);
  ASSERT_TRUE(send_progress_update(updates.services(), w.actor(w.sw_a),
                                   changed.reviews_due.front().id, "Settled")
                  .ok());
  // The group manager above the case considers it.
  EXPECT_EQ(my_returns(updates.services(), w.actor(w.gm)).updates_to_consider.size(), 1u);
}

}  // namespace
}  // namespace casepanel::app
