// People and passwords over HTTP: the administrators' pages are for
// administrators only (403 for everyone else), every POST needs its CSRF
// token, and one journey end to end: an administrator adds a person, sends a
// set-password link, the link (read from the outbox) sets a password, and
// the person signs in with it.
#include <gtest/gtest.h>

#include <regex>

#include "support/world.h"
#include "web/http_client.h"
#include "web/site_fixture.h"

namespace casepanel::web {
namespace {

using testing::TestWorld;

const char* const kNewPassword = "maple orbit canoe 47";

class PeopleHttp : public SiteFixture {
 protected:
  PeopleHttp() : common_(core::CommonPasswords::from_lines("password\nletmein12345\n")) {
    world_.services().people.common_passwords = &common_;
    world_.services().people.site_url = "https://panel.council.test";
  }

  Client admin() {
    Client c = client();
    EXPECT_TRUE(c.sign_in("sysadmin@test"));
    return c;
  }
  std::string newest_email_body() {
    std::string body;
    world_.db().read_all([&](store::Tx& tx) {
      if (auto r = tx.query_one("SELECT body FROM outbox ORDER BY id DESC LIMIT 1")) {
        body = r->text(0);
      }
    });
    return body;
  }

  core::CommonPasswords common_;
};

TEST_F(PeopleHttp, OnlyAdministratorsSeeThePeoplePages) {
  const std::string person = "/admin/people/" + std::to_string(world_.sw_b);
  EXPECT_EQ(client().get("/admin/people").status, 303) << "signed out: to the sign-in page";
  for (const char* who :
       {"sw_a@test", "pm_a@test", "gm@test", "auditor@test", "coord@test", "admin@panel.test"}) {
    Client c = client();
    ASSERT_TRUE(c.sign_in(who));
    const std::string token = Client::token_in(c.get("/").body);
    for (const std::string& path :
         {std::string("/admin/people"), std::string("/admin/people/new"), person}) {
      Reply r = c.get(path);
      EXPECT_EQ(r.status, 403) << who << " " << path;
      EXPECT_EQ(r.body.find("Sid Beta"), std::string::npos) << who << " " << path;
    }
    for (const std::string& path :
         {std::string("/admin/people"), person, person + "/disable", person + "/enable",
          person + "/password-link", person + "/end-sessions"}) {
      EXPECT_EQ(c.post(path, {{"csrf_token", token}, {"name", "X"}}).status, 403)
          << who << " " << path;
    }
    EXPECT_EQ(c.get("/").body.find("href=\"/admin/people\""), std::string::npos) << who;
  }
  EXPECT_EQ(number("SELECT COUNT(*) FROM users WHERE active = 0"), 0);
  EXPECT_EQ(number("SELECT COUNT(*) FROM password_links"), 0);
}

TEST_F(PeopleHttp, EveryPostNeedsTheCsrfToken) {
  Client a = admin();
  const std::string person = "/admin/people/" + std::to_string(world_.sw_b);
  for (const std::string& path : {person + "/disable", person + "/password-link",
                                  person + "/end-sessions", std::string("/admin/people")}) {
    EXPECT_EQ(a.post(path, {{"name", "Eve"}, {"email", "eve@council.test"}}).status, 403) << path;
    EXPECT_EQ(a.post(path, {{"csrf_token", std::string(64, '0')}}).status, 403) << path;
  }
  EXPECT_EQ(number("SELECT COUNT(*) FROM users WHERE active = 0"), 0);
  EXPECT_EQ(number("SELECT COUNT(*) FROM password_links"), 0);
  EXPECT_EQ(number("SELECT COUNT(*) FROM users WHERE email = 'eve@council.test'"), 0);

  Client sw = client();
  ASSERT_TRUE(sw.sign_in("sw_a@test"));
  EXPECT_EQ(sw.post("/account/password", {{"current_password", testing::kPassword},
                                          {"password", kNewPassword},
                                          {"password_confirm", kNewPassword}})
                .status,
            403);
  EXPECT_TRUE(client().sign_in("sw_a@test")) << "the password is unchanged";
}

TEST_F(PeopleHttp, TheAdministratorSeesPeopleButNoChild) {
  Client a = admin();
  Reply r = a.get("/admin/people?q=beta");
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.header("Cache-Control"), "no-store");
  EXPECT_NE(r.body.find("Sid Beta"), std::string::npos);
  EXPECT_EQ(r.body.find("Sam Alpha"), std::string::npos) << "the search filters";
  Reply person = a.get("/admin/people/" + std::to_string(world_.sw_a));
  ASSERT_EQ(person.status, 200);
  for (const char* child : {"Ada", "Testchild", "T-1"}) {
    EXPECT_EQ(person.body.find(child), std::string::npos) << child;
  }
  EXPECT_NE(a.get("/").body.find("href=\"/admin/people\""), std::string::npos) << "in the nav";
}

TEST_F(PeopleHttp, BadDetailsAreShownNextToTheField) {
  Client a = admin();
  const std::string token = Client::token_in(a.get("/admin/people/new").body);
  Reply r = a.post(
      "/admin/people",
      {{"csrf_token", token}, {"name", ""}, {"email", "sw_a@test"}, {"roles", "social_worker"}});
  ASSERT_EQ(r.status, 200);
  EXPECT_NE(r.body.find("govuk-error-summary"), std::string::npos);
  EXPECT_NE(r.body.find("id=\"name-error\""), std::string::npos);
  EXPECT_NE(r.body.find("<title>Error: Add a person"), std::string::npos);
}

TEST_F(PeopleHttp, AnAdministratorAddsAPersonWhoSetsAPasswordFromTheLinkAndSignsIn) {
  Client a = admin();
  std::string token = Client::token_in(a.get("/admin/people/new").body);
  Reply added = a.post("/admin/people", {{"csrf_token", token},
                                         {"name", "Nia Newcomer"},
                                         {"email", "nia.newcomer@council.test"},
                                         {"job_title", "Social worker"},
                                         {"roles", "social_worker"},
                                         {"roles", "member"},
                                         {"team", std::to_string(world_.team_a)},
                                         {"line_manager", std::to_string(world_.pm_a)}});
  ASSERT_EQ(added.status, 303);
  const std::string person = added.header("Location").substr(0, added.header("Location").find('?'));
  Reply page = a.get(added.header("Location"));
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("Person added"), std::string::npos) << "success banner";
  EXPECT_NE(page.body.find("Pat Alpha"), std::string::npos) << "line manager shown";

  Reply sent = a.post(person + "/password-link", {{"csrf_token", Client::token_in(page.body)}});
  ASSERT_EQ(sent.status, 303);
  EXPECT_NE(a.get(sent.header("Location")).body.find("Set-password link sent"), std::string::npos);

  const std::string body = newest_email_body();
  std::smatch m;
  const std::regex re("https://panel\\.council\\.test(/set-password/[0-9a-f]{64})");
  ASSERT_TRUE(std::regex_search(body, m, re)) << body;
  const std::string link = m[1].str();

  Client nia = client();
  Reply form = nia.get(link);
  ASSERT_EQ(form.status, 200);
  EXPECT_NE(form.body.find("autocomplete=\"new-password\""), std::string::npos);
  EXPECT_EQ(form.body.find("maxlength"), std::string::npos);
  const std::string csrf = Client::token_in(form.body);
  EXPECT_EQ(nia.post(link, {{"password", kNewPassword}, {"password_confirm", kNewPassword}}).status,
            403)
      << "no CSRF token";
  Reply weak = nia.post(link, {{"csrf_token", Client::token_in(nia.get(link).body)},
                               {"password", "letmein12345"},
                               {"password_confirm", "letmein12345"}});
  ASSERT_EQ(weak.status, 200);
  EXPECT_NE(weak.body.find("This password is too common"), std::string::npos);
  Reply set = nia.post(link, {{"csrf_token", Client::token_in(weak.body)},
                              {"password", kNewPassword},
                              {"password_confirm", kNewPassword}});
  ASSERT_EQ(set.status, 303) << set.body;
  EXPECT_EQ(set.header("Location"), "/password-set");
  EXPECT_NE(csrf, "");

  Reply again = nia.get(link);
  EXPECT_EQ(again.status, 410) << "single use";
  EXPECT_NE(again.body.find("already been used"), std::string::npos);

  Reply sign_in_page = nia.get("/sign-in");
  Reply signed_in = nia.post("/sign-in", {{"csrf_token", Client::token_in(sign_in_page.body)},
                                          {"email", "nia.newcomer@council.test"},
                                          {"password", kNewPassword},
                                          {"next", "/"}});
  EXPECT_EQ(signed_in.status, 303);
  Reply home = nia.get("/");
  ASSERT_EQ(home.status, 200);
  EXPECT_NE(home.body.find("Nia Newcomer"), std::string::npos);
}

TEST_F(PeopleHttp, DisablingSignsThePersonOutAtOnce) {
  Client sw = client();
  ASSERT_TRUE(sw.sign_in("sw_b@test"));
  ASSERT_EQ(sw.get("/").status, 200);
  Client a = admin();
  const std::string person = "/admin/people/" + std::to_string(world_.sw_b);
  Reply r = a.post(person + "/disable", {{"csrf_token", Client::token_in(a.get(person).body)}});
  ASSERT_EQ(r.status, 303);
  EXPECT_EQ(sw.get("/").status, 303) << "their session has ended: back to sign-in";
  EXPECT_FALSE(client().sign_in("sw_b@test"));
  EXPECT_EQ(a.post("/admin/people/" + std::to_string(world_.admin) + "/disable",
                   {{"csrf_token", Client::token_in(a.get(person).body)}})
                .status,
            409)
      << "not themselves";
}

TEST_F(PeopleHttp, APersonChangesTheirOwnPassword) {
  Client sw = client();
  ASSERT_TRUE(sw.sign_in("sw_a@test"));
  Reply page = sw.get("/account/password");
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("autocomplete=\"current-password\""), std::string::npos);
  Reply wrong = sw.post("/account/password", {{"csrf_token", Client::token_in(page.body)},
                                              {"current_password", "wrong password here"},
                                              {"password", kNewPassword},
                                              {"password_confirm", kNewPassword}});
  ASSERT_EQ(wrong.status, 200);
  EXPECT_NE(wrong.body.find("id=\"current_password-error\""), std::string::npos);
  Reply done = sw.post("/account/password", {{"csrf_token", Client::token_in(page.body)},
                                             {"current_password", testing::kPassword},
                                             {"password", kNewPassword},
                                             {"password_confirm", kNewPassword}});
  ASSERT_EQ(done.status, 303);
  EXPECT_NE(sw.get(done.header("Location")).body.find("Your password has been changed"),
            std::string::npos)
      << "still signed in, with a banner";
  EXPECT_FALSE(client().sign_in("sw_a@test")) << "the old password no longer works";
}

}  // namespace
}  // namespace casepanel::web
