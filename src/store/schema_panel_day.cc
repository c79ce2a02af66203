// Migration 11, the panel day: see the comment on it in schema_history.cc.
// Released migrations never change.
#include "store/schema_parts.h"

namespace casepanel::store {

const char kPanelDaySql[] = R"SQL(
CREATE TABLE decision_items (
  id {{id}},
  decision_id BIGINT NOT NULL REFERENCES decisions(id),
  kind TEXT NOT NULL,
  option_id TEXT NOT NULL,
  detail TEXT NOT NULL,
  final_role TEXT,
  final_status TEXT NOT NULL DEFAULT 'final',
  final_detail TEXT NOT NULL DEFAULT '',
  final_reasons TEXT NOT NULL DEFAULT '',
  final_by BIGINT REFERENCES users(id),
  final_at TEXT,
  removed_at TEXT
);
INSERT INTO decision_items (decision_id, kind, option_id, detail, final_role, final_status)
SELECT id, 'decision', decision_type, summary,
  CASE WHEN is_recommendation = 1 THEN 'chair' ELSE NULL END,
  CASE WHEN is_recommendation = 1 THEN 'awaiting' ELSE 'final' END FROM decisions;
CREATE INDEX decision_items_awaiting ON decision_items(final_status, final_role);
CREATE INDEX decision_items_decision ON decision_items(decision_id);
ALTER TABLE decisions DROP COLUMN decision_type;
ALTER TABLE decisions DROP COLUMN summary;
ALTER TABLE decisions DROP COLUMN is_recommendation;
ALTER TABLE decisions ADD COLUMN permanency_timeframe TEXT NOT NULL DEFAULT '';
ALTER TABLE decisions ADD COLUMN permanency_owner_id BIGINT REFERENCES users(id);
ALTER TABLE decisions ADD COLUMN parallel_timeframe TEXT NOT NULL DEFAULT '';
ALTER TABLE decisions ADD COLUMN parallel_owner_id BIGINT REFERENCES users(id);
ALTER TABLE decisions ADD COLUMN corrected_by BIGINT REFERENCES users(id);
ALTER TABLE decisions ADD COLUMN corrected_at TEXT;
CREATE INDEX actions_decision ON actions(decision_id);
CREATE TABLE disagreements (
  id {{id}},
  item_id BIGINT NOT NULL REFERENCES decision_items(id),
  member_id BIGINT NOT NULL REFERENCES users(id),
  why TEXT NOT NULL,
  recorded_by BIGINT NOT NULL REFERENCES users(id),
  recorded_at TEXT NOT NULL,
  resolve_role TEXT NOT NULL,
  agreed_outcome TEXT,
  agreed_reasons TEXT,
  resolved_by BIGINT REFERENCES users(id),
  resolved_at TEXT
);
CREATE INDEX disagreements_item ON disagreements(item_id);
CREATE TABLE significant_events (
  id {{id}},
  child_id BIGINT NOT NULL REFERENCES children(id),
  decision_id BIGINT NOT NULL REFERENCES decisions(id),
  item_id BIGINT REFERENCES decision_items(id),
  kind TEXT NOT NULL,
  summary TEXT NOT NULL,
  recorded_by BIGINT NOT NULL REFERENCES users(id),
  recorded_at TEXT NOT NULL
);
CREATE INDEX significant_events_child ON significant_events(child_id, id);
CREATE TABLE minutes (
  sitting_id BIGINT PRIMARY KEY REFERENCES sittings(id),
  status TEXT NOT NULL,
  drafted_by BIGINT NOT NULL REFERENCES users(id),
  updated_at TEXT NOT NULL,
  chair_comments TEXT NOT NULL DEFAULT '',
  sent_at TEXT,
  authorised_by BIGINT REFERENCES users(id),
  authorised_at TEXT,
  authorised_text TEXT
);
CREATE TABLE minutes_overviews (
  hearing_id BIGINT PRIMARY KEY REFERENCES hearings(id),
  overview TEXT NOT NULL
);
CREATE TABLE minutes_addenda (
  id {{id}},
  sitting_id BIGINT NOT NULL REFERENCES sittings(id),
  text TEXT NOT NULL,
  why TEXT NOT NULL,
  added_by BIGINT NOT NULL REFERENCES users(id),
  added_at TEXT NOT NULL
);
CREATE INDEX minutes_addenda_sitting ON minutes_addenda(sitting_id, id);
CREATE TABLE seat_holders (
  panel_id TEXT NOT NULL,
  seat_id TEXT NOT NULL,
  user_id BIGINT NOT NULL REFERENCES users(id),
  deputy INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (panel_id, seat_id, user_id)
);
ALTER TABLE sitting_members ADD COLUMN seat_id TEXT NOT NULL DEFAULT '';
CREATE TABLE hearing_invitees (
  hearing_id BIGINT NOT NULL REFERENCES hearings(id),
  seat_id TEXT NOT NULL,
  PRIMARY KEY (hearing_id, seat_id)
);
ALTER TABLE hearings ADD COLUMN presenter_id BIGINT REFERENCES users(id);
ALTER TABLE hearings ADD COLUMN presenter_attendance TEXT NOT NULL DEFAULT 'expected';
ALTER TABLE hearings ADD COLUMN late_reason TEXT NOT NULL DEFAULT ''
)SQL";

}  // namespace casepanel::store
