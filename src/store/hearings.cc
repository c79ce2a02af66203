#include "store/hearings.h"

#include "store/column_types.h"

namespace casepanel::store {
namespace {

constexpr const char* kHearingColumns =
    "SELECT h.id, h.sitting_id, h.request_id, h.starts_at, h.minutes, h.status, h.chair_id, "
    "h.invite_sequence, h.late_reason FROM hearings h ";

HearingRecord hearing_of(const Row& r, std::size_t first = 0) {
  const std::int64_t id = r.integer(first);
  auto at = [&](std::string_view column) { return ColumnAt{"hearings", id, column}; };
  HearingRecord h;
  h.id = id;
  h.sitting_id = r.integer(first + 1);
  h.request_id = r.integer(first + 2);
  h.starts_at = instant_column(r, first + 3, at("starts_at"));
  h.minutes = static_cast<int>(r.integer(first + 4));
  h.status = enum_column(r, first + 5, at("status"), core::hearing_status_from_id);
  h.chair_id = r.optional_integer(first + 6);
  h.invite_sequence = static_cast<int>(r.integer(first + 7));
  h.late_reason = r.text(first + 8);
  return h;
}

// The people's columns: author id, name, email; manager id, name, email;
// chair id, name, email (each LEFT JOINed, so optional).
constexpr const char* kPeopleColumns =
    "w.id, w.name, w.email, pm.id, pm.name, pm.email, ch.id, ch.name, ch.email ";
constexpr const char* kPeopleJoins =
    "JOIN sittings m ON m.id = h.sitting_id JOIN requests r ON r.id = h.request_id "
    "JOIN users w ON w.id = r.author_id LEFT JOIN teams t ON t.id = r.team_id "
    "LEFT JOIN users pm ON pm.id = t.manager_id "
    "LEFT JOIN users ch ON ch.id = COALESCE(h.chair_id, m.chair_id) ";

std::optional<PersonContact> person_at(const Row& r, std::size_t first) {
  if (r.is_null(first)) {
    return std::nullopt;
  }
  return PersonContact{r.integer(first), r.text(first + 1), r.text(first + 2)};
}

HearingPeople people_of(const Row& r, std::int64_t hearing_id, std::size_t first) {
  return {hearing_id, *person_at(r, first), person_at(r, first + 3), person_at(r, first + 6)};
}

}  // namespace

std::optional<HearingRecord> find_hearing(Tx& tx, std::int64_t hearing_id) {
  auto r = tx.query_one(std::string(kHearingColumns) + "WHERE h.id = $1", {hearing_id});
  if (!r) {
    return std::nullopt;
  }
  return hearing_of(*r);
}

std::vector<HearingRecord> sitting_hearings(Tx& tx, std::int64_t sitting_id) {
  std::vector<HearingRecord> out;
  for (const Row& r :
       tx.query(std::string(kHearingColumns) + "WHERE h.sitting_id = $1 ORDER BY h.starts_at",
                {sitting_id})) {
    out.push_back(hearing_of(r));
  }
  return out;
}

std::int64_t add_hearing(Tx& tx, std::int64_t sitting_id, std::int64_t request_id,
                         core::Instant starts_at, int minutes) {
  return tx.insert(
      "INSERT INTO hearings (sitting_id, request_id, starts_at, minutes, status) "
      "VALUES ($1, $2, $3, $4, 'scheduled') RETURNING id",
      {sitting_id, request_id, core::to_iso_utc(starts_at), std::int64_t{minutes}});
}

void move_hearing(Tx& tx, std::int64_t hearing_id, core::Instant starts_at) {
  tx.exec("UPDATE hearings SET starts_at = $1 WHERE id = $2",
          {core::to_iso_utc(starts_at), hearing_id});
}

void remove_hearing(Tx& tx, std::int64_t hearing_id) {
  tx.exec("DELETE FROM hearings WHERE id = $1", {hearing_id});
}

void set_hearing_late_reason(Tx& tx, std::int64_t hearing_id, const std::string& reason) {
  tx.exec("UPDATE hearings SET late_reason = $1 WHERE id = $2", {reason, hearing_id});
}

void set_hearing_chair(Tx& tx, std::int64_t hearing_id, std::int64_t chair_id) {
  tx.exec("UPDATE hearings SET chair_id = $1 WHERE id = $2", {chair_id, hearing_id});
}

void set_hearing_status(Tx& tx, std::int64_t hearing_id, core::HearingStatus status) {
  tx.exec("UPDATE hearings SET status = $1 WHERE id = $2",
          {std::string(core::hearing_status_id(status)), hearing_id});
}

int raise_hearing_invite(Tx& tx, std::int64_t hearing_id) {
  tx.exec("UPDATE hearings SET invite_sequence = invite_sequence + 1 WHERE id = $1", {hearing_id});
  auto r = tx.query_one("SELECT invite_sequence FROM hearings WHERE id = $1", {hearing_id});
  return r ? static_cast<int>(r->integer(0)) : 0;
}

std::optional<HearingPeople> hearing_people(Tx& tx, std::int64_t hearing_id) {
  auto r = tx.query_one(std::string("SELECT ") + kPeopleColumns + "FROM hearings h " +
                            kPeopleJoins + "WHERE h.id = $1",
                        {hearing_id});
  if (!r) {
    return std::nullopt;
  }
  return people_of(*r, hearing_id, 0);
}

std::vector<AgendaLine> sitting_agenda(Tx& tx, std::int64_t sitting_id) {
  std::vector<AgendaLine> out;
  for (const Row& r :
       tx.query("SELECT h.id, h.sitting_id, h.request_id, h.starts_at, h.minutes, h.status, "
                "h.chair_id, h.invite_sequence, h.late_reason, r.request_type, r.conference_call, "
                "r.statutory_due, r.must_go_to_next_sitting, "
                "(SELECT COUNT(*) FROM decisions d WHERE d.hearing_id = h.id), hc.name, " +
                    std::string(kPeopleColumns) + "FROM hearings h " + kPeopleJoins +
                    "LEFT JOIN users hc ON hc.id = h.chair_id "
                    "WHERE h.sitting_id = $1 ORDER BY h.starts_at",
                {sitting_id})) {
    AgendaLine line;
    line.hearing = hearing_of(r);
    line.request_type = r.text(9);
    line.conference_call = r.integer(10) != 0;
    line.statutory_due =
        optional_date_column(r, 11, {"requests", line.hearing.request_id, "statutory_due"});
    line.statutory = line.statutory_due.has_value();
    line.must_go_to_next_sitting = r.integer(12) != 0;
    line.decisions = static_cast<int>(r.integer(13));
    if (line.hearing.chair_id) {
      line.named_chair = PersonContact{*line.hearing.chair_id, r.text(14), ""};
    }
    line.people = people_of(r, line.hearing.id, 15);
    out.push_back(std::move(line));
  }
  return out;
}

std::map<std::int64_t, std::vector<std::int64_t>> line_chains(
    Tx& tx, const std::vector<std::int64_t>& worker_ids, int longest) {
  std::map<std::int64_t, std::vector<std::int64_t>> out;
  if (worker_ids.empty()) {
    return out;
  }
  Params params;
  std::string in;
  for (std::int64_t id : worker_ids) {
    params.push_back(id);
    in += (in.empty() ? "$" : ", $") + std::to_string(params.size());
  }
  params.push_back(std::int64_t{longest});
  const std::string depth = "$" + std::to_string(params.size());
  for (const Row& r : tx.query(
           "WITH RECURSIVE chain(worker_id, manager_id, depth) AS ("
           "SELECT id, line_manager_id, 1 FROM users WHERE line_manager_id IS NOT NULL AND id IN "
           "(" +
               in +
               ") UNION ALL SELECT c.worker_id, u.line_manager_id, c.depth + 1 FROM chain c "
               "JOIN users u ON u.id = c.manager_id WHERE u.line_manager_id IS NOT NULL AND "
               "c.depth < CAST(" +
               depth +
               " AS INTEGER)) SELECT worker_id, manager_id FROM chain ORDER BY worker_id, depth",
           params)) {
    out[r.integer(0)].push_back(r.integer(1));
  }
  return out;
}

}  // namespace casepanel::store
