// HTTP tests: the real server on port 0 over a TestWorld, spoken to with a
// real HTTP client. Access rules, CSRF, security headers, the API.
#include <Poco/Net/HTMLForm.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPCookie.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/StreamCopier.h>
#include <gtest/gtest.h>

#include <map>
#include <regex>

#include "app/requests.h"
#include "app/sittings.h"
#include "support/requests.h"
#include "support/world.h"
#include "web/http_client.h"
#include "web/site_fixture.h"

namespace casepanel::web {
namespace {

using testing::TestWorld;

class Http : public SiteFixture {
 protected:
  Http() : SiteFixture(StaticAssets::repository) {}
};

TEST_F(Http, HealthCheckNeedsNoSignIn) {
  Reply r = client().get("/healthz");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.body, "ok\n");
}

TEST_F(Http, PagesBehindSignInRedirectToTheSignInPage) {
  Reply r = client().get("/children");
  EXPECT_EQ(r.status, 303);
  EXPECT_EQ(r.header("Location"), "/sign-in?next=/children");
}

TEST_F(Http, AWrongPasswordShowsAnErrorAndNoSession) {
  Client c = client();
  Reply page = c.get("/sign-in");
  Reply r = c.post(
      "/sign-in",
      {{"csrf_token", Client::token_in(page.body)}, {"email", "sw_a@test"}, {"password", "wrong"}});
  EXPECT_EQ(r.status, 200);
  EXPECT_NE(r.body.find("govuk-error-summary"), std::string::npos);
  EXPECT_NE(r.body.find("Enter a correct email address and password"), std::string::npos);
  EXPECT_EQ(c.get("/").status, 303);
}

TEST_F(Http, EveryPageBehindSignInHasSecurityHeadersAndIsNotCached) {
  Client c = client();
  ASSERT_TRUE(c.sign_in("sw_a@test"));
  for (const std::string& path :
       std::vector<std::string>{"/", "/children", "/children/" + std::to_string(world_.child_a)}) {
    Reply r = c.get(path);
    EXPECT_EQ(r.status, 200) << path;
    EXPECT_EQ(r.header("Cache-Control"), "no-store") << path;
    EXPECT_EQ(r.header("X-Content-Type-Options"), "nosniff");
    const std::string csp = r.header("Content-Security-Policy");
    EXPECT_NE(csp.find("frame-ancestors 'none'"), std::string::npos);
    EXPECT_EQ(csp.find("unsafe-inline"), std::string::npos);
    EXPECT_FALSE(r.header("Referrer-Policy").empty());
  }
}

TEST_F(Http, ASocialWorkerGets404ForAChildOfAnotherTeam) {
  Client c = client();
  ASSERT_TRUE(c.sign_in("sw_a@test"));
  EXPECT_EQ(c.get("/children/" + std::to_string(world_.child_a)).status, 200);
  Reply other = c.get("/children/" + std::to_string(world_.child_b));
  EXPECT_EQ(other.status, 404);
  EXPECT_EQ(other.body.find("Ben"), std::string::npos);
  EXPECT_EQ(c.get("/children/999999").status, 404);
}

TEST_F(Http, APostWithoutTheCsrfTokenIsRefusedAndChangesNothing) {
  Client c = client();
  ASSERT_TRUE(c.sign_in("sw_a@test"));
  const auto before = number("SELECT COUNT(*) FROM requests");
  const auto type = world_.services().panels.find("clam")->request_types.front().id;
  std::vector<std::pair<std::string, std::string>> form = {
      {"panel_id", "clam"},       {"child_ids", std::to_string(world_.child_a)},
      {"request_type", type},     {"reason", "r"},
      {"proposed_plan", "p"},     {"parallel_plan", "pp"},
      {"venue_preference", "chn"}};
  Reply r = c.post("/requests", form);
  EXPECT_EQ(r.status, 403);
  form.emplace_back("csrf_token",
                    "0000000000000000000000000000000000000000000000000000000000000000");
  EXPECT_EQ(c.post("/requests", form).status, 403);
  EXPECT_EQ(number("SELECT COUNT(*) FROM requests"), before);
  // With the session's token the same form is accepted.
  form.back().second = Client::token_in(c.get("/").body);
  Reply ok = c.post("/requests", form);
  EXPECT_EQ(ok.status, 303);
  EXPECT_EQ(number("SELECT COUNT(*) FROM requests"), before + 1);
}

TEST_F(Http, NobodyApprovesTheirOwnRequest) {
  core::RequestDraft d;
  d.panel_id = "clam";
  d.request_type = world_.services().panels.find("clam")->request_types.front().id;
  d.reason = "r";
  d.proposed_plan = "p";
  d.parallel_plan = "pp";
  d.venue_preference = "chd";
  const std::int64_t request = testing::sent_request(world_, world_.pm_a, {world_.child_a}, d);
  const std::int64_t* id = &request;
  Client c = client();
  ASSERT_TRUE(c.sign_in("pm_a@test"));
  const std::string path = "/requests/" + std::to_string(*id);
  Reply page = c.get(path);
  EXPECT_EQ(page.body.find(">Approve<"), std::string::npos);  // no button offered
  Reply r = c.post(path + "/approve", {{"csrf_token", Client::token_in(page.body)}});
  EXPECT_EQ(r.status, 403);
  EXPECT_EQ(number("SELECT COUNT(*) FROM approvals"), 0);
}

TEST_F(Http, OnlyCoordinatorsTriage) {
  app::ensure_sittings(world_.services(), core::Date{std::chrono::year{2026} / 11 / 24}, 3);
  const auto id = testing::sent_clam_request(world_, {world_.child_a});
  testing::approve_clam(world_, id);
  const std::string request = "/requests/" + std::to_string(id);
  const std::string sitting =
      "/sittings/" + std::to_string(number("SELECT MIN(id) FROM sittings WHERE panel_id = 'clam'"));
  const std::vector<std::string> pages = {"/triage", "/triage/proposal", request + "/triage",
                                          "/sittings/new"};
  const std::vector<std::string> posts = {
      request + "/schedule", request + "/decline", request + "/ask-information",
      request + "/refer",    "/triage/proposal",   sitting + "/cancel",
      sitting + "/move",     sitting + "/publish", "/sittings"};
  // The system administrator sees no child, so no triage (issue: least privilege).
  for (const char* who :
       {"sw_a@test", "pm_a@test", "gm@test", "admin@panel.test", "sysadmin@test"}) {
    Client c = client();
    ASSERT_TRUE(c.sign_in(who));
    const std::string token = Client::token_in(c.get("/").body);
    for (const auto& page : pages) {
      EXPECT_EQ(c.get(page).status, 403) << who << " " << page;
    }
    for (const auto& post : posts) {
      EXPECT_EQ(c.post(post, {{"csrf_token", token},
                              {"decline_reason", "No"},
                              {"cancel_reason", "No"},
                              {"panel_id", "clam"}})
                    .status,
                403)
          << who << " " << post;
    }
  }
  EXPECT_EQ(testing::state_of(world_, id), "submitted");
  EXPECT_EQ(number("SELECT COUNT(*) FROM sittings WHERE status = 'cancelled'"), 0);
  for (const char* who : {"coord@test"}) {
    Client c = client();
    ASSERT_TRUE(c.sign_in(who));
    for (const auto& page : pages) {
      EXPECT_EQ(c.get(page).status, 200) << who << " " << page;
    }
    EXPECT_EQ(c.get(sitting + "/print").status, 200) << who;
  }
  // The coordinator's forms: an empty reason is shown against its field and
  // changes nothing; with one the request is declined.
  Client coord = client();
  ASSERT_TRUE(coord.sign_in("coord@test"));
  const std::string token = Client::token_in(coord.get(request + "/triage").body);
  Reply empty = coord.post(request + "/decline", {{"csrf_token", token}, {"decline_reason", " "}});
  EXPECT_EQ(empty.status, 200);
  EXPECT_NE(empty.body.find("govuk-error-summary"), std::string::npos);
  EXPECT_NE(empty.body.find("Enter why the request is declined"), std::string::npos);
  EXPECT_EQ(testing::state_of(world_, id), "submitted");
  Reply declined =
      coord.post(request + "/decline", {{"csrf_token", token}, {"decline_reason", "Not for us"}});
  EXPECT_EQ(declined.status, 303);
  EXPECT_EQ(testing::state_of(world_, id), "declined");
}

TEST_F(Http, TheAuditLogIsForAuditorsOnly) {
  Client sw = client();
  ASSERT_TRUE(sw.sign_in("sw_a@test"));
  EXPECT_EQ(sw.get("/audit").status, 403);
  Client auditor = client();
  ASSERT_TRUE(auditor.sign_in("auditor@test"));
  Reply r = auditor.get("/audit");
  EXPECT_EQ(r.status, 200);
  EXPECT_NE(r.body.find("session.sign_in"), std::string::npos);
}

TEST_F(Http, SessionsEndAfterFifteenIdleMinutes) {
  Client c = client();
  ASSERT_TRUE(c.sign_in("sw_a@test"));
  world_.clock().advance(std::chrono::minutes{14});
  EXPECT_EQ(c.get("/").status, 200);
  world_.clock().advance(std::chrono::minutes{16});
  EXPECT_EQ(c.get("/").status, 303);
}

TEST_F(Http, SessionsEndAfterEightHoursHoweverBusy) {
  Client c = client();
  ASSERT_TRUE(c.sign_in("sw_a@test"));
  for (int i = 0; i < 33; ++i) {  // 33 x 14.5 minutes: just under 8 hours
    world_.clock().advance(std::chrono::seconds{870});
    ASSERT_EQ(c.get("/").status, 200) << i;
  }
  world_.clock().advance(std::chrono::seconds{870});
  EXPECT_EQ(c.get("/").status, 303);
}

TEST_F(Http, SignOutEndsTheSession) {
  Client c = client();
  ASSERT_TRUE(c.sign_in("sw_a@test"));
  Reply home = c.get("/");
  EXPECT_EQ(c.post("/sign-out", {{"csrf_token", Client::token_in(home.body)}}).status, 303);
  EXPECT_EQ(c.get("/").status, 303);
}

TEST_F(Http, TheApiListsOnlyTheChildrenTheTokensUserMaySee) {
  auto token = app::create_api_token(world_.services(), "sw_a@test");
  ASSERT_TRUE(token.ok());
  Client c = client();
  Reply r = c.get_with_token("/api/v1/children", token->token);
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.header("Content-Type"), "application/json");
  EXPECT_NE(r.body.find("\"T-1\""), std::string::npos);
  EXPECT_EQ(r.body.find("\"T-2\""), std::string::npos);
  EXPECT_EQ(c.get_with_token("/api/v1/children", "nonsense").status, 401);
  EXPECT_EQ(c.get("/api/v1/children").status, 401);
}

TEST_F(Http, UnknownPagesAre404AndShowNoInternals) {
  Client c = client();
  ASSERT_TRUE(c.sign_in("sw_a@test"));
  Reply r = c.get("/no/such/page");
  EXPECT_EQ(r.status, 404);
  EXPECT_NE(r.body.find("Page not found"), std::string::npos);
}

}  // namespace
}  // namespace casepanel::web
