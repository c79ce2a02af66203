// Seats: the repository for who holds a panel's seats (seat_holders: a
// holder and deputies per seat of the panel's [[members]]), which
// as_relevant seats are invited to a hearing (hearing_invitees), who presents
// each hearing and how they attend (hearings.presenter_id,
// presenter_attendance), and the chair a sitting takes from the chair's seat.
// app/seats.cc and app/members.cc hold the rules.
//
// Seats are named by the panel's configuration (core::Member::id), so a seat
// removed from a panel's file leaves rows nobody reads; they are not deleted.
//
// Every function takes the caller's open transaction; none commits.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/sitting_status.h"
#include "store/database.h"
#include "store/role_holders.h"

namespace casepanel::store {

// Whether a person holds a seat or deputises in it.
enum class SeatPart { holder, deputy };

struct SeatHolderRecord {
  std::string seat_id;
  PersonContact person;
  SeatPart part = SeatPart::holder;
};
// The active people in the panel's seats: by seat, holders before deputies,
// then by name.
std::vector<SeatHolderRecord> seat_holders(Tx& tx, const std::string& panel_id);
// Adds the person to the seat, or changes their part in it.
void set_seat_holder(Tx& tx, const std::string& panel_id, const std::string& seat_id,
                     std::int64_t user_id, SeatPart part);
// Takes the person out of the seat; whether they were in it.
bool remove_seat_holder(Tx& tx, const std::string& panel_id, const std::string& seat_id,
                        std::int64_t user_id);

// The as_relevant seats invited to a hearing, and to each hearing of a sitting.
std::vector<std::string> hearing_invitees(Tx& tx, std::int64_t hearing_id);
std::map<std::int64_t, std::vector<std::string>> sitting_invitees(Tx& tx, std::int64_t sitting_id);
void invite_seat(Tx& tx, std::int64_t hearing_id, const std::string& seat_id);

// Who presents a hearing (none stored: the panel's rule names them) and how
// they attend.
struct PresenterRecord {
  std::optional<PersonContact> person;
  core::Attendance attendance = core::Attendance::expected;
};
PresenterRecord hearing_presenter(Tx& tx, std::int64_t hearing_id);
// Every hearing of the sitting's presenter, in one query.
std::map<std::int64_t, PresenterRecord> sitting_presenters(Tx& tx, std::int64_t sitting_id);
void set_hearing_presenter(Tx& tx, std::int64_t hearing_id, std::optional<std::int64_t> user_id,
                           core::Attendance attendance);

// Sets the sitting's chair.
void set_sitting_chair(Tx& tx, std::int64_t sitting_id, std::int64_t user_id);
// Gives the panel's planned sittings that have no chair this one; how many.
int chair_unchaired_sittings(Tx& tx, const std::string& panel_id, std::int64_t user_id);

}  // namespace casepanel::store
