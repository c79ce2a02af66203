#include "store/actions.h"

#include "store/column_types.h"
#include "store/typed_columns.h"

namespace casepanel::store {
namespace {

constexpr const char* kActionColumns =
    "SELECT a.id, a.decision_id, h.request_id, s.id, s.panel_id, s.sitting_date, a.child_id, "
    "c.first_name || ' ' || c.last_name, c.date_of_birth, c.team_id, t.name, a.kind, "
    "a.started_by, a.description, a.owner_id, o.name, a.due_date, a.status, "
    "a.escalation_level, a.evidence, a.legal_document_at, a.done_on, a.not_done_reason, "
    "a.completed_at, COALESCE(cb.name, ''), a.evidence_file_name, a.evidence_stored_name, "
    "a.evidence_media_type, a.evidence_sha256, a.created_at "
    "FROM actions a JOIN decisions d ON d.id = a.decision_id "
    "JOIN hearings h ON h.id = d.hearing_id JOIN sittings s ON s.id = h.sitting_id "
    "JOIN children c ON c.id = a.child_id JOIN teams t ON t.id = c.team_id "
    "JOIN users o ON o.id = a.owner_id LEFT JOIN users cb ON cb.id = a.closed_by ";

FollowUpRecord follow_up_from(const Row& r) {
  const std::int64_t id = r.integer(0);
  FollowUpRecord f;
  f.id = id;
  f.decision_id = r.integer(1);
  f.request_id = r.integer(2);
  f.sitting_id = r.integer(3);
  f.panel_id = r.text(4);
  f.hearing = date_column(r, 5, {"sittings", f.sitting_id, "sitting_date"});
  f.child_id = r.integer(6);
  f.child = r.text(7);
  f.child_born = date_column(r, 8, {"children", f.child_id, "date_of_birth"});
  f.team_id = r.integer(9);
  f.team = r.text(10);
  f.kind = r.text(11);
  f.started_by = r.text(12);
  f.description = r.text(13);
  f.owner_id = r.integer(14);
  f.owner = r.text(15);
  f.due = date_column(r, 16, {"actions", id, "due_date"});
  f.status = enum_column(r, 17, {"actions", id, "status"}, core::action_status_from_id);
  f.escalation_level = static_cast<int>(r.integer(18));
  f.evidence = r.text(19);
  f.legal_document_at = r.text(20);
  f.done_on = optional_date_column(r, 21, {"actions", id, "done_on"});
  f.not_done_reason = r.text(22);
  f.closed_at = optional_instant_column(r, 23, {"actions", id, "completed_at"});
  f.closed_by = r.text(24);
  f.evidence_file_name = r.text(25);
  f.evidence_stored_name = r.text(26);
  f.evidence_media_type = r.text(27);
  f.evidence_sha256 = r.text(28);
  f.created_at = instant_column(r, 29, {"actions", id, "created_at"});
  return f;
}

std::vector<FollowUpRecord> follow_ups(Tx& tx, const std::string& where, const Params& params) {
  std::vector<FollowUpRecord> out;
  for (const Row& r : tx.query(std::string(kActionColumns) + where, params)) {
    out.push_back(follow_up_from(r));
  }
  return out;
}

}  // namespace

std::optional<FollowUpRecord> find_follow_up(Tx& tx, std::int64_t id) {
  auto rows = follow_ups(tx, "WHERE a.id = $1", {id});
  if (rows.empty()) {
    return std::nullopt;
  }
  return std::move(rows.front());
}

std::vector<FollowUpRecord> follow_ups_owned(Tx& tx, std::int64_t owner_id) {
  return follow_ups(tx,
                    "WHERE a.owner_id = $1 ORDER BY CASE a.status WHEN 'open' THEN 0 ELSE 1 END, "
                    "CASE a.status WHEN 'open' THEN a.due_date ELSE '' END, "
                    "a.completed_at DESC, a.id",
                    {owner_id});
}

std::vector<FollowUpRecord> follow_ups_of_teams(Tx& tx, const std::vector<std::int64_t>& team_ids,
                                                core::Instant closed_since) {
  if (team_ids.empty()) {
    return {};
  }
  // Parameters are numbered in order of appearance (store/database.h).
  Params params(team_ids.begin(), team_ids.end());
  params.push_back(core::to_iso_utc(closed_since));
  const int since = static_cast<int>(team_ids.size()) + 1;
  return follow_ups(tx,
                    "WHERE c.team_id IN (" + placeholders(1, team_ids.size()) +
                        ") AND (a.status = 'open' OR a.completed_at >= $" + std::to_string(since) +
                        ") "
                        "ORDER BY t.name, CASE a.status WHEN 'open' THEN 0 ELSE 1 END, "
                        "a.due_date, a.id",
                    params);
}

std::vector<FollowUpRecord> open_follow_ups(Tx& tx) {
  return follow_ups(tx, "WHERE a.status = 'open' ORDER BY a.id", {});
}

std::vector<FollowUpRecord> open_follow_ups_of_kind(Tx& tx, const std::string& panel_id,
                                                    const std::string& kind) {
  return follow_ups(tx,
                    "WHERE a.status = 'open' AND s.panel_id = $1 AND a.kind = $2 "
                    "ORDER BY a.due_date, a.id",
                    {panel_id, kind});
}

std::vector<FollowUpRecord> follow_ups_escalated_to(Tx& tx, std::int64_t user_id) {
  return follow_ups(tx,
                    "WHERE a.status = 'open' AND a.id IN "
                    "(SELECT action_id FROM escalations WHERE notified_id = $1) "
                    "ORDER BY a.due_date, a.id",
                    {user_id});
}

bool close_follow_up(Tx& tx, std::int64_t id, const ActionClosing& c) {
  // Parameters are numbered in order of appearance (store/database.h).
  return !tx.query(
                "UPDATE actions SET status = $1, evidence = $2, legal_document_at = $3, "
                "done_on = $4, not_done_reason = $5, evidence_file_name = $6, "
                "evidence_stored_name = $7, evidence_media_type = $8, evidence_bytes = $9, "
                "evidence_sha256 = $10, closed_by = $11, completed_at = $12 "
                "WHERE id = $13 AND status = 'open' RETURNING id",
                {std::string(core::action_status_id(c.status)), c.evidence, c.legal_document_at,
                 c.done_on ? Value{core::to_iso(*c.done_on)} : Value{nullptr}, c.not_done_reason,
                 c.file_name, c.stored_name, c.media_type, c.bytes, c.sha256, c.by,
                 core::to_iso_utc(c.at), id})
              .empty();
}

int close_started_timescales(Tx& tx, std::int64_t decision_id, const std::string& started_by,
                             const std::string& reason, std::int64_t by, core::Instant at) {
  return static_cast<int>(
      tx.query("UPDATE actions SET status = 'not_done', not_done_reason = $1, closed_by = $2, "
               "completed_at = $3 WHERE decision_id = $4 AND started_by = $5 AND "
               "kind <> 'action' AND status = 'open' RETURNING id",
               {reason, by, core::to_iso_utc(at), decision_id, started_by})
          .size());
}

bool record_escalation(Tx& tx, const EscalationRecord& e) {
  const bool recorded =
      !tx.query(
             "INSERT INTO escalations (action_id, ladder_id, step, step_day, role, label, "
             "notified_id, recorded_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) "
             "ON CONFLICT DO NOTHING RETURNING action_id",
             {e.action_id, e.ladder_id, static_cast<std::int64_t>(e.step), core::to_iso(e.step_day),
              std::string(core::role_id(e.role)), e.label,
              e.notified_id ? Value{*e.notified_id} : Value{nullptr},
              core::to_iso_utc(e.recorded_at)})
           .empty();
  if (recorded) {
    tx.exec("UPDATE actions SET escalation_level = escalation_level + 1 WHERE id = $1",
            {e.action_id});
  }
  return recorded;
}

std::vector<EscalationRecord> escalations_of(Tx& tx, std::int64_t action_id) {
  std::vector<EscalationRecord> out;
  for (const Row& r :
       tx.query("SELECT e.ladder_id, e.step, e.step_day, e.role, e.label, e.notified_id, "
                "COALESCE(u.name, ''), e.recorded_at FROM escalations e "
                "LEFT JOIN users u ON u.id = e.notified_id WHERE e.action_id = $1 "
                "ORDER BY e.step_day, e.recorded_at, e.ladder_id, e.step",
                {action_id})) {
    EscalationRecord e;
    e.action_id = action_id;
    e.ladder_id = r.text(0);
    e.step = static_cast<int>(r.integer(1));
    e.step_day = date_column(r, 2, {"escalations", action_id, "step_day"});
    e.role = enum_column(r, 3, {"escalations", action_id, "role"}, core::role_from_id);
    e.label = r.text(4);
    e.notified_id = r.optional_integer(5);
    e.notified = r.text(6);
    e.recorded_at = instant_column(r, 7, {"escalations", action_id, "recorded_at"});
    out.push_back(std::move(e));
  }
  return out;
}

std::string step_key(std::int64_t action_id, const std::string& ladder_id, int step) {
  return std::to_string(action_id) + "/" + ladder_id + "/" + std::to_string(step);
}

std::set<std::string> steps_taken_on_open_actions(Tx& tx) {
  std::set<std::string> out;
  for (const Row& r : tx.query("SELECT e.action_id, e.ladder_id, e.step FROM escalations e "
                               "JOIN actions a ON a.id = e.action_id WHERE a.status = 'open'")) {
    out.insert(step_key(r.integer(0), r.text(1), static_cast<int>(r.integer(2))));
  }
  return out;
}

std::optional<PersonContact> case_role_holder(Tx& tx, std::int64_t child_id, std::int64_t worker_id,
                                              core::Role role) {
  // Depth 0: the worker; 1: the manager of the child's team; then each one's
  // line manager. The depth bound stops a cycle in bad data.
  auto r = tx.query_one(
      "WITH RECURSIVE up(id, depth) AS ("
      "  SELECT CAST($1 AS BIGINT), 0"
      "  UNION ALL SELECT t.manager_id, 1 FROM children c JOIN teams t ON t.id = c.team_id "
      "    WHERE c.id = $2 AND t.manager_id IS NOT NULL"
      "  UNION ALL SELECT u.line_manager_id, up.depth + 1 FROM users u JOIN up ON u.id = up.id "
      "    WHERE u.line_manager_id IS NOT NULL AND up.depth < 16) "
      "SELECT u.id, u.name, u.email FROM up JOIN users u ON u.id = up.id "
      "JOIN user_roles r ON r.user_id = u.id AND r.role = $3 WHERE u.active = 1 "
      "ORDER BY up.depth, u.id LIMIT 1",
      {worker_id, child_id, std::string(core::role_id(role))});
  if (!r) {
    return std::nullopt;
  }
  return PersonContact{r->integer(0), r->text(1), r->text(2)};
}

}  // namespace casepanel::store
