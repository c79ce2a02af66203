// Configuration keys that act (issue 12, section 6), each tried the way a
// council that changed its panel file would see it: the repository's panels,
// changed in memory, behind the same database.
#include <gtest/gtest.h>

#include <functional>
#include <memory>

#include "app/approvals.h"
#include "app/request_view.h"
#include "app/scheduling.h"
#include "app/sittings.h"
#include "support/changed_panels.h"
#include "support/requests.h"
#include "support/world.h"

namespace casepanel::app {
namespace {

using testing::ChangedPanels;
using testing::TestWorld;

std::int64_t integer(TestWorld& w, const std::string& sql, const store::Params& params = {}) {
  std::int64_t out = 0;
  w.db().read_all([&](store::Tx& tx) {
    auto r = tx.query_one(sql, params);
    out = r ? r->integer(0) : 0;
  });
  return out;
}

TEST(ConfigKeys, AVenuesAddressIsTheInvitationsLocation) {
  TestWorld w;
  ChangedPanels changed(w, [](core::PanelType& p) {
    for (core::Venue& v : p.venues) {
      v.address = "1 Example Street, Exampletown";
    }
  });
  Services& s = changed.services();
  ensure_sittings(s, core::Date{std::chrono::year{2026} / 11 / 25}, 2);
  const auto id = testing::sent_clam_request(w, {w.child_a});
  testing::approve_clam(w, id);
  const auto sitting = integer(w,
                               "SELECT id FROM sittings WHERE panel_id = 'clam' ORDER BY "
                               "sitting_date LIMIT 1");
  ASSERT_TRUE(schedule_request(s, w.actor(w.coordinator), id, sitting).ok());
  EXPECT_GT(integer(w,
                    "SELECT COUNT(*) FROM outbox WHERE calendar LIKE '%LOCATION:%' AND "
                    "calendar LIKE '%1 Example Street%'"),
            0);
}

// The Support Panel (the panel that names a role) accepting late requests by
// `role` instead.
std::function<void(core::PanelType&)> late_acceptance_by(core::Role role) {
  return [role](core::PanelType& p) {
    if (p.deadline.late_acceptance_by) {
      p.deadline.late_acceptance_by = role;
    }
  };
}

// A Support Panel request sent and agreed after the cut-off of the first
// sitting, so that it may be accepted late; 0 when it could not be made.
std::int64_t late_support_request(TestWorld& w, Services& s) {
  ensure_sittings(s, core::Date{std::chrono::year{2026} / 11 / 24}, 3);
  const auto id = testing::sent_request(w, w.sw_a, {w.child_a}, testing::support_draft());
  return approve_request(s, w.actor(w.pm_a), id, {}).ok() ? id : 0;
}

TEST(ConfigKeys, WithNoLateAcceptanceRoleNobodyAcceptsALateRequest) {
  TestWorld w;
  ChangedPanels changed(w, [](core::PanelType& p) { p.deadline.late_acceptance_by.reset(); });
  Services& s = changed.services();
  const auto id = late_support_request(w, s);
  ASSERT_NE(id, 0);
  auto refused = accept_late(s, w.actor(w.coordinator), id, "Court hearing on Friday");
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().kind, core::ErrorKind::forbidden);
  auto page = request_view(s, w.actor(w.coordinator), id);
  ASSERT_TRUE(page.ok());
  EXPECT_FALSE(page->can_accept_late);
  // The shipped Support Panel names the coordinator (its Administrator).
  auto shipped = request_view(w.services(), w.actor(w.coordinator), id);
  EXPECT_TRUE(shipped->can_accept_late);
}

TEST(ConfigKeys, OnlyTheRoleNamedAcceptsALateRequest) {
  TestWorld w;
  ChangedPanels changed(w, late_acceptance_by(core::Role::admin));
  Services& s = changed.services();
  const auto id = late_support_request(w, s);
  ASSERT_NE(id, 0);
  auto refused = accept_late(s, w.actor(w.coordinator), id, "Court hearing on Friday");
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().message, "Only the System administrator can accept a late request");
}

// Any role may be named, not only one that triages: here the Service Manager
// over the team accepts it, and the coordinator may not.
TEST(ConfigKeys, AServiceManagerNamedAcceptsALateRequest) {
  TestWorld w;
  ChangedPanels changed(w, late_acceptance_by(core::Role::group_manager));
  Services& s = changed.services();
  const auto id = late_support_request(w, s);
  ASSERT_NE(id, 0);
  EXPECT_FALSE(accept_late(s, w.actor(w.coordinator), id, "Court hearing on Friday").ok());
  auto page = request_view(s, w.actor(w.gm), id);
  ASSERT_TRUE(page.ok());
  EXPECT_TRUE(page->can_accept_late);
  ASSERT_TRUE(accept_late(s, w.actor(w.gm), id, "Court hearing on Friday").ok());
  EXPECT_EQ(integer(w, "SELECT late_accepted_by FROM requests WHERE id = $1", {id}), w.gm);
}

}  // namespace
}  // namespace casepanel::app
