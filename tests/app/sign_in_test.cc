// Signing in: the throttle (NCSC: no more than 10 guesses in 5 minutes, per
// account and per address), failed sign-ins kept in the audit log, sessions
// replaced at sign-in, ended by their owner or an administrator, and purged;
// API tokens that expire and are rate limited. All on the fake clock.
#include <gtest/gtest.h>

#include "app/auth.h"
#include "app/people.h"
#include "store/sessions.h"
#include "support/world.h"

namespace casepanel::app {
namespace {

using namespace std::chrono_literals;
using testing::TestWorld;

class SignIn : public ::testing::Test {
 protected:
  SignInOutcome attempt(const std::string& email, const std::string& password,
                        const std::string& address = "192.0.2.1",
                        const std::string& previous = "") {
    return sign_in(world_.services(), SignInAttempt{email, password, address, previous});
  }
  std::int64_t count(const std::string& sql, const store::Params& params = {}) {
    std::int64_t n = 0;
    world_.db().read_all([&](store::Tx& tx) { n = tx.query_one(sql, params)->integer(0); });
    return n;
  }

  TestWorld world_;
};

TEST_F(SignIn, TenWrongPasswordsThenTheRightOneIsThrottledForFiveMinutes) {
  for (int i = 0; i < 10; ++i) {
    world_.clock().advance(1s);
    EXPECT_EQ(attempt("sw_a@test", "guess" + std::to_string(i)).step, SignInStep::refused) << i;
  }
  world_.clock().advance(1s);
  const SignInOutcome right = attempt("sw_a@test", testing::kPassword);
  EXPECT_EQ(right.step, SignInStep::throttled);
  // The first failure was 10 s ago: it leaves the 5-minute window in 290 s.
  EXPECT_EQ(right.retry_after, 290s);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_events WHERE action = 'session.sign_in_throttled'"),
            1);
  world_.clock().advance(289s);
  EXPECT_EQ(attempt("sw_a@test", testing::kPassword).step, SignInStep::throttled);
  world_.clock().advance(1s);
  EXPECT_EQ(attempt("sw_a@test", testing::kPassword).step, SignInStep::signed_in);
}

TEST_F(SignIn, TheAccountIsThrottledFromAnotherAddressToo) {
  for (int i = 0; i < 10; ++i) {
    attempt("sw_a@test", "guess", "198.51.100." + std::to_string(i));
  }
  EXPECT_EQ(attempt("SW_A@test", testing::kPassword, "203.0.113.9").step, SignInStep::throttled);
  // Another account from that address is not affected.
  EXPECT_EQ(attempt("sw_b@test", testing::kPassword, "203.0.113.9").step, SignInStep::signed_in);
}

TEST_F(SignIn, SprayingAcrossAccountsFromOneAddressIsThrottled) {
  const char* emails[] = {"sw_a@test",    "sw_b@test",   "pm_a@test",    "pm_b@test",
                          "gm@test",      "coord@test",  "auditor@test", "sysadmin@test",
                          "nobody1@test", "nobody2@test"};
  for (const char* email : emails) {
    EXPECT_EQ(attempt(email, "Password1").step, SignInStep::refused) << email;
  }
  // The 11th account from the same address, even with its right password.
  EXPECT_EQ(attempt("admin@panel.test", testing::kPassword).step, SignInStep::throttled);
  // From another address the same account signs in.
  EXPECT_EQ(attempt("admin@panel.test", testing::kPassword, "192.0.2.77").step,
            SignInStep::signed_in);
  // A success elsewhere does not clear the address's count.
  EXPECT_EQ(attempt("sw_a@test", testing::kPassword).step, SignInStep::throttled);
}

TEST_F(SignIn, FailedSignInsAreKeptWithWhoWhenWhereAndWhy) {
  attempt("sw_a@test", "wrong", "192.0.2.5");
  attempt("nobody@test", "wrong", "192.0.2.6");
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_events WHERE action = 'session.sign_in_failed'"), 2);
  std::string detail;
  world_.db().read_all([&](store::Tx& tx) {
    detail = tx.query_one(
                   "SELECT detail FROM audit_events WHERE action = 'session.sign_in_failed' "
                   "ORDER BY id")
                 ->text(0);
  });
  EXPECT_NE(detail.find("\"email\":\"sw_a@test\""), std::string::npos) << detail;
  EXPECT_NE(detail.find("\"client_address\":\"192.0.2.5\""), std::string::npos) << detail;
  EXPECT_NE(detail.find("\"outcome\":\"wrong_password\""), std::string::npos) << detail;
  EXPECT_EQ(count("SELECT COUNT(*) FROM sign_in_failures"), 2);
}

TEST_F(SignIn, OldFailuresArePurged) {
  attempt("sw_a@test", "wrong");
  world_.clock().advance(6min);
  attempt("sw_b@test", "wrong");
  EXPECT_EQ(count("SELECT COUNT(*) FROM sign_in_failures"), 1);
}

TEST_F(SignIn, SigningInAgainEndsTheOldSession) {
  const SignInOutcome first = attempt("sw_a@test", testing::kPassword);
  ASSERT_EQ(first.step, SignInStep::signed_in);
  const SignInOutcome again =
      attempt("sw_a@test", testing::kPassword, "192.0.2.1", first.session.token);
  ASSERT_EQ(again.step, SignInStep::signed_in);
  EXPECT_NE(again.session.token, first.session.token);
  EXPECT_FALSE(resume_session(world_.services(), first.session.token).has_value());
  EXPECT_TRUE(resume_session(world_.services(), again.session.token).has_value());
}

TEST_F(SignIn, PeopleSeeAndEndTheirOwnSessions) {
  const auto laptop = attempt("sw_a@test", testing::kPassword, "192.0.2.1").session;
  world_.clock().advance(1min);
  const auto phone = attempt("sw_a@test", testing::kPassword, "192.0.2.2").session;
  const auto other = attempt("sw_b@test", testing::kPassword, "192.0.2.3").session;
  const SessionInfo me = *resume_session(world_.services(), phone.token);
  const auto mine = active_sessions(world_.services(), me);
  ASSERT_EQ(mine.size(), 2u);
  EXPECT_TRUE(mine[0].current);
  EXPECT_EQ(mine[0].client_address, "192.0.2.2");
  EXPECT_FALSE(mine[1].current);
  // Someone else's session is not theirs to end.
  const SessionInfo them = *resume_session(world_.services(), other.token);
  EXPECT_EQ(end_session(world_.services(), me.actor, them.id_hash).error().kind,
            core::ErrorKind::not_found);
  ASSERT_TRUE(end_session(world_.services(), me.actor, mine[1].handle).ok());
  EXPECT_FALSE(resume_session(world_.services(), laptop.token).has_value());
  EXPECT_TRUE(resume_session(world_.services(), phone.token).has_value());
  EXPECT_TRUE(resume_session(world_.services(), other.token).has_value());
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_events WHERE action = 'session.end'"), 1);
}

TEST_F(SignIn, AdministratorsEndAllOfAPersonsSessions) {
  const auto one = attempt("sw_a@test", testing::kPassword, "192.0.2.1").session;
  const auto two = attempt("sw_a@test", testing::kPassword, "192.0.2.2").session;
  EXPECT_EQ(
      end_person_sessions(world_.services(), world_.actor(world_.sw_b), world_.sw_a).error().kind,
      core::ErrorKind::forbidden);
  auto ended = end_person_sessions(world_.services(), world_.actor(world_.admin), world_.sw_a);
  ASSERT_TRUE(ended.ok());
  EXPECT_EQ(*ended, 2);
  EXPECT_FALSE(resume_session(world_.services(), one.token).has_value());
  EXPECT_FALSE(resume_session(world_.services(), two.token).has_value());
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_events WHERE action = 'person.end_sessions'"), 1);
}

TEST_F(SignIn, ExpiredSessionsArePurgedAtSignIn) {
  attempt("sw_a@test", testing::kPassword);
  attempt("sw_b@test", testing::kPassword);
  EXPECT_EQ(count("SELECT COUNT(*) FROM sessions"), 2);
  world_.clock().advance(16min);  // both idle past 15 minutes
  attempt("pm_a@test", testing::kPassword);
  EXPECT_EQ(count("SELECT COUNT(*) FROM sessions"), 1);
}

TEST_F(SignIn, ApiTokensExpire) {
  auto made = create_api_token(world_.services(), "sw_a@test", 30);
  ASSERT_TRUE(made.ok());
  EXPECT_EQ(made->expires_at, "2026-12-24T09:00:00Z");
  EXPECT_EQ(authenticate_api_token(world_.services(), made->token).access, ApiAccess::allowed);
  world_.clock().advance(std::chrono::days{30});
  const ApiCaller late = authenticate_api_token(world_.services(), made->token);
  EXPECT_EQ(late.access, ApiAccess::unauthorised);
  EXPECT_NE(late.reason.find("expired"), std::string::npos);
  EXPECT_EQ(create_api_token(world_.services(), "sw_a@test", 0).error().kind,
            core::ErrorKind::invalid);
}

TEST_F(SignIn, ApiTokensAreRateLimitedPerMinuteAndRecordTheirLastUse) {
  auto made = create_api_token(world_.services(), "sw_a@test");
  ASSERT_TRUE(made.ok());
  world_.clock().advance(15s);  // 09:00:15
  for (int i = 0; i < 5; ++i) {
    EXPECT_EQ(authenticate_api_token(world_.services(), made->token, 5).access, ApiAccess::allowed);
  }
  const ApiCaller over = authenticate_api_token(world_.services(), made->token, 5);
  EXPECT_EQ(over.access, ApiAccess::rate_limited);
  EXPECT_EQ(over.retry_after, 45s);
  world_.clock().advance(45s);  // the next minute
  EXPECT_EQ(authenticate_api_token(world_.services(), made->token, 5).access, ApiAccess::allowed);
  const auto tokens = list_api_tokens(world_.services());
  ASSERT_EQ(tokens.size(), 1u);
  // Recorded at the first use; the uses within the next minute do not write.
  EXPECT_EQ(tokens[0].last_used_at, "2026-11-24T09:00:15Z");
  ASSERT_TRUE(revoke_api_token(world_.services(), Actor{}, made->id).ok());
  EXPECT_EQ(authenticate_api_token(world_.services(), made->token).access, ApiAccess::unauthorised);
  EXPECT_FALSE(revoke_api_token(world_.services(), Actor{}, made->id).ok());
}

}  // namespace
}  // namespace casepanel::app
