#include "store/consultations.h"

#include "store/stored_values.h"

namespace casepanel::store {
namespace {

constexpr const char* kConsultationColumns =
    "SELECT c.id, c.request_id, c.consultation_id, c.note, c.referred_by, ru.name, "
    "c.referred_at, c.advice, c.advised_by, COALESCE(au.name, ''), c.advised_at "
    "FROM request_consultations c JOIN users ru ON ru.id = c.referred_by "
    "LEFT JOIN users au ON au.id = c.advised_by ";

ConsultationRecord consultation_of(const Row& r) {
  const std::int64_t id = r.integer(0);
  ConsultationRecord c;
  c.id = id;
  c.request_id = r.integer(1);
  c.consultation_id = r.text(2);
  c.note = r.text(3);
  c.referred_by = r.integer(4);
  c.referred_by_name = r.text(5);
  c.referred_at = stored_instant(r.text(6), {"request_consultations", id, "referred_at"});
  c.advice = r.optional_text(7);
  c.advised_by = r.optional_integer(8);
  c.advised_by_name = r.text(9);
  c.advised_at = stored_instant(r.optional_text(10), {"request_consultations", id, "advised_at"});
  return c;
}

std::vector<ConsultationRecord> records(Tx& tx, const std::string& where, const Params& params) {
  std::vector<ConsultationRecord> out;
  for (const Row& r : tx.query(std::string(kConsultationColumns) + where, params)) {
    out.push_back(consultation_of(r));
  }
  return out;
}

}  // namespace

std::int64_t add_consultation(Tx& tx, const NewReferral& c) {
  return tx.insert(
      "INSERT INTO request_consultations (request_id, consultation_id, note, referred_by, "
      "referred_at) VALUES ($1, $2, $3, $4, $5) RETURNING id",
      {c.request_id, c.consultation_id, c.note, c.referred_by, core::to_iso_utc(c.referred_at)});
}

std::optional<ConsultationRecord> find_consultation(Tx& tx, std::int64_t id) {
  auto found = records(tx, "WHERE c.id = $1", {id});
  if (found.empty()) {
    return std::nullopt;
  }
  return found.front();
}

std::vector<ConsultationRecord> request_consultations(Tx& tx, std::int64_t request_id) {
  return records(tx, "WHERE c.request_id = $1 ORDER BY c.id", {request_id});
}

std::vector<ConsultationRecord> consultations_of(Tx& tx, const std::string& panel_id,
                                                 const std::string& consultation_id) {
  return records(tx,
                 "JOIN requests r ON r.id = c.request_id WHERE r.panel_id = $1 AND "
                 "c.consultation_id = $2 AND r.state NOT IN ('draft', 'awaiting_approval') "
                 "ORDER BY c.advised_at IS NOT NULL, c.advised_at DESC, c.id",
                 {panel_id, consultation_id});
}

bool record_advice(Tx& tx, std::int64_t id, const std::string& advice, std::int64_t advised_by,
                   core::Instant at) {
  return tx
      .query_one(
          "UPDATE request_consultations SET advice = $1, advised_by = $2, advised_at = $3 "
          "WHERE id = $4 AND advice IS NULL RETURNING id",
          {advice, advised_by, core::to_iso_utc(at), id})
      .has_value();
}

}  // namespace casepanel::store
