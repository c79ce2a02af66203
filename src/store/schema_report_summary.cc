// Migration 17, the review's summary rows: see the comment on it in
// schema_history.cc and store/report_summary.h. Released migrations never
// change.
#include "store/schema_parts.h"

namespace casepanel::store {

// report_dirty: the requests whose rows a transaction changed, filled by the
// triggers below and emptied before the transaction commits
// (report_summary::refresh). report_facts: what each request adds to each
// measure, by day and key, so that its old share can be taken off again.
// report_delta: the refresh's working rows. report_counts (below, each
// engine's: WITHOUT ROWID on SQLite): the measures' counts by day and key
// for each panel and for the whole service (panel ""); a group manager's
// teams are read from the facts, by the index on the team. A measure is its
// place in store/reports_measures.cc's list (the summary is made again when
// that list changes). key_past is the key once the day has passed (an open
// action becomes overdue; in the facts NULL, in the counts "", where it is
// key_now); only_past marks a row counted only once its day has passed (a
// statutory hearing not held). A count that falls to 0 is kept (reads skip
// it): n is in no index, so that PostgreSQL updates a count in place (a
// partial index on n = 0 made every update a new index entry, and after the
// national copies a refresh took 190 ms instead of 20). The last three
// indexes serve the triggers.
const char kReportSummarySql[] = R"SQL(
CREATE TABLE report_dirty (request_id BIGINT PRIMARY KEY);
CREATE TABLE report_facts (
  request_id BIGINT NOT NULL,
  measure INTEGER NOT NULL,
  panel_id TEXT NOT NULL,
  team_id BIGINT NOT NULL,
  day TEXT NOT NULL,
  key_now TEXT NOT NULL,
  key_past TEXT,
  only_past INTEGER NOT NULL,
  n BIGINT NOT NULL
);
CREATE INDEX report_facts_request ON report_facts(request_id);
CREATE INDEX report_facts_team ON report_facts(team_id, measure, day);
CREATE TABLE report_delta (
  measure INTEGER NOT NULL,
  panel_id TEXT NOT NULL,
  day TEXT NOT NULL,
  key_now TEXT NOT NULL,
  key_past TEXT NOT NULL,
  only_past INTEGER NOT NULL,
  n BIGINT NOT NULL
);
CREATE TABLE report_summary_state (id INTEGER PRIMARY KEY, signature TEXT NOT NULL);
CREATE INDEX requests_team ON requests(team_id);
CREATE INDEX panel_returns_request ON panel_returns(request_id);
CREATE INDEX teams_locality ON teams(locality_id)
)SQL";

// Which requests a changed row belongs to, for every table a measure reads
// (store/reports_measures.cc): a hearing's also names the requests whose
// return to panel it held and, through its decisions' children, every
// request a child was decided in (heard again within 12 months); a child's,
// team's, locality's or sitting's only when a column a measure reads
// changes. SQLite: a trigger a row; PostgreSQL: a trigger a statement, over
// its transition tables.
const char kReportSummarySqliteSql[] = R"SQL(
CREATE TABLE report_counts (
  measure INTEGER NOT NULL,
  panel_id TEXT NOT NULL,
  day TEXT NOT NULL,
  key_now TEXT NOT NULL,
  key_past TEXT NOT NULL,
  only_past INTEGER NOT NULL,
  n BIGINT NOT NULL,
  PRIMARY KEY (measure, panel_id, day, key_now, key_past, only_past)
) WITHOUT ROWID;
CREATE TRIGGER report_dirty_requests_insert AFTER INSERT ON requests BEGIN INSERT OR IGNORE INTO report_dirty (request_id) SELECT x.id FROM (SELECT NEW.id AS id) x; END;
CREATE TRIGGER report_dirty_requests_update AFTER UPDATE ON requests BEGIN INSERT OR IGNORE INTO report_dirty (request_id) SELECT x.id FROM (SELECT NEW.id AS id) x; END;
CREATE TRIGGER report_dirty_requests_delete AFTER DELETE ON requests BEGIN INSERT OR IGNORE INTO report_dirty (request_id) SELECT x.id FROM (SELECT OLD.id AS id) x; END;
CREATE TRIGGER report_dirty_request_criteria_insert AFTER INSERT ON request_criteria BEGIN INSERT OR IGNORE INTO report_dirty (request_id) SELECT x.request_id FROM (SELECT NEW.request_id AS request_id) x; END;
CREATE TRIGGER report_dirty_request_criteria_update AFTER UPDATE ON request_criteria BEGIN INSERT OR IGNORE INTO report_dirty (request_id) SELECT x.request_id FROM (SELECT NEW.request_id AS request_id) x; INSERT OR IGNORE INTO report_dirty (request_id) SELECT x.request_id FROM (SELECT OLD.request_id AS request_id) x; END;
CREATE TRIGGER report_dirty_request_criteria_delete AFTER DELETE ON request_criteria BEGIN INSERT OR IGNORE INTO report_dirty (request_id) SELECT x.request_id FROM (SELECT OLD.request_id AS request_id) x; END;
CREATE TRIGGER report_dirty_request_children_insert AFTER INSERT ON request_children BEGIN INSERT OR IGNORE INTO report_dirty (request_id) SELECT x.request_id FROM (SELECT NEW.request_id AS request_id) x; END;
CREATE TRIGGER report_dirty_request_children_update AFTER UPDATE ON request_children BEGIN INSERT OR IGNORE INTO report_dirty (request_id) SELECT x.request_id FROM (SELECT NEW.request_id AS request_id) x; INSERT OR IGNORE INTO report_dirty (request_id) SELECT x.request_id FROM (SELECT OLD.request_id AS request_id) x; END;
CREATE TRIGGER report_dirty_request_children_delete AFTER DELETE ON request_children BEGIN INSERT OR IGNORE INTO report_dirty (request_id) SELECT x.request_id FROM (SELECT OLD.request_id AS request_id) x; END;
CREATE TRIGGER report_dirty_children_update AFTER UPDATE OF date_of_birth, gender, ethnicity, disability ON children BEGIN INSERT OR IGNORE INTO report_dirty (request_id) SELECT rc.request_id FROM (SELECT NEW.id AS id) x JOIN request_children rc ON rc.child_id = x.id UNION SELECT h.request_id FROM (SELECT NEW.id AS id) x JOIN decisions d ON d.child_id = x.id JOIN hearings h ON h.id = d.hearing_id; END;
CREATE TRIGGER report_dirty_teams_update AFTER UPDATE OF name, locality_id ON teams BEGIN INSERT OR IGNORE INTO report_dirty (request_id) SELECT r.id FROM (SELECT NEW.id AS id) x JOIN requests r ON r.team_id = x.id; END;
CREATE TRIGGER report_dirty_localities_update AFTER UPDATE OF name ON localities BEGIN INSERT OR IGNORE INTO report_dirty (request_id) SELECT r.id FROM (SELECT NEW.id AS id) x JOIN teams t ON t.locality_id = x.id JOIN requests r ON r.team_id = t.id; END;
CREATE TRIGGER report_dirty_hearings_insert AFTER INSERT ON hearings BEGIN INSERT OR IGNORE INTO report_dirty (request_id) SELECT x.request_id FROM (SELECT NEW.id AS id, NEW.request_id AS request_id) x UNION SELECT h.request_id FROM (SELECT NEW.id AS id, NEW.request_id AS request_id) x JOIN panel_returns pr ON pr.request_id = x.request_id JOIN decisions d ON d.id = pr.decision_id JOIN hearings h ON h.id = d.hearing_id UNION SELECT h.request_id FROM (SELECT NEW.id AS id, NEW.request_id AS request_id) x JOIN decisions d ON d.hearing_id = x.id JOIN decisions d2 ON d2.child_id = d.child_id JOIN hearings h ON h.id = d2.hearing_id; END;
CREATE TRIGGER report_dirty_hearings_update AFTER UPDATE ON hearings BEGIN INSERT OR IGNORE INTO report_dirty (request_id) SELECT x.request_id FROM (SELECT NEW.id AS id, NEW.request_id AS request_id) x UNION SELECT h.request_id FROM (SELECT NEW.id AS id, NEW.request_id AS request_id) x JOIN panel_returns pr ON pr.request_id = x.request_id JOIN decisions d ON d.id = pr.decision_id JOIN hearings h ON h.id = d.hearing_id UNION SELECT h.request_id FROM (SELECT NEW.id AS id, NEW.request_id AS request_id) x JOIN decisions d ON d.hearing_id = x.id JOIN decisions d2 ON d2.child_id = d.child_id JOIN hearings h ON h.id = d2.hearing_id; INSERT OR IGNORE INTO report_dirty (request_id) SELECT x.request_id FROM (SELECT OLD.id AS id, OLD.request_id AS request_id) x UNION SELECT h.request_id FROM (SELECT OLD.id AS id, OLD.request_id AS request_id) x JOIN panel_returns pr ON pr.request_id = x.request_id JOIN decisions d ON d.id = pr.decision_id JOIN hearings h ON h.id = d.hearing_id UNION SELECT h.request_id FROM (SELECT OLD.id AS id, OLD.request_id AS request_id) x JOIN decisions d ON d.hearing_id = x.id JOIN decisions d2 ON d2.child_id = d.child_id JOIN hearings h ON h.id = d2.hearing_id; END;
CREATE TRIGGER report_dirty_hearings_delete AFTER DELETE ON hearings BEGIN INSERT OR IGNORE INTO report_dirty (request_id) SELECT x.request_id FROM (SELECT OLD.id AS id, OLD.request_id AS request_id) x UNION SELECT h.request_id FROM (SELECT OLD.id AS id, OLD.request_id AS request_id) x JOIN panel_returns pr ON pr.request_id = x.request_id JOIN decisions d ON d.id = pr.decision_id JOIN hearings h ON h.id = d.hearing_id UNION SELECT h.request_id FROM (SELECT OLD.id AS id, OLD.request_id AS request_id) x JOIN decisions d ON d.hearing_id = x.id JOIN decisions d2 ON d2.child_id = d.child_id JOIN hearings h ON h.id = d2.hearing_id; END;
CREATE TRIGGER report_dirty_sittings_update AFTER UPDATE OF sitting_date, minutes_authorised_at ON sittings BEGIN INSERT OR IGNORE INTO report_dirty (request_id) SELECT x.request_id FROM (SELECT h0.id, h0.request_id FROM (SELECT NEW.id AS id) x0 JOIN hearings h0 ON h0.sitting_id = x0.id) x UNION SELECT h.request_id FROM (SELECT h0.id, h0.request_id FROM (SELECT NEW.id AS id) x0 JOIN hearings h0 ON h0.sitting_id = x0.id) x JOIN panel_returns pr ON pr.request_id = x.request_id JOIN decisions d ON d.id = pr.decision_id JOIN hearings h ON h.id = d.hearing_id UNION SELECT h.request_id FROM (SELECT h0.id, h0.request_id FROM (SELECT NEW.id AS id) x0 JOIN hearings h0 ON h0.sitting_id = x0.id) x JOIN decisions d ON d.hearing_id = x.id JOIN decisions d2 ON d2.child_id = d.child_id JOIN hearings h ON h.id = d2.hearing_id; END;
CREATE TRIGGER report_dirty_decisions_insert AFTER INSERT ON decisions BEGIN INSERT OR IGNORE INTO report_dirty (request_id) SELECT h.request_id FROM (SELECT NEW.id AS id, NEW.hearing_id AS hearing_id, NEW.child_id AS child_id) x JOIN hearings h ON h.id = x.hearing_id UNION SELECT h.request_id FROM (SELECT NEW.id AS id, NEW.hearing_id AS hearing_id, NEW.child_id AS child_id) x JOIN decisions d2 ON d2.child_id = x.child_id JOIN hearings h ON h.id = d2.hearing_id; END;
CREATE TRIGGER report_dirty_decisions_update AFTER UPDATE ON decisions BEGIN INSERT OR IGNORE INTO report_dirty (request_id) SELECT h.request_id FROM (SELECT NEW.id AS id, NEW.hearing_id AS hearing_id, NEW.child_id AS child_id) x JOIN hearings h ON h.id = x.hearing_id UNION SELECT h.request_id FROM (SELECT NEW.id AS id, NEW.hearing_id AS hearing_id, NEW.child_id AS child_id) x JOIN decisions d2 ON d2.child_id = x.child_id JOIN hearings h ON h.id = d2.hearing_id; INSERT OR IGNORE INTO report_dirty (request_id) SELECT h.request_id FROM (SELECT OLD.id AS id, OLD.hearing_id AS hearing_id, OLD.child_id AS child_id) x JOIN hearings h ON h.id = x.hearing_id UNION SELECT h.request_id FROM (SELECT OLD.id AS id, OLD.hearing_id AS hearing_id, OLD.child_id AS child_id) x JOIN decisions d2 ON d2.child_id = x.child_id JOIN hearings h ON h.id = d2.hearing_id; END;
CREATE TRIGGER report_dirty_decisions_delete AFTER DELETE ON decisions BEGIN INSERT OR IGNORE INTO report_dirty (request_id) SELECT h.request_id FROM (SELECT OLD.id AS id, OLD.hearing_id AS hearing_id, OLD.child_id AS child_id) x JOIN hearings h ON h.id = x.hearing_id UNION SELECT h.request_id FROM (SELECT OLD.id AS id, OLD.hearing_id AS hearing_id, OLD.child_id AS child_id) x JOIN decisions d2 ON d2.child_id = x.child_id JOIN hearings h ON h.id = d2.hearing_id; END;
CREATE TRIGGER report_dirty_decision_items_insert AFTER INSERT ON decision_items BEGIN INSERT OR IGNORE INTO report_dirty (request_id) SELECT h.request_id FROM (SELECT NEW.decision_id AS decision_id) x JOIN decisions d ON d.id = x.decision_id JOIN hearings h ON h.id = d.hearing_id; END;
CREATE TRIGGER report_dirty_decision_items_update AFTER UPDATE ON decision_items BEGIN INSERT OR IGNORE INTO report_dirty (request_id) SELECT h.request_id FROM (SELECT NEW.decision_id AS decision_id) x JOIN decisions d ON d.id = x.decision_id JOIN hearings h ON h.id = d.hearing_id; INSERT OR IGNORE INTO report_dirty (request_id) SELECT h.request_id FROM (SELECT OLD.decision_id AS decision_id) x JOIN decisions d ON d.id = x.decision_id JOIN hearings h ON h.id = d.hearing_id; END;
CREATE TRIGGER report_dirty_decision_items_delete AFTER DELETE ON decision_items BEGIN INSERT OR IGNORE INTO report_dirty (request_id) SELECT h.request_id FROM (SELECT OLD.decision_id AS decision_id) x JOIN decisions d ON d.id = x.decision_id JOIN hearings h ON h.id = d.hearing_id; END;
CREATE TRIGGER report_dirty_disagreements_insert AFTER INSERT ON disagreements BEGIN INSERT OR IGNORE INTO report_dirty (request_id) SELECT h.request_id FROM (SELECT NEW.item_id AS item_id) x JOIN decision_items di ON di.id = x.item_id JOIN decisions d ON d.id = di.decision_id JOIN hearings h ON h.id = d.hearing_id; END;
CREATE TRIGGER report_dirty_disagreements_update AFTER UPDATE ON disagreements BEGIN INSERT OR IGNORE INTO report_dirty (request_id) SELECT h.request_id FROM (SELECT NEW.item_id AS item_id) x JOIN decision_items di ON di.id = x.item_id JOIN decisions d ON d.id = di.decision_id JOIN hearings h ON h.id = d.hearing_id; INSERT OR IGNORE INTO report_dirty (request_id) SELECT h.request_id FROM (SELECT OLD.item_id AS item_id) x JOIN decision_items di ON di.id = x.item_id JOIN decisions d ON d.id = di.decision_id JOIN hearings h ON h.id = d.hearing_id; END;
CREATE TRIGGER report_dirty_disagreements_delete AFTER DELETE ON disagreements BEGIN INSERT OR IGNORE INTO report_dirty (request_id) SELECT h.request_id FROM (SELECT OLD.item_id AS item_id) x JOIN decision_items di ON di.id = x.item_id JOIN decisions d ON d.id = di.decision_id JOIN hearings h ON h.id = d.hearing_id; END;
CREATE TRIGGER report_dirty_plan_changes_insert AFTER INSERT ON plan_changes BEGIN INSERT OR IGNORE INTO report_dirty (request_id) SELECT h.request_id FROM (SELECT NEW.decision_id AS decision_id) x JOIN decisions d ON d.id = x.decision_id JOIN hearings h ON h.id = d.hearing_id; END;
CREATE TRIGGER report_dirty_plan_changes_update AFTER UPDATE ON plan_changes BEGIN INSERT OR IGNORE INTO report_dirty (request_id) SELECT h.request_id FROM (SELECT NEW.decision_id AS decision_id) x JOIN decisions d ON d.id = x.decision_id JOIN hearings h ON h.id = d.hearing_id; INSERT OR IGNORE INTO report_dirty (request_id) SELECT h.request_id FROM (SELECT OLD.decision_id AS decision_id) x JOIN decisions d ON d.id = x.decision_id JOIN hearings h ON h.id = d.hearing_id; END;
CREATE TRIGGER report_dirty_plan_changes_delete AFTER DELETE ON plan_changes BEGIN INSERT OR IGNORE INTO report_dirty (request_id) SELECT h.request_id FROM (SELECT OLD.decision_id AS decision_id) x JOIN decisions d ON d.id = x.decision_id JOIN hearings h ON h.id = d.hearing_id; END;
CREATE TRIGGER report_dirty_actions_insert AFTER INSERT ON actions BEGIN INSERT OR IGNORE INTO report_dirty (request_id) SELECT h.request_id FROM (SELECT NEW.decision_id AS decision_id) x JOIN decisions d ON d.id = x.decision_id JOIN hearings h ON h.id = d.hearing_id; END;
CREATE TRIGGER report_dirty_actions_update AFTER UPDATE ON actions BEGIN INSERT OR IGNORE INTO report_dirty (request_id) SELECT h.request_id FROM (SELECT NEW.decision_id AS decision_id) x JOIN decisions d ON d.id = x.decision_id JOIN hearings h ON h.id = d.hearing_id; INSERT OR IGNORE INTO report_dirty (request_id) SELECT h.request_id FROM (SELECT OLD.decision_id AS decision_id) x JOIN decisions d ON d.id = x.decision_id JOIN hearings h ON h.id = d.hearing_id; END;
CREATE TRIGGER report_dirty_actions_delete AFTER DELETE ON actions BEGIN INSERT OR IGNORE INTO report_dirty (request_id) SELECT h.request_id FROM (SELECT OLD.decision_id AS decision_id) x JOIN decisions d ON d.id = x.decision_id JOIN hearings h ON h.id = d.hearing_id; END;
CREATE TRIGGER report_dirty_escalations_insert AFTER INSERT ON escalations BEGIN INSERT OR IGNORE INTO report_dirty (request_id) SELECT h.request_id FROM (SELECT NEW.action_id AS action_id) x JOIN actions a ON a.id = x.action_id JOIN decisions d ON d.id = a.decision_id JOIN hearings h ON h.id = d.hearing_id; END;
CREATE TRIGGER report_dirty_escalations_update AFTER UPDATE ON escalations BEGIN INSERT OR IGNORE INTO report_dirty (request_id) SELECT h.request_id FROM (SELECT NEW.action_id AS action_id) x JOIN actions a ON a.id = x.action_id JOIN decisions d ON d.id = a.decision_id JOIN hearings h ON h.id = d.hearing_id; INSERT OR IGNORE INTO report_dirty (request_id) SELECT h.request_id FROM (SELECT OLD.action_id AS action_id) x JOIN actions a ON a.id = x.action_id JOIN decisions d ON d.id = a.decision_id JOIN hearings h ON h.id = d.hearing_id; END;
CREATE TRIGGER report_dirty_escalations_delete AFTER DELETE ON escalations BEGIN INSERT OR IGNORE INTO report_dirty (request_id) SELECT h.request_id FROM (SELECT OLD.action_id AS action_id) x JOIN actions a ON a.id = x.action_id JOIN decisions d ON d.id = a.decision_id JOIN hearings h ON h.id = d.hearing_id; END;
CREATE TRIGGER report_dirty_panel_returns_insert AFTER INSERT ON panel_returns BEGIN INSERT OR IGNORE INTO report_dirty (request_id) SELECT h.request_id FROM (SELECT NEW.decision_id AS decision_id) x JOIN decisions d ON d.id = x.decision_id JOIN hearings h ON h.id = d.hearing_id; END;
CREATE TRIGGER report_dirty_panel_returns_update AFTER UPDATE ON panel_returns BEGIN INSERT OR IGNORE INTO report_dirty (request_id) SELECT h.request_id FROM (SELECT NEW.decision_id AS decision_id) x JOIN decisions d ON d.id = x.decision_id JOIN hearings h ON h.id = d.hearing_id; INSERT OR IGNORE INTO report_dirty (request_id) SELECT h.request_id FROM (SELECT OLD.decision_id AS decision_id) x JOIN decisions d ON d.id = x.decision_id JOIN hearings h ON h.id = d.hearing_id; END;
CREATE TRIGGER report_dirty_panel_returns_delete AFTER DELETE ON panel_returns BEGIN INSERT OR IGNORE INTO report_dirty (request_id) SELECT h.request_id FROM (SELECT OLD.decision_id AS decision_id) x JOIN decisions d ON d.id = x.decision_id JOIN hearings h ON h.id = d.hearing_id; END
)SQL";

const char kReportSummaryPostgresqlSql[] = R"SQL(
CREATE TABLE report_counts (
  measure INTEGER NOT NULL,
  panel_id TEXT NOT NULL,
  day TEXT NOT NULL,
  key_now TEXT NOT NULL,
  key_past TEXT NOT NULL,
  only_past INTEGER NOT NULL,
  n BIGINT NOT NULL,
  PRIMARY KEY (measure, panel_id, day, key_now, key_past, only_past)
);
CREATE FUNCTION report_dirty_requests() RETURNS trigger LANGUAGE plpgsql AS $fn$ BEGIN IF TG_OP <> 'DELETE' THEN INSERT INTO report_dirty (request_id) SELECT x.id FROM nt x ON CONFLICT DO NOTHING; END IF; IF TG_OP = 'DELETE' THEN INSERT INTO report_dirty (request_id) SELECT x.id FROM ot x ON CONFLICT DO NOTHING; END IF; RETURN NULL; END $fn$;
CREATE TRIGGER report_dirty_requests_insert AFTER INSERT ON requests REFERENCING NEW TABLE AS nt FOR EACH STATEMENT EXECUTE FUNCTION report_dirty_requests();
CREATE TRIGGER report_dirty_requests_update AFTER UPDATE ON requests REFERENCING OLD TABLE AS ot NEW TABLE AS nt FOR EACH STATEMENT EXECUTE FUNCTION report_dirty_requests();
CREATE TRIGGER report_dirty_requests_delete AFTER DELETE ON requests REFERENCING OLD TABLE AS ot FOR EACH STATEMENT EXECUTE FUNCTION report_dirty_requests();
CREATE FUNCTION report_dirty_request_criteria() RETURNS trigger LANGUAGE plpgsql AS $fn$ BEGIN IF TG_OP <> 'DELETE' THEN INSERT INTO report_dirty (request_id) SELECT x.request_id FROM nt x ON CONFLICT DO NOTHING; END IF; IF TG_OP <> 'INSERT' THEN INSERT INTO report_dirty (request_id) SELECT x.request_id FROM ot x ON CONFLICT DO NOTHING; END IF; RETURN NULL; END $fn$;
CREATE TRIGGER report_dirty_request_criteria_insert AFTER INSERT ON request_criteria REFERENCING NEW TABLE AS nt FOR EACH STATEMENT EXECUTE FUNCTION report_dirty_request_criteria();
CREATE TRIGGER report_dirty_request_criteria_update AFTER UPDATE ON request_criteria REFERENCING OLD TABLE AS ot NEW TABLE AS nt FOR EACH STATEMENT EXECUTE FUNCTION report_dirty_request_criteria();
CREATE TRIGGER report_dirty_request_criteria_delete AFTER DELETE ON request_criteria REFERENCING OLD TABLE AS ot FOR EACH STATEMENT EXECUTE FUNCTION report_dirty_request_criteria();
CREATE FUNCTION report_dirty_request_children() RETURNS trigger LANGUAGE plpgsql AS $fn$ BEGIN IF TG_OP <> 'DELETE' THEN INSERT INTO report_dirty (request_id) SELECT x.request_id FROM nt x ON CONFLICT DO NOTHING; END IF; IF TG_OP <> 'INSERT' THEN INSERT INTO report_dirty (request_id) SELECT x.request_id FROM ot x ON CONFLICT DO NOTHING; END IF; RETURN NULL; END $fn$;
CREATE TRIGGER report_dirty_request_children_insert AFTER INSERT ON request_children REFERENCING NEW TABLE AS nt FOR EACH STATEMENT EXECUTE FUNCTION report_dirty_request_children();
CREATE TRIGGER report_dirty_request_children_update AFTER UPDATE ON request_children REFERENCING OLD TABLE AS ot NEW TABLE AS nt FOR EACH STATEMENT EXECUTE FUNCTION report_dirty_request_children();
CREATE TRIGGER report_dirty_request_children_delete AFTER DELETE ON request_children REFERENCING OLD TABLE AS ot FOR EACH STATEMENT EXECUTE FUNCTION report_dirty_request_children();
CREATE FUNCTION report_dirty_children() RETURNS trigger LANGUAGE plpgsql AS $fn$ BEGIN INSERT INTO report_dirty (request_id) SELECT rc.request_id FROM (SELECT n.id FROM nt n JOIN ot o ON o.id = n.id WHERE n.date_of_birth IS DISTINCT FROM o.date_of_birth OR n.gender IS DISTINCT FROM o.gender OR n.ethnicity IS DISTINCT FROM o.ethnicity OR n.disability IS DISTINCT FROM o.disability) x JOIN request_children rc ON rc.child_id = x.id UNION SELECT h.request_id FROM (SELECT n.id FROM nt n JOIN ot o ON o.id = n.id WHERE n.date_of_birth IS DISTINCT FROM o.date_of_birth OR n.gender IS DISTINCT FROM o.gender OR n.ethnicity IS DISTINCT FROM o.ethnicity OR n.disability IS DISTINCT FROM o.disability) x JOIN decisions d ON d.child_id = x.id JOIN hearings h ON h.id = d.hearing_id ON CONFLICT DO NOTHING; RETURN NULL; END $fn$;
CREATE TRIGGER report_dirty_children_update AFTER UPDATE ON children REFERENCING OLD TABLE AS ot NEW TABLE AS nt FOR EACH STATEMENT EXECUTE FUNCTION report_dirty_children();
CREATE FUNCTION report_dirty_teams() RETURNS trigger LANGUAGE plpgsql AS $fn$ BEGIN INSERT INTO report_dirty (request_id) SELECT r.id FROM (SELECT n.id FROM nt n JOIN ot o ON o.id = n.id WHERE n.name IS DISTINCT FROM o.name OR n.locality_id IS DISTINCT FROM o.locality_id) x JOIN requests r ON r.team_id = x.id ON CONFLICT DO NOTHING; RETURN NULL; END $fn$;
CREATE TRIGGER report_dirty_teams_update AFTER UPDATE ON teams REFERENCING OLD TABLE AS ot NEW TABLE AS nt FOR EACH STATEMENT EXECUTE FUNCTION report_dirty_teams();
CREATE FUNCTION report_dirty_localities() RETURNS trigger LANGUAGE plpgsql AS $fn$ BEGIN INSERT INTO report_dirty (request_id) SELECT r.id FROM (SELECT n.id FROM nt n JOIN ot o ON o.id = n.id WHERE n.name IS DISTINCT FROM o.name) x JOIN teams t ON t.locality_id = x.id JOIN requests r ON r.team_id = t.id ON CONFLICT DO NOTHING; RETURN NULL; END $fn$;
CREATE TRIGGER report_dirty_localities_update AFTER UPDATE ON localities REFERENCING OLD TABLE AS ot NEW TABLE AS nt FOR EACH STATEMENT EXECUTE FUNCTION report_dirty_localities();
CREATE FUNCTION report_dirty_hearings() RETURNS trigger LANGUAGE plpgsql AS $fn$ BEGIN IF TG_OP <> 'DELETE' THEN INSERT INTO report_dirty (request_id) SELECT x.request_id FROM nt x UNION SELECT h.request_id FROM nt x JOIN panel_returns pr ON pr.request_id = x.request_id JOIN decisions d ON d.id = pr.decision_id JOIN hearings h ON h.id = d.hearing_id UNION SELECT h.request_id FROM nt x JOIN decisions d ON d.hearing_id = x.id JOIN decisions d2 ON d2.child_id = d.child_id JOIN hearings h ON h.id = d2.hearing_id ON CONFLICT DO NOTHING; END IF; IF TG_OP <> 'INSERT' THEN INSERT INTO report_dirty (request_id) SELECT x.request_id FROM ot x UNION SELECT h.request_id FROM ot x JOIN panel_returns pr ON pr.request_id = x.request_id JOIN decisions d ON d.id = pr.decision_id JOIN hearings h ON h.id = d.hearing_id UNION SELECT h.request_id FROM ot x JOIN decisions d ON d.hearing_id = x.id JOIN decisions d2 ON d2.child_id = d.child_id JOIN hearings h ON h.id = d2.hearing_id ON CONFLICT DO NOTHING; END IF; RETURN NULL; END $fn$;
CREATE TRIGGER report_dirty_hearings_insert AFTER INSERT ON hearings REFERENCING NEW TABLE AS nt FOR EACH STATEMENT EXECUTE FUNCTION report_dirty_hearings();
CREATE TRIGGER report_dirty_hearings_update AFTER UPDATE ON hearings REFERENCING OLD TABLE AS ot NEW TABLE AS nt FOR EACH STATEMENT EXECUTE FUNCTION report_dirty_hearings();
CREATE TRIGGER report_dirty_hearings_delete AFTER DELETE ON hearings REFERENCING OLD TABLE AS ot FOR EACH STATEMENT EXECUTE FUNCTION report_dirty_hearings();
CREATE FUNCTION report_dirty_sittings() RETURNS trigger LANGUAGE plpgsql AS $fn$ BEGIN INSERT INTO report_dirty (request_id) SELECT x.request_id FROM (SELECT h0.id, h0.request_id FROM (SELECT n.id FROM nt n JOIN ot o ON o.id = n.id WHERE n.sitting_date IS DISTINCT FROM o.sitting_date OR n.minutes_authorised_at IS DISTINCT FROM o.minutes_authorised_at) x0 JOIN hearings h0 ON h0.sitting_id = x0.id) x UNION SELECT h.request_id FROM (SELECT h0.id, h0.request_id FROM (SELECT n.id FROM nt n JOIN ot o ON o.id = n.id WHERE n.sitting_date IS DISTINCT FROM o.sitting_date OR n.minutes_authorised_at IS DISTINCT FROM o.minutes_authorised_at) x0 JOIN hearings h0 ON h0.sitting_id = x0.id) x JOIN panel_returns pr ON pr.request_id = x.request_id JOIN decisions d ON d.id = pr.decision_id JOIN hearings h ON h.id = d.hearing_id UNION SELECT h.request_id FROM (SELECT h0.id, h0.request_id FROM (SELECT n.id FROM nt n JOIN ot o ON o.id = n.id WHERE n.sitting_date IS DISTINCT FROM o.sitting_date OR n.minutes_authorised_at IS DISTINCT FROM o.minutes_authorised_at) x0 JOIN hearings h0 ON h0.sitting_id = x0.id) x JOIN decisions d ON d.hearing_id = x.id JOIN decisions d2 ON d2.child_id = d.child_id JOIN hearings h ON h.id = d2.hearing_id ON CONFLICT DO NOTHING; RETURN NULL; END $fn$;
CREATE TRIGGER report_dirty_sittings_update AFTER UPDATE ON sittings REFERENCING OLD TABLE AS ot NEW TABLE AS nt FOR EACH STATEMENT EXECUTE FUNCTION report_dirty_sittings();
CREATE FUNCTION report_dirty_decisions() RETURNS trigger LANGUAGE plpgsql AS $fn$ BEGIN IF TG_OP <> 'DELETE' THEN INSERT INTO report_dirty (request_id) SELECT h.request_id FROM nt x JOIN hearings h ON h.id = x.hearing_id UNION SELECT h.request_id FROM nt x JOIN decisions d2 ON d2.child_id = x.child_id JOIN hearings h ON h.id = d2.hearing_id ON CONFLICT DO NOTHING; END IF; IF TG_OP <> 'INSERT' THEN INSERT INTO report_dirty (request_id) SELECT h.request_id FROM ot x JOIN hearings h ON h.id = x.hearing_id UNION SELECT h.request_id FROM ot x JOIN decisions d2 ON d2.child_id = x.child_id JOIN hearings h ON h.id = d2.hearing_id ON CONFLICT DO NOTHING; END IF; RETURN NULL; END $fn$;
CREATE TRIGGER report_dirty_decisions_insert AFTER INSERT ON decisions REFERENCING NEW TABLE AS nt FOR EACH STATEMENT EXECUTE FUNCTION report_dirty_decisions();
CREATE TRIGGER report_dirty_decisions_update AFTER UPDATE ON decisions REFERENCING OLD TABLE AS ot NEW TABLE AS nt FOR EACH STATEMENT EXECUTE FUNCTION report_dirty_decisions();
CREATE TRIGGER report_dirty_decisions_delete AFTER DELETE ON decisions REFERENCING OLD TABLE AS ot FOR EACH STATEMENT EXECUTE FUNCTION report_dirty_decisions();
CREATE FUNCTION report_dirty_decision_items() RETURNS trigger LANGUAGE plpgsql AS $fn$ BEGIN IF TG_OP <> 'DELETE' THEN INSERT INTO report_dirty (request_id) SELECT h.request_id FROM nt x JOIN decisions d ON d.id = x.decision_id JOIN hearings h ON h.id = d.hearing_id ON CONFLICT DO NOTHING; END IF; IF TG_OP <> 'INSERT' THEN INSERT INTO report_dirty (request_id) SELECT h.request_id FROM ot x JOIN decisions d ON d.id = x.decision_id JOIN hearings h ON h.id = d.hearing_id ON CONFLICT DO NOTHING; END IF; RETURN NULL; END $fn$;
CREATE TRIGGER report_dirty_decision_items_insert AFTER INSERT ON decision_items REFERENCING NEW TABLE AS nt FOR EACH STATEMENT EXECUTE FUNCTION report_dirty_decision_items();
CREATE TRIGGER report_dirty_decision_items_update AFTER UPDATE ON decision_items REFERENCING OLD TABLE AS ot NEW TABLE AS nt FOR EACH STATEMENT EXECUTE FUNCTION report_dirty_decision_items();
CREATE TRIGGER report_dirty_decision_items_delete AFTER DELETE ON decision_items REFERENCING OLD TABLE AS ot FOR EACH STATEMENT EXECUTE FUNCTION report_dirty_decision_items();
CREATE FUNCTION report_dirty_disagreements() RETURNS trigger LANGUAGE plpgsql AS $fn$ BEGIN IF TG_OP <> 'DELETE' THEN INSERT INTO report_dirty (request_id) SELECT h.request_id FROM nt x JOIN decision_items di ON di.id = x.item_id JOIN decisions d ON d.id = di.decision_id JOIN hearings h ON h.id = d.hearing_id ON CONFLICT DO NOTHING; END IF; IF TG_OP <> 'INSERT' THEN INSERT INTO report_dirty (request_id) SELECT h.request_id FROM ot x JOIN decision_items di ON di.id = x.item_id JOIN decisions d ON d.id = di.decision_id JOIN hearings h ON h.id = d.hearing_id ON CONFLICT DO NOTHING; END IF; RETURN NULL; END $fn$;
CREATE TRIGGER report_dirty_disagreements_insert AFTER INSERT ON disagreements REFERENCING NEW TABLE AS nt FOR EACH STATEMENT EXECUTE FUNCTION report_dirty_disagreements();
CREATE TRIGGER report_dirty_disagreements_update AFTER UPDATE ON disagreements REFERENCING OLD TABLE AS ot NEW TABLE AS nt FOR EACH STATEMENT EXECUTE FUNCTION report_dirty_disagreements();
CREATE TRIGGER report_dirty_disagreements_delete AFTER DELETE ON disagreements REFERENCING OLD TABLE AS ot FOR EACH STATEMENT EXECUTE FUNCTION report_dirty_disagreements();
CREATE FUNCTION report_dirty_plan_changes() RETURNS trigger LANGUAGE plpgsql AS $fn$ BEGIN IF TG_OP <> 'DELETE' THEN INSERT INTO report_dirty (request_id) SELECT h.request_id FROM nt x JOIN decisions d ON d.id = x.decision_id JOIN hearings h ON h.id = d.hearing_id ON CONFLICT DO NOTHING; END IF; IF TG_OP <> 'INSERT' THEN INSERT INTO report_dirty (request_id) SELECT h.request_id FROM ot x JOIN decisions d ON d.id = x.decision_id JOIN hearings h ON h.id = d.hearing_id ON CONFLICT DO NOTHING; END IF; RETURN NULL; END $fn$;
CREATE TRIGGER report_dirty_plan_changes_insert AFTER INSERT ON plan_changes REFERENCING NEW TABLE AS nt FOR EACH STATEMENT EXECUTE FUNCTION report_dirty_plan_changes();
CREATE TRIGGER report_dirty_plan_changes_update AFTER UPDATE ON plan_changes REFERENCING OLD TABLE AS ot NEW TABLE AS nt FOR EACH STATEMENT EXECUTE FUNCTION report_dirty_plan_changes();
CREATE TRIGGER report_dirty_plan_changes_delete AFTER DELETE ON plan_changes REFERENCING OLD TABLE AS ot FOR EACH STATEMENT EXECUTE FUNCTION report_dirty_plan_changes();
CREATE FUNCTION report_dirty_actions() RETURNS trigger LANGUAGE plpgsql AS $fn$ BEGIN IF TG_OP <> 'DELETE' THEN INSERT INTO report_dirty (request_id) SELECT h.request_id FROM nt x JOIN decisions d ON d.id = x.decision_id JOIN hearings h ON h.id = d.hearing_id ON CONFLICT DO NOTHING; END IF; IF TG_OP <> 'INSERT' THEN INSERT INTO report_dirty (request_id) SELECT h.request_id FROM ot x JOIN decisions d ON d.id = x.decision_id JOIN hearings h ON h.id = d.hearing_id ON CONFLICT DO NOTHING; END IF; RETURN NULL; END $fn$;
CREATE TRIGGER report_dirty_actions_insert AFTER INSERT ON actions REFERENCING NEW TABLE AS nt FOR EACH STATEMENT EXECUTE FUNCTION report_dirty_actions();
CREATE TRIGGER report_dirty_actions_update AFTER UPDATE ON actions REFERENCING OLD TABLE AS ot NEW TABLE AS nt FOR EACH STATEMENT EXECUTE FUNCTION report_dirty_actions();
CREATE TRIGGER report_dirty_actions_delete AFTER DELETE ON actions REFERENCING OLD TABLE AS ot FOR EACH STATEMENT EXECUTE FUNCTION report_dirty_actions();
CREATE FUNCTION report_dirty_escalations() RETURNS trigger LANGUAGE plpgsql AS $fn$ BEGIN IF TG_OP <> 'DELETE' THEN INSERT INTO report_dirty (request_id) SELECT h.request_id FROM nt x JOIN actions a ON a.id = x.action_id JOIN decisions d ON d.id = a.decision_id JOIN hearings h ON h.id = d.hearing_id ON CONFLICT DO NOTHING; END IF; IF TG_OP <> 'INSERT' THEN INSERT INTO report_dirty (request_id) SELECT h.request_id FROM ot x JOIN actions a ON a.id = x.action_id JOIN decisions d ON d.id = a.decision_id JOIN hearings h ON h.id = d.hearing_id ON CONFLICT DO NOTHING; END IF; RETURN NULL; END $fn$;
CREATE TRIGGER report_dirty_escalations_insert AFTER INSERT ON escalations REFERENCING NEW TABLE AS nt FOR EACH STATEMENT EXECUTE FUNCTION report_dirty_escalations();
CREATE TRIGGER report_dirty_escalations_update AFTER UPDATE ON escalations REFERENCING OLD TABLE AS ot NEW TABLE AS nt FOR EACH STATEMENT EXECUTE FUNCTION report_dirty_escalations();
CREATE TRIGGER report_dirty_escalations_delete AFTER DELETE ON escalations REFERENCING OLD TABLE AS ot FOR EACH STATEMENT EXECUTE FUNCTION report_dirty_escalations();
CREATE FUNCTION report_dirty_panel_returns() RETURNS trigger LANGUAGE plpgsql AS $fn$ BEGIN IF TG_OP <> 'DELETE' THEN INSERT INTO report_dirty (request_id) SELECT h.request_id FROM nt x JOIN decisions d ON d.id = x.decision_id JOIN hearings h ON h.id = d.hearing_id ON CONFLICT DO NOTHING; END IF; IF TG_OP <> 'INSERT' THEN INSERT INTO report_dirty (request_id) SELECT h.request_id FROM ot x JOIN decisions d ON d.id = x.decision_id JOIN hearings h ON h.id = d.hearing_id ON CONFLICT DO NOTHING; END IF; RETURN NULL; END $fn$;
CREATE TRIGGER report_dirty_panel_returns_insert AFTER INSERT ON panel_returns REFERENCING NEW TABLE AS nt FOR EACH STATEMENT EXECUTE FUNCTION report_dirty_panel_returns();
CREATE TRIGGER report_dirty_panel_returns_update AFTER UPDATE ON panel_returns REFERENCING OLD TABLE AS ot NEW TABLE AS nt FOR EACH STATEMENT EXECUTE FUNCTION report_dirty_panel_returns();
CREATE TRIGGER report_dirty_panel_returns_delete AFTER DELETE ON panel_returns REFERENCING OLD TABLE AS ot FOR EACH STATEMENT EXECUTE FUNCTION report_dirty_panel_returns()
)SQL";

}  // namespace casepanel::store
