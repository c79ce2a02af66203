// The minutes of a sitting (app/minutes.h, Support Panel 6): drafted by the
// panel administrator, sent to the chair, returned with comments or
// authorised, then frozen and corrected only by addenda; the social workers
// concerned told once they are authorised.
#include "app/minutes.h"

#include <gtest/gtest.h>

#include "app/decisions.h"
#include "app/display.h"
#include "app/my_tasks.h"
#include "app/sittings.h"
#include "app/triage.h"
#include "support/requests.h"
#include "support/world.h"

namespace casepanel::app {
namespace {

using testing::TestWorld;

class Minutes : public ::testing::Test {
 protected:
  void SetUp() override {
    auto& s = w.services();
    ensure_sittings(s, core::Date{std::chrono::year{2026} / 11 / 25}, 2);
    request = testing::sent_clam_request(w, {w.child_a});
    testing::approve_clam(w, request);
    sitting = number("SELECT id FROM sittings WHERE panel_id = 'clam' AND sitting_date = $1",
                     {std::string("2026-12-01")});
    ASSERT_TRUE(schedule_request(s, w.actor(w.coordinator), request, sitting, "").ok());
    hearing = number("SELECT id FROM hearings WHERE request_id = $1", {request});
    w.db().write_all([&](store::Tx& tx) {
      chair = tx.insert(
          "INSERT INTO users (email, name, password_hash, created_at) VALUES ('chair@test', "
          "'Cara Chair', 'x', '2026-01-01T00:00:00Z') RETURNING id");
      tx.exec("INSERT INTO user_roles (user_id, role) VALUES ($1, 'chair')", {chair});
      tx.exec("UPDATE sittings SET chair_id = $1 WHERE id = $2", {chair, sitting});
    });
    w.clock().set(parse_utc("2026-12-01T14:00:00Z"));
    record();
  }

  void record() {
    auto form = decision_form(w.services(), w.actor(w.panel_admin), hearing);
    ASSERT_TRUE(form.ok()) << form.error().message;
    DecisionInput in;
    in.child_ids = {w.child_a};
    in.items = {{core::ItemKind::decision, form->decisions.front().id, "Agreed as planned"}};
    in.reasons = "The plan keeps her safe.";
    in.actions = {{"Arrange a placement planning meeting", w.sw_a, "5", ""}};
    if (!form->plans.empty()) {
      in.permanency = {form->plans.front().id, "Within 3 months", w.sw_a};
    }
    if (!form->returns_to_panel.empty()) {
      in.review_date = "2027-03-01";
    }
    ASSERT_TRUE(record_decision(w.services(), w.actor(w.panel_admin), hearing, in).ok());
  }

  std::int64_t number(const std::string& sql, const store::Params& params = {}) {
    std::int64_t out = 0;
    w.db().read_all([&](store::Tx& tx) {
      auto r = tx.query_one(sql, params);
      out = r ? r->integer(0) : 0;
    });
    return out;
  }

  std::int64_t emails(std::int64_t to, const std::string& subject_start) {
    return number("SELECT COUNT(*) FROM outbox WHERE recipient_id = $1 AND subject LIKE $2",
                  {to, subject_start + "%"});
  }

  core::Status save(const std::string& overview) {
    return save_minutes(w.services(), w.actor(w.panel_admin), sitting, {{hearing, overview}});
  }
  core::Status send() { return send_minutes(w.services(), w.actor(w.panel_admin), sitting); }
  core::Status authorise() { return authorise_minutes(w.services(), w.actor(chair), sitting); }

  TestWorld w;
  std::int64_t request = 0, sitting = 0, hearing = 0, chair = 0;
};

TEST_F(Minutes, DraftSendReturnSendAuthoriseThenAnAddendum) {
  auto& s = w.services();
  ASSERT_TRUE(save("The panel discussed the placement.").ok());
  auto v = minutes_view(s, w.actor(w.panel_admin), sitting);
  ASSERT_TRUE(v.ok());
  EXPECT_EQ(v->status, core::MinutesStatus::draft);
  ASSERT_EQ(v->content.hearings.size(), 1u);
  EXPECT_EQ(v->content.hearings[0].overview, "The panel discussed the placement.");
  ASSERT_EQ(v->content.hearings[0].records.size(), 1u);
  EXPECT_EQ(v->content.hearings[0].records[0].reasons, "The plan keeps her safe.");
  EXPECT_TRUE(v->can_edit);
  EXPECT_TRUE(my_tasks(s, w.actor(chair))->minutes_to_authorise.empty());

  ASSERT_TRUE(send().ok());
  EXPECT_EQ(emails(chair, "Minutes to authorise"), 1);
  ASSERT_EQ(my_tasks(s, w.actor(chair))->minutes_to_authorise.size(), 1u);
  EXPECT_EQ(save("Changed while with the chair").error().kind, core::ErrorKind::conflict);
  // The administrator does not authorise; the chair does.
  EXPECT_EQ(authorise_minutes(s, w.actor(w.panel_admin), sitting).error().kind,
            core::ErrorKind::not_found);

  EXPECT_EQ(return_minutes(s, w.actor(chair), sitting, " ").error().fields.at(0).field, "comments");
  ASSERT_TRUE(return_minutes(s, w.actor(chair), sitting, "Name the placement team.").ok());
  v = minutes_view(s, w.actor(w.panel_admin), sitting);
  EXPECT_EQ(v->status, core::MinutesStatus::draft);
  EXPECT_EQ(v->chair_comments, "Name the placement team.");
  EXPECT_EQ(emails(w.panel_admin, "Minutes returned by the chair"), 1);
  EXPECT_TRUE(my_tasks(s, w.actor(chair))->minutes_to_authorise.empty());

  ASSERT_TRUE(save("The panel discussed the placement with the placement team.").ok());
  ASSERT_TRUE(send().ok());
  ASSERT_TRUE(authorise().ok());
  v = minutes_view(s, w.actor(w.panel_admin), sitting);
  EXPECT_EQ(v->status, core::MinutesStatus::authorised);
  EXPECT_EQ(v->authorised.rfind("Authorised by Cara Chair at ", 0), 0u) << v->authorised;
  EXPECT_FALSE(v->can_edit);
  EXPECT_TRUE(v->can_add_addendum);
  EXPECT_NE(number("SELECT COUNT(*) FROM sittings WHERE id = $1 AND minutes_authorised_at = $2",
                   {sitting, std::string("2026-12-01T14:00:00Z")}),
            0);

  // Authorised minutes never change: only an addendum, with its reason.
  EXPECT_EQ(save("Too late").error().kind, core::ErrorKind::conflict);
  EXPECT_EQ(return_minutes(s, w.actor(chair), sitting, "Again").error().kind,
            core::ErrorKind::conflict);
  EXPECT_EQ(add_minutes_addendum(s, w.actor(w.panel_admin), sitting, "The owner is Sam.", "")
                .error()
                .fields.at(0)
                .field,
            "why");
  EXPECT_EQ(add_minutes_addendum(s, w.actor(chair), sitting, "x", "y").error().kind,
            core::ErrorKind::not_found);
  ASSERT_TRUE(add_minutes_addendum(s, w.actor(w.panel_admin), sitting,
                                   "The action's owner is Sam Alpha.", "Minuted wrongly")
                  .ok());
  v = minutes_view(s, w.actor(w.panel_admin), sitting);
  ASSERT_EQ(v->addenda.size(), 1u);
  EXPECT_EQ(v->addenda[0].why, "Minuted wrongly");
  EXPECT_EQ(v->content.hearings[0].overview,
            "The panel discussed the placement with the placement team.");

  for (const char* action : {"minutes.save", "minutes.send", "minutes.return", "minutes.authorise",
                             "minutes.addendum", "minutes.view"}) {
    EXPECT_GT(number("SELECT COUNT(*) FROM audit_events WHERE action = $1 AND entity_id = $2",
                     {std::string(action), std::to_string(sitting)}),
              0)
        << action;
  }
}

TEST_F(Minutes, RecordsCannotBeCorrectedOnceAuthorised) {
  auto& s = w.services();
  const std::int64_t decision = number("SELECT id FROM decisions WHERE hearing_id = $1", {hearing});
  EXPECT_TRUE(correction_form(s, w.actor(w.panel_admin), decision).ok());
  ASSERT_TRUE(send().ok());
  ASSERT_TRUE(authorise().ok());
  auto refused = correction_form(s, w.actor(w.panel_admin), decision);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().kind, core::ErrorKind::conflict);
  EXPECT_NE(refused.error().message.find("addendum"), std::string::npos);
}

TEST_F(Minutes, AuthorisedMinutesReadFromTheirSnapshot) {
  auto& s = w.services();
  ASSERT_TRUE(save("Discussed.").ok());
  const auto change_reasons = [&](const std::string& reasons) {
    w.db().write_all([&](store::Tx& tx) {
      tx.exec("UPDATE decisions SET reasons = $1 WHERE hearing_id = $2", {reasons, hearing});
      tx.exec("UPDATE users SET name = $1 WHERE id = $2", {"Renamed " + reasons, w.sw_a});
    });
  };
  // Before authorisation the minutes follow the records.
  change_reasons("Changed before");
  auto v = minutes_view(s, w.actor(w.panel_admin), sitting);
  EXPECT_EQ(v->content.hearings[0].records[0].reasons, "Changed before");
  ASSERT_TRUE(send().ok());
  ASSERT_TRUE(authorise().ok());
  change_reasons("Changed after");
  ASSERT_TRUE(save_minutes(s, w.actor(w.panel_admin), sitting, {{hearing, "x"}}).error().kind ==
              core::ErrorKind::conflict);
  v = minutes_view(s, w.actor(w.panel_admin), sitting);
  EXPECT_EQ(v->content.hearings[0].records[0].reasons, "Changed before");
  EXPECT_EQ(v->content.hearings[0].presenter, "Renamed Changed before");
  EXPECT_EQ(v->content.hearings[0].overview, "Discussed.");
}

TEST_F(Minutes, SocialWorkersAreToldOnceAuthorised) {
  // The request's author (sw_a) and the child's allocated worker, here sw_b.
  w.db().write_all([&](store::Tx& tx) {
    tx.exec("UPDATE children SET allocated_worker_id = $1 WHERE id = $2", {w.sw_b, w.child_a});
  });
  ASSERT_TRUE(send().ok());
  const std::string subject = "Panel outcome on the child's record";
  EXPECT_EQ(emails(w.sw_a, subject), 0);
  ASSERT_TRUE(authorise().ok());
  EXPECT_EQ(emails(w.sw_a, subject), 1);
  EXPECT_EQ(emails(w.sw_b, subject), 1);
  EXPECT_EQ(emails(w.pm_a, subject), 0);
}

TEST_F(Minutes, WhoMayReadThem) {
  auto& s = w.services();
  ASSERT_TRUE(save("Discussed.").ok());
  EXPECT_EQ(minutes_view(s, w.actor(w.sw_a), sitting).error().kind, core::ErrorKind::not_found);
  EXPECT_TRUE(minutes_view(s, w.actor(w.coordinator), sitting).ok());
  EXPECT_TRUE(minutes_view(s, w.actor(chair), sitting).ok());
  // A member expected at the sitting reads them once authorised.
  EXPECT_EQ(minutes_view(s, w.actor(w.gm), sitting).error().kind, core::ErrorKind::not_found);
  ASSERT_TRUE(send().ok());
  ASSERT_TRUE(authorise().ok());
  auto member = minutes_view(s, w.actor(w.gm), sitting);
  ASSERT_TRUE(member.ok());
  EXPECT_FALSE(member->can_add_addendum);
  EXPECT_EQ(minutes_view(s, w.actor(w.sw_a), sitting).error().kind, core::ErrorKind::not_found);
  // One child's extract, for the child's file.
  auto extract = minutes_extract(s, w.actor(w.panel_admin), sitting, w.child_a);
  ASSERT_TRUE(extract.ok());
  EXPECT_EQ(extract->content.hearings.size(), 1u);
  EXPECT_FALSE(minutes_extract(s, w.actor(w.panel_admin), sitting, w.child_b).ok());
}

TEST_F(Minutes, NotBeforeTheSitting) {
  w.clock().set(parse_utc("2026-11-30T14:00:00Z"));
  const auto early = save("Too soon");
  ASSERT_FALSE(early.ok());
  EXPECT_EQ(early.error().kind, core::ErrorKind::conflict);
  EXPECT_EQ(minutes_view(w.services(), w.actor(w.panel_admin), sitting).error().kind,
            core::ErrorKind::conflict);
}

}  // namespace
}  // namespace casepanel::app
