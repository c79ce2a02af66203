#include "store/plan_changes.h"

#include "store/column_types.h"

namespace casepanel::store {
namespace {

constexpr const char* kPlanChangeColumns =
    "SELECT pc.id, pc.decision_id, d.child_id, c.first_name || ' ' || c.last_name, "
    "c.date_of_birth, c.team_id, s.panel_id, s.sitting_date, r.author_id, pc.proposal, "
    "pc.reason, pc.proposed_by, pu.name, pc.proposed_at, pc.approver_role, pc.status, "
    "COALESCE(du.name, ''), pc.decided_at, pc.decision_reasons "
    "FROM plan_changes pc JOIN decisions d ON d.id = pc.decision_id "
    "JOIN children c ON c.id = d.child_id JOIN hearings h ON h.id = d.hearing_id "
    "JOIN sittings s ON s.id = h.sitting_id JOIN requests r ON r.id = h.request_id "
    "JOIN users pu ON pu.id = pc.proposed_by LEFT JOIN users du ON du.id = pc.decided_by ";

std::optional<PlanChangeStatus> status_from_id(std::string_view id) {
  if (id == "proposed") {
    return PlanChangeStatus::proposed;
  }
  if (id == "approved") {
    return PlanChangeStatus::approved;
  }
  if (id == "refused") {
    return PlanChangeStatus::refused;
  }
  return std::nullopt;
}

PlanChangeRecord change_from(const Row& r) {
  const std::int64_t id = r.integer(0);
  PlanChangeRecord c;
  c.id = id;
  c.decision_id = r.integer(1);
  c.child_id = r.integer(2);
  c.child = r.text(3);
  c.child_born = date_column(r, 4, {"children", c.child_id, "date_of_birth"});
  c.team_id = r.integer(5);
  c.panel_id = r.text(6);
  c.decided_on = date_column(r, 7, {"plan_changes", id, "sitting_date"});
  c.author_id = r.integer(8);
  c.proposal = r.text(9);
  c.reason = r.text(10);
  c.proposed_by_id = r.integer(11);
  c.proposed_by = r.text(12);
  c.proposed_at = instant_column(r, 13, {"plan_changes", id, "proposed_at"});
  c.approver_role = enum_column(r, 14, {"plan_changes", id, "approver_role"}, core::role_from_id);
  c.status = enum_column(r, 15, {"plan_changes", id, "status"}, status_from_id);
  c.decided_by = r.text(16);
  c.decided_at = optional_instant_column(r, 17, {"plan_changes", id, "decided_at"});
  c.decision_reasons = r.text(18);
  return c;
}

std::vector<PlanChangeRecord> changes(Tx& tx, const std::string& where, const Params& params) {
  std::vector<PlanChangeRecord> out;
  for (const Row& r : tx.query(std::string(kPlanChangeColumns) + where, params)) {
    out.push_back(change_from(r));
  }
  return out;
}

}  // namespace

std::int64_t add_plan_change(Tx& tx, const NewPlanChange& c) {
  return tx.insert(
      "INSERT INTO plan_changes (decision_id, proposal, reason, proposed_by, proposed_at, "
      "approver_role, status) VALUES ($1, $2, $3, $4, $5, $6, 'proposed') RETURNING id",
      {c.decision_id, c.proposal, c.reason, c.by, core::to_iso_utc(c.at),
       std::string(core::role_id(c.approver_role))});
}

std::optional<PlanChangeRecord> find_plan_change(Tx& tx, std::int64_t id) {
  auto rows = changes(tx, "WHERE pc.id = $1", {id});
  if (rows.empty()) {
    return std::nullopt;
  }
  return std::move(rows.front());
}

std::vector<PlanChangeRecord> plan_changes_of_decision(Tx& tx, std::int64_t decision_id) {
  return changes(tx, "WHERE pc.decision_id = $1 ORDER BY pc.id", {decision_id});
}

std::vector<PlanChangeRecord> proposed_plan_changes(Tx& tx) {
  return changes(tx, "WHERE pc.status = 'proposed' ORDER BY pc.id", {});
}

bool decide_plan_change(Tx& tx, std::int64_t id, bool approved, const std::string& reasons,
                        std::int64_t by, core::Instant at) {
  return !tx.query(
                "UPDATE plan_changes SET status = $1, decision_reasons = $2, decided_by = $3, "
                "decided_at = $4 WHERE id = $5 AND status = 'proposed' RETURNING id",
                {std::string(approved ? "approved" : "refused"), reasons, by, core::to_iso_utc(at),
                 id})
              .empty();
}

}  // namespace casepanel::store
