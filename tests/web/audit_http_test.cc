// The audit log over HTTP: refusals (403, out-of-scope 404) are recorded with
// the person and their address, and the auditor's page reads as sentences,
// filters and pages.
#include <gtest/gtest.h>

#include <regex>

#include "app/audit_trail.h"
#include "app/auth.h"
#include "support/world.h"
#include "web/http_client.h"
#include "web/site_fixture.h"

namespace casepanel::web {
namespace {

using testing::TestWorld;

class AuditHttp : public SiteFixture {
 protected:
  struct Refused {
    std::optional<std::int64_t> actor;
    std::string entity, entity_id, detail, client_address, outcome;
  };
  std::vector<Refused> refusals() {
    std::vector<Refused> out;
    world_.db().read_all([&](store::Tx& tx) {
      for (const auto& r :
           tx.query("SELECT actor_id, entity, entity_id, detail, client_address, outcome "
                    "FROM audit_events WHERE action = 'access.refused' ORDER BY id")) {
        out.push_back(
            {r.optional_integer(0), r.text(1), r.text(2), r.text(3), r.text(4), r.text(5)});
      }
    });
    return out;
  }
  static int rows(const std::string& html) {
    const std::regex row(R"(<tr class="govuk-table__row">\s*<td)");
    return static_cast<int>(
        std::distance(std::sregex_iterator(html.begin(), html.end(), row), std::sregex_iterator()));
  }
};

TEST_F(AuditHttp, ForbiddenAndOutOfScopeRefusalsAreRecordedWithTheClientAddress) {
  Client sw = client();
  ASSERT_TRUE(sw.sign_in("sw_a@test"));
  ASSERT_EQ(sw.get("/audit").status, 403);
  ASSERT_EQ(sw.get("/children/" + std::to_string(world_.child_b)).status, 404);
  const auto r = refusals();
  ASSERT_EQ(r.size(), 2u);
  EXPECT_EQ(r[0].actor, world_.sw_a);
  EXPECT_EQ(r[0].entity, "audit_log");
  EXPECT_EQ(r[0].detail, R"({"method":"GET","path":"/audit","status":403})");
  EXPECT_EQ(r[0].client_address, "127.0.0.1");
  EXPECT_EQ(r[0].outcome, "refused");
  EXPECT_EQ(r[1].actor, world_.sw_a);
  EXPECT_EQ(r[1].entity, "child");
  EXPECT_EQ(r[1].entity_id, std::to_string(world_.child_b));
  EXPECT_NE(r[1].detail.find(R"("status":404)"), std::string::npos);
  EXPECT_EQ(r[1].client_address, "127.0.0.1");
  EXPECT_TRUE(store::verify_audit(world_.db()).intact);
}

TEST_F(AuditHttp, UnknownPathsAreRecordedForPeopleSignedInButNotForScanners) {
  Client sw = client();
  ASSERT_TRUE(sw.sign_in("sw_a@test"));
  EXPECT_EQ(sw.get("/no-such-page").status, 404);
  Client stranger = client();
  EXPECT_EQ(stranger.get("/wp-admin/setup.php").status, 404);
  EXPECT_EQ(stranger.get("/.env").status, 404);
  const auto r = refusals();
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].actor, world_.sw_a);
  EXPECT_NE(r[0].detail.find("/no-such-page"), std::string::npos);
}

TEST_F(AuditHttp, AnApiTokensRefusalIsRecorded) {
  auto token = app::create_api_token(world_.services(), "sysadmin@test");
  ASSERT_TRUE(token.ok());
  Client api = client();
  ASSERT_EQ(api.get_with_token("/api/v1/children", token->token).status, 403);
  const auto r = refusals();
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].actor, world_.admin);
  EXPECT_EQ(r[0].entity, "child");
  EXPECT_EQ(r[0].client_address, "127.0.0.1");
}

TEST_F(AuditHttp, ThePageReadsAsSentencesWithTheAddressAndOutcome) {
  Client sw = client();
  ASSERT_TRUE(sw.sign_in("sw_a@test"));
  ASSERT_EQ(sw.get("/children/" + std::to_string(world_.child_a)).status, 200);
  ASSERT_EQ(sw.get("/children/" + std::to_string(world_.child_b)).status, 404);
  Client auditor = client();
  ASSERT_TRUE(auditor.sign_in("auditor@test"));
  const Reply page = auditor.get("/audit");
  ASSERT_EQ(page.status, 200);
  const std::vector<std::string> expectations = {
      "Sam Alpha (social worker) viewed Ada Testchild&apos;s record",
      "Sam Alpha (social worker) was refused access to /children/" +
          std::to_string(world_.child_b) + " (not found)",
      "Sam Alpha (social worker) signed in",
      "127.0.0.1",
      "govuk-tag--red\">Refused",
      "govuk-table govuk-!-font-size-16",
  };
  for (const std::string& expected : expectations) {
    EXPECT_NE(page.body.find(expected), std::string::npos) << expected;
  }
  EXPECT_EQ(page.body.find("{&quot;"), std::string::npos) << "no raw JSON";
  EXPECT_EQ(page.body.find("{\""), std::string::npos) << "no raw JSON";
}

TEST_F(AuditHttp, FiltersByChildPersonActionAndDate) {
  auto view = [&](std::int64_t who, std::int64_t child) {
    world_.db().write_all([&](store::Tx& tx) {
      app::audit(tx, world_.services(), world_.actor(who), "child.view", "child", child);
    });
  };
  view(world_.sw_a, world_.child_a);
  view(world_.sw_b, world_.child_b);
  world_.clock().advance(std::chrono::hours(24 * 3));  // Friday 27 November 2026
  view(world_.pm_a, world_.child_a);
  Client auditor = client();
  ASSERT_TRUE(auditor.sign_in("auditor@test"));
  struct Case {
    std::string query;
    int rows;
    const char* why;
  };
  for (const Case& c : {
           Case{.query = "action=child.view", .rows = 3, .why = "every view"},
           Case{.query = "action=child.view&child=ada", .rows = 2, .why = "Ada, by name"},
           Case{.query = "action=child.view&child=T-2", .rows = 1, .why = "Ben, by case number"},
           Case{.query = "child=" + std::to_string(world_.child_b) +
                         "&person=" + std::to_string(world_.sw_a),
           .rows = 0,
           .why = "Sam never saw Ben"},
           Case{.query = "action=child.view&from-day=25&from-month=11&from-year=2026",
           .rows = 1,
           .why = "from the 25th"},
           Case{.query = "action=child.view&to-day=24&to-month=11&to-year=2026",
           .rows = 2,
           .why = "up to the 24th, that day included"},
       }) {
    const Reply r = auditor.get("/audit?" + c.query);
    ASSERT_EQ(r.status, 200) << c.why;
    EXPECT_EQ(rows(r.body), c.rows) << c.why;
  }
  const Reply bad = auditor.get("/audit?from-day=31&from-month=2&from-year=2026&child=Nobody");
  EXPECT_NE(bad.body.find("The date from must be a real date"), std::string::npos);
  EXPECT_NE(bad.body.find("No child has that name"), std::string::npos);
  EXPECT_NE(bad.body.find("govuk-error-summary"), std::string::npos);
}

TEST_F(AuditHttp, PagesHoldFiftyEventsWithGovukPagination) {
  world_.db().write_all([&](store::Tx& tx) {
    for (int i = 0; i < 120; ++i) {
      app::audit(tx, world_.services(), world_.actor(world_.sw_a), "request.update", "request",
                 i + 1);
    }
  });
  Client auditor = client();
  ASSERT_TRUE(auditor.sign_in("auditor@test"));
  const Reply first = auditor.get("/audit?action=request.update");
  EXPECT_EQ(rows(first.body), 50);
  EXPECT_NE(first.body.find("120 events. Page 1 of 3."), std::string::npos);
  EXPECT_NE(first.body.find("Sam Alpha (social worker) changed request 120"), std::string::npos);
  EXPECT_NE(first.body.find("href=\"/audit?action=request.update&amp;page=2\" rel=\"next\""),
            std::string::npos);
  const Reply last = auditor.get("/audit?action=request.update&page=3");
  EXPECT_EQ(rows(last.body), 20);
  EXPECT_NE(last.body.find("changed request 1<"), std::string::npos);
  EXPECT_NE(last.body.find("aria-current=\"page\">3<"), std::string::npos);
}

}  // namespace
}  // namespace casepanel::web
