#include "store/decisions.h"

namespace casepanel::store {
namespace {

Value date_or_null(const std::optional<core::Date>& d) {
  return d ? Value{core::to_iso(*d)} : Value{nullptr};
}

Params record_params(const RecordFields& f) {
  return {f.reasons,
          f.permanency.plan_id,
          f.permanency.timeframe,
          nullable(f.permanency.owner_id),
          f.parallel.plan_id,
          f.parallel.timeframe,
          nullable(f.parallel.owner_id),
          date_or_null(f.review_date)};
}

}  // namespace

std::int64_t add_decision(Tx& tx, const NewDecision& d) {
  Params p = record_params(d.fields);
  p.insert(p.begin(), {d.hearing_id, d.child_id});
  p.push_back(d.recorded_by);
  p.push_back(core::to_iso_utc(d.recorded_at));
  return tx.insert(
      "INSERT INTO decisions (hearing_id, child_id, reasons, permanency_plan, "
      "permanency_timeframe, permanency_owner_id, parallel_plan, parallel_timeframe, "
      "parallel_owner_id, review_date, recorded_by, recorded_at) "
      "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id",
      p);
}

void correct_decision(Tx& tx, std::int64_t decision_id, const RecordFields& fields,
                      std::int64_t corrected_by, core::Instant at) {
  Params p = record_params(fields);
  p.push_back(corrected_by);
  p.push_back(core::to_iso_utc(at));
  p.push_back(decision_id);
  tx.exec(
      "UPDATE decisions SET reasons = $1, permanency_plan = $2, permanency_timeframe = $3, "
      "permanency_owner_id = $4, parallel_plan = $5, parallel_timeframe = $6, "
      "parallel_owner_id = $7, review_date = $8, corrected_by = $9, corrected_at = $10 "
      "WHERE id = $11",
      p);
}

std::int64_t add_item(Tx& tx, const NewItem& item) {
  const bool recommendation = item.final_role.has_value();
  return tx.insert(
      "INSERT INTO decision_items (decision_id, kind, option_id, detail, final_role, "
      "final_status) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
      {item.decision_id, std::string(core::item_kind_id(item.kind)), item.option_id, item.detail,
       recommendation ? Value{std::string(core::role_id(*item.final_role))} : Value{nullptr},
       std::string(core::final_status_id(recommendation ? core::FinalStatus::awaiting
                                                        : core::FinalStatus::final))});
}

void set_item_detail(Tx& tx, std::int64_t item_id, const std::string& detail) {
  tx.exec("UPDATE decision_items SET detail = $1 WHERE id = $2", {detail, item_id});
}

void remove_item(Tx& tx, std::int64_t item_id, core::Instant at) {
  tx.exec("UPDATE decision_items SET removed_at = $1 WHERE id = $2",
          {core::to_iso_utc(at), item_id});
}

bool set_final_decision(Tx& tx, std::int64_t item_id, const FinalDecision& f) {
  return tx
      .query_one(
          "UPDATE decision_items SET final_status = $1, final_detail = $2, final_reasons = $3, "
          "final_by = $4, final_at = $5 WHERE id = $6 AND final_status = 'awaiting' "
          "RETURNING id",
          {std::string(core::final_status_id(f.status)), f.detail, f.reasons, f.by,
           core::to_iso_utc(f.at), item_id})
      .has_value();
}

std::int64_t add_action(Tx& tx, const NewAction& a) {
  return tx.insert(
      "INSERT INTO actions (decision_id, child_id, description, owner_id, due_date, status, "
      "created_at, kind, started_by) VALUES ($1, $2, $3, $4, $5, 'open', $6, $7, $8) "
      "RETURNING id",
      {a.decision_id, a.child_id, a.description, a.owner_id, core::to_iso(a.due),
       core::to_iso_utc(a.created_at), a.kind, a.started_by});
}

bool has_decision(Tx& tx, std::int64_t hearing_id, std::int64_t child_id) {
  return tx
      .query_one("SELECT 1 FROM decisions WHERE hearing_id = $1 AND child_id = $2",
                 {hearing_id, child_id})
      .has_value();
}

std::vector<PersonContact> undecided_children(Tx& tx, std::int64_t hearing_id,
                                              std::int64_t request_id) {
  std::vector<PersonContact> out;
  for (const Row& c :
       tx.query("SELECT c.id, c.first_name || ' ' || c.last_name, c.date_of_birth FROM children c "
                "JOIN request_children rc ON rc.child_id = c.id WHERE rc.request_id = $1 "
                "AND NOT EXISTS (SELECT 1 FROM decisions d WHERE d.hearing_id = $2 "
                "AND d.child_id = c.id) ORDER BY c.date_of_birth, c.id",
                {request_id, hearing_id})) {
    out.push_back({c.integer(0), c.text(1), c.text(2)});
  }
  return out;
}

int undecided_count(Tx& tx, std::int64_t hearing_id, std::int64_t request_id) {
  auto left = tx.query_one(
      "SELECT COUNT(*) FROM request_children rc WHERE rc.request_id = $1 AND NOT EXISTS "
      "(SELECT 1 FROM decisions d WHERE d.hearing_id = $2 AND d.child_id = rc.child_id)",
      {request_id, hearing_id});
  return left ? static_cast<int>(left->integer(0)) : 0;
}

std::vector<PersonContact> action_owners(Tx& tx, std::int64_t team_id) {
  std::vector<PersonContact> out;
  for (const Row& u : tx.query("SELECT DISTINCT u.id, u.name, u.email FROM users u "
                               "WHERE u.active = 1 AND (u.team_id = $1 OR u.id IN "
                               "(SELECT manager_id FROM teams WHERE id = $2)) ORDER BY u.name",
                               {team_id, team_id})) {
    out.push_back({u.integer(0), u.text(1), u.text(2)});
  }
  return out;
}

}  // namespace casepanel::store
