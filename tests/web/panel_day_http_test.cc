// Who may act on a hearing's record, over HTTP on real records: the note
// taker records and corrects; only the sitting's chair makes the final
// decision on a recommendation; the note taker notes a disagreement; only the
// Assistant Director records its agreed outcome. Everyone else is refused
// (404: the record is out of their reach), and no form works without its
// CSRF token.
#include <gtest/gtest.h>

#include "app/decisions.h"
#include "app/display.h"
#include "app/requests.h"
#include "app/sitting_changes.h"
#include "app/sittings.h"
#include "app/triage.h"
#include "support/requests.h"
#include "web/site_fixture.h"

namespace casepanel::web {
namespace {

class PanelDayHttp : public SiteFixture {
 protected:
  std::int64_t person(const std::string& email, const std::string& role) {
    return testing::add_person(world_, email, role);
  }

  // A request for `children` scheduled at its panel's first sitting, the
  // clock on that day; the hearing.
  std::int64_t heard(std::int64_t request) {
    auto& s = world_.services();
    auto queue = app::triage_queue(s, world_.actor(world_.coordinator));
    for (const auto& q : *queue) {
      if (q.request_id == request) {
        EXPECT_TRUE(app::schedule_request(s, world_.actor(world_.coordinator), request,
                                          q.sittings.front().id)
                        .ok());
      }
    }
    const std::int64_t hearing = number("SELECT id FROM hearings WHERE request_id = $1", {request});
    std::string date;
    world_.db().read_all([&](store::Tx& tx) {
      date = tx.query_one(
                   "SELECT s.sitting_date FROM sittings s JOIN hearings h ON "
                   "h.sitting_id = s.id WHERE h.id = $1",
                   {hearing})
                 ->text(0);
    });
    world_.clock().set(app::parse_utc(date + "T11:00:00Z"));
    return hearing;
  }

  static int get(Client& c, const std::string& path) { return c.get(path).status; }
};

TEST_F(PanelDayHttp, OnlyTheSittingsChairDecidesARecommendationAndOnlyTheADResolves) {
  auto& s = world_.services();
  app::ensure_sittings(s, core::Date{std::chrono::year{2026} / 11 / 24}, 2);
  const std::int64_t chair = person("chair@test", "chair");
  person("chair2@test", "chair");
  person("ad@test", "assistant_director");
  const auto clam = testing::sent_clam_request(world_, {world_.child_a});
  testing::approve_clam(world_, clam);
  const auto support =
      testing::sent_request(world_, world_.sw_b, {world_.child_b}, testing::support_draft());
  ASSERT_TRUE(app::approve_request(s, world_.actor(world_.pm_b), support, {}).ok());

  const std::int64_t clam_hearing = heard(clam);
  world_.db().write_all([&](store::Tx& tx) {
    tx.exec(
        "UPDATE sittings SET chair_id = $1 WHERE id = (SELECT sitting_id FROM hearings "
        "WHERE id = $2)",
        {chair, clam_hearing});
  });
  app::DecisionInput in;
  in.child_ids = {world_.child_a};
  in.items = {{core::ItemKind::decision, "support_permanence", "Supported"}};
  in.reasons = "Settled for two years";
  in.permanency = {"long_term_fostering", "Now", world_.sw_a};
  // Over HTTP first: a social worker may not record, the note taker may.
  Client sw = signed_in("sw_a@test");
  const std::string form = "/hearings/" + std::to_string(clam_hearing) + "/decision";
  EXPECT_EQ(get(sw, form), 403);
  Client taker = signed_in("admin@panel.test");
  ASSERT_EQ(get(taker, form), 200);
  EXPECT_EQ(taker.post(form, {{"child_id", std::to_string(world_.child_a)}}).status,
            403);  // no CSRF
  ASSERT_TRUE(app::record_decision(s, world_.actor(world_.panel_admin), clam_hearing, in).ok());
  const std::string item = std::to_string(number("SELECT MAX(id) FROM decision_items"));
  const std::string decision = std::to_string(number("SELECT MAX(id) FROM decisions"));
  EXPECT_EQ(get(taker, "/decisions/" + decision + "/correct"), 200);
  EXPECT_EQ(get(sw, "/decisions/" + decision + "/correct"), 403);

  const std::string final_path = "/decision-items/" + item + "/final";
  Client other_chair = signed_in("chair2@test");
  EXPECT_EQ(get(other_chair, final_path), 404);
  EXPECT_EQ(get(sw, final_path), 404);
  EXPECT_EQ(get(taker, final_path), 404);
  Client the_chair = signed_in("chair@test");
  const Reply page = the_chair.get(final_path);
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(the_chair.get("/").body.find(final_path), std::string::npos);  // a task at home
  EXPECT_EQ(the_chair.post(final_path, {{"agree", "yes"}, {"reasons", "x"}}).status, 403);
  const Reply no_reasons =
      the_chair.post(final_path, {{"csrf_token", Client::token_in(page.body)}, {"agree", "no"}});
  EXPECT_EQ(no_reasons.status, 200);
  EXPECT_NE(no_reasons.body.find("Enter the final decision"), std::string::npos);
  EXPECT_EQ(the_chair
                .post(final_path, {{"csrf_token", Client::token_in(page.body)},
                                   {"agree", "yes"},
                                   {"reasons", "Stable and settled"}})
                .status,
            303);
  EXPECT_EQ(number("SELECT COUNT(*) FROM decision_items WHERE final_status = 'agreed'"), 1);

  // Support: the note taker notes a disagreement; the AD resolves it.
  const std::int64_t support_hearing = heard(support);
  taker = signed_in("admin@panel.test");
  app::DecisionInput out;
  out.child_ids = {world_.child_b};
  out.items = {{core::ItemKind::outcome, "accommodation", "Accommodate under section 20"}};
  out.reasons = "Risk at home";
  ASSERT_TRUE(app::record_decision(s, world_.actor(world_.panel_admin), support_hearing, out).ok());
  const std::string point = std::to_string(number("SELECT MAX(id) FROM decision_items"));
  const std::string disagree = "/decision-items/" + point + "/disagree";
  sw = signed_in("sw_b@test");
  EXPECT_EQ(get(sw, disagree), 404);
  const Reply dform = taker.get(disagree);
  ASSERT_EQ(dform.status, 200);
  EXPECT_EQ(taker
                .post(disagree, {{"csrf_token", Client::token_in(dform.body)},
                                 {"member_id", std::to_string(world_.gm)},
                                 {"why", "Support at home first"}})
                .status,
            303);
  const std::string resolve =
      "/disagreements/" + std::to_string(number("SELECT MAX(id) FROM disagreements")) + "/resolve";
  Client gm = signed_in("gm@test");
  EXPECT_EQ(get(gm, resolve), 404);
  Client ad = signed_in("ad@test");
  const Reply rform = ad.get(resolve);
  ASSERT_EQ(rform.status, 200);
  EXPECT_NE(rform.body.find("Support at home first"), std::string::npos);
  EXPECT_EQ(ad.post(resolve, {{"csrf_token", Client::token_in(rform.body)},
                              {"agreed_outcome", "Accommodate; review in 4 weeks"},
                              {"reasons", "Agreed with the chair"}})
                .status,
            303);
  EXPECT_EQ(number("SELECT COUNT(*) FROM disagreements WHERE resolved_at IS NOT NULL"), 1);
}

// Support Panel 7: a member records their own disagreement, from the
// request's record; for nobody else, and not once the minutes are authorised.
TEST_F(PanelDayHttp, AMemberRecordsTheirOwnDisagreement) {
  auto& s = world_.services();
  app::ensure_sittings(s, core::Date{std::chrono::year{2026} / 11 / 24}, 2);
  const auto support =
      testing::sent_request(world_, world_.sw_b, {world_.child_b}, testing::support_draft());
  ASSERT_TRUE(app::approve_request(s, world_.actor(world_.pm_b), support, {}).ok());
  const std::int64_t hearing = heard(support);
  app::DecisionInput out;
  out.child_ids = {world_.child_b};
  out.items = {{core::ItemKind::outcome, "accommodation", "Accommodate under section 20"}};
  out.reasons = "Risk at home";
  ASSERT_TRUE(app::record_decision(s, world_.actor(world_.panel_admin), hearing, out).ok());
  const std::string disagree = "/decision-items/" +
                               std::to_string(number("SELECT MAX(id) FROM decision_items")) +
                               "/disagree";

  // The Service Manager sits on the panel: the request's record offers the link.
  Client gm = signed_in("gm@test");
  const Reply request = gm.get("/requests/" + std::to_string(support));
  ASSERT_EQ(request.status, 200);
  EXPECT_NE(request.body.find(disagree), std::string::npos);
  const Reply form = gm.get(disagree);
  ASSERT_EQ(form.status, 200);
  EXPECT_NE(form.body.find("You are recording your own disagreement"), std::string::npos);
  const std::string token = Client::token_in(form.body);
  const Reply someone_else = gm.post(disagree, {{"csrf_token", token},
                                                {"member_id", std::to_string(world_.panel_admin)},
                                                {"why", "Support at home first"}});
  EXPECT_EQ(someone_else.status, 200);
  EXPECT_NE(someone_else.body.find("You may record only your own disagreement"), std::string::npos);
  EXPECT_EQ(number("SELECT COUNT(*) FROM disagreements"), 0);
  EXPECT_EQ(gm.post(disagree, {{"csrf_token", token},
                               {"member_id", std::to_string(world_.gm)},
                               {"why", "Support at home first"}})
                .status,
            303);
  EXPECT_EQ(number("SELECT COUNT(*) FROM disagreements WHERE member_id = $1 AND recorded_by = $1",
                   {world_.gm}),
            1);
  // Someone who did not sit, though they see the request, is offered nothing.
  Client sw = signed_in("sw_b@test");
  const Reply own_request = sw.get("/requests/" + std::to_string(support));
  ASSERT_EQ(own_request.status, 200);
  EXPECT_EQ(own_request.body.find(disagree), std::string::npos);
  EXPECT_EQ(get(sw, disagree), 404);
}

// The proposed agenda names a statutory request it would hear late, and
// accepting it asks the coordinator why, next to the field.
TEST_F(PanelDayHttp, TheProposalAsksWhyAStatutoryRequestIsHeardLate) {
  auto& s = world_.services();
  app::ensure_sittings(s, core::Date{std::chrono::year{2026} / 11 / 25}, 2);
  auto d = testing::clam_draft(world_);
  d.request_type = "emergency_retrospective_review";
  d.came_into_care = "2026-11-20";  // due by Tuesday 1 December
  const auto request = testing::sent_request(world_, world_.sw_a, {world_.child_a}, d);
  testing::approve_clam(world_, request);
  const auto dec1 = number("SELECT id FROM sittings WHERE panel_id = 'clam' AND sitting_date = $1",
                           {std::string("2026-12-01")});
  ASSERT_TRUE(app::cancel_sitting(s, world_.actor(world_.coordinator), dec1, "No chair").ok());

  Client coordinator = signed_in("coord@test");
  const Reply page = coordinator.get("/triage/proposal");
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("After its statutory deadline of 1 December 2026"), std::string::npos);
  const std::string token = Client::token_in(page.body);
  const Reply refused =
      coordinator.post("/triage/proposal", {{"csrf_token", token}, {"panel_id", "clam"}});
  EXPECT_EQ(refused.status, 200);
  EXPECT_NE(refused.body.find(R"(href="#late_reason-clam")"), std::string::npos);
  EXPECT_EQ(number("SELECT COUNT(*) FROM hearings WHERE request_id = $1", {request}), 0);
  EXPECT_EQ(coordinator
                .post("/triage/proposal", {{"csrf_token", token},
                                           {"panel_id", "clam"},
                                           {"late_reason", "The sitting in time was cancelled"}})
                .status,
            303);
  EXPECT_EQ(number("SELECT COUNT(*) FROM hearings WHERE request_id = $1 AND late_reason <> ''",
                   {request}),
            1);
}

}  // namespace
}  // namespace casepanel::web
