// The request-drafting pages over HTTP (issue 14): an empty "Continue" is
// answered with the error summary (item 18); the questions an option needs are
// revealed under it (item 16); a criterion the child's record does not bear
// out is named with its dates and must be confirmed before sending, and the
// approver sees it was claimed against the record (item 8). "Today" is the
// world's fake clock, 24 November 2026.
#include <gtest/gtest.h>

#include "app/papers.h"
#include "app/requests.h"
#include "support/requests.h"
#include "web/site_fixture.h"

namespace casepanel::web {
namespace {

bool has(const std::string& html, const std::string& part) {
  return html.find(part) != std::string::npos;
}

class DraftsHttp : public SiteFixture {
 protected:
  // sw_a's Support draft for child_a, every section but the criteria saved
  // and its papers accounted for; child_a's plan started 15 months ago.
  std::int64_t support_draft() {
    world_.db().write_all([&](store::Tx& tx) {
      tx.exec("UPDATE children SET cp_plan_start = '2025-08-03' WHERE id = $1", {world_.child_a});
    });
    auto& s = world_.services();
    const app::Actor a = world_.actor(world_.sw_a);
    const std::int64_t id = app::start_request(s, a, "support", {world_.child_a}).value();
    EXPECT_TRUE(app::save_section(s, a, id, core::Section::details, testing::support_draft()).ok());
    EXPECT_TRUE(
        app::save_section(s, a, id, core::Section::attendance, testing::support_draft()).ok());
    for (const auto& doc : s.panels.find("support")->documents) {
      EXPECT_TRUE(app::mark_not_provided(s, a, id, doc.id, "Not written yet").ok());
    }
    return id;
  }
  static std::string type_page(std::int64_t id) {
    return "/requests/" + std::to_string(id) + "/edit/type";
  }
};

TEST_F(DraftsHttp, ContinuingWithNothingChosenShowsTheErrorSummary) {
  Client c = signed_in("sw_a@test");
  const Reply first = c.get("/requests/new");
  ASSERT_EQ(first.status, 200);
  EXPECT_FALSE(has(first.body, "govuk-error-summary")) << "a first visit is not a mistake";
  // What the form sends when nothing is chosen: the select's empty "child".
  const Reply empty = c.get("/requests/new?child=");
  EXPECT_TRUE(has(empty.body, "govuk-error-summary")) << empty.body;
  EXPECT_TRUE(has(empty.body, "href=\"#panel\"")) << empty.body;
  EXPECT_TRUE(has(empty.body, "href=\"#child\"")) << empty.body;
  EXPECT_TRUE(has(empty.body, "id=\"child-error\"")) << empty.body;
}

TEST_F(DraftsHttp, StartingWithNoChildTickedShowsTheErrorSummaryAndStartsNothing) {
  Client c = signed_in("sw_a@test");
  const std::string page =
      c.get("/requests/new?panel=support&child=" + std::to_string(world_.child_a)).body;
  const Reply r = c.post("/requests", {{"csrf_token", Client::token_in(page)},
                                       {"panel_id", "support"},
                                       {"child_id", std::to_string(world_.child_a)}});
  EXPECT_TRUE(has(r.body, "govuk-error-summary")) << r.body;
  EXPECT_TRUE(has(r.body, "Select at least one child")) << r.body;
  EXPECT_EQ(number("SELECT COUNT(*) FROM requests"), 0);
}

TEST_F(DraftsHttp, TheRecordsDatesAndTheAuthorisationAreRevealedUnderTheirCriteria) {
  const std::int64_t id = support_draft();
  Client c = signed_in("sw_a@test");
  const std::string html = c.get(type_page(id)).body;
  EXPECT_TRUE(has(html, "data-aria-controls=\"conditional-criteria-cp_plan_over_18_months\""));
  EXPECT_TRUE(has(html, "id=\"conditional-criteria-cp_plan_over_18_months\""));
  EXPECT_TRUE(has(html,
                  "Ada Testchild&apos;s Child Protection Plan started on 3 August 2025, 15 "
                  "months ago; 18 months will have passed on 3 February 2027."))
      << html;
  EXPECT_TRUE(has(html, "name=\"confirm_cp_plan_over_18_months\""));
  // Unticked, the conditional starts hidden (GOV.UK Frontend reveals it).
  EXPECT_TRUE(has(html,
                  "govuk-checkboxes__conditional--hidden\" "
                  "id=\"conditional-criteria-cp_plan_over_18_months\""));
  // The Service Manager's authorisation sits under "Immediate ...".
  const auto under = html.find("id=\"conditional-criteria-immediate_action\"");
  ASSERT_NE(under, std::string::npos);
  EXPECT_NE(html.find("name=\"auth_immediate_action_by\"", under), std::string::npos);
}

TEST_F(DraftsHttp, AnUnconfirmedClaimIsNamedNextToItsFieldAndAConfirmedOneSaved) {
  const std::int64_t id = support_draft();
  Client c = signed_in("sw_a@test");
  const std::string token = Client::token_in(c.get(type_page(id)).body);
  const Reply refused =
      c.post(type_page(id), {{"csrf_token", token}, {"criteria", "cp_plan_over_18_months"}});
  EXPECT_TRUE(has(refused.body, "href=\"#confirm_cp_plan_over_18_months\"")) << refused.body;
  EXPECT_TRUE(has(refused.body, "id=\"confirm_cp_plan_over_18_months-error\"")) << refused.body;
  EXPECT_EQ(number("SELECT COUNT(*) FROM request_criteria WHERE request_id = $1", {id}), 0);
  const Reply saved = c.post(type_page(id), {{"csrf_token", token},
                                             {"criteria", "cp_plan_over_18_months"},
                                             {"confirm_cp_plan_over_18_months", "yes"}});
  EXPECT_EQ(saved.status, 303) << saved.body;
  EXPECT_EQ(
      number("SELECT confirmed_against_record FROM request_criteria WHERE request_id = $1", {id}),
      1);
  // Sent, the approver reads that it was claimed against the record.
  const std::string check = c.get("/requests/" + std::to_string(id) + "/check").body;
  EXPECT_EQ(
      c.post("/requests/" + std::to_string(id) + "/send", {{"csrf_token", Client::token_in(check)}})
          .status,
      303);
  Client pm = signed_in("pm_a@test");
  const std::string seen = pm.get("/requests/" + std::to_string(id)).body;
  EXPECT_TRUE(has(seen, "is claimed against the child's record, confirmed by the practitioner"))
      << seen;
  EXPECT_TRUE(has(seen, "15 months ago")) << seen;
}

TEST_F(DraftsHttp, SendingAnUnconfirmedClaimLinksToTheConfirmation) {
  const std::int64_t id = support_draft();
  // Saved while the record bore it out; the record was corrected since.
  world_.db().write_all([&](store::Tx& tx) {
    tx.exec("UPDATE children SET cp_plan_start = '2025-03-01' WHERE id = $1", {world_.child_a});
  });
  auto& s = world_.services();
  core::RequestDraft d = testing::support_draft();
  d.criteria = {"cp_plan_over_18_months"};
  ASSERT_TRUE(app::save_section(s, world_.actor(world_.sw_a), id, core::Section::type, d).ok());
  world_.db().write_all([&](store::Tx& tx) {
    tx.exec("UPDATE children SET cp_plan_start = '2025-08-03' WHERE id = $1", {world_.child_a});
  });
  Client c = signed_in("sw_a@test");
  const std::string page = c.get("/requests/" + std::to_string(id)).body;
  EXPECT_TRUE(has(page, "not yet confirmed")) << page;
  const Reply r =
      c.post("/requests/" + std::to_string(id) + "/send", {{"csrf_token", Client::token_in(page)}});
  EXPECT_TRUE(has(r.body, "govuk-error-summary")) << r.body;
  EXPECT_TRUE(has(r.body, "href=\"/requests/" + std::to_string(id) +
                              "/edit/type#confirm_cp_plan_over_18_months\""))
      << r.body;
  EXPECT_EQ(testing::state_of(world_, id), "draft");
}

TEST_F(DraftsHttp, TheDateOfComingIntoCareIsRevealedUnderTheStatutoryType) {
  Client c = signed_in("sw_a@test");
  const std::int64_t id =
      app::start_request(world_.services(), world_.actor(world_.sw_a), "clam", {world_.child_a})
          .value();
  const std::string html = c.get(type_page(id)).body;
  const auto option =
      html.find("data-aria-controls=\"conditional-request_type-emergency_retrospective_review\"");
  ASSERT_NE(option, std::string::npos) << html;
  const auto reveal =
      html.find("id=\"conditional-request_type-emergency_retrospective_review\"", option);
  ASSERT_NE(reveal, std::string::npos);
  EXPECT_NE(html.find("name=\"came_into_care-day\"", reveal), std::string::npos);
  EXPECT_TRUE(has(html, "It must be heard within 7 working days of this date"));
}

}  // namespace
}  // namespace casepanel::web
