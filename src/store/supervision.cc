#include "store/supervision.h"

#include "store/column_types.h"
#include "store/typed_columns.h"

namespace casepanel::store {

std::vector<SupervisionRow> supervision_rows(Tx& tx, const std::vector<std::int64_t>& team_ids,
                                             core::Date today) {
  std::vector<SupervisionRow> out;
  if (team_ids.empty()) {
    return out;
  }
  // Parameters are numbered in order of appearance (store/database.h).
  Params params{core::to_iso(today)};
  params.insert(params.end(), team_ids.begin(), team_ids.end());
  const std::string sql =
      "SELECT c.id, c.first_name || ' ' || c.last_name, c.date_of_birth, t.name, "
      "c.allocated_worker_id, COALESCE(u.name, ''), "
      "(SELECT COUNT(*) FROM actions a WHERE a.child_id = c.id AND a.status = 'open'), "
      "(SELECT COUNT(*) FROM actions a WHERE a.child_id = c.id AND a.status = 'open' AND "
      "a.due_date < $1), "
      "(SELECT COUNT(*) FROM actions a WHERE a.child_id = c.id AND a.status = 'open' AND "
      "a.escalation_level > 0), "
      "(SELECT MIN(pr.due_date) FROM panel_returns pr WHERE pr.child_id = c.id AND "
      "pr.status IN ('due', 'update_sent')), "
      "(SELECT COUNT(*) FROM plan_changes pc JOIN decisions d ON d.id = pc.decision_id "
      "WHERE d.child_id = c.id AND pc.status = 'proposed'), "
      "(SELECT COUNT(*) FROM decision_items di JOIN decisions d ON d.id = di.decision_id "
      "WHERE d.child_id = c.id AND di.final_status = 'awaiting' AND di.removed_at IS NULL), "
      "(SELECT MAX(sn.recorded_at) FROM supervision_notes sn WHERE sn.child_id = c.id), "
      "(SELECT sn.note FROM supervision_notes sn WHERE sn.child_id = c.id ORDER BY sn.id DESC "
      "LIMIT 1) "
      "FROM children c JOIN teams t ON t.id = c.team_id "
      "LEFT JOIN users u ON u.id = c.allocated_worker_id WHERE c.team_id IN (" +
      placeholders(2, team_ids.size()) +
      ") ORDER BY t.name, COALESCE(u.name, ''), c.last_name, c.first_name, c.id";
  for (const Row& r : tx.query(sql, params)) {
    SupervisionRow x;
    x.child_id = r.integer(0);
    x.child = r.text(1);
    x.child_born = date_column(r, 2, {"children", x.child_id, "date_of_birth"});
    x.team = r.text(3);
    x.worker_id = r.optional_integer(4);
    x.worker = r.text(5);
    x.open_actions = static_cast<int>(r.integer(6));
    x.overdue_actions = static_cast<int>(r.integer(7));
    x.escalated_actions = static_cast<int>(r.integer(8));
    x.return_due = optional_date_column(r, 9, {"panel_returns", x.child_id, "due_date"});
    x.plan_changes_waiting = static_cast<int>(r.integer(10));
    x.final_decisions_awaited = static_cast<int>(r.integer(11));
    x.discussed_at =
        optional_instant_column(r, 12, {"supervision_notes", x.child_id, "recorded_at"});
    x.last_note = r.text(13);
    out.push_back(std::move(x));
  }
  return out;
}

std::int64_t add_supervision_note(Tx& tx, std::int64_t child_id, const std::string& note,
                                  std::int64_t by, core::Instant at) {
  // Parameters are numbered in order of appearance and each used once.
  return tx.insert(
      "INSERT INTO supervision_notes (child_id, worker_id, note, recorded_by, recorded_at) "
      "VALUES ($1, (SELECT allocated_worker_id FROM children WHERE id = $2), $3, $4, $5) "
      "RETURNING id",
      {child_id, child_id, note, by, core::to_iso_utc(at)});
}

}  // namespace casepanel::store
