// TOTP (RFC 6238) and its pieces, against the RFCs' own test vectors; then
// enrolment and sign-in with a second factor on a TestWorld.
#include <gtest/gtest.h>

#include "app/auth.h"
#include "app/two_factor.h"
#include "store/sessions.h"
#include "support/world.h"

namespace casepanel::app {
namespace {

using namespace std::chrono_literals;
using testing::TestWorld;

core::Instant at(std::int64_t epoch_seconds) {
  return core::Instant{std::chrono::seconds{epoch_seconds}};
}

// RFC 6238 appendix B, the SHA-1 column (key "12345678901234567890", 8 digits).
TEST(Totp, MatchesTheRfc6238TestVectors) {
  struct Row {
    std::int64_t time;
    const char* code;
  };
  const Row rows[] = {
      {.time = 59, .code = "94287082"},         {.time = 1111111109, .code = "07081804"},
      {.time = 1111111111, .code = "14050471"}, {.time = 1234567890, .code = "89005924"},
      {.time = 2000000000, .code = "69279037"}, {.time = 20000000000, .code = "65353130"},
  };
  for (const Row& r : rows) {
    EXPECT_EQ(totp("12345678901234567890", at(r.time), 8), r.code) << r.time;
  }
}

// Our 6-digit wrapper: the last 6 digits of the same truncation (RFC 4226
// appendix D gives the 6-digit HOTP values for counters 0..9).
TEST(Totp, SixDigitCodesAreTheRfc4226Values) {
  const char* expected[] = {"755224", "287082", "359152", "969429", "338314",
                            "254676", "287922", "162583", "399871", "520489"};
  for (std::uint64_t counter = 0; counter < 10; ++counter) {
    EXPECT_EQ(hotp("12345678901234567890", counter, 6), expected[counter]) << counter;
  }
  EXPECT_EQ(totp("12345678901234567890", at(59)), "287082");
  EXPECT_EQ(totp_step(at(59)), 1);
}

// RFC 4648 section 10.
TEST(Base32, MatchesTheRfc4648TestVectors) {
  struct Row {
    const char* bytes;
    const char* text;
  };
  const Row rows[] = {
      {.bytes = "", .text = ""},
      {.bytes = "f", .text = "MY"},
      {.bytes = "fo", .text = "MZXQ"},
      {.bytes = "foo", .text = "MZXW6"},
      {.bytes = "foob", .text = "MZXW6YQ"},
      {.bytes = "fooba", .text = "MZXW6YTB"},
      {.bytes = "foobar", .text = "MZXW6YTBOI"},
  };
  for (const Row& r : rows) {
    EXPECT_EQ(base32_encode(r.bytes), r.text);
    EXPECT_EQ(base32_decode(r.text), std::string(r.bytes));
  }
  EXPECT_EQ(base32_decode("mzxw 6ytb oi======"), std::string("foobar"));
  EXPECT_FALSE(base32_decode("MZ1W").has_value());
}

TEST(QrCode, IsAnSvgWithATextAlternative) {
  const std::string svg = qr_svg(otpauth_uri("sw_a@test", "JBSWY3DPEHPK3PXP"));
  EXPECT_EQ(svg.rfind("<svg ", 0), 0u);
  EXPECT_NE(svg.find("role=\"img\""), std::string::npos);
  EXPECT_NE(svg.find("<title id=\"qr-title\">"), std::string::npos);
  EXPECT_NE(svg.find("<path "), std::string::npos);
  EXPECT_EQ(otpauth_uri("sw_a@test", "JBSWY3DPEHPK3PXP"),
            "otpauth://totp/casepanel:sw_a@test?secret=JBSWY3DPEHPK3PXP&issuer=casepanel"
            "&algorithm=SHA1&digits=6&period=30");
}

class TwoFactor : public ::testing::Test {
 protected:
  // Turns two-factor on for the person; gives the recovery codes.
  std::vector<std::string> enrol(std::int64_t user_id) {
    const Actor me = world_.actor(user_id);
    EXPECT_TRUE(start_two_factor(world_.services(), me).ok());
    const std::string code = current_code(user_id);
    auto codes = confirm_two_factor(world_.services(), me, code);
    EXPECT_TRUE(codes.ok());
    return codes.ok() ? *codes : std::vector<std::string>{};
  }
  std::string current_code(std::int64_t user_id, std::chrono::seconds offset = 0s) {
    std::string secret;
    world_.db().read_all(
        [&](store::Tx& tx) { secret = store::find_two_factor(tx, user_id)->secret_base32; });
    return totp(*base32_decode(secret), world_.clock().now() + offset);
  }
  std::string pending_for(const std::string& email) {
    auto first = sign_in(world_.services(), SignInAttempt{email, testing::kPassword, "10.0.0.1"});
    EXPECT_EQ(first.step, SignInStep::second_factor_needed);
    return first.pending_token;
  }
  SignInOutcome second(const std::string& pending, const std::string& code) {
    return sign_in_second_factor(world_.services(), SecondFactorAttempt{pending, code, "10.0.0.1"});
  }
  std::int64_t audit_count(const std::string& action) {
    std::int64_t n = 0;
    world_.db().read_all([&](store::Tx& tx) {
      n = tx.query_one("SELECT COUNT(*) FROM audit_events WHERE action = $1", {action})->integer(0);
    });
    return n;
  }

  TestWorld world_;
};

TEST_F(TwoFactor, EnrolmentNeedsACorrectCodeAndGivesTenRecoveryCodes) {
  const Actor me = world_.actor(world_.sw_a);
  ASSERT_TRUE(start_two_factor(world_.services(), me).ok());
  EXPECT_EQ(two_factor_status(world_.services(), me).state, TwoFactorState::awaiting_confirmation);
  auto wrong = confirm_two_factor(world_.services(), me, "000000");
  if (current_code(world_.sw_a) != "000000") {
    ASSERT_FALSE(wrong.ok());
    EXPECT_EQ(wrong.error().fields.at(0).field, "code");
  }
  auto codes = confirm_two_factor(world_.services(), me, current_code(world_.sw_a));
  ASSERT_TRUE(codes.ok());
  EXPECT_EQ(codes->size(), 10u);
  const TwoFactorStatus st = two_factor_status(world_.services(), me);
  EXPECT_EQ(st.state, TwoFactorState::on);
  EXPECT_EQ(st.recovery_codes_left, 10);
  EXPECT_EQ(audit_count("two_factor.enable"), 1);
}

TEST_F(TwoFactor, SignInAsksForACodeAndAcceptsEachCodeOnce) {
  enrol(world_.sw_a);
  world_.clock().advance(60s);  // past the step used to confirm
  const std::string pending = pending_for("sw_a@test");
  const std::string code = current_code(world_.sw_a);
  const SignInOutcome ok = second(pending, code);
  ASSERT_EQ(ok.step, SignInStep::signed_in);
  EXPECT_TRUE(resume_session(world_.services(), ok.session.token).has_value());
  // The same code again, even with a fresh password step: a replay.
  const SignInOutcome replay = second(pending_for("sw_a@test"), code);
  EXPECT_EQ(replay.step, SignInStep::refused);
  // The next step's code is accepted (clock drift of one step).
  const SignInOutcome next = second(pending_for("sw_a@test"), current_code(world_.sw_a, 30s));
  EXPECT_EQ(next.step, SignInStep::signed_in);
  // Two steps ahead is not.
  world_.clock().advance(60s);
  EXPECT_EQ(second(pending_for("sw_a@test"), current_code(world_.sw_a, 60s)).step,
            SignInStep::refused);
}

TEST_F(TwoFactor, ARecoveryCodeSignsInOnce) {
  const auto codes = enrol(world_.sw_a);
  ASSERT_EQ(codes.size(), 10u);
  const SignInOutcome ok = second(pending_for("sw_a@test"), codes[3]);
  EXPECT_EQ(ok.step, SignInStep::signed_in);
  EXPECT_EQ(audit_count("two_factor.recovery_code_use"), 1);
  EXPECT_EQ(second(pending_for("sw_a@test"), codes[3]).step, SignInStep::refused);
  EXPECT_EQ(two_factor_status(world_.services(), world_.actor(world_.sw_a)).recovery_codes_left, 9);
}

TEST_F(TwoFactor, APendingSignInLastsFiveMinutes) {
  enrol(world_.sw_a);
  const std::string pending = pending_for("sw_a@test");
  world_.clock().advance(5min + 1s);
  const SignInOutcome late = second(pending, current_code(world_.sw_a));
  EXPECT_EQ(late.step, SignInStep::refused);
  ASSERT_TRUE(late.error.has_value());
  EXPECT_EQ(late.error->kind, core::ErrorKind::not_found);
}

TEST_F(TwoFactor, WrongCodesCountTowardsTheThrottle) {
  enrol(world_.sw_a);
  world_.clock().advance(60s);
  const std::string pending = pending_for("sw_a@test");
  for (int i = 0; i < kThrottleLimit; ++i) {
    EXPECT_EQ(second(pending, "abcde-fghij").step, SignInStep::refused) << i;
  }
  EXPECT_EQ(second(pending, current_code(world_.sw_a)).step, SignInStep::throttled);
}

TEST_F(TwoFactor, TurningOffNeedsACurrentCode) {
  enrol(world_.sw_a);
  world_.clock().advance(60s);
  const Actor me = world_.actor(world_.sw_a);
  EXPECT_FALSE(disable_two_factor(world_.services(), me, "12").ok());
  ASSERT_TRUE(disable_two_factor(world_.services(), me, current_code(world_.sw_a)).ok());
  EXPECT_EQ(two_factor_status(world_.services(), me).state, TwoFactorState::off);
  EXPECT_EQ(audit_count("two_factor.disable"), 1);
  // Without a second factor, the password alone signs in again.
  EXPECT_EQ(
      sign_in(world_.services(), SignInAttempt{"sw_a@test", testing::kPassword, "10.0.0.1"}).step,
      SignInStep::signed_in);
}

TEST_F(TwoFactor, TheOrganisationSettingMakesSessionsDemandEnrolment) {
  auto first =
      sign_in(world_.services(), SignInAttempt{"sw_a@test", testing::kPassword, "1.1.1.1"});
  ASSERT_EQ(first.step, SignInStep::signed_in);
  EXPECT_EQ(resume_session(world_.services(), first.session.token)->demand, SessionDemand::nothing);
  EXPECT_FALSE(
      set_two_factor_policy(world_.services(), world_.actor(world_.sw_a), TwoFactorPolicy::required)
          .ok());
  ASSERT_TRUE(set_two_factor_policy(world_.services(), world_.actor(world_.admin),
                                    TwoFactorPolicy::required)
                  .ok());
  EXPECT_EQ(audit_count("setting.change"), 1);
  EXPECT_EQ(resume_session(world_.services(), first.session.token)->demand,
            SessionDemand::enrol_two_factor);
  enrol(world_.sw_a);
  EXPECT_EQ(resume_session(world_.services(), first.session.token)->demand, SessionDemand::nothing);
}

}  // namespace
}  // namespace casepanel::app
