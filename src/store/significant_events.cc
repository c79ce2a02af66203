#include "store/significant_events.h"

#include "store/column_types.h"

namespace casepanel::store {
namespace {

constexpr EventKind kKinds[] = {EventKind::decision,       EventKind::outcome,
                                EventKind::recommendation, EventKind::final_decision,
                                EventKind::agreed_outcome, EventKind::correction,
                                EventKind::return_closed,  EventKind::change_of_plan};

constexpr const char* kEventColumns =
    "SELECT e.id, e.child_id, e.decision_id, e.item_id, e.kind, e.summary, u.name, "
    "e.recorded_at, s.panel_id, c.team_id FROM significant_events e "
    "JOIN users u ON u.id = e.recorded_by JOIN children c ON c.id = e.child_id "
    "JOIN decisions d ON d.id = e.decision_id JOIN hearings h ON h.id = d.hearing_id "
    "JOIN sittings s ON s.id = h.sitting_id ";

EventRecord event_from(const Row& r) {
  const std::int64_t id = r.integer(0);
  EventRecord e;
  e.id = id;
  e.child_id = r.integer(1);
  e.decision_id = r.integer(2);
  if (!r.is_null(3)) {
    e.item_id = r.integer(3);
  }
  e.kind = enum_column(r, 4, {"significant_events", id, "kind"}, event_kind_from_id);
  e.summary = r.text(5);
  e.recorded_by = r.text(6);
  e.recorded_at = instant_column(r, 7, {"significant_events", id, "recorded_at"});
  e.panel_id = r.text(8);
  e.team_id = r.integer(9);
  return e;
}

}  // namespace

std::string_view event_kind_id(EventKind k) {
  switch (k) {
    case EventKind::decision:
      return "decision";
    case EventKind::outcome:
      return "outcome";
    case EventKind::recommendation:
      return "recommendation";
    case EventKind::final_decision:
      return "final_decision";
    case EventKind::agreed_outcome:
      return "agreed_outcome";
    case EventKind::correction:
      return "correction";
    case EventKind::return_closed:
      return "return_closed";
    case EventKind::change_of_plan:
      return "change_of_plan";
  }
  return "decision";
}

std::optional<EventKind> event_kind_from_id(std::string_view id) {
  for (EventKind k : kKinds) {
    if (event_kind_id(k) == id) {
      return k;
    }
  }
  return std::nullopt;
}

std::int64_t add_event(Tx& tx, const NewEvent& e) {
  return tx.insert(
      "INSERT INTO significant_events (child_id, decision_id, item_id, kind, summary, "
      "recorded_by, recorded_at) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
      {e.child_id, e.decision_id, nullable(e.item_id), std::string(event_kind_id(e.kind)),
       e.summary, e.recorded_by, core::to_iso_utc(e.recorded_at)});
}

std::vector<EventRecord> child_events(Tx& tx, std::int64_t child_id) {
  std::vector<EventRecord> out;
  for (const Row& r : tx.query(
           std::string(kEventColumns) + "WHERE e.child_id = $1 ORDER BY e.id DESC", {child_id})) {
    out.push_back(event_from(r));
  }
  return out;
}

std::vector<EventRecord> events_since(Tx& tx, std::int64_t cursor, int limit) {
  std::vector<EventRecord> out;
  for (const Row& r :
       tx.query(std::string(kEventColumns) + "WHERE e.id > $1 ORDER BY e.id LIMIT $2",
                {cursor, std::int64_t{limit}})) {
    out.push_back(event_from(r));
  }
  return out;
}

}  // namespace casepanel::store
