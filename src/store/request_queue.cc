#include "store/request_queue.h"

#include "store/column_types.h"

namespace casepanel::store {
namespace {

constexpr const char* kQueuedRequestColumns =
    "r.id, r.panel_id, r.state, r.author_id, r.team_id, r.request_type, "
    "r.target_sitting_date, r.statutory_due ";

RequestRow request_of(const Row& r) {
  const std::int64_t id = r.integer(0);
  auto at = [&](std::string_view column) { return ColumnAt{"requests", id, column}; };
  return {id,
          r.text(1),
          enum_column(r, 2, at("state"), core::state_from_id),
          r.integer(3),
          r.integer(4),
          r.text(5),
          optional_date_column(r, 6, at("target_sitting_date")),
          optional_date_column(r, 7, at("statutory_due"))};
}

std::vector<QueuedRequest> queued_where(Tx& tx, const std::string& where, const Params& p) {
  std::vector<QueuedRequest> out;
  for (const Row& r :
       tx.query(std::string("SELECT ") + kQueuedRequestColumns +
                    ", r.submitted_at, r.venue_preference, r.missed_cutoff_date, "
                    "r.late_accepted_at IS NOT NULL, r.must_go_to_next_sitting, "
                    "(SELECT COUNT(*) FROM request_children rc WHERE rc.request_id = r.id), "
                    "(SELECT MIN(pr.due_date) FROM panel_returns pr JOIN request_children rc ON "
                    "rc.child_id = pr.child_id WHERE rc.request_id = r.id AND pr.panel_id = "
                    "r.panel_id AND pr.status IN ('due', 'update_sent')), (SELECT "
                    "c.consultation_id FROM request_consultations c WHERE "
                    "c.request_id = r.id ORDER BY c.id DESC LIMIT 1), (SELECT c.referred_at FROM "
                    "request_consultations c WHERE c.request_id = r.id ORDER BY c.id DESC LIMIT 1) "
                    "FROM requests r WHERE r.state = 'submitted' " +
                    where,
                p)) {
    QueuedRequest q;
    q.request = request_of(r);
    auto at = [&](std::string_view column) { return ColumnAt{"requests", q.request.id, column}; };
    q.submitted_at = optional_instant_column(r, 8, at("submitted_at"));
    q.venue_preference = r.text(9);
    q.missed_cutoff_date = optional_date_column(r, 10, at("missed_cutoff_date"));
    q.accepted_late = r.integer(11) != 0;
    q.must_go_to_next_sitting = r.integer(12) != 0;
    q.children = static_cast<int>(r.integer(13));
    q.review_due = optional_date_column(r, 14, at("review_date"));
    q.consultation_id = r.optional_text(15);
    q.referred_at =
        optional_instant_column(r, 16, {"request_consultations", q.request.id, "referred_at"});
    out.push_back(std::move(q));
  }
  return out;
}

}  // namespace

bool request_has_child(Tx& tx, std::int64_t request_id, std::int64_t child_id) {
  return tx
      .query_one("SELECT 1 FROM request_children WHERE request_id = $1 AND child_id = $2",
                 {request_id, child_id})
      .has_value();
}

std::optional<std::int64_t> team_manager(Tx& tx, std::int64_t team_id) {
  auto r = tx.query_one("SELECT manager_id FROM teams WHERE id = $1", {team_id});
  return r ? r->optional_integer(0) : std::nullopt;
}

std::vector<QueuedRequest> queued_requests(Tx& tx) {
  return queued_where(tx, "ORDER BY r.statutory_due IS NULL, r.statutory_due, r.submitted_at", {});
}

std::vector<QueuedRequest> queued_requests(Tx& tx, const std::string& panel_id) {
  return queued_where(tx, "AND r.panel_id = $1 ORDER BY r.id", {panel_id});
}

PaperCounts paper_counts(Tx& tx, std::int64_t request_id) {
  PaperCounts out;
  for (const Row& r : tx.query("SELECT document_id, MIN(kind) FROM request_papers "
                               "WHERE request_id = $1 GROUP BY document_id",
                               {request_id})) {
    (r.text(1) == "file" ? out.files : out.not_provided) += 1;
  }
  return out;
}

}  // namespace casepanel::store
