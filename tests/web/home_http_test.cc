// The home page shows each role its own work (issue 14, items 9, 12 and 13):
// the practitioner their requests from draft to decision, with where each has
// got to; the coordinator the triage queue; the people who sit or serve the
// panel the sittings ahead, today's first; nobody a section for work their
// role never has. Roles are named with the panels' own titles.
#include <gtest/gtest.h>

#include "app/display.h"
#include "app/sittings.h"
#include "app/triage.h"
#include "support/decided_hearing.h"
#include "support/requests.h"
#include "web/site_fixture.h"

namespace casepanel::web {
namespace {

using Home = SiteFixture;

bool has(const std::string& body, const std::string& text) {
  return body.find(text) != std::string::npos;
}

TEST_F(Home, ThePractitionerFollowsTheirRequestFromSentToScheduled) {
  app::ensure_sittings(world_.services(), core::Date{std::chrono::year{2026} / 11 / 25}, 2);
  const std::int64_t id = testing::sent_clam_request(world_, {world_.child_a});
  Client sw = signed_in("sw_a@test");
  std::string home = sw.get("/").body;
  EXPECT_TRUE(has(home, "On the way to panel"));
  EXPECT_TRUE(has(home, "Waiting for: ")) << "the approval step it waits at";
  EXPECT_FALSE(has(home, "Awaiting my approval")) << "a practitioner approves nothing";

  testing::approve_clam(world_, id);
  auto queue = app::triage_queue(world_.services(), world_.actor(world_.coordinator));
  ASSERT_TRUE(queue.ok() && !queue->empty());
  Client coord = signed_in("coord@test");
  EXPECT_TRUE(has(coord.get("/").body, "1 request is waiting for triage"));
  ASSERT_TRUE(app::schedule_request(world_.services(), world_.actor(world_.coordinator), id,
                                    queue->front().sittings.front().id)
                  .ok());
  home = sw.get("/").body;
  EXPECT_TRUE(has(home, "Scheduled"));
  EXPECT_TRUE(has(home, "1 December 2026 at 13:30")) << "the date and time of the hearing";
  EXPECT_TRUE(has(coord.get("/").body, "0 requests are waiting for triage"));
}

TEST_F(Home, AHeardRequestIsListedWithItsDayAndTheSittingIsTodaysForThoseWhoServeIt) {
  testing::decided_hearing(world_, {world_.child_a});  // the clock is left on the day
  const std::string sw = signed_in("sw_a@test").get("/").body;
  EXPECT_TRUE(has(sw, "Heard at panel in the last eight weeks"));
  EXPECT_TRUE(has(sw, "Heard on 1 December 2026"));

  const std::string taker = signed_in("admin@panel.test").get("/").body;
  EXPECT_TRUE(has(taker, "Go to today's sitting"));
  EXPECT_FALSE(has(taker, "My drafts"));
  EXPECT_FALSE(has(taker, "Awaiting my approval"));
}

TEST_F(Home, EachRoleSeesOnlyTheSectionsOfItsWork) {
  testing::add_person(world_, "ad@test", "assistant_director");
  const std::string ad = signed_in("ad@test").get("/").body;
  EXPECT_TRUE(has(ad, "id=\"nothing-listed\""));
  for (const char* email : {"ad@test", "auditor@test", "sysadmin@test", "coord@test"}) {
    const std::string body = signed_in(email).get("/").body;
    EXPECT_FALSE(has(body, "My drafts")) << email;
    EXPECT_FALSE(has(body, "Awaiting my approval")) << email;
    EXPECT_FALSE(has(body, "Returned to me")) << email;
  }
  const std::string pm = signed_in("pm_a@test").get("/").body;
  EXPECT_TRUE(has(pm, "Awaiting my approval"));
  EXPECT_FALSE(has(pm, "id=\"nothing-listed\""));
  EXPECT_TRUE(has(signed_in("sysadmin@test").get("/").body, "href=\"/admin/people\""));
}

TEST_F(Home, RolesAreNamedAsEachPanelNamesThem) {
  const std::string pm = signed_in("pm_a@test").get("/").body;
  EXPECT_TRUE(has(pm, "Team Manager / Practice Supervisor (Support Panel)")) << pm;
  EXPECT_TRUE(has(pm, "Practice Manager (CLAM Panel)"));
  EXPECT_FALSE(has(pm, "Practice manager"));
  // The auditor's list of children is not theirs: it is headed "Children".
  Client auditor = signed_in("auditor@test");
  EXPECT_TRUE(has(auditor.get("/children").body, ">Children</h1>"));
  EXPECT_TRUE(has(signed_in("sw_a@test").get("/children").body, ">My children</h1>"));
}

TEST_F(Home, PastSittingsAreReachedEightWeeksAPage) {
  testing::decided_hearing(world_, {world_.child_a});  // held on 1 December 2026
  world_.clock().set(app::parse_utc("2027-03-01T09:00:00Z"));
  Client chair = signed_in("coord@test");
  const Reply list = chair.get("/sittings");
  ASSERT_EQ(list.status, 200);
  EXPECT_FALSE(has(list.body, "1 December 2026")) << "more than eight weeks ago";
  EXPECT_TRUE(has(list.body, "/sittings/past?until=2027-01-04"));
  const Reply earlier = chair.get("/sittings/past?until=2027-01-04");
  ASSERT_EQ(earlier.status, 200);
  EXPECT_TRUE(has(earlier.body, "Past sittings"));
  EXPECT_TRUE(has(earlier.body, "1 December 2026"));
  EXPECT_TRUE(has(earlier.body, "From 9 November 2026 to 3 January 2027"));
  EXPECT_TRUE(has(earlier.body, "href=\"/sittings\" rel=\"next\""));
  // A malformed or future date is the eight weeks before today.
  for (const char* until : {"not-a-date", "2099-01-01"}) {
    const Reply r = chair.get(std::string("/sittings/past?until=") + until);
    ASSERT_EQ(r.status, 200) << until;
    EXPECT_TRUE(has(r.body, "to 28 February 2027")) << until;
  }
  EXPECT_EQ(signed_in("sysadmin@test").get("/sittings/past").status, 403);
}

}  // namespace
}  // namespace casepanel::web
