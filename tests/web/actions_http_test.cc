// Who may see and close an action after panel, over HTTP on real records
// (a Support Panel decision to progress to FGC, with one action for sw_a):
// the owner and the case's managers close a panel action; the role the
// panel names (the Panel Administrator) records the FGC referral received;
// another team's people never find either (404); the panel's administrators
// see them but cannot close an action; bad input is answered next to the
// field and changes nothing; no form works without its CSRF token.
#include <gtest/gtest.h>

#include "app/display.h"
#include "support/decided_hearing.h"
#include "support/requests.h"
#include "web/site_fixture.h"

namespace casepanel::web {
namespace {

class ActionsHttp : public SiteFixture {
 protected:
  void SetUp() override {
    testing::fgc_hearing(world_);
    action_ = "/actions/" + std::to_string(number("SELECT id FROM actions WHERE kind = 'action'"));
    referral_ =
        "/actions/" + std::to_string(number("SELECT id FROM actions WHERE kind = 'fgc_referral'"));
    world_.clock().set(app::parse_utc("2026-12-08T10:00:00Z"));
  }
  static int get(Client& c, const std::string& path) { return c.get(path).status; }

  std::string action_, referral_;
};

TEST_F(ActionsHttp, OnlyTheCasesPeopleFindAnActionAndOnlyItsOwnerOrManagersCloseIt) {
  Client sw = signed_in("sw_a@test");
  const Reply mine = sw.get("/actions");
  ASSERT_EQ(mine.status, 200);
  EXPECT_NE(mine.body.find("Hold a strategy discussion with the family"), std::string::npos);
  EXPECT_NE(mine.body.find("Family Group Conference referral received"), std::string::npos);
  const Reply page = sw.get(action_);
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("Record the outcome"), std::string::npos);
  EXPECT_NE(sw.get("/").body.find("Open actions"), std::string::npos);

  for (const char* outsider : {"sw_b@test", "pm_b@test"}) {
    Client other = signed_in(outsider);
    EXPECT_EQ(get(other, action_), 404) << outsider;
    EXPECT_EQ(get(other, referral_), 404) << outsider;
  }
  for (const char* no_follow_up : {"sysadmin@test"}) {
    Client other = signed_in(no_follow_up);
    EXPECT_EQ(get(other, "/actions"), 403);
    EXPECT_EQ(get(other, action_), 403);
  }
  Client pm = signed_in("pm_a@test");
  EXPECT_NE(pm.get(action_).body.find("Close it as not done"), std::string::npos);
  EXPECT_NE(pm.get("/actions/team").body.find("Hold a strategy discussion"), std::string::npos);
  EXPECT_EQ(get(sw, "/actions/team"), 403);

  // The panel's administrator sees it, but a panel action is not theirs to close.
  Client taker = signed_in("admin@panel.test");
  const Reply seen = taker.get(action_);
  ASSERT_EQ(seen.status, 200);
  EXPECT_EQ(seen.body.find("Close it as not done"), std::string::npos);
  EXPECT_EQ(taker
                .post(action_ + "/not-done",
                      {{"csrf_token", Client::token_in(seen.body)}, {"reason", "x"}})
                .status,
            403);

  // Bad input: answered next to the field, nothing changed.
  const std::string token = Client::token_in(page.body);
  EXPECT_EQ(sw.post(action_ + "/done", {{"evidence_text", "Met the family"}}).status, 403);
  const Reply empty = sw.post(action_ + "/done", {{"csrf_token", token}});
  EXPECT_EQ(empty.status, 200);
  EXPECT_NE(empty.body.find("Enter what was done and its outcome"), std::string::npos);
  const Reply legal =
      sw.post(action_ + "/done",
              {{"csrf_token", token}, {"evidence_text", "Applied to court"}, {"legal", "yes"}});
  EXPECT_NE(legal.body.find("Enter where the legal document is held"), std::string::npos);
  const Reply bad_file =
      sw.upload(action_ + "/done", {{"csrf_token", token}, {"evidence_text", "Met the family"}},
                {"notes.html", "<html></html>", "text/html", "evidence_file"});
  EXPECT_NE(bad_file.body.find("must be a PDF"), std::string::npos);
  EXPECT_EQ(number("SELECT COUNT(*) FROM actions WHERE status <> 'open'"), 0);

  const Reply done =
      sw.upload(action_ + "/done",
                {{"csrf_token", token},
                 {"evidence_text", "Met the family on 7 December"},
                 {"legal", "yes"},
                 {"legal_document_at_text", "Court bundle on the child's file"}},
                {"strategy.pdf", testing::tiny_pdf(), "application/pdf", "evidence_file"});
  EXPECT_EQ(done.status, 303);
  const Reply closed = sw.get(action_);
  EXPECT_NE(closed.body.find("Court bundle on the child"), std::string::npos);
  EXPECT_NE(closed.body.find("strategy.pdf"), std::string::npos);
  const Reply file = sw.get(action_ + "/evidence");
  EXPECT_EQ(file.status, 200);
  EXPECT_EQ(file.body, testing::tiny_pdf());
  Client outsider = signed_in("sw_b@test");
  EXPECT_EQ(get(outsider, action_ + "/evidence"), 404);
  // Closed once: a manager's second close is a conflict.
  EXPECT_EQ(pm.post(action_ + "/not-done",
                    {{"csrf_token", Client::token_in(pm.get(action_).body)}, {"reason", "Late"}})
                .status,
            409);
  EXPECT_EQ(number("SELECT COUNT(*) FROM audit_events WHERE action = 'action.done'"), 1);
}

TEST_F(ActionsHttp, ThePanelAdministratorRecordsTheFgcReferralReceivedAndTheOwnerCannot) {
  Client sw = signed_in("sw_a@test");
  const Reply seen = sw.get(referral_);
  ASSERT_EQ(seen.status, 200);
  EXPECT_EQ(seen.body.find("Record it as received"), std::string::npos);
  EXPECT_EQ(sw.post(referral_ + "/done", {{"csrf_token", Client::token_in(seen.body)},
                                          {"met_on-day", "7"},
                                          {"met_on-month", "12"},
                                          {"met_on-year", "2026"}})
                .status,
            403);

  Client taker = signed_in("admin@panel.test");
  EXPECT_NE(taker.get("/actions").body.find("Timescales to record"), std::string::npos);
  const Reply page = taker.get(referral_);
  ASSERT_NE(page.body.find("Record it as received"), std::string::npos);
  const std::string token = Client::token_in(page.body);
  const Reply future = taker.post(referral_ + "/done", {{"csrf_token", token},
                                                        {"met_on-day", "9"},
                                                        {"met_on-month", "12"},
                                                        {"met_on-year", "2026"}});
  EXPECT_NE(future.body.find("must be today or in the past"), std::string::npos);
  const Reply before = taker.post(referral_ + "/done", {{"csrf_token", token},
                                                        {"met_on-day", "1"},
                                                        {"met_on-month", "12"},
                                                        {"met_on-year", "2026"}});
  EXPECT_NE(before.body.find("cannot be before the panel"), std::string::npos);
  EXPECT_EQ(taker
                .post(referral_ + "/done", {{"csrf_token", token},
                                            {"met_on-day", "7"},
                                            {"met_on-month", "12"},
                                            {"met_on-year", "2026"}})
                .status,
            303);
  EXPECT_EQ(number("SELECT COUNT(*) FROM actions WHERE kind = 'fgc_referral' AND "
                   "done_on = '2026-12-07' AND status = 'done'"),
            1);
  EXPECT_NE(sw.get(referral_).body.find("Recorded as received on 7 December 2026"),
            std::string::npos);
}

TEST_F(ActionsHttp, AReasonIsNeededToCloseAnActionAsNotDone) {
  Client pm = signed_in("pm_a@test");
  const std::string token = Client::token_in(pm.get(action_).body);
  const Reply empty = pm.post(action_ + "/not-done", {{"csrf_token", token}, {"reason", "  "}});
  EXPECT_EQ(empty.status, 200);
  EXPECT_NE(empty.body.find("Enter why it was not done"), std::string::npos);
  EXPECT_EQ(pm.post(action_ + "/not-done",
                    {{"csrf_token", token}, {"reason", "The family moved out of area"}})
                .status,
            303);
  EXPECT_NE(pm.get(action_).body.find("The family moved out of area"), std::string::npos);
}

}  // namespace
}  // namespace casepanel::web
