#include "store/sittings.h"

#include "store/column_types.h"

namespace casepanel::store {
namespace {

constexpr const char* kSittingColumns =
    "SELECT m.id, m.panel_id, m.sitting_date, m.starts_at, m.ends_at, m.venue_id, m.status, "
    "COALESCE((SELECT SUM(h.minutes) FROM hearings h WHERE h.sitting_id = m.id), 0), "
    "(SELECT COUNT(*) FROM hearings h WHERE h.sitting_id = m.id), m.room, "
    "m.conference_details, m.proposed_date, m.cancel_reason, m.published_at, m.chair_id, "
    "m.invite_sequence, COALESCE(m.schedule_slot, m.starts_at) FROM sittings m ";

SittingRecord sitting_of(const Row& r) {
  const std::int64_t id = r.integer(0);
  auto at = [&](std::string_view column) { return ColumnAt{"sittings", id, column}; };
  SittingRecord s;
  s.id = id;
  s.panel_id = r.text(1);
  s.date = date_column(r, 2, at("sitting_date"));
  s.starts_at = instant_column(r, 3, at("starts_at"));
  s.ends_at = instant_column(r, 4, at("ends_at"));
  s.venue_id = r.text(5);
  s.status = enum_column(r, 6, at("status"), core::sitting_status_from_id);
  s.booked_minutes = static_cast<int>(r.integer(7));
  s.hearings = static_cast<int>(r.integer(8));
  s.room = r.text(9);
  s.conference_details = r.text(10);
  s.proposed_date = optional_date_column(r, 11, at("proposed_date"));
  s.cancel_reason = r.text(12);
  s.published_at = optional_instant_column(r, 13, at("published_at"));
  s.chair_id = r.optional_integer(14);
  s.invite_sequence = static_cast<int>(r.integer(15));
  return s;
}

std::vector<SittingRecord> sittings_where(Tx& tx, const std::string& where, const Params& p) {
  std::vector<SittingRecord> out;
  for (const Row& r : tx.query(std::string(kSittingColumns) + where, p)) {
    out.push_back(sitting_of(r));
  }
  return out;
}

Value optional_date(const std::optional<core::Date>& d) {
  return d ? Value{core::to_iso(*d)} : Value{nullptr};
}

}  // namespace

std::optional<SittingRecord> find_sitting(Tx& tx, std::int64_t sitting_id) {
  auto found = sittings_where(tx, "WHERE m.id = $1", {sitting_id});
  if (found.empty()) {
    return std::nullopt;
  }
  return found.front();
}

std::vector<SittingRecord> sittings_from(Tx& tx, core::Date from, int limit) {
  return sittings_where(tx, "WHERE m.sitting_date >= $1 ORDER BY m.starts_at LIMIT $2",
                        {core::to_iso(from), std::int64_t{limit}});
}

std::vector<SittingRecord> sittings_before(Tx& tx, core::Date from, core::Date until, int limit) {
  return sittings_where(
      tx, "WHERE m.sitting_date >= $1 AND m.sitting_date < $2 ORDER BY m.starts_at DESC LIMIT $3",
      {core::to_iso(from), core::to_iso(until), std::int64_t{limit}});
}

std::vector<SittingRecord> planned_sittings_after(Tx& tx, core::Instant after, int limit) {
  return sittings_where(tx,
                        "WHERE m.status = 'planned' AND m.starts_at > $1 "
                        "ORDER BY m.starts_at LIMIT $2",
                        {core::to_iso_utc(after), std::int64_t{limit}});
}

std::vector<SittingRecord> planned_panel_sittings(Tx& tx, const std::string& panel_id,
                                                  core::Instant after, core::Date until) {
  return sittings_where(tx,
                        "WHERE m.panel_id = $1 AND m.status = 'planned' AND m.starts_at > $2 "
                        "AND m.sitting_date <= $3 ORDER BY m.starts_at",
                        {panel_id, core::to_iso_utc(after), core::to_iso(until)});
}

std::vector<ScheduledSitting> panel_sittings(Tx& tx, const std::string& panel_id) {
  std::vector<ScheduledSitting> out;
  for (const Row& r :
       tx.query(std::string(kSittingColumns) + "WHERE m.panel_id = $1", {panel_id})) {
    SittingRecord s = sitting_of(r);
    const core::Instant slot = instant_column(r, 16, {"sittings", s.id, "schedule_slot"});
    out.push_back({std::move(s), slot});
  }
  return out;
}

bool sitting_holds_slot(Tx& tx, const std::string& panel_id, core::Instant starts) {
  const std::string at = core::to_iso_utc(starts);
  return tx
      .query_one(
          "SELECT 1 FROM sittings WHERE panel_id = $1 AND (starts_at = $2 OR "
          "schedule_slot = $3)",
          {panel_id, at, at})
      .has_value();
}

bool sitting_clashes(Tx& tx, const std::string& panel_id, core::Instant starts,
                     std::int64_t except_id) {
  return tx
      .query_one("SELECT 1 FROM sittings WHERE panel_id = $1 AND starts_at = $2 AND id <> $3",
                 {panel_id, core::to_iso_utc(starts), except_id})
      .has_value();
}

std::int64_t add_sitting(Tx& tx, const std::string& panel_id, const SittingPlace& place,
                         std::optional<core::Instant> schedule_slot,
                         std::optional<core::Date> proposed_date) {
  return tx.insert(
      "INSERT INTO sittings (panel_id, sitting_date, starts_at, ends_at, venue_id, room, "
      "conference_details, status, schedule_slot, proposed_date) "
      "VALUES ($1, $2, $3, $4, $5, $6, $7, 'planned', $8, $9) RETURNING id",
      {panel_id, core::to_iso(place.date), core::to_iso_utc(place.starts_at),
       core::to_iso_utc(place.ends_at), place.venue_id, place.room, place.conference_details,
       schedule_slot ? Value{core::to_iso_utc(*schedule_slot)} : Value{nullptr},
       optional_date(proposed_date)});
}

void move_sitting(Tx& tx, std::int64_t sitting_id, const SittingPlace& place) {
  tx.exec(
      "UPDATE sittings SET sitting_date = $1, starts_at = $2, ends_at = $3, venue_id = $4, "
      "room = $5, conference_details = $6, proposed_date = NULL WHERE id = $7",
      {core::to_iso(place.date), core::to_iso_utc(place.starts_at), core::to_iso_utc(place.ends_at),
       place.venue_id, place.room, place.conference_details, sitting_id});
}

void cancel_sitting(Tx& tx, std::int64_t sitting_id, const std::string& reason) {
  tx.exec("UPDATE sittings SET status = 'cancelled', cancel_reason = $1 WHERE id = $2",
          {reason, sitting_id});
}

void set_sitting_details(Tx& tx, std::int64_t sitting_id, const std::string& room,
                         const std::string& conference_details) {
  tx.exec("UPDATE sittings SET room = $1, conference_details = $2 WHERE id = $3",
          {room, conference_details, sitting_id});
}

void publish_sitting(Tx& tx, std::int64_t sitting_id, core::Instant at) {
  tx.exec("UPDATE sittings SET published_at = $1 WHERE id = $2",
          {core::to_iso_utc(at), sitting_id});
}

int raise_sitting_invite(Tx& tx, std::int64_t sitting_id) {
  tx.exec("UPDATE sittings SET invite_sequence = invite_sequence + 1 WHERE id = $1", {sitting_id});
  auto r = tx.query_one("SELECT invite_sequence FROM sittings WHERE id = $1", {sitting_id});
  return r ? static_cast<int>(r->integer(0)) : 0;
}

std::optional<PersonContact> find_contact(Tx& tx, std::int64_t user_id) {
  auto r = tx.query_one("SELECT id, name, email FROM users WHERE id = $1", {user_id});
  if (!r) {
    return std::nullopt;
  }
  return PersonContact{r->integer(0), r->text(1), r->text(2)};
}

bool is_active_person(Tx& tx, std::int64_t user_id) {
  return tx.query_one("SELECT 1 FROM users WHERE id = $1 AND active = 1", {user_id}).has_value();
}

std::optional<PersonContact> first_coordinator(Tx& tx) {
  auto r = tx.query_one(
      "SELECT u.id, u.name, u.email FROM users u JOIN user_roles ur ON ur.user_id = u.id "
      "WHERE ur.role = 'coordinator' AND u.active = 1 ORDER BY u.id LIMIT 1");
  if (!r) {
    return std::nullopt;
  }
  return PersonContact{r->integer(0), r->text(1), r->text(2)};
}

std::vector<SittingMemberRecord> listed_sitting_members(Tx& tx, std::int64_t sitting_id) {
  std::vector<SittingMemberRecord> out;
  for (const Row& r :
       tx.query("SELECT mm.user_id, u.name, u.email, mm.role, mm.attendance, mm.seat_id "
                "FROM sitting_members mm JOIN users u ON u.id = mm.user_id "
                "WHERE mm.sitting_id = $1 ORDER BY u.name",
                {sitting_id})) {
    const ColumnAt role{"sitting_members", sitting_id, "role"};
    const ColumnAt attendance{"sitting_members", sitting_id, "attendance"};
    out.push_back({{r.integer(0), r.text(1), r.text(2)},
                   enum_column(r, 3, role, core::role_from_id),
                   enum_column(r, 4, attendance, core::attendance_from_id),
                   r.text(5)});
  }
  return out;
}

void set_sitting_member(Tx& tx, std::int64_t sitting_id, const SittingMemberRecord& member) {
  tx.exec("DELETE FROM sitting_members WHERE sitting_id = $1 AND user_id = $2",
          {sitting_id, member.person.id});
  tx.exec(
      "INSERT INTO sitting_members (sitting_id, user_id, role, attendance, seat_id) "
      "VALUES ($1, $2, $3, $4, $5)",
      {sitting_id, member.person.id, std::string(core::role_id(member.role)),
       std::string(core::attendance_id(member.attendance)), member.seat_id});
}

}  // namespace casepanel::store
