// The minutes over HTTP (app/minutes.h): who may draft, send, authorise and
// read them; every change carries the CSRF token; the printed minutes and a
// child's extract are never cached.
#include <gtest/gtest.h>

#include "app/decisions.h"
#include "app/display.h"
#include "app/sittings.h"
#include "app/triage.h"
#include "store/crypto.h"
#include "support/requests.h"
#include "web/site_fixture.h"

namespace casepanel::web {
namespace {

class MinutesHttp : public SiteFixture {
 protected:
  MinutesHttp() {
    auto& s = world_.services();
    app::ensure_sittings(s, core::Date{std::chrono::year{2026} / 11 / 25}, 2);
    const auto request = testing::sent_clam_request(world_, {world_.child_a});
    testing::approve_clam(world_, request);
    sitting_ = number("SELECT id FROM sittings WHERE panel_id = 'clam' AND sitting_date = $1",
                      {std::string("2026-12-01")});
    EXPECT_TRUE(
        app::schedule_request(s, world_.actor(world_.coordinator), request, sitting_, "").ok());
    hearing_ = number("SELECT id FROM hearings WHERE request_id = $1", {request});
    const std::string hash = store::hash_password(testing::kPassword);
    world_.db().write_all([&](store::Tx& tx) {
      chair_ = tx.insert(
          "INSERT INTO users (email, name, password_hash, created_at) VALUES ('chair@test', "
          "'Cara Chair', $1, '2026-01-01T00:00:00Z') RETURNING id",
          {hash});
      tx.exec("INSERT INTO user_roles (user_id, role) VALUES ($1, 'chair')", {chair_});
      tx.exec("UPDATE sittings SET chair_id = $1 WHERE id = $2", {chair_, sitting_});
    });
    world_.clock().set(app::parse_utc("2026-12-01T14:00:00Z"));
    record();
  }

  void record() {
    auto form = app::decision_form(world_.services(), world_.actor(world_.panel_admin), hearing_);
    ASSERT_TRUE(form.ok());
    app::DecisionInput in;
    in.child_ids = {world_.child_a};
    in.items = {{core::ItemKind::decision, form->decisions.front().id, "Agreed as planned"}};
    in.reasons = "The plan keeps her safe.";
    if (!form->plans.empty()) {
      in.permanency = {form->plans.front().id, "Within 3 months", world_.sw_a};
    }
    if (!form->returns_to_panel.empty()) {
      in.review_date = "2027-03-01";
    }
    ASSERT_TRUE(
        app::record_decision(world_.services(), world_.actor(world_.panel_admin), hearing_, in)
            .ok());
  }

  std::string path(const std::string& tail = "") {
    return "/sittings/" + std::to_string(sitting_) + "/minutes" + tail;
  }
  std::string status() {
    std::string out;
    world_.db().read_all([&](store::Tx& tx) {
      auto r = tx.query_one("SELECT status FROM minutes WHERE sitting_id = $1", {sitting_});
      out = r ? r->text(0) : "";
    });
    return out;
  }

  std::int64_t sitting_ = 0, hearing_ = 0, chair_ = 0;
};

TEST_F(MinutesHttp, TheAdministratorDraftsAndSendsTheChairAuthorises) {
  Client admin = signed_in("admin@panel.test");
  const std::string token = Client::token_in(admin.get("/").body);
  const std::string overview = "overview_" + std::to_string(hearing_);
  // No CSRF token: refused before anything changes.
  EXPECT_EQ(admin.post(path(), {{overview, "Discussed."}}).status, 403);
  EXPECT_EQ(status(), "");
  EXPECT_EQ(admin.post(path(), {{"csrf_token", token}, {overview, "Discussed the plan."}}).status,
            303);
  Reply page = admin.get(path());
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("Discussed the plan."), std::string::npos);
  EXPECT_NE(page.body.find("The plan keeps her safe."), std::string::npos);
  EXPECT_EQ(admin.post(path("/send"), {{"csrf_token", token}}).status, 303);
  EXPECT_EQ(status(), "with_chair");
  // The administrator may not authorise.
  EXPECT_EQ(admin.post(path("/authorise"), {{"csrf_token", token}}).status, 404);

  Client chair = signed_in("chair@test");
  const Reply home = chair.get("/");
  EXPECT_NE(home.body.find("Minutes to authorise"), std::string::npos);
  const std::string chair_token = Client::token_in(home.body);
  EXPECT_EQ(chair.post(path("/authorise"), {}).status, 403) << "no CSRF token";
  Reply empty = chair.post(path("/return"), {{"csrf_token", chair_token}, {"comments", ""}});
  EXPECT_EQ(empty.status, 200);
  EXPECT_NE(empty.body.find("govuk-error-summary"), std::string::npos);
  EXPECT_EQ(chair.post(path("/authorise"), {{"csrf_token", chair_token}}).status, 303);
  EXPECT_EQ(status(), "authorised");
  EXPECT_EQ(admin.post(path(), {{"csrf_token", token}, {overview, "Later."}}).status, 409);
  EXPECT_EQ(admin
                .post(path("/addenda"),
                      {{"csrf_token", token}, {"text", "Corrected owner."}, {"why", "A slip."}})
                .status,
            303);
  EXPECT_NE(admin.get(path()).body.find("Corrected owner."), std::string::npos);
}

TEST_F(MinutesHttp, ASocialWorkerMayNeitherDraftNorRead) {
  Client sw = signed_in("sw_a@test");
  const std::string token = Client::token_in(sw.get("/").body);
  EXPECT_EQ(sw.get(path()).status, 403);
  EXPECT_EQ(sw.post(path(), {{"csrf_token", token}}).status, 403);
  EXPECT_EQ(sw.post(path("/send"), {{"csrf_token", token}}).status, 403);
  EXPECT_EQ(sw.post(path("/authorise"), {{"csrf_token", token}}).status, 403);
  EXPECT_EQ(status(), "");
}

TEST_F(MinutesHttp, PrintViewsAreNeverCached) {
  Client admin = signed_in("admin@panel.test");
  Reply print = admin.get(path("/print"));
  ASSERT_EQ(print.status, 200);
  EXPECT_EQ(print.header("Cache-Control"), "no-store");
  EXPECT_NE(print.body.find("app-minutes-hearing"), std::string::npos);
  EXPECT_NE(print.body.find("Not authorised"), std::string::npos);
  Reply extract = admin.get(path("/children/" + std::to_string(world_.child_a) + "/print"));
  ASSERT_EQ(extract.status, 200);
  EXPECT_EQ(extract.header("Cache-Control"), "no-store");
  EXPECT_NE(extract.body.find("Extract of the minutes"), std::string::npos);
  EXPECT_EQ(admin.get(path("/children/" + std::to_string(world_.child_b) + "/print")).status, 404);
}

}  // namespace
}  // namespace casepanel::web
