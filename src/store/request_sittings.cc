#include "store/request_sittings.h"

#include "store/stored_values.h"

namespace casepanel::store {
namespace {

constexpr const char* kRequestSittingColumns =
    "SELECT id, sitting_date, starts_at, ends_at, venue_id FROM sittings ";

PlannedSitting sitting_from(const Row& r) {
  const std::int64_t id = r.integer(0);
  return {id, stored_date(r.text(1), {"sittings", id, "sitting_date"}),
          stored_instant(r.text(2), {"sittings", id, "starts_at"}),
          stored_instant(r.text(3), {"sittings", id, "ends_at"}), r.text(4)};
}

}  // namespace

std::vector<PlannedSitting> planned_sittings_after(Tx& tx, const std::string& panel_id,
                                                   core::Instant after, int limit) {
  std::vector<PlannedSitting> out;
  for (const Row& r : tx.query(std::string(kRequestSittingColumns) +
                                   "WHERE panel_id = $1 AND status <> 'cancelled' AND "
                                   "starts_at > $2 ORDER BY starts_at LIMIT $3",
                               {panel_id, core::to_iso_utc(after), std::int64_t{limit}})) {
    out.push_back(sitting_from(r));
  }
  return out;
}

std::optional<PlannedSitting> planned_sitting_on(Tx& tx, const std::string& panel_id,
                                                 core::Date date) {
  auto r = tx.query_one(std::string(kRequestSittingColumns) +
                            "WHERE panel_id = $1 AND sitting_date = $2 AND "
                            "status <> 'cancelled' ORDER BY starts_at LIMIT 1",
                        {panel_id, core::to_iso(date)});
  if (!r) {
    return std::nullopt;
  }
  return sitting_from(*r);
}

std::optional<RequestHearing> request_hearing(Tx& tx, std::int64_t request_id) {
  auto r = tx.query_one(
      "SELECT s.id, h.starts_at, s.venue_id, h.id FROM hearings h "
      "JOIN sittings s ON s.id = h.sitting_id WHERE h.request_id = $1",
      {request_id});
  if (!r) {
    return std::nullopt;
  }
  return RequestHearing{r->integer(0),
                        stored_instant(r->text(1), {"hearings", r->integer(3), "starts_at"}),
                        r->text(2), r->integer(3)};
}

}  // namespace casepanel::store
