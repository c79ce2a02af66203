// Sittings after triage: the coordinator's actions on the queue, scheduling
// at a chosen time or by the proposed agenda, moving and cancelling sittings
// with everyone told, attendance and quorum, and the Support Panel's chair
// independence (4.1). The clock stands at Tuesday 24 November 2026, 09:00.
#include <gtest/gtest.h>

#include "app/display.h"
#include "app/members.h"
#include "app/requests.h"
#include "app/sitting_changes.h"
#include "app/sittings.h"
#include "app/triage.h"
#include "store/seats.h"
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

std::string text(TestWorld& w, const std::string& sql, const store::Params& params = {}) {
  std::string out;
  w.db().read_all([&](store::Tx& tx) {
    auto r = tx.query_one(sql, params);
    out = r ? r->text(0) : "";
  });
  return out;
}

std::int64_t sitting_on(TestWorld& w, const std::string& panel, const std::string& date) {
  return integer(w, "SELECT id FROM sittings WHERE panel_id = $1 AND sitting_date = $2",
                 {panel, date});
}

std::vector<std::string> hearing_times(TestWorld& w, std::int64_t sitting) {
  std::vector<std::string> out;
  w.db().read_all([&](store::Tx& tx) {
    for (const store::Row& r :
         tx.query("SELECT starts_at FROM hearings WHERE sitting_id = $1 ORDER BY starts_at",
                  {sitting})) {
      out.push_back(core::to_iso_london(parse_utc(r.text(0))));
    }
  });
  return out;
}

std::int64_t outbox_count(TestWorld& w, std::int64_t user, const std::string& subject_part) {
  return integer(w, "SELECT COUNT(*) FROM outbox WHERE recipient_id = $1 AND subject LIKE $2",
                 {user, "%" + subject_part + "%"});
}

// A CLAM request for the children, approved and waiting in the queue. Team
// B's child is sw_b's, quality-assured by pm_b.
std::int64_t queued_clam(TestWorld& w, const std::vector<std::int64_t>& children) {
  if (children == std::vector<std::int64_t>{w.child_b}) {
    const auto id = testing::sent_request(w, w.sw_b, children, testing::clam_draft(w));
    EXPECT_TRUE(
        approve_request(w.services(), w.actor(w.pm_b), id, testing::clam_quality_assurance(w))
            .ok());
    EXPECT_TRUE(approve_request(w.services(), w.actor(w.gm), id, {}).ok());
    return id;
  }
  const auto id = testing::sent_clam_request(w, children);
  testing::approve_clam(w, id);
  return id;
}

// A Database that counts the statements its transactions run, over the
// world's own: the agenda page must read a fixed number of them however many
// hearings its sitting has (no query per hearing or per line manager).
class CountingTx : public store::Tx {
 public:
  CountingTx(store::Tx& inner, int& count) : inner_(inner), count_(count) {
    set_audit_key(inner.audit_key());
  }
  void exec(std::string_view sql, const store::Params& params) override {
    ++count_;
    inner_.exec(sql, params);
  }
  store::Rows query(std::string_view sql, const store::Params& params) override {
    ++count_;
    return inner_.query(sql, params);
  }
  store::Engine engine() const override { return inner_.engine(); }

 private:
  store::Tx& inner_;
  int& count_;
};

class CountingDatabase : public store::Database {
 public:
  explicit CountingDatabase(store::Database& inner) : inner_(inner) {}
  store::Engine engine() const override { return inner_.engine(); }
  int statements = 0;

 protected:
  void run(Mode mode, const std::function<bool(store::Tx&)>& work) override {
    struct RollBack {};
    auto counted = [&](store::Tx& tx) {
      CountingTx c(tx, statements);
      if (!work(c)) {
        throw RollBack{};
      }
    };
    try {
      mode == Mode::write ? inner_.write_all(counted) : inner_.read_all(counted);
    } catch (const RollBack&) {
    }
  }

 private:
  store::Database& inner_;
};

class SittingChanges : public ::testing::Test {
 protected:
  void SetUp() override {
    ensure_sittings(w.services(), core::Date{std::chrono::year{2026} / 11 / 24}, 3);
  }
  TestWorld w;
};

TEST_F(SittingChanges, ScheduleAtAChosenTimeOrTheFirstFreeSlot) {
  const auto one = queued_clam(w, {w.child_a});
  const auto pair = queued_clam(w, {w.sibling_1, w.sibling_2});
  const auto three = queued_clam(w, {w.child_b});
  const auto dec1 = sitting_on(w, "clam", "2026-12-01");
  auto& s = w.services();
  const Actor coordinator = w.actor(w.coordinator);
  ASSERT_TRUE(schedule_request(s, coordinator, pair, dec1, "13:45").ok());
  // The quarter hour before the pair is free for one child.
  ASSERT_TRUE(schedule_request(s, coordinator, one, dec1, "13:30").ok());
  auto overlap = schedule_request(s, coordinator, three, dec1, "14:00");
  ASSERT_FALSE(overlap.ok());
  EXPECT_EQ(overlap.error().fields.front().field, "start");
  EXPECT_FALSE(schedule_request(s, coordinator, three, dec1, "16:50").ok());  // past 17:00
  EXPECT_FALSE(schedule_request(s, coordinator, three, dec1, "half one").ok());
  ASSERT_TRUE(schedule_request(s, coordinator, three, dec1).ok());  // the first gap: 14:15
  EXPECT_EQ(hearing_times(w, dec1),
            (std::vector<std::string>{"2026-12-01T13:30:00+00:00", "2026-12-01T13:45:00+00:00",
                                      "2026-12-01T14:15:00+00:00"}));
  // The presenters are told: the author and their team manager.
  EXPECT_EQ(outbox_count(w, w.sw_a, "will be heard on 1 December 2026 at 13:45"), 1);
  EXPECT_EQ(outbox_count(w, w.pm_a, "will be heard on 1 December 2026 at 13:45"), 1);
}

TEST_F(SittingChanges, MovingASittingTakesItsHearingsAlongAndTellsEveryone) {
  const auto one = queued_clam(w, {w.child_a});
  const auto pair = queued_clam(w, {w.sibling_1, w.sibling_2});
  const auto dec1 = sitting_on(w, "clam", "2026-12-01");
  auto& s = w.services();
  ASSERT_TRUE(schedule_request(s, w.actor(w.coordinator), one, dec1).ok());
  ASSERT_TRUE(schedule_request(s, w.actor(w.coordinator), pair, dec1, "14:00").ok());
  SittingInput to{"", "2026-12-02", "10:00", "13:30", "chd", "Room 4", "Teams link in invite"};
  EXPECT_EQ(move_sitting(s, w.actor(w.sw_a), dec1, to, "").error().kind,
            core::ErrorKind::forbidden);
  SittingInput too_short = to;
  too_short.end = "10:15";
  auto refused = move_sitting(s, w.actor(w.coordinator), dec1, too_short, "");
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().fields.front().field, "end");
  ASSERT_TRUE(move_sitting(s, w.actor(w.coordinator), dec1, to, "Room needed for court").ok());
  EXPECT_EQ(hearing_times(w, dec1),
            (std::vector<std::string>{"2026-12-02T10:00:00+00:00", "2026-12-02T10:30:00+00:00"}));
  EXPECT_EQ(text(w, "SELECT room FROM sittings WHERE id = $1", {dec1}), "Room 4");
  EXPECT_EQ(integer(w, "SELECT MIN(invite_sequence) FROM hearings WHERE sitting_id = $1", {dec1}),
            1);
  EXPECT_EQ(outbox_count(w, w.sw_a, "has moved to 2 December 2026 at 10:00"), 1);
  EXPECT_EQ(outbox_count(w, w.pm_a, "has moved to 2 December 2026 at 10:30"), 1);
  EXPECT_EQ(integer(w, "SELECT COUNT(*) FROM audit_events WHERE action = 'sitting.move'"), 1);
  EXPECT_GT(integer(w, "SELECT COUNT(*) FROM outbox WHERE calendar LIKE '%BEGIN:VEVENT%'"), 0);
  EXPECT_EQ(testing::emails_naming_a_child(w), std::vector<std::string>{});
  // The schedule does not make the moved sitting again.
  const auto before = integer(w, "SELECT COUNT(*) FROM sittings");
  ensure_sittings(s, core::Date{std::chrono::year{2026} / 11 / 24}, 3);
  EXPECT_EQ(integer(w, "SELECT COUNT(*) FROM sittings"), before);
}

TEST_F(SittingChanges, CancellingASittingPutsItsRequestsBackInTheQueue) {
  const auto one = queued_clam(w, {w.child_a});
  const auto dec1 = sitting_on(w, "clam", "2026-12-01");
  auto& s = w.services();
  ASSERT_TRUE(schedule_request(s, w.actor(w.coordinator), one, dec1).ok());
  auto no_reason = cancel_sitting(s, w.actor(w.coordinator), dec1, " ");
  ASSERT_FALSE(no_reason.ok());
  EXPECT_EQ(no_reason.error().fields.front().field, "cancel_reason");
  EXPECT_EQ(testing::state_of(w, one), "scheduled");
  ASSERT_TRUE(cancel_sitting(s, w.actor(w.coordinator), dec1, "Chair unwell").ok());
  EXPECT_EQ(testing::state_of(w, one), "submitted");
  EXPECT_EQ(text(w, "SELECT status FROM sittings WHERE id = $1", {dec1}), "cancelled");
  EXPECT_TRUE(hearing_times(w, dec1).empty());
  EXPECT_EQ(outbox_count(w, w.sw_a, "is cancelled"), 1);
  EXPECT_EQ(testing::emails_naming_a_child(w), std::vector<std::string>{});
  // The command line's list leaves it out, and the schedule does not bring it back.
  std::vector<std::string> listed;
  for (const PlannedSitting& p : planned_sittings(
           s, *s.panels.find("clam"), core::Date{std::chrono::year{2026} / 11 / 24}, 3)) {
    listed.push_back(core::to_iso(p.date) + " " + p.start + " " + p.venue);
  }
  EXPECT_EQ(listed,
            (std::vector<std::string>{"2026-11-24 13:30 Worthing", "2026-12-08 13:30 Worthing",
                                      "2026-12-15 13:30 Horsham"}));
  // A cancelled sitting cannot change, nor take hearings.
  EXPECT_EQ(cancel_sitting(s, w.actor(w.coordinator), dec1, "Again").error().kind,
            core::ErrorKind::conflict);
  EXPECT_FALSE(schedule_request(s, w.actor(w.coordinator), one, dec1).ok());
  auto queue = triage_queue(s, w.actor(w.coordinator));
  ASSERT_EQ(queue->size(), 1u);
  for (const auto& sit : queue->front().sittings) {
    EXPECT_NE(sit.id, dec1);
  }
}

TEST_F(SittingChanges, TheCoordinatorAddsASittingWithItsRoom) {
  auto& s = w.services();
  // Times as people type them (core/time_entry.h).
  SittingInput in{"clam", "2026-12-03", "9.30am", "12pm", "chn", "Board room", ""};
  auto added = add_sitting(s, w.actor(w.coordinator), in);
  ASSERT_TRUE(added.ok());
  EXPECT_EQ(text(w, "SELECT starts_at FROM sittings WHERE id = $1", {*added}),
            "2026-12-03T09:30:00Z");
  auto twice = add_sitting(s, w.actor(w.coordinator), in);
  ASSERT_FALSE(twice.ok());
  in.date = "2026-11-20";  // the past
  in.venue_id = "nowhere";
  auto bad = add_sitting(s, w.actor(w.coordinator), in);
  ASSERT_FALSE(bad.ok());
  ASSERT_EQ(bad.error().fields.size(), 2u);
  EXPECT_EQ(bad.error().fields[0].field, "date");
  EXPECT_EQ(bad.error().fields[1].field, "venue_id");
  EXPECT_FALSE(add_sitting(s, w.actor(w.pm_a), in).ok());
}

TEST_F(SittingChanges, TheCoordinatorAsksForInformationDeclinesOrRefersForConsultation) {
  auto& s = w.services();
  const auto asked = queued_clam(w, {w.child_a});
  const auto declined = queued_clam(w, {w.child_b});
  const auto referred = queued_clam(w, {w.sibling_1, w.sibling_2});
  for (std::int64_t other : {w.sw_a, w.pm_a, w.panel_admin}) {
    EXPECT_FALSE(ask_for_information(s, w.actor(other), asked, "Please").ok());
    EXPECT_FALSE(decline_request(s, w.actor(other), declined, "No").ok());
  }
  EXPECT_EQ(ask_for_information(s, w.actor(w.coordinator), asked, "").error().fields[0].field,
            "message");
  ASSERT_TRUE(
      ask_for_information(s, w.actor(w.coordinator), asked, "Attach the care plan, please").ok());
  EXPECT_EQ(testing::state_of(w, asked), "draft");
  EXPECT_EQ(outbox_count(w, w.sw_a, "more information needed"), 1);
  auto tasks = my_tasks(s, w.actor(w.sw_a));
  ASSERT_EQ(tasks->returned.size(), 1u);
  EXPECT_EQ(tasks->returned[0].detail, "Attach the care plan, please");
  // Sent again, it goes straight back to the queue: the approvals were given.
  ASSERT_TRUE(send_for_approval(s, w.actor(w.sw_a), asked).ok());
  EXPECT_EQ(testing::state_of(w, asked), "submitted");

  ASSERT_TRUE(decline_request(s, w.actor(w.coordinator), declined,
                              "Not for this panel: refer to the Support Panel")
                  .ok());
  EXPECT_EQ(testing::state_of(w, declined), "declined");
  EXPECT_EQ(outbox_count(w, w.sw_b, "request declined"), 1);
  EXPECT_EQ(outbox_count(w, w.pm_b, "request declined"), 1);
  EXPECT_FALSE(decline_request(s, w.actor(w.coordinator), declined, "Again").ok());

  EXPECT_FALSE(refer_for_consultation(s, w.actor(w.coordinator), referred, "nobody", "Help").ok());
  // The CLAM file names the Permanency Planning Co-ordinator's seat: someone
  // must sit in it (consultations_test.cc has who is told).
  const auto ppc = testing::add_person(w, "ppc@test", "member");
  w.db().write_all([&](store::Tx& tx) {
    store::set_seat_holder(tx, "clam", "permanency_planning_co_ordinator", ppc,
                           store::SeatPart::holder);
  });
  ASSERT_TRUE(refer_for_consultation(s, w.actor(w.coordinator), referred, "permanency_planning",
                                     "Advice on keeping the brothers together")
                  .ok());
  auto queue = triage_queue(s, w.actor(w.coordinator));
  ASSERT_TRUE(queue.ok());
  bool seen = false;
  for (const TriageItem& item : *queue) {
    if (item.request_id == referred) {
      seen = true;
      EXPECT_EQ(item.consultation,
                "Referred to the Permanency Planning Co-ordinator on 24 November 2026");
      EXPECT_EQ(item.papers, "1 file, 0 not provided");
      EXPECT_TRUE(item.papers_complete);
    }
  }
  EXPECT_TRUE(seen);
  EXPECT_EQ(integer(w,
                    "SELECT COUNT(*) FROM audit_events WHERE action IN "
                    "('request.ask_information', 'request.decline', "
                    "'request.refer_consultation')"),
            3);
  EXPECT_EQ(outbox_count(w, w.sw_a, "referred to the Permanency Planning Co-ordinator"), 1);
  EXPECT_EQ(testing::emails_naming_a_child(w), std::vector<std::string>{});
}

TEST_F(SittingChanges, TheProposedAgendaPutsTheStatutoryReviewFirst) {
  auto& s = w.services();
  const auto ordinary = queued_clam(w, {w.child_b});
  w.clock().advance(std::chrono::minutes{5});
  auto d = testing::clam_draft(w);
  d.request_type = "emergency_retrospective_review";
  d.came_into_care = "2026-11-20";  // heard by 1 December 2026
  const auto emergency = testing::sent_request(w, w.sw_a, {w.child_a}, d);
  testing::approve_clam(w, emergency);
  auto proposals = propose_agendas(s, w.actor(w.coordinator));
  ASSERT_TRUE(proposals.ok());
  ASSERT_EQ(proposals->size(), 1u);
  const AgendaProposal& p = proposals->front();
  ASSERT_EQ(p.slots.size(), 2u);
  EXPECT_EQ(p.slots[0].request_id, emergency);
  EXPECT_TRUE(p.slots[0].statutory);
  EXPECT_EQ(p.slots[0].start, "13:30");
  EXPECT_EQ(p.slots[1].request_id, ordinary);
  EXPECT_EQ(p.slots[1].start, "13:45");
  // Both prefer Horsham: not Worthing today, but Horsham on the statutory date.
  EXPECT_EQ(p.slots[0].sitting, "1 December 2026 at Horsham (CHN)");
  EXPECT_FALSE(accept_proposed_agenda(s, w.actor(w.sw_a), "clam").ok());
  auto accepted = accept_proposed_agenda(s, w.actor(w.coordinator), "clam");
  ASSERT_TRUE(accepted.ok());
  EXPECT_EQ(*accepted, 2);
  EXPECT_EQ(testing::state_of(w, emergency), "scheduled");
  EXPECT_EQ(hearing_times(w, sitting_on(w, "clam", "2026-12-01")),
            (std::vector<std::string>{"2026-12-01T13:30:00+00:00", "2026-12-01T13:45:00+00:00"}));
  EXPECT_EQ(accept_proposed_agenda(s, w.actor(w.coordinator), "clam").error().kind,
            core::ErrorKind::conflict);
}

TEST_F(SittingChanges, MembersAttendanceAndQuorum) {
  auto& s = w.services();
  const auto wed = sitting_on(w, "support", "2026-11-25");
  auto v = sitting_view(s, w.actor(w.coordinator), wed);
  ASSERT_TRUE(v.ok());
  // Nobody holds a seat: from the roles the Support Panel lists, gm, pm_a,
  // pm_b and the administrator. The quorum counts seats (pm_a and pm_b sit
  // in one; the administrator's does not count): tests/app/seats_test.cc.
  ASSERT_EQ(v->members.size(), 4u);
  EXPECT_EQ(v->quorum.needed, 3);
  EXPECT_FALSE(v->quorum.met);
  EXPECT_EQ(v->quorum.summary, "Quorum of 3 seats: 2 seats expected. Not quorate");
  EXPECT_FALSE(record_attendance(s, w.actor(w.sw_a), wed, {{w.pm_a, "present"}}).ok());
  EXPECT_FALSE(record_attendance(s, w.actor(w.coordinator), wed, {{w.sw_a, "present"}}).ok());
  EXPECT_FALSE(record_attendance(s, w.actor(w.coordinator), wed, {{w.pm_a, "maybe"}}).ok());
  ASSERT_TRUE(record_attendance(s, w.actor(w.coordinator), wed,
                                {{w.pm_a, "present"}, {w.gm, "present"}, {w.pm_b, "apologies"}})
                  .ok());
  v = sitting_view(s, w.actor(w.coordinator), wed);
  EXPECT_EQ(v->quorum.present, 2);
  EXPECT_FALSE(v->quorum.met);
  EXPECT_EQ(v->quorum.summary, "Quorum of 3 seats: 2 seats present. Not quorate");
  ASSERT_TRUE(record_attendance(s, w.actor(w.panel_admin), wed, {{w.panel_admin, "present"}}).ok());
  v = sitting_view(s, w.actor(w.coordinator), wed);
  EXPECT_EQ(v->quorum.present, 2) << "the note taker's seat does not count";
  EXPECT_FALSE(v->quorum.met);
}

TEST_F(SittingChanges, AChairInTheCasesLineManagementMayNotDecideIt) {
  auto& s = w.services();
  std::int64_t ivy = 0;
  w.db().write_all([&](store::Tx& tx) {
    // gm manages pm_a, who manages sw_a: gm may not chair sw_a's case.
    tx.exec("INSERT INTO user_roles (user_id, role) VALUES ($1, 'chair')", {w.gm});
    ivy = tx.insert(
        "INSERT INTO users (email, name, password_hash, created_at) VALUES ('ivy@test', "
        "'Ivy Chair', 'x', '2026-01-01T00:00:00Z') RETURNING id");
    tx.exec("INSERT INTO user_roles (user_id, role) VALUES ($1, 'chair')", {ivy});
  });
  const auto id = testing::sent_request(w, w.sw_a, {w.child_a}, testing::support_draft());
  ASSERT_TRUE(approve_request(s, w.actor(w.pm_a), id, {}).ok());
  const auto dec2 = sitting_on(w, "support", "2026-12-02");
  ASSERT_TRUE(schedule_request(s, w.actor(w.coordinator), id, dec2).ok());
  w.db().write_all([&](store::Tx& tx) {
    tx.exec("UPDATE sittings SET chair_id = $1 WHERE id = $2", {w.gm, dec2});
  });
  auto v = sitting_view(s, w.actor(w.coordinator), dec2);
  ASSERT_EQ(v->agenda.size(), 1u);
  EXPECT_EQ(v->agenda[0].chair_warning,
            "Gita Manager is in the line management of Sam Alpha, the case's social worker: name "
            "another chair for this hearing");
  const auto hearing = v->agenda[0].hearing_id;
  DecisionInput decision;
  decision.child_ids = {w.child_a};
  decision.items = {{core::ItemKind::decision, "agree_plan", "Agreed"}};
  decision.reasons = "Proportionate";
  auto early = record_decision(s, w.actor(w.panel_admin), hearing, decision);
  ASSERT_FALSE(early.ok());
  EXPECT_EQ(early.error().message,
            "This hearing is on 2 December 2026: its decision can be recorded from that day");
  w.clock().set(parse_utc("2026-12-02T15:00:00Z"));  // the afternoon of the sitting
  auto refused = record_decision(s, w.actor(w.panel_admin), hearing, decision);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().kind, core::ErrorKind::conflict);
  EXPECT_EQ(refused.error().message, v->agenda[0].chair_warning);
  EXPECT_FALSE(name_hearing_chair(s, w.actor(w.coordinator), hearing, w.gm).ok());
  EXPECT_FALSE(name_hearing_chair(s, w.actor(w.coordinator), hearing, w.pm_b).ok());  // no chair
  EXPECT_FALSE(name_hearing_chair(s, w.actor(w.panel_admin), hearing, ivy).ok());
  ASSERT_TRUE(name_hearing_chair(s, w.actor(w.coordinator), hearing, ivy).ok());
  v = sitting_view(s, w.actor(w.coordinator), dec2);
  EXPECT_EQ(v->agenda[0].chair_warning, "");
  EXPECT_EQ(v->agenda[0].chair, "Ivy Chair");
  EXPECT_TRUE(record_decision(s, w.actor(w.panel_admin), hearing, decision).ok());
}

TEST_F(SittingChanges, TheAgendaReadsAFixedNumberOfStatementsHoweverManyHearings) {
  auto& s = w.services();
  w.db().write_all([&](store::Tx& tx) {
    // gm manages pm_a and pm_b, who manage the workers: every hearing's
    // chair is in its line management, so every line is checked in full.
    tx.exec("INSERT INTO user_roles (user_id, role) VALUES ($1, 'chair')", {w.gm});
  });
  const auto dec2 = sitting_on(w, "support", "2026-12-02");
  w.db().write_all([&](store::Tx& tx) {
    tx.exec("UPDATE sittings SET chair_id = $1 WHERE id = $2", {w.gm, dec2});
  });
  CountingDatabase counting(w.db());
  Services counted{counting, s.clock, s.calendar, s.panels};
  auto statements_for_page = [&] {
    counting.statements = 0;
    auto v = sitting_view(counted, w.actor(w.coordinator), dec2);
    EXPECT_TRUE(v.ok());
    return std::pair{counting.statements, v.ok() ? v->agenda.size() : 0u};
  };
  auto schedule = [&](std::int64_t author, std::int64_t manager,
                      const std::vector<std::int64_t>& children) {
    const auto id = testing::sent_request(w, author, children, testing::support_draft());
    ASSERT_TRUE(approve_request(s, w.actor(manager), id, {}).ok());
    ASSERT_TRUE(schedule_request(s, w.actor(w.coordinator), id, dec2).ok());
  };
  schedule(w.sw_a, w.pm_a, {w.child_a});
  const auto [one, one_line] = statements_for_page();
  schedule(w.sw_b, w.pm_b, {w.child_b});
  schedule(w.sw_a, w.pm_a, {w.sibling_1, w.sibling_2});
  const auto [three, three_lines] = statements_for_page();
  EXPECT_EQ(one_line, 1u);
  EXPECT_EQ(three_lines, 3u);
  EXPECT_EQ(three, one) << "statements for one hearing: " << one << ", for three: " << three;
}

// Issue 14, item 3: triage says the papers are complete exactly when the
// papers page does. Support Panel 5: "Other documents" are included "as
// appropriate", so leaving them out, with no reason, leaves the papers complete.
TEST(TriagePapers, AnOptionalDocumentLeftOutLeavesThePapersComplete) {
  TestWorld w;
  w.clock().set(parse_utc("2026-11-24T09:00:00Z"));
  ensure_sittings(w.services(), core::Date{std::chrono::year{2026} / 11 / 24}, 3);
  const auto id = testing::sent_request(w, w.sw_a, {w.child_a}, testing::support_draft());
  ASSERT_TRUE(approve_request(w.services(), w.actor(w.pm_a), id, {}).ok());
  w.db().write_all([&](store::Tx& tx) {
    tx.exec("DELETE FROM request_papers WHERE request_id = $1 AND document_id = 'other'", {id});
  });
  auto queue = triage_queue(w.services(), w.actor(w.coordinator));
  ASSERT_TRUE(queue.ok());
  ASSERT_FALSE(queue->empty());
  EXPECT_TRUE(queue->front().papers_complete) << queue->front().papers;
  // A document left out without the reason it needs is still incomplete.
  w.db().write_all([&](store::Tx& tx) {
    tx.exec("DELETE FROM request_papers WHERE request_id = $1 AND document_id = 'signs_of_safety'",
            {id});
  });
  EXPECT_FALSE(triage_queue(w.services(), w.actor(w.coordinator))->front().papers_complete);
}

}  // namespace
}  // namespace casepanel::app
