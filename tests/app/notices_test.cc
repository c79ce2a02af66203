// Who is told: a submitted request reaches those who can act on it (issue 14,
// item 2), and a cancellation reaches exactly those who were invited (item
// 11: "nobody who was never invited gets a cancellation"). The clock stands at
// Tuesday 24 November 2026, 09:00.
#include <gtest/gtest.h>

#include <set>

#include "app/requests.h"
#include "app/scheduling.h"
#include "app/sitting_changes.h"
#include "app/sittings.h"
#include "support/requests.h"
#include "support/world.h"

namespace casepanel::app {
namespace {

using testing::TestWorld;

// The people sent an email whose subject contains `part`, by id, as often as
// they were sent one.
std::multiset<std::int64_t> told(TestWorld& w, const std::string& part) {
  std::multiset<std::int64_t> out;
  w.db().read_all([&](store::Tx& tx) {
    for (const store::Row& r :
         tx.query("SELECT recipient_id FROM outbox WHERE subject LIKE $1", {"%" + part + "%"})) {
      out.insert(r.integer(0));
    }
  });
  return out;
}

std::string body_to(TestWorld& w, std::int64_t person, const std::string& part) {
  std::string out;
  w.db().read_all([&](store::Tx& tx) {
    auto r = tx.query_one(
        "SELECT body FROM outbox WHERE recipient_id = $1 AND subject LIKE $2 ORDER BY id DESC",
        {person, "%" + part + "%"});
    out = r ? r->text(0) : "";
  });
  return out;
}

// A coordinator and a panel administrator who serve no panel.
struct Elsewhere {
  std::int64_t coordinator = 0;
  std::int64_t panel_admin = 0;
};
Elsewhere serving_no_panel(TestWorld& w) {
  return {testing::add_person(w, "coord.elsewhere@test", "coordinator"),
          testing::add_person(w, "admin.elsewhere@test", "panel_admin")};
}

TEST(SubmissionNotices, TheSupportPanelsTriagerHearsItIsReadyAndItsAdministratorThatItCame) {
  TestWorld w;
  w.services().people.site_url = "https://panel.council.test";
  const Elsewhere elsewhere = serving_no_panel(w);
  const auto id = testing::sent_request(w, w.sw_a, {w.child_a}, testing::support_draft());
  ASSERT_TRUE(approve_request(w.services(), w.actor(w.pm_a), id, {}).ok());
  ASSERT_EQ(testing::state_of(w, id), "submitted");
  // submitted_to = ["panel_admin"], who cannot triage; the coordinator (the
  // Support Panel's "Administrator") triages, and is told.
  EXPECT_EQ(told(w, "ready for triage"), (std::multiset<std::int64_t>{w.coordinator}));
  EXPECT_EQ(body_to(w, w.coordinator, "ready for triage"),
            "Request " + std::to_string(id) +
                " has been submitted and waits in your queue: https://panel.council.test/triage");
  EXPECT_EQ(told(w, "has been submitted to Support Panel"),
            (std::multiset<std::int64_t>{w.panel_admin}));
  EXPECT_NE(body_to(w, w.panel_admin, "submitted to")
                .find("https://panel.council.test/requests/" + std::to_string(id) + "/papers"),
            std::string::npos);
  EXPECT_NE(body_to(w, w.panel_admin, "submitted to").find("The Administrator triages it"),
            std::string::npos);
  // Those who serve no panel could do nothing with it.
  EXPECT_EQ(told(w, "request").count(elsewhere.coordinator), 0u);
  EXPECT_EQ(told(w, "request").count(elsewhere.panel_admin), 0u);
}

TEST(SubmissionNotices, ACoordinatorNamedInSubmittedToGetsOneEmailNotTwo) {
  TestWorld w;
  serving_no_panel(w);
  const auto id = testing::sent_clam_request(w, {w.child_a});
  testing::approve_clam(w, id);
  ASSERT_EQ(testing::state_of(w, id), "submitted");
  // CLAM: submitted_to = ["coordinator", "panel_admin"].
  EXPECT_EQ(told(w, "is ready for triage"), (std::multiset<std::int64_t>{w.coordinator}));
  EXPECT_EQ(told(w, "has been submitted to CLAM Panel"),
            (std::multiset<std::int64_t>{w.panel_admin}));
}

// The sitting a request was scheduled into, and the request's presenters.
class Cancellations : public ::testing::Test {
 protected:
  void SetUp() override {
    ensure_sittings(w.services(), core::Date{std::chrono::year{2026} / 11 / 24}, 3);
    const auto id = testing::sent_clam_request(w, {w.child_a});
    testing::approve_clam(w, id);
    sitting = testing::number(
        w, "SELECT id FROM sittings WHERE panel_id = 'clam' AND sitting_date = '2026-12-01'");
    ASSERT_TRUE(schedule_request(w.services(), w.actor(w.coordinator), id, sitting).ok());
  }
  std::multiset<std::int64_t> members_told(const std::string& what) {
    return told(w, "the sitting " + what);
  }
  TestWorld w;
  std::int64_t sitting = 0;
};

TEST_F(Cancellations, ASittingWhoseAgendaWasNeverPublishedIsCancelledToItsPresentersAlone) {
  SittingInput to{"", "2026-12-02", "10:00", "13:30", "chd", "Room 4", ""};
  ASSERT_TRUE(move_sitting(w.services(), w.actor(w.coordinator), sitting, to, "").ok());
  EXPECT_TRUE(told(w, "the sitting has moved").empty()) << "the members were never invited";
  ASSERT_TRUE(cancel_sitting(w.services(), w.actor(w.coordinator), sitting, "Chair unwell").ok());
  EXPECT_TRUE(members_told("on").empty()) << "nobody was sent the sitting's invitation";
  // The presenters were invited when the hearing was scheduled.
  EXPECT_EQ(told(w, "is cancelled"), (std::multiset<std::int64_t>{w.sw_a, w.pm_a}));
}

TEST_F(Cancellations, APublishedSittingIsCancelledToExactlyThoseItsAgendaWentTo) {
  ASSERT_TRUE(publish_agenda(w.services(), w.actor(w.coordinator), sitting).ok());
  const std::multiset<std::int64_t> invited = told(w, "agenda for");
  ASSERT_FALSE(invited.empty());
  // Someone who starts to hold a seat's role after publication was never
  // invited, and hears of no cancellation.
  const std::int64_t late = testing::add_person(w, "late.member@test", "member");
  ASSERT_TRUE(cancel_sitting(w.services(), w.actor(w.coordinator), sitting, "Chair unwell").ok());
  EXPECT_EQ(told(w, ": the sitting on"), invited);
  EXPECT_EQ(told(w, "is cancelled").count(late), 0u);
  EXPECT_EQ(testing::number(w,
                            "SELECT COUNT(*) FROM outbox WHERE calendar_method = 'CANCEL' AND "
                            "calendar_uid = $1",
                            {"sitting-" + std::to_string(sitting) + "@casepanel"}),
            static_cast<std::int64_t>(invited.size()));
  EXPECT_EQ(testing::emails_naming_a_child(w), std::vector<std::string>{});
}

}  // namespace
}  // namespace casepanel::app
