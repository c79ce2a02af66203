#include "store/decisions.h"

namespace casepanel::store {

std::int64_t add_decision(Tx& tx, const NewDecision& d) {
  return tx.insert(
      "INSERT INTO decisions (hearing_id, child_id, decision_type, summary, reasons, "
      "review_date, is_recommendation, recorded_by, recorded_at) "
      "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
      {d.hearing_id, d.child_id, d.decision_type, d.summary, d.reasons,
       d.review_date ? Value{core::to_iso(*d.review_date)} : Value{nullptr},
       std::int64_t{d.recommendation == Recommendation::yes ? 1 : 0}, d.recorded_by,
       core::to_iso_utc(d.recorded_at)});
}

std::int64_t add_action(Tx& tx, const NewAction& a) {
  return tx.insert(
      "INSERT INTO actions (decision_id, child_id, description, owner_id, due_date, status, "
      "created_at) VALUES ($1, $2, $3, $4, $5, 'open', $6) RETURNING id",
      {a.decision_id, a.child_id, a.description, a.owner_id, core::to_iso(a.due),
       core::to_iso_utc(a.created_at)});
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
       tx.query("SELECT c.id, c.first_name || ' ' || c.last_name FROM children c "
                "JOIN request_children rc ON rc.child_id = c.id WHERE rc.request_id = $1 "
                "AND NOT EXISTS (SELECT 1 FROM decisions d WHERE d.hearing_id = $2 "
                "AND d.child_id = c.id) ORDER BY c.date_of_birth",
                {request_id, hearing_id})) {
    out.push_back({c.integer(0), c.text(1), ""});
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
