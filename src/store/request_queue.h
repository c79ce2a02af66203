// The coordinator's queue as triage reads it: requests waiting (submitted)
// with what triage shows of each, and the few small reads triage and
// recording decisions need besides the request aggregate (store/requests.h).
//
// States are core::RequestState (an unknown one throws std::runtime_error),
// dates core::Date, times core::Instant. Every function takes the caller's
// open transaction; none commits.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/calendar.h"
#include "core/clock.h"
#include "core/request_lifecycle.h"
#include "store/database.h"

namespace casepanel::store {

// A request as the queue lists it (a projection of store::RequestRecord).
struct RequestRow {
  std::int64_t id = 0;
  std::string panel_id;
  core::RequestState state = core::RequestState::draft;
  std::int64_t author_id = 0;
  std::int64_t team_id = 0;
  std::string request_type;
  std::optional<core::Date> target_sitting_date;  // the cut-off's sitting
  std::optional<core::Date> statutory_due;
};
bool request_has_child(Tx& tx, std::int64_t request_id, std::int64_t child_id);
std::optional<std::int64_t> team_manager(Tx& tx, std::int64_t team_id);

// A request waiting in the coordinator's queue (submitted), as triage shows it.
struct QueuedRequest {
  RequestRow request;
  std::optional<core::Instant> submitted_at;
  std::string venue_preference;
  std::optional<core::Date> missed_cutoff_date;
  bool accepted_late = false;
  bool must_go_to_next_sitting = false;
  int children = 0;
  std::optional<core::Date> review_due;        // an open return to panel's date (a review)
  std::optional<std::string> consultation_id;  // the latest referral, if any
  std::optional<core::Instant> referred_at;
};
// Every submitted request, statutory first (earliest date first), then by
// submission; or only one panel's, by id.
std::vector<QueuedRequest> queued_requests(Tx& tx);
std::vector<QueuedRequest> queued_requests(Tx& tx, const std::string& panel_id);

// The request's papers: documents with a file, documents marked not provided.
struct PaperCounts {
  int files = 0;
  int not_provided = 0;
};
PaperCounts paper_counts(Tx& tx, std::int64_t request_id);

}  // namespace casepanel::store
