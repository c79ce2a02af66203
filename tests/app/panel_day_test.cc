// The panel day, as use cases: a CLAM sibling group recorded once for all,
// with a recommendation on permanence the chair then decides; a Support
// Panel child with two outcomes, a disagreement the Assistant Director
// resolves; corrections on the day; each decision on the child's record as a
// significant event. The clock stands at Tuesday 24 November 2026, 09:00,
// and moves to the sittings' days.
#include <gtest/gtest.h>

#include "app/children.h"
#include "app/decisions.h"
#include "app/display.h"
#include "app/recommendations.h"
#include "app/requests.h"
#include "app/sittings.h"
#include "app/triage.h"
#include "store/audit.h"
#include "support/requests.h"
#include "support/world.h"

namespace casepanel::app {
namespace {

using testing::TestWorld;

std::int64_t integer(TestWorld& w, const std::string& sql, const store::Params& params = {}) {
  std::int64_t out = 0;
  w.db().read_all([&](store::Tx& tx) { out = tx.query_one(sql, params)->integer(0); });
  return out;
}

std::int64_t person(TestWorld& w, const std::string& name, const std::string& role) {
  std::int64_t id = 0;
  w.db().write_all([&](store::Tx& tx) {
    id = tx.insert(
        "INSERT INTO users (email, name, password_hash, created_at) VALUES ($1, $2, 'x', "
        "'2026-01-01T00:00:00Z') RETURNING id",
        {name + "@test", name});
    tx.exec("INSERT INTO user_roles (user_id, role) VALUES ($1, $2)", {id, role});
  });
  return id;
}

class PanelDay : public ::testing::Test {
 protected:
  void SetUp() override {
    w.clock().set(parse_utc("2026-11-24T09:00:00Z"));
    ensure_sittings(w.services(), core::Date{std::chrono::year{2026} / 11 / 24}, 3);
  }

  // A request for `children`, scheduled at the panel's first sitting; its hearing.
  std::int64_t hearing_of(std::int64_t request, const std::string& panel) {
    auto queue = triage_queue(w.services(), w.actor(w.coordinator));
    for (const auto& q : *queue) {
      if (q.request_id == request) {
        EXPECT_TRUE(
            schedule_request(w.services(), w.actor(w.coordinator), request, q.sittings.front().id)
                .ok());
      }
    }
    (void)panel;
    return integer(w, "SELECT id FROM hearings WHERE request_id = $1", {request});
  }
  std::string sitting_date(std::int64_t hearing) {
    std::string out;
    w.db().read_all([&](store::Tx& tx) {
      out = tx.query_one(
                  "SELECT s.sitting_date FROM hearings h JOIN sittings s ON s.id = "
                  "h.sitting_id WHERE h.id = $1",
                  {hearing})
                ->text(0);
    });
    return out;
  }
  void on_the_day(std::int64_t hearing, const char* time = "T14:00:00Z") {
    w.clock().set(parse_utc(sitting_date(hearing) + time));
  }

  TestWorld w;
};

TEST_F(PanelDay, ACLAMSiblingGroupIsRecordedOnceAndTheChairDecidesThePermanenceRecommendation) {
  auto& s = w.services();
  const std::int64_t chair = person(w, "Carys Chair", "chair");
  const std::int64_t other_chair = person(w, "Olu Chair", "chair");
  const auto request = testing::sent_clam_request(w, {w.sibling_1, w.sibling_2, w.child_a});
  testing::approve_clam(w, request);
  const std::int64_t hearing = hearing_of(request, "clam");
  w.db().write_all([&](store::Tx& tx) {
    tx.exec(
        "UPDATE sittings SET chair_id = $1 WHERE id = (SELECT sitting_id FROM hearings "
        "WHERE id = $2)",
        {chair, hearing});
  });
  on_the_day(hearing);
  auto form = decision_form(s, w.actor(w.panel_admin), hearing);
  ASSERT_TRUE(form.ok());
  ASSERT_EQ(form->children.size(), 3u);
  EXPECT_FALSE(form->plans.empty());  // CLAM asks for the permanency plan
  EXPECT_TRUE(form->outcomes.empty());

  DecisionInput in;
  in.child_ids = {w.sibling_1, w.sibling_2};
  in.items = {{core::ItemKind::decision, "ratify_plan", "The plan for rehabilitation is ratified"},
              {core::ItemKind::decision, "support_permanence", "The panel supports permanence"}};
  in.reasons = "Two years settled with the carers; the children ask to stay.";
  in.permanency = {"long_term_fostering", "By the next LAC review", w.sw_a};
  in.parallel = {"special_guardianship", "Within 6 months", w.pm_a};
  in.actions = {{"Complete the permanence report", w.sw_a, "10", ""}};
  ASSERT_TRUE(record_decision(s, w.actor(w.panel_admin), hearing, in).ok());
  EXPECT_EQ(testing::state_of(w, request), "scheduled");  // one child still to record

  // The same children again: refused, they have their records.
  auto twice = record_decision(s, w.actor(w.panel_admin), hearing, in);
  ASSERT_FALSE(twice.ok());
  EXPECT_EQ(twice.error().kind, core::ErrorKind::conflict);

  in.child_ids = {w.child_a};
  in.items.pop_back();
  ASSERT_TRUE(record_decision(s, w.actor(w.panel_admin), hearing, in).ok());
  EXPECT_EQ(testing::state_of(w, request), "decided");
  EXPECT_EQ(integer(w, "SELECT COUNT(*) FROM decisions WHERE hearing_id = $1", {hearing}), 3);
  EXPECT_EQ(integer(w, "SELECT COUNT(*) FROM actions"), 3);

  // The chair has two recommendations to decide; another chair has none.
  EXPECT_TRUE(open_decisions(s, w.actor(other_chair)).final_decisions.empty());
  const auto open = open_decisions(s, w.actor(chair)).final_decisions;
  ASSERT_EQ(open.size(), 2u);
  EXPECT_FALSE(final_decision_form(s, w.actor(other_chair), open[0].id).ok());
  EXPECT_FALSE(final_decision_form(s, w.actor(w.panel_admin), open[0].id).ok());
  ASSERT_TRUE(final_decision_form(s, w.actor(chair), open[0].id).ok());

  auto no_reasons = record_final_decision(s, w.actor(chair), open[0].id, {true, "", ""});
  ASSERT_FALSE(no_reasons.ok());
  EXPECT_EQ(no_reasons.error().fields.front().field, "reasons");
  ASSERT_TRUE(record_final_decision(s, w.actor(chair), open[0].id,
                                    {true, "", "Stable placement, the children's wish"})
                  .ok());
  ASSERT_TRUE(record_final_decision(s, w.actor(chair), open[1].id,
                                    {false, "Not yet: review in three months", "Too soon"})
                  .ok());
  EXPECT_FALSE(
      record_final_decision(s, w.actor(chair), open[1].id, {true, "", "Changed my mind"}).ok());
  EXPECT_TRUE(open_decisions(s, w.actor(chair)).final_decisions.empty());
  EXPECT_EQ(testing::emails_naming_a_child(w), std::vector<std::string>{})
      << "the author is told of the final decision without the child's name";

  // Each child's record shows both the recommendation and the final decision.
  auto rec = child_record(s, w.actor(w.sw_a), w.sibling_1);
  ASSERT_TRUE(rec.ok());
  ASSERT_EQ(rec->decisions.size(), 1u);
  const RecordView& v = rec->decisions.front();
  EXPECT_EQ(v.permanency.label, "Long-term fostering");
  EXPECT_EQ(v.parallel.owner, "Pat Alpha");
  ASSERT_EQ(v.decisions.size(), 2u);
  const ItemView& permanence = v.decisions[1];
  EXPECT_TRUE(permanence.recommendation);
  EXPECT_NE(permanence.final_line.find("Carys Chair"), std::string::npos) << permanence.final_line;
  std::vector<std::string> kinds;
  for (const ChildEvent& e : rec->events) {
    kinds.push_back(e.kind);
  }
  EXPECT_EQ(kinds.front(), "Final decision");  // newest first
  EXPECT_EQ(kinds.size(), 3u);                 // decision, recommendation, final decision
  EXPECT_TRUE(store::verify_audit(w.db()).intact);
}

TEST_F(PanelDay, ARecordIsCorrectedOnTheDayAndEveryChangeIsOnTheChildsRecord) {
  auto& s = w.services();
  const auto request = testing::sent_clam_request(w, {w.child_a});
  testing::approve_clam(w, request);
  const std::int64_t hearing = hearing_of(request, "clam");
  on_the_day(hearing);
  DecisionInput in;
  in.child_ids = {w.child_a};
  in.items = {{core::ItemKind::decision, "placement_search", "A placement search starts"}};
  in.reasons = "No family placement";
  in.permanency = {"long_term_fostering", "6 months", w.sw_a};
  ASSERT_TRUE(record_decision(s, w.actor(w.panel_admin), hearing, in).ok());
  const std::int64_t decision =
      integer(w, "SELECT id FROM decisions WHERE hearing_id = $1", {hearing});

  auto form = correction_form(s, w.actor(w.panel_admin), decision);
  ASSERT_TRUE(form.ok());
  EXPECT_FALSE(correction_form(s, w.actor(w.sw_a), decision).ok());

  in.items = {{core::ItemKind::decision, "section_20_care", "Foster care under section 20"},
              {core::ItemKind::decision, "review_date", "Back in March"}};
  auto no_review = correct_decision(s, w.actor(w.panel_admin), decision, in);
  ASSERT_FALSE(no_review.ok());
  EXPECT_EQ(no_review.error().fields.front().field, "review_date");
  in.review_date = "2027-03-02";
  ASSERT_TRUE(correct_decision(s, w.actor(w.panel_admin), decision, in).ok());
  EXPECT_EQ(
      integer(w,
              "SELECT COUNT(*) FROM decision_items WHERE decision_id = $1 AND removed_at IS NULL",
              {decision}),
      2);
  EXPECT_EQ(integer(w, "SELECT COUNT(*) FROM significant_events WHERE kind = 'correction'"), 1);
  EXPECT_EQ(integer(w, "SELECT COUNT(*) FROM audit_events WHERE action = 'decision.correct'"), 1);

  // The next day it can no longer be corrected.
  w.clock().set(parse_utc(sitting_date(hearing) + "T09:00:00Z") + std::chrono::hours{24});
  auto late = correct_decision(s, w.actor(w.panel_admin), decision, in);
  ASSERT_FALSE(late.ok());
  EXPECT_EQ(late.error().kind, core::ErrorKind::conflict);
}

TEST_F(PanelDay, ASupportDisagreementAwaitsTheAssistantDirectorWhoRecordsTheAgreedOutcome) {
  auto& s = w.services();
  const std::int64_t ad = person(w, "Ada Director", "assistant_director");
  const auto request = testing::sent_request(w, w.sw_a, {w.child_a}, testing::support_draft());
  ASSERT_TRUE(approve_request(s, w.actor(w.pm_a), request, {}).ok());
  const std::int64_t hearing = hearing_of(request, "support");
  on_the_day(hearing, "T11:00:00Z");
  auto form = decision_form(s, w.actor(w.panel_admin), hearing);
  ASSERT_TRUE(form.ok());
  EXPECT_TRUE(form->plans.empty());  // the Support Panel asks no permanency plan
  EXPECT_EQ(form->returns_to_panel, "Return to Panel");

  DecisionInput in;
  in.child_ids = {w.child_a};
  in.items = {{core::ItemKind::outcome, "resources_services", "Family support twice weekly"},
              {core::ItemKind::outcome, "return_to_panel", "Return in three months"}};
  in.reasons = "Risks are managed at home with support";
  auto no_review = record_decision(s, w.actor(w.panel_admin), hearing, in);
  ASSERT_FALSE(no_review.ok());
  EXPECT_EQ(no_review.error().fields.front().field, "review_date");
  in.review_date = "2027-02-24";
  ASSERT_TRUE(record_decision(s, w.actor(w.panel_admin), hearing, in).ok());
  EXPECT_EQ(testing::state_of(w, request), "decided");

  const std::int64_t item =
      integer(w, "SELECT id FROM decision_items WHERE option_id = 'resources_services'", {});
  auto dform = disagreement_form(s, w.actor(w.panel_admin), item);
  ASSERT_TRUE(dform.ok());
  ASSERT_FALSE(dform->members.empty());
  EXPECT_FALSE(disagreement_form(s, w.actor(w.sw_a), item).ok());
  auto empty = record_disagreement(s, w.actor(w.panel_admin), item, {0, ""});
  ASSERT_FALSE(empty.ok());
  EXPECT_EQ(empty.error().fields.size(), 2u);
  ASSERT_TRUE(record_disagreement(s, w.actor(w.panel_admin), item,
                                  {dform->members.front().id, "Accommodation is needed now"})
                  .ok());
  auto rec = child_record(s, w.actor(w.sw_a), w.child_a);
  ASSERT_TRUE(rec.ok());
  const ItemView& point = rec->decisions.front().outcomes.front();
  ASSERT_EQ(point.disagreements.size(), 1u);
  EXPECT_EQ(point.disagreements[0].awaiting, "Awaiting the Assistant Director");

  const auto open = open_decisions(s, w.actor(ad)).disagreements;
  ASSERT_EQ(open.size(), 1u);
  EXPECT_FALSE(resolution_form(s, w.actor(w.gm), open[0].id).ok());
  ASSERT_TRUE(resolution_form(s, w.actor(ad), open[0].id).ok());
  ASSERT_TRUE(
      resolve_disagreement(s, w.actor(ad), open[0].id,
                           {"Support at home, reviewed in six weeks", "Agreed with the chair"})
          .ok());
  EXPECT_TRUE(open_decisions(s, w.actor(ad)).disagreements.empty());
  rec = child_record(s, w.actor(w.sw_a), w.child_a);
  EXPECT_TRUE(rec->decisions.front().outcomes.front().disagreements[0].resolved);
  EXPECT_EQ(rec->events.front().kind, "Agreed outcome");
  EXPECT_GE(integer(w, "SELECT COUNT(*) FROM outbox WHERE subject LIKE 'The agreed outcome%'"), 1);
  EXPECT_EQ(testing::emails_naming_a_child(w), std::vector<std::string>{});
}

}  // namespace
}  // namespace casepanel::app
