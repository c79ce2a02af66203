// The request's history (table approvals): store/requests.h declares it.
#include <stdexcept>

#include "store/requests.h"
#include "store/stored_values.h"

namespace casepanel::store {
namespace {

// How an outcome is stored. The coordinator's "more information needed" has
// always been stored as 'returned' at step 'triage'; it is kept so that rows
// written before the outcome had its own name read the same as new ones.
std::string_view stored_outcome(HistoryOutcome outcome) {
  switch (outcome) {
    case HistoryOutcome::approved:
      return "approved";
    case HistoryOutcome::returned:
    case HistoryOutcome::more_information:
      return "returned";
    case HistoryOutcome::declined:
      return "declined";
  }
  throw std::logic_error("unknown history outcome");
}

HistoryOutcome outcome_of(const std::string& text, const std::string& step, std::int64_t id) {
  if (text == "approved") {
    return HistoryOutcome::approved;
  }
  if (text == "returned") {
    return step == kTriageStep ? HistoryOutcome::more_information : HistoryOutcome::returned;
  }
  if (text == "declined") {
    return HistoryOutcome::declined;
  }
  unreadable({"approvals", id, "outcome"}, text);
}

constexpr const char* kHistoryColumns =
    "SELECT a.id, a.request_id, a.step_id, a.approver_id, u.name, a.outcome, a.comments, a.at "
    "FROM approvals a JOIN users u ON u.id = a.approver_id ";

RequestHistoryEntry entry_from(const Row& r) {
  const std::int64_t id = r.integer(0);
  return {id,        r.integer(1),
          r.text(2), r.integer(3),
          r.text(4), outcome_of(r.text(5), r.text(2), id),
          r.text(6), stored_instant(r.text(7), {"approvals", id, "at"})};
}

}  // namespace

std::int64_t add_history(Tx& tx, const NewHistoryEntry& entry) {
  return tx.insert(
      "INSERT INTO approvals (request_id, step_id, approver_id, outcome, comments, at) "
      "VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
      {entry.request_id, entry.step_id, entry.approver_id,
       std::string(stored_outcome(entry.outcome)), entry.comments, core::to_iso_utc(entry.at)});
}

std::vector<RequestHistoryEntry> request_history(Tx& tx, std::int64_t id) {
  std::vector<RequestHistoryEntry> out;
  for (const Row& r :
       tx.query(std::string(kHistoryColumns) + "WHERE a.request_id = $1 ORDER BY a.id", {id})) {
    out.push_back(entry_from(r));
  }
  return out;
}

std::optional<RequestHistoryEntry> last_history(Tx& tx, std::int64_t id) {
  auto r = tx.query_one(
      std::string(kHistoryColumns) + "WHERE a.request_id = $1 ORDER BY a.id DESC LIMIT 1", {id});
  if (!r) {
    return std::nullopt;
  }
  return entry_from(*r);
}

}  // namespace casepanel::store
