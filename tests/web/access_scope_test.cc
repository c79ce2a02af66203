// Least privilege by relationship over HTTP (issue items 4, 5 and 6): each
// test here failed on the code before the access table.
#include <gtest/gtest.h>

#include "app/requests.h"
#include "store/crypto.h"
#include "support/requests.h"
#include "support/world.h"
#include "web/http_client.h"
#include "web/site_fixture.h"

namespace casepanel::web {
namespace {

using testing::TestWorld;

class AccessScope : public SiteFixture {
 protected:
  AccessScope() {
    world_.db().write_all([&](store::Tx& tx) {
      const auto id = tx.insert(
          "INSERT INTO users (email, name, password_hash, created_at) VALUES ('member@test', "
          "'Mel Member', $1, '2026-01-01T00:00:00Z') RETURNING id",
          {store::hash_password(testing::kPassword)});
      tx.exec("INSERT INTO user_roles (user_id, role) VALUES ($1, 'member')", {id});
    });
  }
};

TEST_F(AccessScope, AMemberCannotSeeASocialWorkersDraftOrItsPaper) {
  const auto id = testing::sent_clam_request(world_, {world_.child_a});  // awaiting approval
  const auto paper = number("SELECT MIN(id) FROM request_papers WHERE request_id = $1", {id});
  Client member = signed_in("member@test");
  EXPECT_EQ(member.get("/requests/" + std::to_string(id)).status, 404);
  EXPECT_EQ(member.get("/requests/" + std::to_string(id) + "/papers").status, 404);
  EXPECT_EQ(member.get("/papers/" + std::to_string(paper)).status, 404);
  EXPECT_EQ(member.get("/children/" + std::to_string(world_.child_a)).status, 404);
  // Its author's manager still sees it.
  EXPECT_EQ(signed_in("pm_a@test").get("/requests/" + std::to_string(id)).status, 200);
}

TEST_F(AccessScope, ATeammateCannotSeeAnotherSocialWorkersDraft) {
  std::int64_t sw_a2 = 0;
  world_.db().write_all([&](store::Tx& tx) {
    sw_a2 = tx.insert(
        "INSERT INTO users (email, name, password_hash, team_id, line_manager_id, created_at) "
        "VALUES ('sw_a2@test', 'Sue Alpha', $1, $2, $3, '2026-01-01T00:00:00Z') RETURNING id",
        {store::hash_password(testing::kPassword), world_.team_a, world_.pm_a});
    tx.exec("INSERT INTO user_roles (user_id, role) VALUES ($1, 'social_worker')", {sw_a2});
  });
  const auto id = *app::create_request(world_.services(), world_.actor(world_.sw_a),
                                       {world_.child_a}, testing::clam_draft(world_));
  EXPECT_EQ(signed_in("sw_a2@test").get("/requests/" + std::to_string(id)).status, 404);
  EXPECT_EQ(signed_in("sw_a@test").get("/requests/" + std::to_string(id)).status, 200);
}

TEST_F(AccessScope, TheSystemAdministratorSeesNoChildNorTheAuditLog) {
  Client admin = signed_in("sysadmin@test");
  for (const char* page : {"/triage", "/triage/proposal", "/sittings", "/children", "/audit"}) {
    EXPECT_EQ(admin.get(page).status, 403) << page;
  }
}

TEST_F(AccessScope, ACoordinatorServingNoPanelSeesNoRequest) {
  const auto id = testing::sent_clam_request(world_, {world_.child_a});
  testing::approve_clam(world_, id);
  Client coord = signed_in("coord@test");
  EXPECT_EQ(coord.get("/requests/" + std::to_string(id)).status, 200);
  world_.db().write_all(
      [&](store::Tx& tx) { tx.exec("DELETE FROM user_panels WHERE panel_id = 'clam'"); });
  EXPECT_EQ(coord.get("/requests/" + std::to_string(id)).status, 404);
  EXPECT_EQ(coord.get("/triage").body.find("/requests/" + std::to_string(id)), std::string::npos);
}

// A coordinator sees a child's record once one of the child's requests has
// passed approval to a panel they serve (store::child_before_panel_served),
// and no longer when they stop serving it.
TEST_F(AccessScope, ACoordinatorSeesAChildOnceARequestReachesAPanelTheyServe) {
  const std::string record = "/children/" + std::to_string(world_.child_a);
  const auto id = testing::sent_clam_request(world_, {world_.child_a});  // awaiting approval
  Client coord = signed_in("coord@test");
  EXPECT_EQ(coord.get(record).status, 404);
  testing::approve_clam(world_, id);
  EXPECT_EQ(coord.get(record).status, 200);
  world_.db().write_all([&](store::Tx& tx) {
    tx.exec("DELETE FROM user_panels WHERE panel_id = 'clam'");
    tx.exec(
        "INSERT INTO user_panels (user_id, panel_id) VALUES ($1, 'support') ON CONFLICT DO "
        "NOTHING",
        {world_.coordinator});
  });
  EXPECT_EQ(coord.get(record).status, 404);
}

TEST_F(AccessScope, TheAuditorReadsADraftButChangesNothing) {
  const auto id = *app::create_request(world_.services(), world_.actor(world_.sw_a),
                                       {world_.child_a}, testing::clam_draft(world_));
  Client auditor = signed_in("auditor@test");
  EXPECT_EQ(auditor.get("/requests/" + std::to_string(id)).status, 200);
  const std::string token = Client::token_in(auditor.get("/").body);
  EXPECT_EQ(
      auditor.post("/requests/" + std::to_string(id) + "/send", {{"csrf_token", token}}).status,
      403);
}

TEST_F(AccessScope, ReadsAreRecordedWithWhoAndWhat) {
  const auto id = testing::sent_clam_request(world_, {world_.child_a});
  Client pm = signed_in("pm_a@test");
  ASSERT_EQ(pm.get("/requests/" + std::to_string(id)).status, 200);
  ASSERT_EQ(pm.get("/requests/" + std::to_string(id) + "/papers").status, 200);
  ASSERT_EQ(pm.get("/children").status, 200);
  for (const char* action : {"request.view", "papers.view", "children.list"}) {
    EXPECT_EQ(number("SELECT COUNT(*) FROM audit_events WHERE action = $1 AND actor_id = $2",
                     {std::string(action), world_.pm_a}),
              1)
        << action;
  }
}

TEST_F(AccessScope, ARequestUpdateRecordsEachFieldsOldAndNewValue) {
  const auto id = *app::create_request(world_.services(), world_.actor(world_.sw_a),
                                       {world_.child_a}, testing::clam_draft(world_));
  core::RequestDraft input = testing::clam_draft(world_);
  input.reason = "A new reason";
  ASSERT_TRUE(app::save_section(world_.services(), world_.actor(world_.sw_a), id,
                                core::Section::details, input)
                  .ok());
  std::string detail;
  world_.db().read_all([&](store::Tx& tx) {
    detail =
        tx.query_one("SELECT detail FROM audit_events WHERE action = 'request.update'")->text(0);
  });
  EXPECT_NE(detail.find("\"changes\":{\"reason\":{\"new\":\"A new reason\",\"old\":\""),
            std::string::npos)
      << detail;
}

}  // namespace
}  // namespace casepanel::web
