// A panel's seats over HTTP: only the administrator opens the page (403 for
// a social worker, the coordinator and the rest), every change needs its
// CSRF token, and an administrator seats a practice manager through the form.
#include <gtest/gtest.h>

#include "support/world.h"
#include "web/http_client.h"
#include "web/site_fixture.h"

namespace casepanel::web {
namespace {

class SeatsHttp : public SiteFixture {
 protected:
  std::string pm_seat() {
    for (const core::Member& m : world_.services().panels.find("support")->members) {
      if (m.role == core::Role::practice_manager) {
        return m.id;
      }
    }
    return "";
  }
};

TEST_F(SeatsHttp, OnlyTheAdministratorOpensTheSeatsPage) {
  EXPECT_EQ(client().get("/panels/support/seats").status, 303) << "signed out: to sign in";
  for (const char* who : {"sw_a@test", "coord@test", "gm@test", "auditor@test"}) {
    Client c = client();
    ASSERT_TRUE(c.sign_in(who));
    const std::string token = Client::token_in(c.get("/").body);
    EXPECT_EQ(c.get("/panels/support/seats").status, 403) << who;
    EXPECT_EQ(c.post("/panels/support/seats", {{"csrf_token", token},
                                               {"seat_id", pm_seat()},
                                               {"user_id", std::to_string(world_.pm_a)}})
                  .status,
              403)
        << who;
  }
  Client admin = client();
  ASSERT_TRUE(admin.sign_in("sysadmin@test"));
  const Reply page = admin.get("/panels/support/seats");
  EXPECT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("Locality Team Manager"), std::string::npos);
  EXPECT_EQ(admin.get("/panels/nowhere/seats").status, 404);
  EXPECT_EQ(number("SELECT COUNT(*) FROM seat_holders"), 0);
}

TEST_F(SeatsHttp, SeatingSomeoneNeedsTheCsrfToken) {
  Client admin = client();
  ASSERT_TRUE(admin.sign_in("sysadmin@test"));
  const Form form{{"seat_id", pm_seat()}, {"user_id", std::to_string(world_.pm_a)}};
  EXPECT_EQ(admin.post("/panels/support/seats", form).status, 403);
  EXPECT_EQ(number("SELECT COUNT(*) FROM seat_holders"), 0);
  const std::string token = Client::token_in(admin.get("/panels/support/seats").body);
  Form with_token = form;
  with_token.emplace_back("csrf_token", token);
  with_token.emplace_back("part", "deputy");
  EXPECT_EQ(admin.post("/panels/support/seats", with_token).status, 303);
  EXPECT_EQ(
      number("SELECT COUNT(*) FROM seat_holders WHERE user_id = $1 AND deputy = 1", {world_.pm_a}),
      1);
  // Someone without the seat's role: the page again, with the error.
  Form wrong{
      {"csrf_token", token}, {"seat_id", pm_seat()}, {"user_id", std::to_string(world_.sw_a)}};
  const Reply refused = admin.post("/panels/support/seats", wrong);
  EXPECT_EQ(refused.status, 200);
  EXPECT_NE(refused.body.find("govuk-error-summary"), std::string::npos);
  EXPECT_EQ(admin
                .post("/panels/support/seats/remove", {{"csrf_token", token},
                                                       {"seat_id", pm_seat()},
                                                       {"user_id", std::to_string(world_.pm_a)}})
                .status,
            303);
  EXPECT_EQ(number("SELECT COUNT(*) FROM seat_holders"), 0);
}

}  // namespace
}  // namespace casepanel::web
