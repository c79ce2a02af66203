// The people requests act for, kept at the content version they were read at
// (app/actor_cache.h, issue 17): used again while nothing has changed, read
// again after any change, and never a reason to resume a session that has
// ended. TestWorld's services keep people as serve's do.
#include "app/actor_cache.h"

#include <gtest/gtest.h>

#include "app/auth.h"
#include "support/world.h"

namespace casepanel::app {
namespace {

using namespace std::chrono_literals;
using testing::TestWorld;

std::string signed_in(TestWorld& w, const std::string& email) {
  SignInOutcome out = sign_in(w.services(), {email, testing::kPassword, "192.0.2.10"});
  EXPECT_EQ(out.step, SignInStep::signed_in);
  return out.session.token;
}

TEST(ActorCache, APersonIsReadOnceWhileNothingChanges) {
  TestWorld w;
  const std::string token = signed_in(w, "sw_a@test");
  const ActorCache::Counts before = w.services().actors->counts();
  for (int i = 0; i < 3; ++i) {
    const auto session = resume_session(w.services(), token);
    ASSERT_TRUE(session);
    EXPECT_EQ(session->actor.id, w.sw_a);
    EXPECT_TRUE(session->actor.has(core::Role::social_worker));
  }
  const ActorCache::Counts after = w.services().actors->counts();
  EXPECT_EQ(after.misses - before.misses, 1u);
  EXPECT_EQ(after.hits - before.hits, 2u);
}

TEST(ActorCache, ARoleGivenOrTakenIsSeenByTheNextRequest) {
  TestWorld w;
  const std::string token = signed_in(w, "sw_a@test");
  ASSERT_FALSE(resume_session(w.services(), token)->actor.has(core::Role::auditor));
  w.db().write_all([&](store::Tx& tx) {
    tx.exec("INSERT INTO user_roles (user_id, role) VALUES ($1, 'auditor')", {w.sw_a});
  });
  EXPECT_TRUE(resume_session(w.services(), token)->actor.has(core::Role::auditor));
  w.db().write_all([&](store::Tx& tx) {
    tx.exec("DELETE FROM user_roles WHERE user_id = $1 AND role = 'social_worker'", {w.sw_a});
  });
  EXPECT_FALSE(resume_session(w.services(), token)->actor.has(core::Role::social_worker));
}

// Ending a session moves no content version (store::Tx::may_change_content):
// the session's row is read on every request, never kept.
TEST(ActorCache, AnEndedSessionIsNotResumedFromMemory) {
  TestWorld w;
  const std::string signed_out = signed_in(w, "sw_a@test");
  const std::string ended_elsewhere = signed_in(w, "pm_a@test");
  ASSERT_TRUE(resume_session(w.services(), signed_out));
  ASSERT_TRUE(resume_session(w.services(), ended_elsewhere));
  sign_out(w.services(), signed_out);
  w.db().write_all(
      [&](store::Tx& tx) { tx.exec("DELETE FROM sessions WHERE user_id = $1", {w.pm_a}); });
  EXPECT_FALSE(resume_session(w.services(), signed_out));
  EXPECT_FALSE(resume_session(w.services(), ended_elsewhere));
}

TEST(ActorCache, AnIdleSessionEndsThoughItsPersonIsKept) {
  TestWorld w;
  const std::string token = signed_in(w, "sw_a@test");
  ASSERT_TRUE(resume_session(w.services(), token));
  w.clock().advance(14min);
  ASSERT_TRUE(resume_session(w.services(), token)) << "touched: idle from now";
  w.clock().advance(14min);
  ASSERT_TRUE(resume_session(w.services(), token));
  w.clock().advance(16min);
  EXPECT_FALSE(resume_session(w.services(), token));
}

TEST(ActorCache, ANewerVersionDropsWhatWasKeptAndAnOlderOneIsNotKept) {
  ActorCache cache(2);
  const auto person = [](std::int64_t id) { return ActorCache::Kept{Actor{.id = id}, false}; };
  cache.keep(5, person(1));
  cache.keep(5, person(2));
  EXPECT_TRUE(cache.find(1, 5));
  EXPECT_FALSE(cache.find(1, 6));
  cache.keep(4, person(3));
  EXPECT_FALSE(cache.find(3, 4));
  EXPECT_FALSE(cache.find(3, 5));
  cache.keep(5, person(3));  // past the bound: the rest go
  EXPECT_TRUE(cache.find(3, 5));
  EXPECT_FALSE(cache.find(1, 5));
  cache.keep(6, person(2));
  EXPECT_TRUE(cache.find(2, 6));
  EXPECT_FALSE(cache.find(3, 6));
}

}  // namespace
}  // namespace casepanel::app
