#include "store/disagreements.h"

#include "store/column_types.h"

namespace casepanel::store {

std::int64_t add_disagreement(Tx& tx, const NewDisagreement& d) {
  return tx.insert(
      "INSERT INTO disagreements (item_id, member_id, why, recorded_by, recorded_at, "
      "resolve_role) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
      {d.item_id, d.member_id, d.why, d.recorded_by, core::to_iso_utc(d.recorded_at),
       std::string(core::role_id(d.resolve_role))});
}

bool resolve_disagreement(Tx& tx, std::int64_t disagreement_id, const Resolution& r) {
  return tx
      .query_one(
          "UPDATE disagreements SET agreed_outcome = $1, agreed_reasons = $2, resolved_by = $3, "
          "resolved_at = $4 WHERE id = $5 AND resolved_at IS NULL RETURNING id",
          {r.agreed_outcome, r.reasons, r.by, core::to_iso_utc(r.at), disagreement_id})
      .has_value();
}

std::optional<DisagreementRef> find_disagreement(Tx& tx, std::int64_t disagreement_id) {
  auto r = tx.query_one(
      "SELECT item_id, resolve_role, resolved_at IS NULL FROM disagreements WHERE id = $1",
      {disagreement_id});
  if (!r) {
    return std::nullopt;
  }
  return DisagreementRef{
      r->integer(0),
      enum_column(*r, 1, {"disagreements", disagreement_id, "resolve_role"}, core::role_from_id),
      r->integer(2) != 0};
}

std::vector<std::pair<std::int64_t, std::int64_t>> open_disagreements(Tx& tx, core::Role role) {
  std::vector<std::pair<std::int64_t, std::int64_t>> out;
  for (const Row& r : tx.query("SELECT id, item_id FROM disagreements WHERE resolved_at IS NULL "
                               "AND resolve_role = $1 ORDER BY id",
                               {std::string(core::role_id(role))})) {
    out.emplace_back(r.integer(0), r.integer(1));
  }
  return out;
}

bool item_has_disagreement(Tx& tx, std::int64_t item_id) {
  return tx.query_one("SELECT 1 FROM disagreements WHERE item_id = $1", {item_id}).has_value();
}

}  // namespace casepanel::store
