// After panel, as use cases: the supervision view (what is outstanding, by
// team and worker, and the notes managers make), and closing the loop (a
// decided request closes once its actions are done and no return is open).
#include <gtest/gtest.h>

#include "app/actions.h"
#include "app/display.h"
#include "app/supervision.h"
#include "jobs/escalations.h"
#include "support/decided_hearing.h"
#include "support/requests.h"
#include "support/world.h"

namespace casepanel::app {
namespace {

using testing::TestWorld;

std::int64_t integer(TestWorld& w, const std::string& sql, const store::Params& params = {}) {
  std::int64_t out = 0;
  w.db().read_all([&](store::Tx& tx) { out = tx.query_one(sql, params)->integer(0); });
  return out;
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

}  // namespace
}  // namespace casepanel::app
