// Migration 12, after panel: see the comment on it in schema_history.cc.
// Released migrations never change.
#include "store/schema_parts.h"

namespace casepanel::store {

const char kAfterPanelSql[] = R"SQL(
ALTER TABLE actions ADD COLUMN kind TEXT NOT NULL DEFAULT 'action';
ALTER TABLE actions ADD COLUMN started_by TEXT NOT NULL DEFAULT '';
ALTER TABLE actions ADD COLUMN evidence TEXT NOT NULL DEFAULT '';
ALTER TABLE actions ADD COLUMN legal_document_at TEXT NOT NULL DEFAULT '';
ALTER TABLE actions ADD COLUMN done_on TEXT;
ALTER TABLE actions ADD COLUMN not_done_reason TEXT NOT NULL DEFAULT '';
ALTER TABLE actions ADD COLUMN closed_by BIGINT REFERENCES users(id);
ALTER TABLE actions ADD COLUMN evidence_file_name TEXT NOT NULL DEFAULT '';
ALTER TABLE actions ADD COLUMN evidence_stored_name TEXT NOT NULL DEFAULT '';
ALTER TABLE actions ADD COLUMN evidence_media_type TEXT NOT NULL DEFAULT '';
ALTER TABLE actions ADD COLUMN evidence_bytes BIGINT NOT NULL DEFAULT 0;
ALTER TABLE actions ADD COLUMN evidence_sha256 TEXT NOT NULL DEFAULT '';
CREATE INDEX actions_open ON actions(status, due_date);
CREATE TABLE escalations (
  action_id BIGINT NOT NULL REFERENCES actions(id),
  ladder_id TEXT NOT NULL,
  step INTEGER NOT NULL,
  step_day TEXT NOT NULL,
  role TEXT NOT NULL,
  label TEXT NOT NULL,
  notified_id BIGINT REFERENCES users(id),
  recorded_at TEXT NOT NULL,
  PRIMARY KEY (action_id, ladder_id, step)
);
CREATE INDEX escalations_notified ON escalations(notified_id, action_id);
CREATE TABLE panel_returns (
  id {{id}},
  decision_id BIGINT NOT NULL UNIQUE REFERENCES decisions(id),
  child_id BIGINT NOT NULL REFERENCES children(id),
  panel_id TEXT NOT NULL,
  due_date TEXT NOT NULL,
  status TEXT NOT NULL,
  request_id BIGINT REFERENCES requests(id),
  progress_update TEXT NOT NULL DEFAULT '',
  update_by BIGINT REFERENCES users(id),
  update_at TEXT,
  considered_by BIGINT REFERENCES users(id),
  considered_at TEXT,
  considered_note TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL
);
CREATE INDEX panel_returns_due ON panel_returns(status, due_date);
CREATE INDEX panel_returns_child ON panel_returns(child_id);
INSERT INTO panel_returns (decision_id, child_id, panel_id, due_date, status, created_at)
SELECT d.id, d.child_id, s.panel_id, d.review_date, 'due', d.recorded_at FROM decisions d
JOIN hearings h ON h.id = d.hearing_id JOIN sittings s ON s.id = h.sitting_id
WHERE d.review_date IS NOT NULL;
CREATE TABLE plan_changes (
  id {{id}},
  decision_id BIGINT NOT NULL REFERENCES decisions(id),
  proposal TEXT NOT NULL,
  reason TEXT NOT NULL,
  proposed_by BIGINT NOT NULL REFERENCES users(id),
  proposed_at TEXT NOT NULL,
  approver_role TEXT NOT NULL,
  status TEXT NOT NULL,
  decided_by BIGINT REFERENCES users(id),
  decided_at TEXT,
  decision_reasons TEXT NOT NULL DEFAULT ''
);
CREATE INDEX plan_changes_decision ON plan_changes(decision_id);
CREATE INDEX plan_changes_status ON plan_changes(status);
CREATE TABLE supervision_notes (
  id {{id}},
  child_id BIGINT NOT NULL REFERENCES children(id),
  worker_id BIGINT REFERENCES users(id),
  note TEXT NOT NULL,
  recorded_by BIGINT NOT NULL REFERENCES users(id),
  recorded_at TEXT NOT NULL
);
CREATE INDEX supervision_notes_child ON supervision_notes(child_id, id)
)SQL";

}  // namespace casepanel::store
