// TEMPORARY (helper H2, issue 11): the few request-row reads and writes that
// triage, scheduling and recording decisions need, until H1's requests
// repository (src/store/requests.*) is merged. The lead folds these into that
// repository at merge; nothing here is meant to stay in this file.
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
std::optional<RequestRow> find_request(Tx& tx, std::int64_t request_id);
void set_request_state(Tx& tx, std::int64_t request_id, core::RequestState state, core::Instant at);
// A line of the request's history (the approvals table): the coordinator's
// triage is step "triage" with outcome "returned" or "declined".
void add_history(Tx& tx, std::int64_t request_id, const std::string& step_id, std::int64_t by,
                 const std::string& outcome, const std::string& comments, core::Instant at);
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
  std::optional<core::Date> review_due;        // a child's earliest review date
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

void add_consultation(Tx& tx, std::int64_t request_id, const std::string& consultation_id,
                      const std::string& note, std::int64_t by, core::Instant at);

}  // namespace casepanel::store
