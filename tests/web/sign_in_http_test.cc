// Sign-in over HTTP: the throttle's 429, sign-out clearing the browser,
// __Host- cookies and HSTS over TLS, the account page, the second step of a
// two-factor sign-in and the organisation's requirement, and API errors that
// are always JSON. The real server on port 0 over a TestWorld.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "app/auth.h"
#include "app/two_factor.h"
#include "core/password_policy.h"
#include "store/sessions.h"
#include "support/world.h"
#include "web/http_client.h"
#include "web/server.h"

namespace casepanel::web {
namespace {

using namespace std::chrono_literals;
using testing::TestWorld;

class SignInHttp : public ::testing::Test {
 protected:
  void start(SiteOptions options = {}) {
    StaticFiles files;
    site_ = std::make_unique<Site>(
        world_.services(), Templates::load(std::string(CASEPANEL_SOURCE_DIR) + "/templates"),
        std::move(files), std::move(options));
    ServerConfig config;
    config.port = 0;
    config.max_threads = 4;
    server_ = std::make_unique<Server>(*site_, config);
    server_->start();
  }
  void TearDown() override {
    if (server_) {
      server_->stop();
    }
  }
  Client client() { return Client(server_->port()); }
  Reply sign_in(Client& c, const std::string& email, const std::string& password) {
    Reply page = c.get("/sign-in");
    return c.post("/sign-in", {{"csrf_token", Client::token_in(page.body)},
                               {"email", email},
                               {"password", password},
                               {"next", "/"}});
  }
  static bool json_error(const Reply& r, const std::string& error) {
    if (r.header("Content-Type") != "application/json") {
      return false;
    }
    auto j = nlohmann::json::parse(r.body, nullptr, false);
    return j.is_object() && j.value("error", "") == error && !j.value("reason", "").empty();
  }

  TestWorld world_;
  std::unique_ptr<Site> site_;
  std::unique_ptr<Server> server_;
};

TEST_F(SignInHttp, TheEleventhAttemptGets429WithRetryAfterEvenWithTheRightPassword) {
  start();
  Client c = client();
  for (int i = 0; i < 10; ++i) {
    EXPECT_EQ(sign_in(c, "sw_a@test", "wrong").status, 200) << i;
  }
  Reply r = sign_in(c, "sw_a@test", testing::kPassword);
  EXPECT_EQ(r.status, 429);
  EXPECT_EQ(r.header("Retry-After"), "300");
  EXPECT_NE(r.body.find("Too many attempts to sign in"), std::string::npos);
  EXPECT_NE(r.body.find("try again in 5 minutes"), std::string::npos);
  EXPECT_EQ(c.get("/").status, 303);
  world_.clock().advance(5min);
  EXPECT_EQ(sign_in(c, "sw_a@test", testing::kPassword).status, 303);
  EXPECT_EQ(c.get("/").status, 200);
}

TEST_F(SignInHttp, SignOutClearsTheBrowsersDataForTheSite) {
  start();
  Client c = client();
  ASSERT_TRUE(c.sign_in("sw_a@test"));
  Reply out = c.post("/sign-out", {{"csrf_token", Client::token_in(c.get("/").body)}});
  EXPECT_EQ(out.status, 303);
  EXPECT_EQ(out.header("Clear-Site-Data"), "\"cache\", \"cookies\", \"storage\"");
}

TEST_F(SignInHttp, OverTlsCookiesHaveTheHostPrefixAndEveryResponseHsts) {
  SiteOptions options;
  options.secure_cookies = true;
  start(options);
  Client c = client();
  Reply page = c.get("/sign-in");
  EXPECT_EQ(page.header("Strict-Transport-Security"), "max-age=31536000; includeSubDomains");
  const std::string set = page.header("Set-Cookie");
  EXPECT_EQ(set.rfind("__Host-cp_signin=", 0), 0u) << set;
  EXPECT_NE(set.find("Secure"), std::string::npos) << set;
  EXPECT_NE(set.find("Path=/"), std::string::npos) << set;
  EXPECT_EQ(set.find("Domain"), std::string::npos) << set;
  EXPECT_EQ(sign_in(c, "sw_a@test", testing::kPassword).status, 303);
  EXPECT_NE(c.cookie_header().find("__Host-cp_session="), std::string::npos);
  Reply home = c.get("/");
  EXPECT_EQ(home.status, 200);  // the prefixed cookie is the one read
  EXPECT_EQ(home.header("Strict-Transport-Security"), "max-age=31536000; includeSubDomains");
  EXPECT_EQ(c.get("/healthz").header("Strict-Transport-Security"),
            "max-age=31536000; includeSubDomains");
}

// Over TLS the session cookie is __Host-cp_session: changing the password
// must read that one to know which session to keep (it read the unprefixed
// name, found none, and signed the person out of the session they were using).
TEST_F(SignInHttp, OverTlsChangingThePasswordKeepsThisSessionAndEndsTheOthers) {
  const core::CommonPasswords common = core::CommonPasswords::from_lines("password\n");
  world_.services().people.common_passwords = &common;
  SiteOptions options;
  options.secure_cookies = true;
  start(options);
  Client laptop = client();
  Client phone = client();
  ASSERT_EQ(sign_in(laptop, "sw_a@test", testing::kPassword).status, 303);
  ASSERT_EQ(sign_in(phone, "sw_a@test", testing::kPassword).status, 303);
  Reply form = phone.get("/account/password");
  ASSERT_EQ(form.status, 200);
  Reply changed =
      phone.post("/account/password", {{"csrf_token", Client::token_in(form.body)},
                                       {"current_password", testing::kPassword},
                                       {"password", "lantern orchard quietly 4812 heron"},
                                       {"password_confirm", "lantern orchard quietly 4812 heron"}});
  EXPECT_EQ(changed.status, 303) << changed.body.substr(0, 400);
  EXPECT_EQ(phone.get("/").status, 200);
  EXPECT_EQ(laptop.get("/").status, 303);
}

TEST_F(SignInHttp, WithoutTlsThereIsNoHsts) {
  start();
  EXPECT_EQ(client().get("/sign-in").header("Strict-Transport-Security"), "");
}

TEST_F(SignInHttp, TheAccountPageListsSessionsAndEndsOne) {
  start();
  Client laptop = client();
  Client phone = client();
  ASSERT_TRUE(laptop.sign_in("sw_a@test"));
  world_.clock().advance(1min);
  ASSERT_TRUE(phone.sign_in("sw_a@test"));
  Reply page = phone.get("/account");
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("Your active sessions"), std::string::npos);
  EXPECT_NE(page.body.find("This session"), std::string::npos);
  EXPECT_NE(page.body.find("/account/password"), std::string::npos);
  EXPECT_NE(page.body.find("/account/two-factor"), std::string::npos);
  const auto sessions = [&] {
    std::vector<store::SessionRecord> out;
    world_.db().read_all([&](store::Tx& tx) { out = store::sessions_of(tx, world_.sw_a); });
    return out;
  }();
  ASSERT_EQ(sessions.size(), 2u);
  // The laptop signed in first: the older session, listed last.
  const std::string other = sessions.back().id_hash;
  EXPECT_NE(page.body.find(other), std::string::npos);
  Reply end = phone.post("/account/sessions/end",
                         {{"csrf_token", Client::token_in(page.body)}, {"session", other}});
  EXPECT_EQ(end.status, 303);
  EXPECT_EQ(end.header("Location"), "/account");
  EXPECT_EQ(laptop.get("/").status, 303);
  EXPECT_EQ(phone.get("/").status, 200);
}

TEST_F(SignInHttp, TwoFactorSignInHasASecondStep) {
  start();
  const app::Actor me = world_.actor(world_.sw_a);
  ASSERT_TRUE(app::start_two_factor(world_.services(), me).ok());
  auto secret = [&] {
    std::string s;
    world_.db().read_all(
        [&](store::Tx& tx) { s = store::find_two_factor(tx, world_.sw_a)->secret_base32; });
    return *app::base32_decode(s);
  };
  ASSERT_TRUE(
      app::confirm_two_factor(world_.services(), me, app::totp(secret(), world_.clock().now()))
          .ok());
  world_.clock().advance(60s);
  Client c = client();
  Reply first = sign_in(c, "sw_a@test", testing::kPassword);
  EXPECT_EQ(first.status, 303);
  EXPECT_EQ(first.header("Location"), "/sign-in/two-factor?next=/");
  EXPECT_EQ(c.get("/").status, 303);  // no session yet
  Reply form = c.get("/sign-in/two-factor");
  ASSERT_EQ(form.status, 200);
  Reply wrong = c.post("/sign-in/two-factor",
                       {{"csrf_token", Client::token_in(form.body)}, {"code", "12345"}});
  EXPECT_EQ(wrong.status, 200);
  EXPECT_NE(wrong.body.find("govuk-error-summary"), std::string::npos);
  Reply ok = c.post("/sign-in/two-factor", {{"csrf_token", Client::token_in(wrong.body)},
                                            {"code", app::totp(secret(), world_.clock().now())},
                                            {"next", "/"}});
  EXPECT_EQ(ok.status, 303);
  EXPECT_EQ(c.get("/").status, 200);
}

TEST_F(SignInHttp, WhenRequiredPeopleWithoutASecondFactorAreSentToSetItUp) {
  start();
  ASSERT_TRUE(
      app::set_two_factor_policy(world_.services(), app::Actor{}, app::TwoFactorPolicy::required)
          .ok());
  Client c = client();
  ASSERT_TRUE(c.sign_in("sw_a@test"));
  Reply home = c.get("/");
  EXPECT_EQ(home.status, 303);
  EXPECT_EQ(home.header("Location"), "/account/two-factor");
  EXPECT_EQ(c.get("/children").header("Location"), "/account/two-factor");
  Reply setup = c.get("/account/two-factor");
  EXPECT_EQ(setup.status, 200);
  EXPECT_NE(setup.body.find("requires two-factor authentication"), std::string::npos);
  Reply start_it =
      c.post("/account/two-factor/start", {{"csrf_token", Client::token_in(setup.body)}});
  EXPECT_EQ(start_it.status, 303);
  Reply qr = c.get("/account/two-factor");
  EXPECT_NE(qr.body.find("<svg "), std::string::npos);
  EXPECT_NE(qr.body.find("otpauth://totp/casepanel:sw_a@test?secret="), std::string::npos);
}

TEST_F(SignInHttp, ApiErrorsAreJsonNeverHtml) {
  SiteOptions options;
  options.api_requests_per_minute = 3;
  start(options);
  auto made = app::create_api_token(world_.services(), "sw_a@test", 10);
  ASSERT_TRUE(made.ok());
  Client c = client();
  EXPECT_TRUE(json_error(c.get_with_token("/api/v1/no-such-thing", made->token), "not_found"));
  EXPECT_EQ(c.get_with_token("/api/v1/no-such-thing", made->token).status, 404);
  Reply post = c.post("/api/v1/children", {{"x", "y"}});
  EXPECT_EQ(post.status, 405);
  EXPECT_TRUE(json_error(post, "method_not_allowed"));
  Reply none = c.get("/api/v1/children");
  EXPECT_EQ(none.status, 401);
  EXPECT_TRUE(json_error(none, "unauthorised"));
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(c.get_with_token("/api/v1/children", made->token).status, 200) << i;
  }
  Reply limited = c.get_with_token("/api/v1/children", made->token);
  EXPECT_EQ(limited.status, 429);
  EXPECT_TRUE(json_error(limited, "rate_limited"));
  EXPECT_FALSE(limited.header("Retry-After").empty());
}

TEST_F(SignInHttp, AnExpiredTokenGets401Json) {
  start();
  auto made = app::create_api_token(world_.services(), "sw_a@test", 1);
  ASSERT_TRUE(made.ok());
  Client c = client();
  EXPECT_EQ(c.get_with_token("/api/v1/children", made->token).status, 200);
  world_.clock().advance(std::chrono::days{1});
  Reply late = c.get_with_token("/api/v1/children", made->token);
  EXPECT_EQ(late.status, 401);
  EXPECT_TRUE(json_error(late, "unauthorised"));
  EXPECT_NE(late.body.find("expired"), std::string::npos);
}

}  // namespace
}  // namespace casepanel::web
