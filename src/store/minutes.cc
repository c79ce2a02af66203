#include "store/minutes.h"

#include "store/column_types.h"

namespace casepanel::store {
namespace {

std::string status_text(core::MinutesStatus s) { return std::string(core::minutes_status_id(s)); }

}  // namespace

bool minutes_authorised(Tx& tx, std::int64_t sitting_id) {
  return tx
      .query_one("SELECT 1 FROM minutes WHERE sitting_id = $1 AND status = $2",
                 {sitting_id, status_text(core::MinutesStatus::authorised)})
      .has_value();
}

std::optional<MinutesRecord> find_minutes(Tx& tx, std::int64_t sitting_id) {
  auto r = tx.query_one(
      "SELECT m.status, m.drafted_by, d.name, m.updated_at, m.chair_comments, m.sent_at, "
      "COALESCE(a.name, ''), m.authorised_at, m.authorised_text FROM minutes m "
      "JOIN users d ON d.id = m.drafted_by LEFT JOIN users a ON a.id = m.authorised_by "
      "WHERE m.sitting_id = $1",
      {sitting_id});
  if (!r) {
    return std::nullopt;
  }
  MinutesRecord m;
  m.sitting_id = sitting_id;
  m.status = enum_column(*r, 0, {"minutes", sitting_id, "status"}, core::minutes_status_from_id);
  m.drafted_by = r->integer(1);
  m.drafted_by_name = r->text(2);
  m.updated_at = instant_column(*r, 3, {"minutes", sitting_id, "updated_at"});
  m.chair_comments = r->text(4);
  m.sent_at = optional_instant_column(*r, 5, {"minutes", sitting_id, "sent_at"});
  m.authorised_by_name = r->text(6);
  m.authorised_at = optional_instant_column(*r, 7, {"minutes", sitting_id, "authorised_at"});
  m.authorised_text = r->optional_text(8);
  return m;
}

void save_minutes_draft(Tx& tx, std::int64_t sitting_id, std::int64_t by, core::Instant at) {
  tx.exec(
      "INSERT INTO minutes (sitting_id, status, drafted_by, updated_at) VALUES ($1, $2, $3, $4) "
      "ON CONFLICT (sitting_id) DO UPDATE SET drafted_by = excluded.drafted_by, "
      "updated_at = excluded.updated_at",
      {sitting_id, status_text(core::MinutesStatus::draft), by, core::to_iso_utc(at)});
}

void set_minutes_sent(Tx& tx, std::int64_t sitting_id, core::Instant at) {
  const std::string when = core::to_iso_utc(at);
  tx.exec("UPDATE minutes SET status = $1, sent_at = $2, updated_at = $3 WHERE sitting_id = $4",
          {status_text(core::MinutesStatus::with_chair), when, when, sitting_id});
}

void set_minutes_returned(Tx& tx, std::int64_t sitting_id, const std::string& comments,
                          core::Instant at) {
  tx.exec(
      "UPDATE minutes SET status = $1, chair_comments = $2, updated_at = $3 WHERE sitting_id = $4",
      {status_text(core::MinutesStatus::draft), comments, core::to_iso_utc(at), sitting_id});
}

void set_minutes_authorised(Tx& tx, std::int64_t sitting_id, std::int64_t by, core::Instant at,
                            const std::string& snapshot) {
  const std::string when = core::to_iso_utc(at);
  tx.exec(
      "UPDATE minutes SET status = $1, authorised_by = $2, authorised_at = $3, updated_at = $4, "
      "authorised_text = $5 WHERE sitting_id = $6",
      {status_text(core::MinutesStatus::authorised), by, when, when, snapshot, sitting_id});
  tx.exec("UPDATE sittings SET minutes_authorised_at = $1 WHERE id = $2", {when, sitting_id});
}

std::map<std::int64_t, std::string> minutes_overviews(Tx& tx, std::int64_t sitting_id) {
  std::map<std::int64_t, std::string> out;
  for (const Row& r : tx.query("SELECT o.hearing_id, o.overview FROM minutes_overviews o "
                               "JOIN hearings h ON h.id = o.hearing_id WHERE h.sitting_id = $1",
                               {sitting_id})) {
    out[r.integer(0)] = r.text(1);
  }
  return out;
}

void save_minutes_overview(Tx& tx, std::int64_t hearing_id, const std::string& overview) {
  tx.exec(
      "INSERT INTO minutes_overviews (hearing_id, overview) VALUES ($1, $2) "
      "ON CONFLICT (hearing_id) DO UPDATE SET overview = excluded.overview",
      {hearing_id, overview});
}

std::int64_t add_minutes_addendum(Tx& tx, const NewAddendum& a) {
  return tx.insert(
      "INSERT INTO minutes_addenda (sitting_id, text, why, added_by, added_at) "
      "VALUES ($1, $2, $3, $4, $5) RETURNING id",
      {a.sitting_id, a.text, a.why, a.added_by, core::to_iso_utc(a.added_at)});
}

std::vector<AddendumRecord> minutes_addenda(Tx& tx, std::int64_t sitting_id) {
  std::vector<AddendumRecord> out;
  for (const Row& r : tx.query("SELECT a.id, a.text, a.why, u.name, a.added_at "
                               "FROM minutes_addenda a JOIN users u ON u.id = a.added_by "
                               "WHERE a.sitting_id = $1 ORDER BY a.id",
                               {sitting_id})) {
    const std::int64_t id = r.integer(0);
    out.push_back({id, r.text(1), r.text(2), r.text(3),
                   instant_column(r, 4, {"minutes_addenda", id, "added_at"})});
  }
  return out;
}

std::vector<MinutesAwaiting> minutes_with_chair(Tx& tx) {
  std::vector<MinutesAwaiting> out;
  for (const Row& r : tx.query("SELECT s.id, s.panel_id, s.sitting_date, s.chair_id FROM minutes m "
                               "JOIN sittings s ON s.id = m.sitting_id WHERE m.status = $1 "
                               "ORDER BY s.sitting_date, s.id",
                               {status_text(core::MinutesStatus::with_chair)})) {
    const std::int64_t id = r.integer(0);
    out.push_back({id, r.text(1), date_column(r, 2, {"sittings", id, "sitting_date"}),
                   r.optional_integer(3)});
  }
  return out;
}

std::vector<std::int64_t> sitting_social_workers(Tx& tx, std::int64_t sitting_id) {
  std::vector<std::int64_t> out;
  for (const Row& r :
       tx.query("SELECT r.author_id FROM hearings h JOIN requests r ON r.id = h.request_id "
                "WHERE h.sitting_id = $1 "
                "UNION SELECT c.allocated_worker_id FROM hearings h "
                "JOIN request_children rc ON rc.request_id = h.request_id "
                "JOIN children c ON c.id = rc.child_id "
                "WHERE h.sitting_id = $2 AND c.allocated_worker_id IS NOT NULL ORDER BY 1",
                {sitting_id, sitting_id})) {
    out.push_back(r.integer(0));
  }
  return out;
}

}  // namespace casepanel::store
