#include "store/schema_history.h"

#include "store/schema_parts.h"

#include <iterator>

namespace casepanel::store {
namespace {

// Times are ISO 8601 UTC text ("2026-11-22T10:00:00Z"), dates ISO text
// ("2026-11-22"): readable, sortable and the same on both engines. The one
// exception is sessions' created_at and last_seen_at (migration 1): whole
// seconds since 1970 (BIGINT), because the idle and absolute time-outs are
// checked on every request by comparing numbers.
constexpr Migration kMigrations[] = {
    {1, "foundation", R"SQL(
CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
CREATE TABLE localities (
  id {{id}},
  name TEXT NOT NULL UNIQUE
);
CREATE TABLE users (
  id {{id}},
  email TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  job_title TEXT NOT NULL DEFAULT '',
  password_hash TEXT NOT NULL,
  team_id BIGINT,
  line_manager_id BIGINT REFERENCES users(id),
  active INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL
);
CREATE TABLE teams (
  id {{id}},
  name TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL DEFAULT '',
  locality_id BIGINT NOT NULL REFERENCES localities(id),
  manager_id BIGINT REFERENCES users(id)
);
CREATE TABLE user_roles (
  user_id BIGINT NOT NULL REFERENCES users(id),
  role TEXT NOT NULL,
  PRIMARY KEY (user_id, role)
);
CREATE TABLE sessions (
  id_hash TEXT PRIMARY KEY,
  user_id BIGINT NOT NULL REFERENCES users(id),
  csrf_token TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  last_seen_at BIGINT NOT NULL
);
CREATE INDEX sessions_user ON sessions(user_id);
CREATE TABLE api_tokens (
  id {{id}},
  user_id BIGINT NOT NULL REFERENCES users(id),
  token_hash TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL,
  revoked_at TEXT
);
CREATE TABLE sibling_groups (
  id {{id}},
  name TEXT NOT NULL
);
CREATE TABLE children (
  id {{id}},
  external_id TEXT NOT NULL UNIQUE,
  first_name TEXT NOT NULL,
  last_name TEXT NOT NULL,
  date_of_birth TEXT NOT NULL,
  gender TEXT NOT NULL DEFAULT '',
  ethnicity TEXT NOT NULL DEFAULT '',
  disability TEXT NOT NULL DEFAULT '',
  legal_status TEXT NOT NULL DEFAULT '',
  came_into_care TEXT,
  cp_plan_start TEXT,
  case_opened TEXT,
  allocated_worker_id BIGINT REFERENCES users(id),
  team_id BIGINT NOT NULL REFERENCES teams(id),
  sibling_group_id BIGINT REFERENCES sibling_groups(id)
);
CREATE INDEX children_team ON children(team_id);
CREATE INDEX children_siblings ON children(sibling_group_id);
CREATE TABLE requests (
  id {{id}},
  panel_id TEXT NOT NULL,
  state TEXT NOT NULL,
  request_type TEXT NOT NULL DEFAULT '',
  reason TEXT NOT NULL DEFAULT '',
  proposed_plan TEXT NOT NULL DEFAULT '',
  parallel_plan TEXT NOT NULL DEFAULT '',
  conference_call INTEGER NOT NULL DEFAULT 0,
  venue_preference TEXT NOT NULL DEFAULT '',
  approval_step INTEGER NOT NULL DEFAULT 0,
  author_id BIGINT NOT NULL REFERENCES users(id),
  team_id BIGINT NOT NULL REFERENCES teams(id),
  statutory_due TEXT,
  created_at TEXT NOT NULL,
  submitted_at TEXT,
  updated_at TEXT NOT NULL
);
CREATE INDEX requests_state ON requests(state, panel_id);
CREATE INDEX requests_author ON requests(author_id);
CREATE TABLE request_children (
  request_id BIGINT NOT NULL REFERENCES requests(id),
  child_id BIGINT NOT NULL REFERENCES children(id),
  PRIMARY KEY (request_id, child_id)
);
CREATE INDEX request_children_child ON request_children(child_id);
CREATE TABLE approvals (
  id {{id}},
  request_id BIGINT NOT NULL REFERENCES requests(id),
  step_id TEXT NOT NULL,
  approver_id BIGINT NOT NULL REFERENCES users(id),
  outcome TEXT NOT NULL,
  comments TEXT NOT NULL DEFAULT '',
  at TEXT NOT NULL
);
CREATE INDEX approvals_request ON approvals(request_id);
CREATE TABLE meetings (
  id {{id}},
  panel_id TEXT NOT NULL,
  sitting_date TEXT NOT NULL,
  starts_at TEXT NOT NULL,
  ends_at TEXT NOT NULL,
  venue_id TEXT NOT NULL DEFAULT '',
  room TEXT NOT NULL DEFAULT '',
  conference_details TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL,
  chair_id BIGINT REFERENCES users(id),
  minutes_authorised_at TEXT,
  UNIQUE (panel_id, starts_at)
);
CREATE INDEX meetings_date ON meetings(panel_id, sitting_date);
CREATE TABLE hearings (
  id {{id}},
  meeting_id BIGINT NOT NULL REFERENCES meetings(id),
  request_id BIGINT NOT NULL UNIQUE REFERENCES requests(id),
  starts_at TEXT NOT NULL,
  minutes INTEGER NOT NULL,
  status TEXT NOT NULL
);
CREATE INDEX hearings_meeting ON hearings(meeting_id, starts_at);
CREATE TABLE decisions (
  id {{id}},
  hearing_id BIGINT NOT NULL REFERENCES hearings(id),
  child_id BIGINT NOT NULL REFERENCES children(id),
  decision_type TEXT NOT NULL,
  summary TEXT NOT NULL,
  reasons TEXT NOT NULL,
  permanency_plan TEXT NOT NULL DEFAULT '',
  parallel_plan TEXT NOT NULL DEFAULT '',
  review_date TEXT,
  is_recommendation INTEGER NOT NULL DEFAULT 0,
  recorded_by BIGINT NOT NULL REFERENCES users(id),
  recorded_at TEXT NOT NULL,
  UNIQUE (hearing_id, child_id)
);
CREATE INDEX decisions_child ON decisions(child_id);
CREATE TABLE actions (
  id {{id}},
  decision_id BIGINT NOT NULL REFERENCES decisions(id),
  child_id BIGINT NOT NULL REFERENCES children(id),
  description TEXT NOT NULL,
  owner_id BIGINT NOT NULL REFERENCES users(id),
  due_date TEXT NOT NULL,
  status TEXT NOT NULL,
  escalation_level INTEGER NOT NULL DEFAULT 0,
  completed_at TEXT,
  created_at TEXT NOT NULL
);
CREATE INDEX actions_child ON actions(child_id);
CREATE INDEX actions_owner ON actions(owner_id, status);
CREATE TABLE audit_events (
  id {{id}},
  at TEXT NOT NULL,
  actor_id BIGINT,
  actor_role TEXT NOT NULL DEFAULT '',
  action TEXT NOT NULL,
  entity TEXT NOT NULL,
  entity_id TEXT NOT NULL DEFAULT '',
  detail TEXT NOT NULL DEFAULT '{}',
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
);
CREATE INDEX audit_entity ON audit_events(entity, entity_id);
CREATE TABLE outbox (
  id {{id}},
  created_at TEXT NOT NULL,
  recipient_id BIGINT REFERENCES users(id),
  recipient TEXT NOT NULL,
  subject TEXT NOT NULL,
  body TEXT NOT NULL,
  calendar TEXT,
  status TEXT NOT NULL DEFAULT 'pending',
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TEXT,
  sent_at TEXT,
  last_error TEXT
);
CREATE INDEX outbox_status ON outbox(status, next_attempt_at)
)SQL"},
    // Requests: the task list, both procedures' own fields, papers, and the
    // team managers' watch lists (issue 3).
    {2, "requests", R"SQL(
ALTER TABLE requests ADD COLUMN sections_done TEXT NOT NULL DEFAULT '';
ALTER TABLE requests ADD COLUMN came_into_care TEXT;
ALTER TABLE requests ADD COLUMN must_go_to_next_sitting INTEGER NOT NULL DEFAULT 0;
ALTER TABLE requests ADD COLUMN target_sitting_date TEXT;
ALTER TABLE requests ADD COLUMN missed_cutoff_date TEXT;
ALTER TABLE requests ADD COLUMN late_accepted_by BIGINT REFERENCES users(id);
ALTER TABLE requests ADD COLUMN late_accepted_at TEXT;
ALTER TABLE requests ADD COLUMN late_reason TEXT NOT NULL DEFAULT '';
ALTER TABLE requests ADD COLUMN three_way_date TEXT;
ALTER TABLE requests ADD COLUMN three_way_pm_id BIGINT REFERENCES users(id);
ALTER TABLE requests ADD COLUMN three_way_gm_id BIGINT REFERENCES users(id);
CREATE TABLE request_criteria (
  request_id BIGINT NOT NULL REFERENCES requests(id),
  criterion_id TEXT NOT NULL,
  PRIMARY KEY (request_id, criterion_id)
);
CREATE TABLE request_authorisations (
  id {{id}},
  request_id BIGINT NOT NULL REFERENCES requests(id),
  criterion_id TEXT NOT NULL,
  authorised_by BIGINT NOT NULL REFERENCES users(id),
  authorised_at TEXT NOT NULL,
  what TEXT NOT NULL,
  recorded_by BIGINT NOT NULL REFERENCES users(id),
  recorded_at TEXT NOT NULL,
  UNIQUE (request_id, criterion_id)
);
CREATE TABLE request_papers (
  id {{id}},
  request_id BIGINT NOT NULL REFERENCES requests(id),
  document_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  reason TEXT NOT NULL DEFAULT '',
  file_name TEXT NOT NULL DEFAULT '',
  stored_name TEXT NOT NULL DEFAULT '',
  media_type TEXT NOT NULL DEFAULT '',
  bytes BIGINT NOT NULL DEFAULT 0,
  sha256 TEXT NOT NULL DEFAULT '',
  added_by BIGINT NOT NULL REFERENCES users(id),
  added_at TEXT NOT NULL
);
CREATE INDEX request_papers_request ON request_papers(request_id, document_id);
CREATE TABLE child_discussions (
  id {{id}},
  child_id BIGINT NOT NULL REFERENCES children(id),
  criterion_id TEXT NOT NULL,
  discussed_on TEXT NOT NULL,
  outcome TEXT NOT NULL,
  arguments TEXT NOT NULL,
  request_id BIGINT REFERENCES requests(id),
  recorded_by BIGINT NOT NULL REFERENCES users(id),
  recorded_at TEXT NOT NULL
);
CREATE INDEX child_discussions_child ON child_discussions(child_id, criterion_id)
)SQL"},
    // Outbox delivery (docs/email.md): a row is claimed ('sending', claimed_at)
    // before the SMTP exchange and marked 'sent' or back to 'pending' after it;
    // a calendar part carries its iTIP method (REQUEST or CANCEL).
    {3, "outbox delivery", R"SQL(
ALTER TABLE outbox ADD COLUMN calendar_method TEXT;
ALTER TABLE outbox ADD COLUMN claimed_at TEXT
)SQL"},
    // Sittings: the coordinator's changes to the schedule, triage's referrals
    // for consultation, members and attendance, and the sequence numbers of
    // calendar invitations (issue 4).
    {4, "sittings", R"SQL(
ALTER TABLE meetings ADD COLUMN schedule_slot TEXT;
ALTER TABLE meetings ADD COLUMN proposed_date TEXT;
ALTER TABLE meetings ADD COLUMN cancel_reason TEXT NOT NULL DEFAULT '';
ALTER TABLE meetings ADD COLUMN published_at TEXT;
ALTER TABLE meetings ADD COLUMN invite_sequence INTEGER NOT NULL DEFAULT 0;
UPDATE meetings SET schedule_slot = starts_at;
CREATE INDEX meetings_slot ON meetings(panel_id, schedule_slot);
ALTER TABLE hearings ADD COLUMN invite_sequence INTEGER NOT NULL DEFAULT 0;
ALTER TABLE hearings ADD COLUMN chair_id BIGINT REFERENCES users(id);
CREATE TABLE meeting_members (
  meeting_id BIGINT NOT NULL REFERENCES meetings(id),
  user_id BIGINT NOT NULL REFERENCES users(id),
  role TEXT NOT NULL,
  attendance TEXT NOT NULL DEFAULT 'expected',
  PRIMARY KEY (meeting_id, user_id)
);
CREATE TABLE request_consultations (
  id {{id}},
  request_id BIGINT NOT NULL REFERENCES requests(id),
  consultation_id TEXT NOT NULL,
  note TEXT NOT NULL,
  referred_by BIGINT NOT NULL REFERENCES users(id),
  referred_at TEXT NOT NULL
);
CREATE INDEX request_consultations_request ON request_consultations(request_id)
)SQL"},
    // Who holds a role (a sitting's members and chairs, the approvers of a
    // step, the organiser of an invitation) was a scan of user_roles on every
    // agenda page: most of the sitting page's time (docs/benchmarks.md).
    {5, "roles index", R"SQL(
CREATE INDEX user_roles_role ON user_roles(role, user_id)
)SQL"},
    // Sign-in (security review items 3, 6, 8, 9, 10): failed sign-ins kept
    // for the throttle, where each session came from, API tokens that expire
    // with their last use and per-minute counts, and the second factor.
    // Tokens made before this have no expires_at: they expire 90 days after
    // created_at (store/sessions.cc).
    {6, "sign-in", R"SQL(
CREATE TABLE sign_in_failures (
  id {{id}},
  at TEXT NOT NULL,
  email TEXT NOT NULL,
  client_address TEXT NOT NULL
);
CREATE INDEX sign_in_failures_email ON sign_in_failures(email, at);
CREATE INDEX sign_in_failures_address ON sign_in_failures(client_address, at);
CREATE INDEX sign_in_failures_at ON sign_in_failures(at);
ALTER TABLE sessions ADD COLUMN client_address TEXT NOT NULL DEFAULT '';
CREATE INDEX sessions_last_seen ON sessions(last_seen_at);
CREATE TABLE pending_sign_ins (
  token_hash TEXT PRIMARY KEY,
  user_id BIGINT NOT NULL REFERENCES users(id),
  client_address TEXT NOT NULL,
  created_at BIGINT NOT NULL
);
ALTER TABLE api_tokens ADD COLUMN expires_at TEXT;
ALTER TABLE api_tokens ADD COLUMN last_used_at TEXT;
CREATE TABLE api_token_windows (
  token_id BIGINT NOT NULL REFERENCES api_tokens(id),
  window_start BIGINT NOT NULL,
  requests BIGINT NOT NULL,
  PRIMARY KEY (token_id, window_start)
);
CREATE TABLE two_factor (
  user_id BIGINT PRIMARY KEY REFERENCES users(id),
  secret TEXT NOT NULL,
  enabled_at TEXT,
  last_used_step BIGINT NOT NULL DEFAULT 0
);
CREATE TABLE recovery_codes (
  id {{id}},
  user_id BIGINT NOT NULL REFERENCES users(id),
  code_hash TEXT NOT NULL,
  used_at TEXT
);
CREATE INDEX recovery_codes_user ON recovery_codes(user_id)
)SQL"},
    // People and passwords (review finding 8, docs/people.md): single-use
    // set-password links (only the token's SHA-256 kept; 24 hours; a newer
    // link voids the older), and when a password was set and an account
    // disabled.
    {7, "people", R"SQL(
ALTER TABLE users ADD COLUMN password_changed_at TEXT;
ALTER TABLE users ADD COLUMN disabled_at TEXT;
CREATE TABLE password_links (
  id {{id}},
  user_id BIGINT NOT NULL REFERENCES users(id),
  token_hash TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  used_at TEXT,
  voided_at TEXT,
  created_by BIGINT REFERENCES users(id)
);
CREATE INDEX password_links_user ON password_links(user_id)
)SQL"},
    // A tamper-evident audit log (docs/audit.md): where each event came from,
    // whether it was done, refused or failed, and a keyed MAC chained to the
    // event before it. Rows written before this migration keep mac NULL and
    // are protected by the SHA-256 chain that the first keyed event's MAC
    // covers. The triggers make UPDATE and DELETE fail, so a bug or an
    // ordinary SQL session cannot rewrite history; someone who can drop the
    // triggers is caught by `casepanel audit verify` instead.
    {8, "audit evidence", R"SQL(
ALTER TABLE audit_events ADD COLUMN client_address TEXT NOT NULL DEFAULT '';
ALTER TABLE audit_events ADD COLUMN outcome TEXT NOT NULL DEFAULT 'done';
ALTER TABLE audit_events ADD COLUMN mac TEXT;
CREATE INDEX audit_actor ON audit_events(actor_id, id);
CREATE INDEX audit_action ON audit_events(action, id);
CREATE INDEX audit_at ON audit_events(at)
)SQL",
     R"SQL(
CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END;
CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END
)SQL",
     R"SQL(
CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $fn$ BEGIN RAISE EXCEPTION 'audit events are append-only'; END $fn$;
CREATE TRIGGER audit_events_no_change BEFORE UPDATE OR DELETE ON audit_events FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only()
)SQL"},
    // Least privilege (docs/access.md): the panels each coordinator and panel
    // administrator serves; a person with the role and no row serves none.
    {9, "panels served", R"SQL(
CREATE TABLE user_panels (
  user_id BIGINT NOT NULL REFERENCES users(id),
  panel_id TEXT NOT NULL,
  PRIMARY KEY (user_id, panel_id)
)
)SQL"},
    // One word for a panel's meeting, in the schema as in the code
    // (DESIGN.md, Domain model): meetings become sittings.
    {10, "sittings named", R"SQL(
ALTER TABLE meetings RENAME TO sittings;
ALTER TABLE meeting_members RENAME TO sitting_members;
ALTER TABLE hearings RENAME COLUMN meeting_id TO sitting_id;
ALTER TABLE sitting_members RENAME COLUMN meeting_id TO sitting_id;
DROP INDEX meetings_date;
CREATE INDEX sittings_date ON sittings(panel_id, sitting_date);
DROP INDEX meetings_slot;
CREATE INDEX sittings_slot ON sittings(panel_id, schedule_slot);
DROP INDEX hearings_meeting;
CREATE INDEX hearings_sitting ON hearings(sitting_id, starts_at)
)SQL"},
    // The panel day (issue 12). A decision record (one per child per
    // hearing: `decisions`) holds any number of decisions and outcomes, each
    // with its own text (decision_items); a recommendation waits for its
    // final decision on the item. Disagreements go to the role the panel
    // names; every decision is a significant event on the child's record (the
    // chronology and the API's change feed read the same rows). Minutes are
    // drafted, sent to the chair and authorised, then only added to. Seats
    // are the panel's [[members]], held by people.
    {11, "the panel day", kPanelDaySql},
    // After panel (issue 13, docs/after-panel.md). Actions are completed with
    // evidence (and, for a legal action, where the legal document is held)
    // or closed as not done with the reason; a timescale a decision starts
    // (the FGC referral) is an action of its kind. Each escalation step taken
    // is one row, whose key makes it happen once. A review date opens a
    // return to panel, closed by a progress update or a new hearing. Changes
    // of plan wait for their approver; managers note supervision.
    {12, "after panel", kAfterPanelSql},
    // Issue 14, item 8: an entry criterion the child's record does not bear
    // out (core/criterion_record.h) is sent only once its author confirms
    // that the record is out of date; approvers see the mark.
    {13, "criteria confirmed against the record", R"SQL(
ALTER TABLE request_criteria ADD COLUMN confirmed_against_record INTEGER NOT NULL DEFAULT 0
)SQL"},
    // Who was invited (issue 14, item 11): each invitation's calendar UID,
    // so that a cancellation goes to exactly those who were sent the
    // invitation. Rows queued before this migration get theirs from the
    // iCalendar text ("UID:sitting-42@casepanel" on a line of its own).
    {14, "invitations sent", R"SQL(
ALTER TABLE outbox ADD COLUMN calendar_uid TEXT;
CREATE INDEX outbox_calendar_uid ON outbox(calendar_uid)
)SQL",
     R"SQL(
UPDATE outbox SET calendar_uid = rtrim(substr(substr(calendar, instr(calendar, char(10) || 'UID:') + 5), 1, instr(substr(calendar, instr(calendar, char(10) || 'UID:') + 5) || char(10), char(10)) - 1), char(13)) WHERE calendar IS NOT NULL AND instr(calendar, char(10) || 'UID:') > 0
)SQL",
     R"SQL(
UPDATE outbox SET calendar_uid = substring(calendar from '\nUID:([^\r\n]*)') WHERE calendar IS NOT NULL
)SQL"},
    // Consultation answered (issue 14, item 4): the advice the person
    // consulted gives on a referral, who gave it and when; NULL while the
    // referral waits.
    {15, "consultation advice", R"SQL(
ALTER TABLE request_consultations ADD COLUMN advice TEXT;
ALTER TABLE request_consultations ADD COLUMN advised_by BIGINT REFERENCES users(id);
ALTER TABLE request_consultations ADD COLUMN advised_at TEXT
)SQL"},
    // The annual review at national scale (issue 16 §3): an index on each
    // column a measure is dated by.
    {16, "review indexes", kReviewIndexesSql},
    // The review's summary rows (issue 16 §3, store/report_summary.h): each
    // measure counted by day and key, kept by the transaction that changes
    // the rows it counts, so that a year's review reads thousands of rows
    // however many councils are hosted.
    {17, "review summary rows", kReportSummarySql, kReportSummarySqliteSql,
     kReportSummaryPostgresqlSql},
    // The annual review's timeliness (issue 16 §1): "submitted -> triaged ->
    // heard" needs the time the coordinator triaged a request.
    {18, "triaged", kTriagedSql},
    // The content version (issue 17, store/content_version.h): moved on by
    // every transaction that may change what a page shows, so that a page
    // kept in memory is served only while it is current.
    {19, "content version", R"SQL(
CREATE TABLE content_version (id INTEGER PRIMARY KEY CHECK (id = 1), n BIGINT NOT NULL);
INSERT INTO content_version (id, n) VALUES (1, 0)
)SQL"},
    // Migration 17's SQLite triggers again, so that an upsert's DO UPDATE on
    // a table they watch does not make them fail (schema_report_dirty.cc).
    {20, "summary triggers that never conflict", "", kReportDirtySqliteSql},
    // The lists behind the review's figures at national scale (issue 16 §3,
    // store::case_lines_summarised): a page read from the facts in order.
    {21, "facts by measure and day",
     "CREATE INDEX report_facts_measure_day ON report_facts(measure, day, request_id)"},
    // Migration 20's triggers in time linear in the rows a bulk change marks.
    {22, "summary triggers that look up what they mark", "", kReportDirtyLookupSqliteSql},
    // What a write presumed, checked in the server (schema_presumed.cc).
    {23, "presumed writes", "", nullptr, kPresumedWritesPostgresqlSql},
};

}  // namespace

std::span<const Migration> schema_history() { return {kMigrations, std::size(kMigrations)}; }

}  // namespace casepanel::store
