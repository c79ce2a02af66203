// Sittings: the repository for a panel's sittings (one meeting of a panel:
// its date, times, venue, status, chair and published agenda), their list of
// members with attendance (sitting_members), and the people who hold a seat's
// role. All the SQL behind sittings lives here; app/ holds the rules.
//
// Records are typed: the status is core::SittingStatus, times are
// core::Instant (stored as UTC text), dates core::Date, and what may be NULL
// is std::optional. A status or time casepanel never wrote throws
// std::runtime_error (a broken database), never a default.
//
// Every function takes the caller's open transaction; none commits.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/calendar.h"
#include "core/clock.h"
#include "core/panel_type.h"
#include "core/sitting_status.h"
#include "store/database.h"
#include "store/role_holders.h"

namespace casepanel::store {

struct SittingRecord {
  std::int64_t id = 0;
  std::string panel_id;
  core::Date date;
  core::Instant starts_at;
  core::Instant ends_at;
  std::string venue_id;  // "" when the panel has no venues
  core::SittingStatus status = core::SittingStatus::planned;
  int booked_minutes = 0;  // the hearings' minutes, summed
  int hearings = 0;
  std::string room;
  std::string conference_details;
  std::optional<core::Date> proposed_date;  // on a bank holiday: the day proposed instead
  std::string cancel_reason;
  std::optional<core::Instant> published_at;
  std::optional<std::int64_t> chair_id;
  int invite_sequence = 0;
};

std::optional<SittingRecord> find_sitting(Tx& tx, std::int64_t sitting_id);
// Sittings on or after `from`, soonest first, at most `limit`.
std::vector<SittingRecord> sittings_from(Tx& tx, core::Date from, int limit);
// Sittings on days from `from` up to the day before `until`, the latest first.
std::vector<SittingRecord> sittings_before(Tx& tx, core::Date from, core::Date until, int limit);
// Planned sittings that start after `after`, soonest first, at most `limit`.
std::vector<SittingRecord> planned_sittings_after(Tx& tx, core::Instant after, int limit);
// One panel's planned sittings starting after `after` and dated up to `until`.
std::vector<SittingRecord> planned_panel_sittings(Tx& tx, const std::string& panel_id,
                                                  core::Instant after, core::Date until);

// A panel's sittings with the slot of the schedule each took (the start it
// was made for, kept when the coordinator moves it).
struct ScheduledSitting {
  SittingRecord sitting;
  core::Instant schedule_slot;
};
std::vector<ScheduledSitting> panel_sittings(Tx& tx, const std::string& panel_id);

// Whether the panel has a sitting starting at `starts`, or made for that slot
// of its schedule.
bool sitting_holds_slot(Tx& tx, const std::string& panel_id, core::Instant starts);
// Whether another sitting of the panel (not `except_id`) starts at `starts`.
bool sitting_clashes(Tx& tx, const std::string& panel_id, core::Instant starts,
                     std::int64_t except_id);

// A sitting's when and where, for adding and moving.
struct SittingPlace {
  core::Date date;
  core::Instant starts_at;
  core::Instant ends_at;
  std::string venue_id;
  std::string room;
  std::string conference_details;
};
// A planned sitting; `schedule_slot` when the schedule made it.
std::int64_t add_sitting(Tx& tx, const std::string& panel_id, const SittingPlace& place,
                         std::optional<core::Instant> schedule_slot = std::nullopt,
                         std::optional<core::Date> proposed_date = std::nullopt);
// Moves it (no longer on a proposed date: the coordinator chose this one).
void move_sitting(Tx& tx, std::int64_t sitting_id, const SittingPlace& place);
void cancel_sitting(Tx& tx, std::int64_t sitting_id, const std::string& reason);
void set_sitting_details(Tx& tx, std::int64_t sitting_id, const std::string& room,
                         const std::string& conference_details);
void publish_sitting(Tx& tx, std::int64_t sitting_id, core::Instant at);
// Raises the sitting's invitation sequence; the new value.
int raise_sitting_invite(Tx& tx, std::int64_t sitting_id);

// Someone who uses casepanel, by id, name and email: for lists of choices
// and for addressing invitations.
std::optional<PersonContact> find_contact(Tx& tx, std::int64_t user_id);
bool is_active_person(Tx& tx, std::int64_t user_id);
// The active people who hold a role, by name.
// The first active coordinator (by id): an invitation's organiser.
std::optional<PersonContact> first_coordinator(Tx& tx);

// A sitting's list of members, by name; empty until attendance is recorded.
struct SittingMemberRecord {
  PersonContact person;
  core::Role role = core::Role::member;
  core::Attendance attendance = core::Attendance::expected;
  std::string seat_id;  // the panel's seat they sit in; "" for rows older than seats
};
std::vector<SittingMemberRecord> listed_sitting_members(Tx& tx, std::int64_t sitting_id);
// Sets (adds or replaces) one member's entry.
void set_sitting_member(Tx& tx, std::int64_t sitting_id, const SittingMemberRecord& member);

}  // namespace casepanel::store
