// The decisions as the council's case-management system reads them through
// the integration API (issue 12, section 4): one child's decision records,
// and the change feed of significant events with a cursor to resume from.
//
// Both answer only for children in the token user's scope, the same scope
// as the web (app/scope.h): a child outside it is "not found", and the feed
// leaves out events about children outside it (the cursor still moves past
// them, so a client never asks for them again). Every read is recorded in
// the audit log before it is handed out, as a child's page is.
//
// The feed reads store/significant_events.h: one row for every decision,
// outcome, recommendation, final decision, agreed outcome and correction,
// appended as it is recorded and never changed, so reading from a cursor
// gives each event once, in the order it was recorded.
#pragma once

#include <cstdint>
#include <vector>

#include "app/decision_view.h"
#include "app/services.h"
#include "core/result.h"
#include "store/decision_records.h"
#include "store/significant_events.h"

namespace casepanel::app {

// A record both as stored (ids, ISO dates and times) and as people read it
// (labels from the panel's configuration, who decided what and when).
struct ApiDecisionRecord {
  store::DecisionRecord record;
  RecordView view;
};
// The child's records, newest sitting first.
core::Result<std::vector<ApiDecisionRecord>> api_child_decisions(Services& s, const Actor& a,
                                                                 std::int64_t child_id);

inline constexpr int kFeedDefaultLimit = 100;
inline constexpr int kFeedMaxLimit = 500;

struct DecisionFeedPage {
  std::vector<store::EventRecord> events;  // oldest first, in the reader's scope
  std::int64_t next_cursor = 0;            // the last event read, kept or not
};
// The events recorded after `cursor` (0: from the start), at most `limit`
// read (1 to kFeedMaxLimit; the page may hold fewer once those out of scope
// are left out). With nothing new, next_cursor is `cursor`.
core::Result<DecisionFeedPage> api_decision_feed(Services& s, const Actor& a, std::int64_t cursor,
                                                 int limit);

}  // namespace casepanel::app
