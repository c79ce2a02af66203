// Return to panel (app/returns.h): a review date opens a return that shows
// on the author's home page from 10 working days before it; the review
// request starts pre-filled and triage places it by that date; a new record
// for the child closes the return as heard. Support Panel 6: a progress
// update goes to the hearing's chair, who accepts it (the return closes and
// the child's record says so) or asks for the case to be heard.
#include "app/returns.h"

#include <gtest/gtest.h>

#include "app/children.h"
#include "app/decisions.h"
#include "app/display.h"
#include "app/drafting.h"
#include "app/scheduling.h"
#include "app/sittings.h"
#include "app/triage.h"
#include "support/decided_hearing.h"
#include "support/requests.h"
#include "support/world.h"

namespace casepanel::app {
namespace {

using testing::TestWorld;

std::int64_t integer(TestWorld& w, const std::string& sql, const store::Params& params = {}) {
  return testing::number(w, sql, params);
}

// The FGC hearing's record corrected to add the Return to Panel outcome.
DecisionInput fgc_with_return(TestWorld& w, const char* review_date) {
  DecisionInput in;
  in.child_ids = {w.child_a};
  in.items = {{core::ItemKind::decision, "fgc", "The family agree to a conference"},
              {core::ItemKind::outcome, "return_to_panel", "Back in January"}};
  in.reasons = "The wider family can offer support.";
  in.review_date = review_date;
  return in;
}

TEST(Returns, AReviewDateBringsTheChildBackFromTenWorkingDaysBefore) {
  TestWorld w;
  const auto heard = testing::decided_hearing(w, {w.child_a});  // review by 1 March 2027
  auto& s = w.services();
  const std::int64_t back = integer(w, "SELECT id FROM panel_returns WHERE status = 'due'");
  ASSERT_NE(back, 0);
  EXPECT_TRUE(my_returns(s, w.actor(w.sw_a)).reviews_due.empty());

  w.clock().set(parse_utc("2027-02-12T09:00:00Z"));  // 11 working days before
  EXPECT_TRUE(my_returns(s, w.actor(w.sw_a)).reviews_due.empty());
  w.clock().set(parse_utc("2027-02-15T09:00:00Z"));  // 10 working days before
  const MyReturns due = my_returns(s, w.actor(w.sw_a));
  ASSERT_EQ(due.reviews_due.size(), 1u);
  EXPECT_EQ(due.reviews_due.front().due, "1 March 2027");
  EXPECT_FALSE(due.reviews_due.front().may_send_update) << "CLAM names nobody for updates";
  EXPECT_TRUE(my_returns(s, w.actor(w.sw_b)).reviews_due.empty());
  ASSERT_EQ(returns_for_triage(s, w.actor(w.coordinator)).size(), 1u);

  // The review request, pre-filled; starting it again carries on with it.
  EXPECT_FALSE(start_review(s, w.actor(w.sw_b), back).ok());
  auto draft = start_review(s, w.actor(w.sw_a), back);
  ASSERT_TRUE(draft.ok()) << draft.error().message;
  EXPECT_EQ(*start_review(s, w.actor(w.sw_a), back), *draft);
  auto view = draft_for_edit(s, w.actor(w.sw_a), *draft);
  ASSERT_TRUE(view.ok());
  EXPECT_NE(view->draft.reason.find("review date of 1 March 2027"), std::string::npos);
  EXPECT_NE(view->draft.reason.find("Agreed as planned"), std::string::npos);
  EXPECT_FALSE(view->draft.request_type.empty());

  // Once sent, triage places it by the review date.
  w.db().write_all([&](store::Tx& tx) {
    tx.exec("UPDATE requests SET state = 'submitted', submitted_at = $1 WHERE id = $2",
            {std::string("2027-02-15T10:00:00Z"), *draft});
  });
  auto queue = triage_queue(s, w.actor(w.coordinator));
  ASSERT_TRUE(queue.ok());
  bool found = false;
  for (const TriageItem& q : *queue) {
    if (q.request_id == *draft) {
      found = true;
      EXPECT_EQ(q.review_due, "1 March 2027");
    }
  }
  EXPECT_TRUE(found);
  EXPECT_TRUE(returns_for_triage(s, w.actor(w.coordinator)).empty()) << "it has reached triage";
  (void)heard;
}

TEST(Returns, ASupportProgressUpdateAcceptedByTheChairClosesTheReturn) {
  TestWorld w;
  auto& s = w.services();
  const auto fgc = testing::fgc_hearing(w);
  std::int64_t chair = 0;
  w.db().write_all([&](store::Tx& tx) {
    chair = tx.insert(
        "INSERT INTO users (email, name, password_hash, created_at) VALUES ('ch@test', "
        "'Cara Chair', 'x', '2026-01-01T00:00:00Z') RETURNING id");
    tx.exec("INSERT INTO user_roles (user_id, role) VALUES ($1, 'chair')", {chair});
    tx.exec("UPDATE sittings SET chair_id = $1 WHERE id = $2", {chair, fgc.sitting_id});
  });
  // A correction adds the Return to Panel outcome with its review date.
  const std::int64_t decision = integer(w, "SELECT id FROM decisions");
  DecisionInput in = fgc_with_return(w, "2027-01-13");
  auto corrected = correct_decision(s, w.actor(w.panel_admin), decision, in);
  ASSERT_TRUE(corrected.ok()) << corrected.error().message;
  const std::int64_t back = integer(w, "SELECT id FROM panel_returns");

  w.clock().set(parse_utc("2027-01-04T09:00:00Z"));
  const MyReturns due = my_returns(s, w.actor(w.sw_a));
  ASSERT_EQ(due.reviews_due.size(), 1u);
  EXPECT_TRUE(due.reviews_due.front().may_send_update);
  auto empty = send_progress_update(s, w.actor(w.sw_a), back, " ");
  ASSERT_FALSE(empty.ok());
  EXPECT_EQ(empty.error().fields.front().field, "update");
  ASSERT_TRUE(send_progress_update(s, w.actor(w.sw_a), back, "The FGC agreed a family plan").ok());
  EXPECT_FALSE(send_progress_update(s, w.actor(w.sw_a), back, "again").ok());

  // Only the hearing's chair considers it.
  EXPECT_TRUE(my_returns(s, w.actor(w.pm_a)).updates_to_consider.empty());
  ASSERT_EQ(my_returns(s, w.actor(chair)).updates_to_consider.size(), 1u);
  EXPECT_FALSE(consider_progress_update(s, w.actor(w.pm_a), back, true, "").ok());
  auto no_note = consider_progress_update(s, w.actor(chair), back, false, "");
  ASSERT_FALSE(no_note.ok());
  EXPECT_EQ(no_note.error().fields.front().field, "note");
  ASSERT_TRUE(consider_progress_update(s, w.actor(chair), back, true, "Good progress").ok());
  EXPECT_EQ(integer(w, "SELECT COUNT(*) FROM panel_returns WHERE status = 'closed'"), 1);
  EXPECT_TRUE(my_returns(s, w.actor(w.sw_a)).reviews_due.empty());
  auto record = child_record(s, w.actor(w.sw_a), w.child_a);
  ASSERT_TRUE(record.ok());
  bool said = false;
  for (const auto& e : record->events) {
    said = said || e.summary.find("progress update accepted") != std::string::npos;
  }
  EXPECT_TRUE(said);
}

// A review date taken off and put back by corrections opens the same return
// again. (It once failed: SQLite applies an upsert's conflict policy to the
// review summary's triggers, so their INSERT OR IGNORE failed instead.)
TEST(Returns, AReviewDateTakenOffAndPutBackOpensTheReturnAgain) {
  TestWorld w;
  auto& s = w.services();
  testing::fgc_hearing(w);
  const std::int64_t decision = integer(w, "SELECT id FROM decisions");
  DecisionInput in = fgc_with_return(w, "");
  const auto with_return = in.items;
  const decltype(in.items) without_return = {in.items.front()};
  for (const char* review : {"2027-01-13", "", "2027-02-10"}) {
    in.review_date = review;
    in.items = *review != '\0' ? with_return : without_return;
    auto corrected = correct_decision(s, w.actor(w.panel_admin), decision, in);
    ASSERT_TRUE(corrected.ok()) << review << ": " << corrected.error().message;
  }
  EXPECT_EQ(integer(w, "SELECT COUNT(*) FROM panel_returns"), 1);
  EXPECT_EQ(integer(w,
                    "SELECT COUNT(*) FROM panel_returns WHERE status = 'due' AND due_date = "
                    "'2027-02-10'"),
            1);
}

TEST(Returns, AChildHeardAgainAtThePanelClosesTheReturn) {
  TestWorld w;
  auto& s = w.services();
  testing::decided_hearing(w, {w.child_a});
  EXPECT_EQ(integer(w, "SELECT COUNT(*) FROM panel_returns WHERE status = 'due'"), 1);
  // Heard again a week later, with a new review date.
  const std::int64_t request = testing::sent_clam_request(w, {w.child_a});
  testing::approve_clam(w, request);
  auto queue = triage_queue(s, w.actor(w.coordinator));
  ASSERT_TRUE(queue.ok() && !queue->empty());
  const SittingSummary& later = queue->front().sittings.back();
  ASSERT_TRUE(schedule_request(s, w.actor(w.coordinator), request, later.id).ok());
  const std::int64_t hearing =
      integer(w, "SELECT id FROM hearings WHERE request_id = $1", {request});
  const std::string day =
      w.db()
          .read<std::string>([&](store::Tx& tx) -> core::Result<std::string> {
            return tx.query_one("SELECT sitting_date FROM sittings WHERE id = $1", {later.id})
                ->text(0);
          })
          .value();
  w.clock().set(parse_utc(day + "T14:00:00Z"));
  auto form = decision_form(s, w.actor(w.panel_admin), hearing);
  ASSERT_TRUE(form.ok());
  DecisionInput in;
  in.child_ids = {w.child_a};
  in.items = {{core::ItemKind::decision, form->decisions.front().id, "Agreed again"}};
  in.reasons = "Still settled";
  in.permanency = {form->plans.front().id, "Within 3 months", w.sw_a};
  in.review_date = "2027-06-01";
  auto recorded = record_decision(s, w.actor(w.panel_admin), hearing, in);
  ASSERT_TRUE(recorded.ok()) << recorded.error().message;
  EXPECT_EQ(integer(w, "SELECT COUNT(*) FROM panel_returns WHERE status = 'heard'"), 1);
  EXPECT_EQ(integer(w,
                    "SELECT COUNT(*) FROM panel_returns WHERE status = 'due' AND "
                    "due_date = '2027-06-01'"),
            1);
}

}  // namespace
}  // namespace casepanel::app
