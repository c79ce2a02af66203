// After panel over HTTP on real records (a Support Panel decision to progress
// to FGC, recorded for sw_a's child_a on 2 December 2026): a change of plan
// proposed by the child's social worker and approved by the group manager
// above the case, shown on the child's record; a return to panel whose
// progress update only the hearing's chair considers. Another team's people
// and a group manager outside the line never find either (404).
#include <gtest/gtest.h>

#include "app/decisions.h"
#include "app/display.h"
#include "support/decided_hearing.h"
#include "web/site_fixture.h"

namespace casepanel::web {
namespace {

class AfterPanelHttp : public SiteFixture {
 protected:
  void SetUp() override { fgc_ = testing::fgc_hearing(world_); }

  std::int64_t person(const std::string& email, const std::string& role) {
    return testing::add_person(world_, email, role);
  }
  static int get(Client& c, const std::string& path) { return c.get(path).status; }

  testing::DecidedHearing fgc_;
};

TEST_F(AfterPanelHttp, AChangeOfPlanIsApprovedByTheGroupManagerAboveTheCase) {
  person("gm_other@test", "group_manager");
  const std::string decision = std::to_string(number("SELECT id FROM decisions"));
  const std::string form = "/decisions/" + decision + "/change-plan";
  Client sw = signed_in("sw_a@test");
  EXPECT_NE(sw.get("/children/" + std::to_string(world_.child_a)).body.find(form),
            std::string::npos);
  const Reply page = sw.get(form);
  ASSERT_EQ(page.status, 200);
  const std::string token = Client::token_in(page.body);
  for (const char* outsider : {"sw_b@test", "pm_b@test", "admin@panel.test"}) {
    Client other = signed_in(outsider);
    EXPECT_EQ(get(other, form), 404) << outsider;
  }
  const Reply empty = sw.post(form, {{"csrf_token", token}});
  EXPECT_EQ(empty.status, 200);
  EXPECT_NE(empty.body.find("Enter the alternative to the panel"), std::string::npos);
  EXPECT_NE(empty.body.find("Enter what has changed"), std::string::npos);
  EXPECT_EQ(number("SELECT COUNT(*) FROM plan_changes"), 0);
  const Reply sent = sw.post(form, {{"csrf_token", token},
                                    {"proposal", "Kinship assessment with the aunt first"},
                                    {"reason", "The family declined a conference"}});
  ASSERT_EQ(sent.status, 303);
  const std::string change =
      "/plan-changes/" + std::to_string(number("SELECT id FROM plan_changes"));

  Client outside_gm = signed_in("gm_other@test");
  EXPECT_EQ(get(outside_gm, change), 404);
  Client gm = signed_in("gm@test");
  EXPECT_NE(gm.get("/").body.find(change), std::string::npos);  // a task at home
  const Reply view = gm.get(change);
  ASSERT_EQ(view.status, 200);
  EXPECT_EQ(sw.post(change + "/decide",
                    {{"csrf_token", token}, {"decision", "approve"}, {"reasons", "x"}})
                .status,
            403);  // the proposer does not approve
  const std::string gm_token = Client::token_in(view.body);
  const Reply no_reasons =
      gm.post(change + "/decide", {{"csrf_token", gm_token}, {"decision", "approve"}});
  EXPECT_NE(no_reasons.body.find("Enter the reasons for the approval"), std::string::npos);
  EXPECT_EQ(gm.post(change + "/decide", {{"csrf_token", gm_token},
                                         {"decision", "approve"},
                                         {"reasons", "Kinship first is in the child's interest"}})
                .status,
            303);
  const std::string record = sw.get("/children/" + std::to_string(world_.child_a)).body;
  EXPECT_NE(record.find("change of plan approved by"), std::string::npos);
  EXPECT_NE(record.find("Kinship assessment with the aunt first"), std::string::npos);
  EXPECT_EQ(
      gm.post(change + "/decide",
              {{"csrf_token", gm_token}, {"decision", "refuse"}, {"reasons", "Changed my mind"}})
          .status,
      409);
}

TEST_F(AfterPanelHttp, OnlyTheHearingsChairConsidersAProgressUpdate) {
  const std::int64_t chair = person("chair@test", "chair");
  person("chair2@test", "chair");
  world_.db().write_all([&](store::Tx& tx) {
    tx.exec("UPDATE sittings SET chair_id = $1 WHERE id = $2", {chair, fgc_.sitting_id});
  });
  app::DecisionInput in;
  in.child_ids = {world_.child_a};
  in.items = {{core::ItemKind::decision, "fgc", "The family agree to a conference"},
              {core::ItemKind::outcome, "return_to_panel", "Back in January"}};
  in.reasons = "The wider family can offer support.";
  in.review_date = "2027-01-13";
  ASSERT_TRUE(app::correct_decision(world_.services(), world_.actor(world_.panel_admin),
                                    number("SELECT id FROM decisions"), in)
                  .ok());
  world_.clock().set(app::parse_utc("2027-01-04T09:00:00Z"));
  const std::string back = "/returns/" + std::to_string(number("SELECT id FROM panel_returns"));
  Client sw = signed_in("sw_a@test");
  const std::string home = sw.get("/").body;
  EXPECT_NE(home.find("Review due"), std::string::npos);
  EXPECT_NE(home.find(back), std::string::npos);
  const Reply page = sw.get(back);
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("Start the review request"), std::string::npos);
  Client other = signed_in("sw_b@test");
  EXPECT_EQ(get(other, back), 404);
  EXPECT_EQ(sw.post(back + "/update", {{"csrf_token", Client::token_in(page.body)},
                                       {"update", "The FGC agreed a family plan"}})
                .status,
            303);

  Client chair2 = signed_in("chair2@test");
  EXPECT_EQ(get(chair2, back), 404);
  Client the_chair = signed_in("chair@test");
  EXPECT_NE(the_chair.get("/").body.find("Progress updates to consider"), std::string::npos);
  const Reply consider = the_chair.get(back);
  ASSERT_EQ(consider.status, 200);
  const std::string token = Client::token_in(consider.body);
  EXPECT_NE(the_chair.post(back + "/consider", {{"csrf_token", token}})
                .body.find("Select whether you accept the update"),
            std::string::npos);
  EXPECT_EQ(
      the_chair.post(back + "/consider", {{"csrf_token", token}, {"decision", "accept"}}).status,
      303);
  EXPECT_EQ(number("SELECT COUNT(*) FROM panel_returns WHERE status = 'closed'"), 1);
  EXPECT_EQ(sw.get("/").body.find(back), std::string::npos);
}

}  // namespace
}  // namespace casepanel::web
