// Seats, attendance and presenters (issue 12 section 1): an administrator
// assigns people to a panel's seats; a sitting expects the seat holders, a
// deputy when a holder gives apologies; the quorum counts seats; the
// Support Panel's supervisor presents when the social worker cannot attend
// (6); the coordinator invites an as_relevant seat to one hearing (4.1). The
// clock stands at Tuesday 24 November 2026, 09:00.
#include <gtest/gtest.h>

#include "app/agenda_view.h"
#include "app/members.h"
#include "app/presenters.h"
#include "app/requests.h"
#include "app/seats.h"
#include "app/sittings.h"
#include "app/triage.h"
#include "support/requests.h"
#include "support/world.h"

namespace casepanel::app {
namespace {

using testing::TestWorld;

class Seats : public ::testing::Test {
 protected:
  void SetUp() override {
    ensure_sittings(w.services(), core::Date{std::chrono::year{2026} / 11 / 24}, 3);
    support = w.services().panels.find("support");
    chair = add_person("ivy@test", "Ivy Chair", "chair");
    yos = add_person("yoko@test", "Yoko Offending", "member");
  }

  std::int64_t add_person(const std::string& email, const std::string& name,
                          const std::string& role) {
    std::int64_t id = 0;
    w.db().write_all([&](store::Tx& tx) {
      id = tx.insert(
          "INSERT INTO users (email, name, password_hash, created_at) VALUES ($1, $2, 'x', "
          "'2026-01-01T00:00:00Z') RETURNING id",
          {email, name});
      tx.exec("INSERT INTO user_roles (user_id, role) VALUES ($1, $2)", {id, role});
    });
    return id;
  }

  std::int64_t integer(const std::string& sql, const store::Params& params = {}) {
    std::int64_t out = 0;
    w.db().read_all([&](store::Tx& tx) {
      auto r = tx.query_one(sql, params);
      out = r ? r->integer(0) : 0;
    });
    return out;
  }

  std::int64_t sitting_on(const std::string& date) {
    return integer("SELECT id FROM sittings WHERE panel_id = 'support' AND sitting_date = $1",
                   {date});
  }

  // The seat of the Support Panel's [[members]] holding `role` (the first).
  std::string seat(core::Role role, bool as_relevant = false) {
    for (const core::Member& m : support->members) {
      if (m.role == role && m.as_relevant == as_relevant) {
        return m.id;
      }
    }
    return "";
  }

  core::Status assign(const std::string& seat_id, std::int64_t user,
                      store::SeatPart part = store::SeatPart::holder) {
    return assign_seat(w.services(), w.actor(w.admin), "support", seat_id, user, part);
  }

  void seat_everyone() {
    ASSERT_TRUE(assign(seat(core::Role::chair), chair).ok());
    ASSERT_TRUE(assign(seat(core::Role::group_manager), w.gm).ok());
    ASSERT_TRUE(assign(seat(core::Role::practice_manager), w.pm_a).ok());
    ASSERT_TRUE(assign(seat(core::Role::practice_manager), w.pm_b, store::SeatPart::deputy).ok());
    ASSERT_TRUE(assign(seat(core::Role::member, true), yos).ok());
  }

  // sw_a's Support request, approved and heard at the sitting of 2 December.
  std::int64_t scheduled_hearing() {
    auto& s = w.services();
    const auto id = testing::sent_request(w, w.sw_a, {w.child_a}, testing::support_draft());
    EXPECT_TRUE(approve_request(s, w.actor(w.pm_a), id, {}).ok());
    EXPECT_TRUE(schedule_request(s, w.actor(w.coordinator), id, sitting_on("2026-12-02")).ok());
    return integer("SELECT id FROM hearings WHERE request_id = $1", {id});
  }

  TestWorld w;
  const core::PanelType* support = nullptr;
  std::int64_t chair = 0, yos = 0;
};

TEST_F(Seats, AnAdministratorAssignsPeopleWithTheSeatsRole) {
  auto& s = w.services();
  const std::string pm_seat = seat(core::Role::practice_manager);
  EXPECT_EQ(
      assign_seat(s, w.actor(w.coordinator), "support", pm_seat, w.pm_a, store::SeatPart::holder)
          .error()
          .kind,
      core::ErrorKind::forbidden);
  EXPECT_EQ(assign(pm_seat, w.sw_a).error().fields.front().field, "user_id")
      << "not a practice manager";
  EXPECT_EQ(assign("no_such_seat", w.pm_a).error().fields.front().field, "seat_id");
  EXPECT_EQ(assign_seat(s, w.actor(w.admin), "nowhere", pm_seat, w.pm_a, store::SeatPart::holder)
                .error()
                .kind,
            core::ErrorKind::not_found);
  ASSERT_TRUE(assign(pm_seat, w.pm_a).ok());
  ASSERT_TRUE(assign(pm_seat, w.pm_b, store::SeatPart::deputy).ok());
  auto seats = panel_seats(s, w.actor(w.admin), "support");
  ASSERT_TRUE(seats.ok());
  ASSERT_EQ(seats->seats.size(), support->members.size());
  const auto pm = std::find_if(seats->seats.begin(), seats->seats.end(),
                               [&](const SeatView& v) { return v.id == pm_seat; });
  ASSERT_NE(pm, seats->seats.end());
  ASSERT_EQ(pm->people.size(), 2u);
  EXPECT_EQ(pm->people[0].id, w.pm_a);
  EXPECT_EQ(pm->people[1].part, store::SeatPart::deputy);
  EXPECT_TRUE(pm->candidates.empty()) << "both practice managers are seated";
  EXPECT_EQ(integer("SELECT COUNT(*) FROM audit_events WHERE action = 'seat.assign'"), 2);
  EXPECT_FALSE(panel_seats(s, w.actor(w.sw_a), "support").ok());
  ASSERT_TRUE(remove_from_seat(s, w.actor(w.admin), "support", pm_seat, w.pm_b).ok());
  EXPECT_EQ(remove_from_seat(s, w.actor(w.admin), "support", pm_seat, w.pm_b)
                .error()
                .fields.front()
                .field,
            "user_id");
  EXPECT_EQ(integer("SELECT COUNT(*) FROM audit_events WHERE action = 'seat.remove'"), 1);
}

TEST_F(Seats, ASittingExpectsTheSeatHoldersAndTheChairSeatChairs) {
  seat_everyone();
  // The chair seat's holder chairs the panel's planned sittings that had none.
  const auto wed = sitting_on("2026-11-25");
  EXPECT_EQ(integer("SELECT chair_id FROM sittings WHERE id = $1", {wed}), chair);
  auto v = sitting_view(w.services(), w.actor(w.coordinator), wed);
  ASSERT_TRUE(v.ok());
  std::vector<std::int64_t> ids;
  for (const SittingMember& m : v->members) {
    ids.push_back(m.user_id);
  }
  // The holders in the order of the panel's seats; not the deputy (pm_b),
  // nor the Youth Offending Service (as relevant, not invited). Nobody holds
  // the administrator's seat: everyone with the role is expected.
  EXPECT_EQ(ids, (std::vector<std::int64_t>{chair, w.gm, w.pm_a, w.panel_admin}));
  EXPECT_EQ(v->members[2].role_label, support->members[2].label);
  EXPECT_EQ(v->quorum.summary, "Quorum of 3 seats: 3 seats expected");
  EXPECT_TRUE(v->quorum.met);
}

TEST_F(Seats, ADeputyIsExpectedWhenTheHolderSendsApologiesAndTheQuorumCountsSeats) {
  seat_everyone();
  auto& s = w.services();
  const auto wed = sitting_on("2026-11-25");
  ASSERT_TRUE(record_attendance(s, w.actor(w.coordinator), wed,
                                {{chair, "present"},
                                 {w.gm, "conference_call"},
                                 {w.pm_a, "apologies"},
                                 {w.panel_admin, "present"}})
                  .ok());
  auto v = sitting_view(s, w.actor(w.coordinator), wed);
  ASSERT_EQ(v->members.size(), 5u);
  const auto deputy = std::find_if(v->members.begin(), v->members.end(),
                                   [&](const SittingMember& m) { return m.user_id == w.pm_b; });
  ASSERT_NE(deputy, v->members.end()) << "the deputy, in the seat's place";
  EXPECT_EQ(deputy->attendance, core::Attendance::expected);
  EXPECT_EQ(deputy->seat_id, seat(core::Role::practice_manager));
  // The chair and the Service Manager (by conference call): 2 seats; the
  // administrator does not count.
  EXPECT_EQ(v->quorum.summary, "Quorum of 3 seats: 2 seats present. Not quorate");
  ASSERT_TRUE(record_attendance(s, w.actor(w.panel_admin), wed, {{w.pm_b, "present"}}).ok());
  v = sitting_view(s, w.actor(w.coordinator), wed);
  EXPECT_EQ(v->quorum.present, 3);
  EXPECT_TRUE(v->quorum.met);
  EXPECT_EQ(integer("SELECT COUNT(*) FROM sitting_members WHERE sitting_id = $1 AND seat_id = $2",
                    {wed, seat(core::Role::practice_manager)}),
            2);
}

TEST_F(Seats, TheSupervisorPresentsWhenTheSocialWorkerCannotAttend) {
  auto& s = w.services();
  const auto hearing = scheduled_hearing();
  const auto dec2 = sitting_on("2026-12-02");
  auto v = sitting_view(s, w.actor(w.coordinator), dec2);
  ASSERT_EQ(v->agenda.size(), 1u);
  EXPECT_EQ(v->agenda[0].presenter.name, "Sam Alpha");
  EXPECT_FALSE(record_presenter_attendance(s, w.actor(w.sw_a), hearing, "absent").ok());
  EXPECT_EQ(record_presenter_attendance(s, w.actor(w.coordinator), hearing, "maybe")
                .error()
                .fields.front()
                .field,
            "presenter_attendance");
  ASSERT_TRUE(record_presenter_attendance(s, w.actor(w.coordinator), hearing, "absent").ok());
  EXPECT_EQ(integer("SELECT presenter_id FROM hearings WHERE id = $1", {hearing}), w.pm_a);
  EXPECT_EQ(integer("SELECT COUNT(*) FROM outbox WHERE recipient_id = $1 AND subject LIKE "
                    "'You are presenting%'",
                    {w.pm_a}),
            1);
  v = sitting_view(s, w.actor(w.coordinator), dec2);
  EXPECT_NE(v->agenda[0].presenter.name, "Sam Alpha");
  EXPECT_TRUE(v->agenda[0].presenter.stand_in);
  EXPECT_EQ(v->agenda[0].presenter.attendance, core::Attendance::expected);
  ASSERT_TRUE(
      record_presenter_attendance(s, w.actor(w.panel_admin), hearing, "conference_call").ok());
  EXPECT_EQ(integer("SELECT presenter_id FROM hearings WHERE id = $1", {hearing}), w.pm_a);
  EXPECT_EQ(integer("SELECT COUNT(*) FROM audit_events WHERE action = 'hearing.presenter'"), 2);
}

TEST_F(Seats, TheCoordinatorInvitesAnAsRelevantSeatToOneHearing) {
  seat_everyone();
  auto& s = w.services();
  const auto hearing = scheduled_hearing();
  const auto dec2 = sitting_on("2026-12-02");
  const std::string youth = seat(core::Role::member, true);
  auto v = sitting_view(s, w.actor(w.coordinator), dec2);
  ASSERT_EQ(v->agenda[0].invitable.size(), 1u);
  EXPECT_EQ(v->agenda[0].invitable[0].id, youth);
  EXPECT_EQ(invite_seat_to_hearing(s, w.actor(w.panel_admin), hearing, youth).error().kind,
            core::ErrorKind::forbidden);
  EXPECT_EQ(
      invite_seat_to_hearing(s, w.actor(w.coordinator), hearing, seat(core::Role::group_manager))
          .error()
          .fields.front()
          .field,
      "seat_id")
      << "only as_relevant seats are invited";
  ASSERT_TRUE(invite_seat_to_hearing(s, w.actor(w.coordinator), hearing, youth).ok());
  EXPECT_EQ(integer("SELECT COUNT(*) FROM outbox WHERE recipient_id = $1 AND subject LIKE "
                    "'Invitation to%'",
                    {yos}),
            1);
  v = sitting_view(s, w.actor(w.coordinator), dec2);
  ASSERT_EQ(v->agenda[0].invited.size(), 1u);
  EXPECT_TRUE(v->agenda[0].invitable.empty());
  const bool expected = std::any_of(v->members.begin(), v->members.end(),
                                    [&](const SittingMember& m) { return m.user_id == yos; });
  EXPECT_TRUE(expected) << "the invited seat's holder is expected at the sitting";
}

}  // namespace
}  // namespace casepanel::app
