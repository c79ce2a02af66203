// Guarding the statutory date (issue 12, section 7): scheduling a hearing, or
// moving its sitting, so that a CLAM emergency retrospective review would be
// heard after its 7 working days is refused unless the coordinator gives a
// reason; the reason is kept on the hearing, audited, and the agenda and
// triage show the breach.
#include <gtest/gtest.h>

#include <algorithm>

#include "app/agenda_view.h"
#include "app/proposals.h"
#include "app/scheduling.h"
#include "app/sitting_changes.h"
#include "app/sittings.h"
#include "app/triage.h"
#include "support/requests.h"
#include "support/world.h"

namespace casepanel::app {
namespace {

using testing::TestWorld;

std::int64_t integer(TestWorld& w, const std::string& sql, const store::Params& params = {}) {
  std::int64_t out = 0;
  w.db().read_all([&](store::Tx& tx) {
    auto r = tx.query_one(sql, params);
    out = r ? r->integer(0) : 0;
  });
  return out;
}

std::string text(TestWorld& w, const std::string& sql, const store::Params& params = {}) {
  std::string out;
  w.db().read_all([&](store::Tx& tx) {
    auto r = tx.query_one(sql, params);
    out = r ? r->text(0) : "";
  });
  return out;
}

std::int64_t sitting_on(TestWorld& w, const std::string& date) {
  return integer(w, "SELECT id FROM sittings WHERE panel_id = 'clam' AND sitting_date = $1",
                 {date});
}

// An emergency review for child_a, who came into care on Friday 20 November
// 2026: 7 working days on is Tuesday 1 December, the day of the first CLAM
// sitting; the next is Tuesday 8 December. Submitted, waiting in triage.
std::int64_t emergency_review(TestWorld& w) {
  ensure_sittings(w.services(), core::Date{std::chrono::year{2026} / 11 / 25}, 2);
  auto d = testing::clam_draft(w);
  d.request_type = "emergency_retrospective_review";
  d.came_into_care = "2026-11-20";
  const auto id = testing::sent_request(w, w.sw_a, {w.child_a}, d);
  testing::approve_clam(w, id);
  return id;
}

TEST(StatutoryGuard, TriageMarksTheSittingsAfterTheDeadline) {
  TestWorld w;
  const auto id = emergency_review(w);
  auto queue = triage_queue(w.services(), w.actor(w.coordinator), id);
  ASSERT_TRUE(queue.ok());
  ASSERT_EQ(queue->size(), 1u);
  const TriageItem& item = queue->front();
  EXPECT_EQ(item.statutory_due, "1 December 2026");
  EXPECT_EQ(item.sittings_after_deadline, std::vector<std::int64_t>{sitting_on(w, "2026-12-08")});
}

TEST(StatutoryGuard, SchedulingAfterTheDeadlineNeedsAReasonThatTheAgendaShows) {
  TestWorld w;
  const auto id = emergency_review(w);
  const auto dec8 = sitting_on(w, "2026-12-08");
  auto refused = schedule_request(w.services(), w.actor(w.coordinator), id, dec8);
  ASSERT_FALSE(refused.ok());
  ASSERT_EQ(refused.error().fields.size(), 1u);
  EXPECT_EQ(refused.error().fields[0].field, "late_reason");
  EXPECT_EQ(testing::state_of(w, id), "submitted");
  EXPECT_FALSE(schedule_request(w.services(), w.actor(w.coordinator), id, dec8, "", "  ").ok());
  ASSERT_TRUE(schedule_request(w.services(), w.actor(w.coordinator), id, dec8, "",
                               "The social worker is in court on 1 December")
                  .ok());
  EXPECT_EQ(text(w, "SELECT late_reason FROM hearings WHERE request_id = $1", {id}),
            "The social worker is in court on 1 December");
  EXPECT_EQ(integer(w,
                    "SELECT COUNT(*) FROM audit_events WHERE action = 'request.schedule' "
                    "AND detail LIKE '%in court on 1 December%'"),
            1);
  auto agenda = sitting_view(w.services(), w.actor(w.coordinator), dec8);
  ASSERT_TRUE(agenda.ok());
  ASSERT_EQ(agenda->agenda.size(), 1u);
  EXPECT_EQ(agenda->agenda[0].statutory_breach,
            "Heard after the statutory deadline of 1 December 2026: The social worker is in "
            "court on 1 December");
}

TEST(StatutoryGuard, SchedulingInTimeNeedsNoReasonAndShowsNoBreach) {
  TestWorld w;
  const auto id = emergency_review(w);
  const auto dec1 = sitting_on(w, "2026-12-01");
  ASSERT_TRUE(schedule_request(w.services(), w.actor(w.coordinator), id, dec1).ok());
  auto agenda = sitting_view(w.services(), w.actor(w.coordinator), dec1);
  ASSERT_TRUE(agenda.ok());
  EXPECT_TRUE(agenda->agenda[0].statutory);
  EXPECT_EQ(agenda->agenda[0].statutory_breach, "");
  EXPECT_EQ(text(w, "SELECT late_reason FROM hearings WHERE request_id = $1", {id}), "");
}

TEST(StatutoryGuard, MovingASittingPastTheDeadlineNeedsAReason) {
  TestWorld w;
  const auto id = emergency_review(w);
  const auto dec1 = sitting_on(w, "2026-12-01");
  ASSERT_TRUE(schedule_request(w.services(), w.actor(w.coordinator), id, dec1).ok());
  SittingInput later{"", "2026-12-02", "13:30", "17:00", "chn", "", ""};
  auto refused = move_sitting(w.services(), w.actor(w.coordinator), dec1, later, "Room lost");
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().fields.front().field, "late_reason");
  EXPECT_EQ(text(w, "SELECT sitting_date FROM sittings WHERE id = $1", {dec1}), "2026-12-01");
  ASSERT_TRUE(move_sitting(w.services(), w.actor(w.coordinator), dec1, later, "Room lost",
                           "No room in any venue on 1 December")
                  .ok());
  auto agenda = sitting_view(w.services(), w.actor(w.coordinator), dec1);
  ASSERT_TRUE(agenda.ok());
  EXPECT_EQ(agenda->agenda[0].statutory_breach,
            "Heard after the statutory deadline of 1 December 2026: No room in any venue on 1 "
            "December");
  // Moved back in time, the hearing is no longer late and loses the reason.
  SittingInput back{"", "2026-12-01", "13:30", "17:00", "chn", "", ""};
  ASSERT_TRUE(move_sitting(w.services(), w.actor(w.coordinator), dec1, back, "Room found").ok());
  EXPECT_EQ(text(w, "SELECT late_reason FROM hearings WHERE request_id = $1", {id}), "");
}

// The proposed agenda is guarded as scheduling by hand is: with the sitting
// of 1 December cancelled, it can only offer 8 December, and says so.
TEST(StatutoryGuard, AcceptingAProposalAfterTheDeadlineNeedsAReason) {
  TestWorld w;
  const auto id = emergency_review(w);
  ASSERT_TRUE(cancel_sitting(w.services(), w.actor(w.coordinator), sitting_on(w, "2026-12-01"),
                             "Chair unwell")
                  .ok());
  auto proposals = propose_agendas(w.services(), w.actor(w.coordinator));
  ASSERT_TRUE(proposals.ok());
  ASSERT_EQ(proposals->size(), 1u);
  const AgendaProposal& clam = proposals->front();
  EXPECT_TRUE(clam.breaches);
  ASSERT_EQ(clam.slots.size(), 1u);
  EXPECT_EQ(clam.slots[0].breach, "After its statutory deadline of 1 December 2026");

  auto refused = accept_proposed_agenda(w.services(), w.actor(w.coordinator), "clam");
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().fields.at(0).field, "late_reason");
  EXPECT_EQ(testing::state_of(w, id), "submitted");
  auto accepted = accept_proposed_agenda(w.services(), w.actor(w.coordinator), "clam",
                                         "The only sitting in time was cancelled");
  ASSERT_TRUE(accepted.ok());
  EXPECT_EQ(*accepted, 1);
  EXPECT_EQ(text(w, "SELECT late_reason FROM hearings WHERE request_id = $1", {id}),
            "The only sitting in time was cancelled");
  EXPECT_EQ(integer(w, "SELECT sitting_id FROM hearings WHERE request_id = $1", {id}),
            sitting_on(w, "2026-12-08"));
}

}  // namespace
}  // namespace casepanel::app
