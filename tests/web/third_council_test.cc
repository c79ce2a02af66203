// A third council adds its panel by configuration alone (issue 12, section
// 6): the test writes a new panel file (another weekday, other roles, only
// outcomes, other slot lengths, entry criteria of which a request meets
// exactly one, no permanency planning) and drives a request from draft to
// authorised minutes through the HTTP layer, as its staff would, with no code
// written for it.
#include <gtest/gtest.h>

#include "app/sittings.h"
#include "store/crypto.h"
#include "support/world.h"
#include "web/site_fixture.h"

namespace casepanel::web {
namespace {

constexpr const char* kThirdPanel = R"(id = "family"
name = "Family Decisions Panel"
council = "Northshire Council"
description = "Decides the support a family gets when the usual routes have not worked."

[role_titles]
group_manager = "Head of Service"
panel_admin = "Minute Taker"

[requests]
selection = "one"

[[entry_criteria]]
id = "family_plan"
label = "Agree a family support plan"

[[entry_criteria]]
id = "step_up"
label = "Consider stepping up to child protection"

[[approval_steps]]
id = "head_of_service"
role = "group_manager"
label = "Head of Service agrees the request"

[[documents]]
id = "assessment"
label = "Family assessment"

[[venues]]
id = "civic"
name = "Civic Centre"
address = "1 Fictional Street, Northshire"

[schedule]
weekday = "Thursday"
start = "13:00"
end = "16:00"
venue_rotation = ["civic"]

[hearing]
slot_minutes = 20
extra_minutes_per_sibling = 5
attendees = ["social_worker"]

[[outcomes]]
id = "step_down"
label = "Step down to early help"

[[outcomes]]
id = "legal_advice"
label = "Seek legal advice"

[[outcomes]]
id = "come_back"
label = "Come back to panel"

[after_panel]
return_to_panel = "come_back"

[[members]]
role = "chair"
label = "Chair"

[[members]]
role = "member"
label = "Education representative"

[[members]]
role = "panel_admin"
label = "Minute Taker"

[membership]
quorum = 2
)";

class ThirdCouncil : public SiteFixture {
 protected:
  ThirdCouncil() : SiteFixture(std::string(kThirdPanel)) {}

  Client as(const std::string& email) { return signed_in(email); }
  // Somebody the council already employs, holding `role`.
  std::int64_t add_person(const std::string& email, const std::string& name, const char* role) {
    const std::string hash = store::hash_password(testing::kPassword);
    std::int64_t id = 0;
    world_.db().write_all([&](store::Tx& tx) {
      id = tx.insert(
          "INSERT INTO users (email, name, password_hash, created_at) "
          "VALUES ($1, $2, $3, '2026-01-01T00:00:00Z') RETURNING id",
          {email, name, hash});
      tx.exec("INSERT INTO user_roles (user_id, role) VALUES ($1, $2)", {id, std::string(role)});
    });
    return id;
  }
  // Posts a form from `page` (its CSRF token added); the reply.
  static Reply post_from(Client& c, const std::string& page, const std::string& path, Form form) {
    form.emplace_back("csrf_token", Client::token_in(c.get(page).body));
    return c.post(path, std::move(form));
  }
};

TEST_F(ThirdCouncil, ARequestGoesFromDraftToAuthorisedMinutesOnItsOwnConfiguration) {
  // The administrator puts the council's chair in the panel's chair seat.
  const std::int64_t chair_id = add_person("chair@test", "Chidi Chair", "chair");
  Client sysadmin = as("sysadmin@test");
  ASSERT_EQ(post_from(sysadmin, "/panels/family/seats", "/panels/family/seats",
                      {{"seat_id", "chair"}, {"user_id", std::to_string(chair_id)}})
                .status,
            303);
  const Reply panels = sysadmin.get("/panels");
  EXPECT_NE(panels.body.find("Family Decisions Panel"), std::string::npos);
  EXPECT_NE(panels.body.find("1 of 3 seats with a holder"), std::string::npos);
  app::ensure_sittings(world_.services(), core::Date{std::chrono::year{2026} / 11 / 24}, 2);
  const std::string child = std::to_string(world_.child_a);

  // The social worker drafts and sends it.
  Client sw = as("sw_a@test");
  const Reply created =
      post_from(sw, "/requests/new", "/requests", {{"panel_id", "family"}, {"child_ids", child}});
  ASSERT_EQ(created.status, 303) << created.body;
  const std::string request = created.header("Location");  // "/requests/N"
  ASSERT_EQ(request.rfind("/requests/", 0), 0u);
  const std::string id = request.substr(10);
  // A request meets exactly one of this panel's criteria: radios, not boxes.
  const Reply criteria = sw.get(request + "/edit/type");
  EXPECT_NE(criteria.body.find(R"(type="radio" value="step_up")"), std::string::npos);
  EXPECT_EQ(criteria.body.find(R"(type="checkbox")"), std::string::npos);
  const Reply two = post_from(sw, request + "/edit/type", request + "/edit/type",
                              {{"criteria", "family_plan"}, {"criteria", "step_up"}});
  EXPECT_EQ(two.status, 200);
  EXPECT_NE(two.body.find("Select only one criterion"), std::string::npos);
  ASSERT_EQ(
      post_from(sw, request + "/edit/type", request + "/edit/type", {{"criteria", "family_plan"}})
          .status,
      303);
  ASSERT_EQ(
      post_from(sw, request + "/edit/details", request + "/edit/details",
                {{"reason", "Early help has not held"}, {"proposed_plan", "Intensive support"}})
          .status,
      303);
  ASSERT_EQ(post_from(sw, request + "/edit/attendance", request + "/edit/attendance",
                      {{"conference_call", "no"}})
                .status,
            303);
  ASSERT_EQ(post_from(sw, request + "/papers", request + "/papers/assessment/not-provided",
                      {{"reason", "Being written this week"}})
                .status,
            303);
  const Reply check = sw.get(request + "/check");
  ASSERT_EQ(check.status, 200) << sw.get(request).body;
  const Reply sent = post_from(sw, request + "/check", request + "/send", {});
  ASSERT_EQ(sent.status, 303) << sent.body;

  // The Head of Service (group_manager) approves: the panel's own step.
  Client head = as("gm@test");
  ASSERT_EQ(post_from(head, request, request + "/approve", {}).status, 303);
  EXPECT_EQ(number("SELECT COUNT(*) FROM requests WHERE id = $1 AND state = 'submitted'",
                   {std::stoll(id)}),
            1);

  // The coordinator gives it the first Thursday: a 20-minute slot.
  const std::int64_t sitting =
      number("SELECT id FROM sittings WHERE panel_id = 'family' ORDER BY sitting_date LIMIT 1");
  ASSERT_NE(sitting, 0);
  EXPECT_EQ(number("SELECT chair_id FROM sittings WHERE id = $1", {sitting}), chair_id);
  // The sittings list says what the panel is for; its sitting, where it is.
  Client coordinator = as("coord@test");
  EXPECT_NE(coordinator.get("/sittings").body.find("Decides the support a family gets"),
            std::string::npos);
  EXPECT_NE(coordinator.get("/sittings/" + std::to_string(sitting))
                .body.find("1 Fictional Street, Northshire"),
            std::string::npos);
  const Reply scheduled = post_from(coordinator, request + "/triage", request + "/schedule",
                                    {{"sitting_id", std::to_string(sitting)}});
  ASSERT_EQ(scheduled.status, 303) << scheduled.body;
  EXPECT_EQ(number("SELECT minutes FROM hearings WHERE request_id = $1", {std::stoll(id)}), 20);
  const std::string hearing =
      std::to_string(number("SELECT id FROM hearings WHERE request_id = $1", {std::stoll(id)}));

  // On the day, the minute taker records two of the panel's outcomes.
  world_.clock().set(*core::parse_iso_utc("2026-11-26T15:00:00Z"));
  Client taker = as("admin@panel.test");
  const std::string form_path = "/hearings/" + hearing + "/decision";
  const Reply form = taker.get(form_path);
  ASSERT_EQ(form.status, 200);
  EXPECT_NE(form.body.find("Step down to early help"), std::string::npos);
  EXPECT_EQ(form.body.find("Permanency plan"), std::string::npos);  // no permanency planning
  EXPECT_EQ(form.body.find("Parallel plan"), std::string::npos);
  // Coming back to panel needs a review date: refused, nothing written.
  Form record{{"child_id", child},
              {"item", "outcome:legal_advice"},
              {"detail-outcome-legal_advice", "Ask legal services about threshold"},
              {"item", "outcome:come_back"},
              {"detail-outcome-come_back", "In eight weeks"},
              {"reasons", "Risk is rising; one more try with support"}};
  const Reply refused = post_from(taker, form_path, form_path, record);
  EXPECT_EQ(refused.status, 200);
  EXPECT_NE(refused.body.find("Enter the review date"), std::string::npos);
  EXPECT_EQ(number("SELECT COUNT(*) FROM decisions"), 0);
  record.push_back({"review_date-day", "21"});
  record.push_back({"review_date-month", "1"});
  record.push_back({"review_date-year", "2027"});
  ASSERT_EQ(post_from(taker, form_path, form_path, record).status, 303);
  EXPECT_EQ(number("SELECT COUNT(*) FROM decision_items WHERE kind = 'outcome'"), 2);
  EXPECT_EQ(
      number("SELECT COUNT(*) FROM requests WHERE id = $1 AND state = 'decided'", {std::stoll(id)}),
      1);

  // The social worker sees the outcomes on the request and the child's record.
  sw = as("sw_a@test");  // two days on: a new session
  const Reply page = sw.get(request);
  EXPECT_NE(page.body.find("Decided"), std::string::npos);
  EXPECT_NE(page.body.find("Seek legal advice"), std::string::npos);
  const Reply record_page = sw.get("/children/" + child);
  EXPECT_NE(record_page.body.find("Family Decisions Panel: Outcome: Come back to panel"),
            std::string::npos);

  // The minute taker drafts the minutes and sends them to the chair, who
  // authorises them; the social worker is told the outcome is on the record.
  const std::string minutes = "/sittings/" + std::to_string(sitting) + "/minutes";
  taker = as("admin@panel.test");
  ASSERT_EQ(post_from(taker, minutes, minutes,
                      {{"overview_" + hearing, "The family's support has not held."}})
                .status,
            303);
  ASSERT_EQ(post_from(taker, minutes, minutes + "/send", {}).status, 303);
  Client chair = as("chair@test");
  ASSERT_EQ(post_from(chair, "/", minutes + "/authorise", {}).status, 303);
  EXPECT_EQ(number("SELECT COUNT(*) FROM minutes WHERE sitting_id = $1 AND status = 'authorised'",
                   {sitting}),
            1);
  EXPECT_EQ(number("SELECT COUNT(*) FROM outbox WHERE recipient_id = $1 AND subject LIKE "
                   "'Panel outcome on the child''s record%'",
                   {world_.sw_a}),
            1);
}

}  // namespace
}  // namespace casepanel::web
