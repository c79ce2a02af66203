// Significant events on a child's record (CLAM: "The key decisions will be
// recorded on each of the children's files as a manager's comment in bold as
// a significant event ... at panel on the day"): one row for every decision,
// outcome, final decision, agreed outcome and correction, appended as it is
// recorded and never changed. The child's chronology and the API's change
// feed (GET /api/v1/decisions?since=CURSOR: the cursor is the row's id) read
// the same rows. Every function takes the caller's open transaction.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "store/database.h"

namespace casepanel::store {

enum class EventKind {
  decision,
  outcome,
  recommendation,
  final_decision,
  agreed_outcome,
  correction,
  return_closed,  // a progress update accepted instead of a hearing (Support Panel 6)
  change_of_plan  // an approved change of plan (Support Panel 6.1)
};
std::string_view event_kind_id(EventKind k);
std::optional<EventKind> event_kind_from_id(std::string_view id);

struct NewEvent {
  std::int64_t child_id = 0;
  std::int64_t decision_id = 0;
  std::optional<std::int64_t> item_id;
  EventKind kind = EventKind::decision;
  std::string summary;  // "Support Panel: Progress to a Family Group Conference. <text>"
  std::int64_t recorded_by = 0;
  core::Instant recorded_at;
};
std::int64_t add_event(Tx& tx, const NewEvent& e);

struct EventRecord {
  std::int64_t id = 0;  // also the feed's cursor
  std::int64_t child_id = 0;
  std::int64_t decision_id = 0;
  std::optional<std::int64_t> item_id;
  EventKind kind = EventKind::decision;
  std::string summary;
  std::string recorded_by;  // name
  core::Instant recorded_at;
  std::string panel_id;
  std::int64_t team_id = 0;  // the child's team, for scope
};
// A child's events, newest first.
std::vector<EventRecord> child_events(Tx& tx, std::int64_t child_id);
// Events after `cursor` (0: from the start), oldest first, at most `limit`.
// The caller keeps those in the reader's scope (team_id) and resumes from
// the last id read, kept or not.
std::vector<EventRecord> events_since(Tx& tx, std::int64_t cursor, int limit);

}  // namespace casepanel::store
