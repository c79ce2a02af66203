// The first journey through the use cases, and the rules on its way:
// request -> approvals -> triage -> schedule -> decision, each step audited.
#include <gtest/gtest.h>

#include "app/children.h"
#include "app/display.h"
#include "app/requests.h"
#include "app/sittings.h"
#include "app/triage.h"
#include "store/audit.h"
#include "support/requests.h"
#include "support/world.h"

namespace casepanel::app {
namespace {

using testing::TestWorld;

using testing::approve_clam;
using testing::clam_quality_assurance;
using testing::state_of;

core::RequestDraft clam_draft() {
  core::RequestDraft d;
  d.panel_id = "clam";
  d.reason = "Unplanned emergency placement on Thursday night.";
  d.proposed_plan = "Stay with the foster carers while assessments finish.";
  d.parallel_plan = "Return home with support.";
  d.venue_preference = "chn";
  return d;
}

// The first request type the CLAM configuration offers.
std::string first_clam_type(TestWorld& w) {
  return w.services().panels.find("clam")->request_types.front().id;
}

std::int64_t new_sent_request(TestWorld& w, std::vector<std::int64_t> children) {
  return testing::sent_clam_request(w, children);
}

TEST(Requests, AnEmptyDraftNamesEveryMissingField) {
  TestWorld w;
  core::RequestDraft d;
  d.panel_id = "clam";
  auto id = create_request(w.services(), w.actor(w.sw_a), {w.child_a}, d);
  ASSERT_FALSE(id.ok());
  std::vector<std::string> fields;
  for (const auto& f : id.error().fields) {
    fields.push_back(f.field);
  }
  EXPECT_EQ(fields, (std::vector<std::string>{"request_type", "reason", "proposed_plan",
                                              "venue_preference"}));
}

TEST(Requests, ASocialWorkerCannotRequestForAnotherTeamsChild) {
  TestWorld w;
  auto d = clam_draft();
  d.request_type = first_clam_type(w);
  auto id = create_request(w.services(), w.actor(w.sw_a), {w.child_b}, d);
  ASSERT_FALSE(id.ok());
  EXPECT_EQ(id.error().kind, core::ErrorKind::not_found);
}

TEST(Requests, NobodyApprovesTheirOwnRequest) {
  TestWorld w;
  auto d = clam_draft();
  d.request_type = first_clam_type(w);
  // A practice manager writes a request for their own team's child...
  const std::int64_t request = testing::sent_request(w, w.pm_a, {w.child_a}, d);
  const std::int64_t* id = &request;
  // ...and may not approve it themselves.
  auto done = approve_request(w.services(), w.actor(w.pm_a), *id, clam_quality_assurance(w));
  ASSERT_FALSE(done.ok());
  EXPECT_EQ(done.error().kind, core::ErrorKind::forbidden);
  EXPECT_EQ(state_of(w, *id), "awaiting_approval");
}

TEST(Requests, AManagerOfAnotherTeamCannotApprove) {
  TestWorld w;
  const auto id = new_sent_request(w, {w.child_a});
  auto done = approve_request(w.services(), w.actor(w.pm_b), id, clam_quality_assurance(w));
  ASSERT_FALSE(done.ok());
  EXPECT_EQ(state_of(w, id), "awaiting_approval");
}

TEST(Requests, ClamNeedsThePracticeManagerThenTheGroupManager) {
  TestWorld w;
  const auto id = new_sent_request(w, {w.child_a});
  // The group manager cannot act before the practice manager.
  EXPECT_FALSE(approve_request(w.services(), w.actor(w.gm), id, {}).ok());
  ASSERT_TRUE(approve_request(w.services(), w.actor(w.pm_a), id,
                              clam_quality_assurance(w, "Quality assured"))
                  .ok());
  EXPECT_EQ(state_of(w, id), "awaiting_approval");
  ASSERT_TRUE(
      approve_request(w.services(), w.actor(w.gm), id, {"Permission given", "", 0, 0}).ok());
  EXPECT_EQ(state_of(w, id), "submitted");
}

TEST(Requests, AReturnedRequestGoesBackToItsAuthorWithTheComments) {
  TestWorld w;
  const auto id = new_sent_request(w, {w.child_a});
  EXPECT_FALSE(return_request(w.services(), w.actor(w.pm_a), id, "  ").ok());
  ASSERT_TRUE(return_request(w.services(), w.actor(w.pm_a), id, "Add the chronology").ok());
  EXPECT_EQ(state_of(w, id), "draft");
  auto tasks = my_tasks(w.services(), w.actor(w.sw_a));
  ASSERT_TRUE(tasks.ok());
  ASSERT_EQ(tasks->returned.size(), 1u);
  EXPECT_EQ(tasks->returned[0].detail, "Add the chronology");
  // Sent again, it waits for the first step once more.
  ASSERT_TRUE(send_for_approval(w.services(), w.actor(w.sw_a), id).ok());
  auto pm_tasks = my_tasks(w.services(), w.actor(w.pm_a));
  ASSERT_EQ(pm_tasks->awaiting_my_approval.size(), 1u);
}

TEST(Sittings, SchedulingGivesTheNextFreeSlotAndSiblingsTakeLonger) {
  TestWorld w;
  ASSERT_GT(ensure_sittings(w.services(), core::Date{std::chrono::year{2026} / 11 / 25}, 4), 0);
  auto approve_both = [&](std::int64_t id) { approve_clam(w, id); };
  const auto siblings = new_sent_request(w, {w.sibling_1, w.sibling_2});
  const auto single = new_sent_request(w, {w.child_a});
  approve_both(siblings);
  approve_both(single);
  auto queue = triage_queue(w.services(), w.actor(w.coordinator));
  ASSERT_TRUE(queue.ok());
  ASSERT_EQ(queue->size(), 2u);
  const auto& first = queue->front();
  EXPECT_EQ(first.minutes, first.request_id == siblings ? 30 : 15);
  const std::int64_t sitting = first.sittings.front().id;
  ASSERT_TRUE(schedule_request(w.services(), w.actor(w.coordinator), siblings, sitting).ok());
  ASSERT_TRUE(schedule_request(w.services(), w.actor(w.coordinator), single, sitting).ok());
  auto agenda = sitting_view(w.services(), w.actor(w.coordinator), sitting);
  ASSERT_TRUE(agenda.ok());
  ASSERT_EQ(agenda->agenda.size(), 2u);
  // CLAM sits 13:30-17:00 (Europe/London): the siblings take 30 minutes.
  EXPECT_EQ(agenda->agenda[0].start, "13:30");
  EXPECT_EQ(agenda->agenda[0].end, "14:00");
  EXPECT_EQ(agenda->agenda[1].start, "14:00");
  EXPECT_EQ(state_of(w, single), "scheduled");
}

TEST(Sittings, OnlyCoordinatorsTriage) {
  TestWorld w;
  EXPECT_FALSE(triage_queue(w.services(), w.actor(w.sw_a)).ok());
  EXPECT_FALSE(schedule_request(w.services(), w.actor(w.pm_a), 1, 1).ok());
}

TEST(Decisions, NeedReasonsAndRecordTheActionInWorkingDays) {
  TestWorld w;
  ensure_sittings(w.services(), core::Date{std::chrono::year{2026} / 11 / 25}, 2);
  const auto id = new_sent_request(w, {w.child_a});
  approve_clam(w, id);
  auto queue = triage_queue(w.services(), w.actor(w.coordinator));
  const std::int64_t sitting = queue->front().sittings.front().id;
  ASSERT_TRUE(schedule_request(w.services(), w.actor(w.coordinator), id, sitting).ok());
  auto agenda = sitting_view(w.services(), w.actor(w.panel_admin), sitting);
  const std::int64_t hearing = agenda->agenda.front().hearing_id;
  // Before the day of the sitting (Tuesday 1 December) no decision is
  // recorded: the agenda offers none and the form is refused.
  EXPECT_FALSE(agenda->can_record);
  auto early = decision_form(w.services(), w.actor(w.panel_admin), hearing);
  ASSERT_FALSE(early.ok());
  EXPECT_EQ(early.error().kind, core::ErrorKind::conflict);
  EXPECT_EQ(early.error().message,
            "This hearing is on 1 December 2026: its decision can be recorded from that day");
  w.clock().set(parse_utc("2026-12-01T14:00:00Z"));
  EXPECT_TRUE(sitting_view(w.services(), w.actor(w.panel_admin), sitting)->can_record);
  auto form = decision_form(w.services(), w.actor(w.panel_admin), hearing);
  ASSERT_TRUE(form.ok());
  ASSERT_FALSE(form->decisions.empty());

  DecisionInput in;
  in.child_ids = {w.child_a};
  in.items = {{core::ItemKind::decision, form->decisions.front().id, "Agreed"}};
  auto missing = record_decision(w.services(), w.actor(w.panel_admin), hearing, in);
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().fields.front().field, "reasons");

  in.reasons = "The plan keeps her safe.";
  in.actions = {{"Arrange a placement planning sitting", w.sw_a, "5", ""}};
  if (!form->plans.empty()) {
    in.permanency = {form->plans.front().id, "Within 3 months", w.sw_a};
  }
  if (!form->returns_to_panel.empty()) {
    in.review_date = "2027-03-01";
  }
  ASSERT_TRUE(record_decision(w.services(), w.actor(w.panel_admin), hearing, in).ok());
  EXPECT_EQ(state_of(w, id), "decided");

  auto rec = child_record(w.services(), w.actor(w.sw_a), w.child_a);
  ASSERT_TRUE(rec.ok());
  ASSERT_EQ(rec->decisions.size(), 1u);
  EXPECT_EQ(rec->decisions[0].reasons, "The plan keeps her safe.");
  ASSERT_FALSE(rec->events.empty());
  EXPECT_EQ(rec->events.back().kind, "Decision");
  ASSERT_EQ(rec->actions.size(), 1u);
  // Tuesday 1 December 2026 + 5 working days = Tuesday 8 December.
  EXPECT_EQ(rec->actions[0].due_date, "8 December 2026");
  EXPECT_EQ(rec->hearings.size(), 1u);
  EXPECT_TRUE(store::verify_audit(w.db()).intact);
}

TEST(Children, ScopeFollowsLineManagement) {
  TestWorld w;
  auto mine = children_in_scope(w.services(), w.actor(w.sw_a));
  ASSERT_TRUE(mine.ok());
  EXPECT_EQ(mine->size(), 3u);  // team A: Ada, Cal, Dee
  auto gm = children_in_scope(w.services(), w.actor(w.gm));
  EXPECT_EQ(gm->size(), 4u);  // both teams report to the group manager
  EXPECT_FALSE(children_in_scope(w.services(), w.actor(w.admin)).ok());
  auto other = child_record(w.services(), w.actor(w.sw_a), w.child_b);
  ASSERT_FALSE(other.ok());
  EXPECT_EQ(other.error().kind, core::ErrorKind::not_found);
}

TEST(Children, EveryViewOfARecordIsAudited) {
  TestWorld w;
  ASSERT_TRUE(child_record(w.services(), w.actor(w.sw_a), w.child_a).ok());
  std::int64_t views = 0;
  w.db().read_all([&](store::Tx& tx) {
    views = tx.query_one(
                  "SELECT COUNT(*) FROM audit_events WHERE action = 'child.view' "
                  "AND entity_id = $1 AND actor_id = $2",
                  {std::to_string(w.child_a), w.sw_a})
                ->integer(0);
  });
  EXPECT_EQ(views, 1);
}

}  // namespace
}  // namespace casepanel::app
