// The decisions as the case-management system reads them (issue 12, section
// 4): a child's records and the change feed, each in the reader's scope and
// each read audited.
#include <gtest/gtest.h>

#include "app/api_decisions.h"
#include "store/audit.h"
#include "support/decided_hearing.h"
#include "support/world.h"

namespace casepanel::app {
namespace {

using testing::TestWorld;

std::int64_t audited(TestWorld& w, const std::string& action, std::int64_t actor) {
  std::int64_t n = 0;
  w.db().read_all([&](store::Tx& tx) {
    n = tx.query_one("SELECT COUNT(*) FROM audit_events WHERE action = $1 AND actor_id = $2",
                     {action, actor})
            ->integer(0);
  });
  return n;
}

TEST(ApiDecisions, AChildsRecordsComeWholeToThoseWhoMaySeeThem) {
  TestWorld w;
  const auto decided = testing::decided_hearing(w, {w.child_a});
  auto records = api_child_decisions(w.services(), w.actor(w.sw_a), w.child_a);
  ASSERT_TRUE(records.ok());
  ASSERT_EQ(records->size(), 1u);
  const store::DecisionRecord& d = records->front().record;
  EXPECT_EQ(d.hearing_id, decided.hearing_id);
  EXPECT_EQ(d.reasons, "The plan keeps them safe.");
  ASSERT_EQ(d.items.size(), 1u);
  EXPECT_EQ(d.items[0].option_id, decided.decision_option);
  ASSERT_EQ(d.actions.size(), 1u);
  EXPECT_FALSE(records->front().view.decisions.front().label.empty());
  EXPECT_EQ(audited(w, "api.child.decisions", w.sw_a), 1);
}

TEST(ApiDecisions, AChildOutsideScopeIsNotFoundAndNothingIsLogged) {
  TestWorld w;
  testing::decided_hearing(w, {w.child_a});
  auto other = api_child_decisions(w.services(), w.actor(w.sw_b), w.child_a);
  ASSERT_FALSE(other.ok());
  EXPECT_EQ(other.error().kind, core::ErrorKind::not_found);
  auto none = api_child_decisions(w.services(), w.actor(w.sw_a), 999999);
  ASSERT_FALSE(none.ok());
  EXPECT_EQ(none.error().kind, core::ErrorKind::not_found);
  EXPECT_EQ(audited(w, "api.child.decisions", w.sw_b), 0);
  EXPECT_FALSE(api_child_decisions(w.services(), w.actor(w.admin), w.child_a).ok());
}

TEST(ApiDecisions, TheFeedGivesEachEventOnceInOrderAndResumesFromItsCursor) {
  TestWorld w;
  testing::decided_hearing(w, {w.sibling_1, w.sibling_2});
  auto all = api_decision_feed(w.services(), w.actor(w.sw_a), 0, kFeedMaxLimit);
  ASSERT_TRUE(all.ok());
  ASSERT_GE(all->events.size(), 2u);
  for (std::size_t i = 1; i < all->events.size(); ++i) {
    EXPECT_LT(all->events[i - 1].id, all->events[i].id);
  }
  EXPECT_EQ(all->next_cursor, all->events.back().id);
  // One at a time from the start gives the same events, each once.
  std::int64_t cursor = 0;
  std::vector<std::int64_t> seen;
  for (int page = 0; page < 20; ++page) {
    auto one = api_decision_feed(w.services(), w.actor(w.sw_a), cursor, 1);
    ASSERT_TRUE(one.ok());
    if (one->events.empty()) {
      EXPECT_EQ(one->next_cursor, cursor);  // nothing new: the cursor stays
      break;
    }
    seen.push_back(one->events.front().id);
    cursor = one->next_cursor;
  }
  ASSERT_EQ(seen.size(), all->events.size());
  for (std::size_t i = 0; i < seen.size(); ++i) {
    EXPECT_EQ(seen[i], all->events[i].id);
  }
  EXPECT_GE(audited(w, "api.decisions.feed", w.sw_a), 2);
}

TEST(ApiDecisions, TheFeedLeavesOutChildrenOutsideScopeButMovesItsCursorPastThem) {
  TestWorld w;
  testing::decided_hearing(w, {w.child_a});
  auto mine = api_decision_feed(w.services(), w.actor(w.sw_a), 0, 100);
  ASSERT_TRUE(mine.ok());
  ASSERT_FALSE(mine->events.empty());
  auto theirs = api_decision_feed(w.services(), w.actor(w.sw_b), 0, 100);
  ASSERT_TRUE(theirs.ok());
  EXPECT_TRUE(theirs->events.empty());
  EXPECT_EQ(theirs->next_cursor, mine->next_cursor);
  // The group manager's line takes in team A; the auditor sees every child.
  EXPECT_EQ(api_decision_feed(w.services(), w.actor(w.gm), 0, 100)->events.size(),
            mine->events.size());
  EXPECT_EQ(api_decision_feed(w.services(), w.actor(w.auditor), 0, 100)->events.size(),
            mine->events.size());
}

TEST(ApiDecisions, TheFeedRefusesALimitOutsideItsRange) {
  TestWorld w;
  for (int limit : {0, -1, kFeedMaxLimit + 1}) {
    auto r = api_decision_feed(w.services(), w.actor(w.sw_a), 0, limit);
    ASSERT_FALSE(r.ok()) << limit;
    EXPECT_EQ(r.error().fields.front().field, "limit");
  }
  EXPECT_FALSE(api_decision_feed(w.services(), w.actor(w.sw_a), -5, 10).ok());
  EXPECT_TRUE(api_decision_feed(w.services(), w.actor(w.sw_a), 0, kFeedMaxLimit).ok());
  EXPECT_FALSE(api_decision_feed(w.services(), w.actor(w.admin), 0, 10).ok());
}

}  // namespace
}  // namespace casepanel::app
