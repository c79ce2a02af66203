// Consultation before panel over HTTP (issue 14, item 4): the person in the
// Permanency Planning Co-ordinator's seat finds the referral on their home
// page, reads it and answers it (an empty answer is shown in the GOV.UK
// error summary; a form without its CSRF token is refused); the answer shows
// on the request and on the triage card; nobody else opens the referral.
#include <gtest/gtest.h>

#include "app/sittings.h"
#include "app/triage_outcomes.h"
#include "store/seats.h"
#include "support/requests.h"
#include "web/site_fixture.h"

namespace casepanel::web {
namespace {

bool has(const std::string& body, const std::string& text) {
  return body.find(text) != std::string::npos;
}

class Consultation : public SiteFixture {
 protected:
  void SetUp() override {
    app::ensure_sittings(world_.services(), core::Date{std::chrono::year{2026} / 11 / 24}, 3);
    const auto ppc = testing::add_person(world_, "ppc@test", "member");
    testing::add_person(world_, "member@test", "member");
    world_.db().write_all([&](store::Tx& tx) {
      store::set_seat_holder(tx, "clam", "permanency_planning_co_ordinator", ppc,
                             store::SeatPart::holder);
    });
    request_ = testing::sent_clam_request(world_, {world_.sibling_1, world_.sibling_2});
    testing::approve_clam(world_, request_);
    ASSERT_TRUE(app::refer_for_consultation(world_.services(), world_.actor(world_.coordinator),
                                            request_, "permanency_planning",
                                            "Can the pair stay together?")
                    .ok());
    path_ = "/consultations/" + std::to_string(number("SELECT MAX(id) FROM request_consultations"));
  }

  std::int64_t request_ = 0;
  std::string path_;
};

TEST_F(Consultation, TheConsulteeFindsReadsAndAnswersTheReferral) {
  Client c = signed_in("ppc@test");
  const std::string home = c.get("/").body;
  EXPECT_TRUE(has(home, "Consultations to answer"));
  EXPECT_TRUE(has(home, R"(id="consultations-count">1<)"));
  const Reply list = c.get("/consultations");
  ASSERT_EQ(list.status, 200);
  EXPECT_TRUE(has(list.body, "Cal Testchild, Dee Testchild"));
  EXPECT_TRUE(has(list.body, path_));

  const Reply page = c.get(path_);
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(has(page.body, "Cal Testchild, born 1 May 2015"));
  EXPECT_TRUE(has(page.body, "Can the pair stay together?"));
  EXPECT_TRUE(has(page.body, "/requests/" + std::to_string(request_) + "/papers"));
  EXPECT_EQ(page.header("Cache-Control"), "no-store");

  // Without the form's CSRF token: refused before the handler runs.
  EXPECT_EQ(c.post(path_ + "/advice", {{"advice", "Keep them together"}}).status, 403);
  const std::string token = Client::token_in(page.body);
  const Reply empty = c.post(path_ + "/advice", {{"csrf_token", token}, {"advice", " "}});
  EXPECT_TRUE(has(empty.body, "govuk-error-summary"));
  EXPECT_TRUE(has(empty.body, R"(<a href="#advice">Enter your advice</a>)"));
  EXPECT_EQ(number("SELECT COUNT(*) FROM request_consultations WHERE advice IS NOT NULL"), 0);

  const Reply sent =
      c.post(path_ + "/advice", {{"csrf_token", token}, {"advice", "Keep them together."}});
  EXPECT_EQ(sent.status, 303);
  const std::string answered = c.get(path_).body;
  EXPECT_TRUE(has(answered, "Keep them together."));
  EXPECT_FALSE(has(answered, "Send your advice")) << "answered once";
  EXPECT_TRUE(has(c.get("/consultations").body, "Answered"));

  const std::string on_request =
      signed_in("sw_a@test").get("/requests/" + std::to_string(request_)).body;
  EXPECT_TRUE(has(on_request, "Referred to the Permanency Planning Co-ordinator"));
  EXPECT_TRUE(has(on_request, "Keep them together."));
  const std::string triage =
      signed_in("coord@test").get("/requests/" + std::to_string(request_) + "/triage").body;
  EXPECT_TRUE(has(triage, "Advice given on"));
  EXPECT_TRUE(has(triage, "Keep them together."));
}

TEST_F(Consultation, TheTriageCardSaysItWaitsForAdvice) {
  const std::string triage = signed_in("coord@test").get("/triage").body;
  EXPECT_TRUE(has(triage, "Waiting for advice"));
}

TEST_F(Consultation, NobodyElseOpensIt) {
  Client other = signed_in("member@test");
  EXPECT_EQ(other.get(path_).status, 404);
  EXPECT_FALSE(has(other.get("/").body, "Consultations to answer"));
  EXPECT_EQ(other.get("/requests/" + std::to_string(request_)).status, 404);
  EXPECT_EQ(signed_in("sysadmin@test").get(path_).status, 403);
  EXPECT_EQ(signed_in("sw_a@test").get("/consultations").status, 403);
}

}  // namespace
}  // namespace casepanel::web
