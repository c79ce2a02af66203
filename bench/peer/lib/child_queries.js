// The child's record: the queries of src/store/children.cc,
// src/store/decision_records.cc, src/store/significant_events.cc and
// src/store/relationships.cc, as casepanel's app::child_record runs them.
'use strict';

// src/store/children.cc
const SUMMARY_SELECT =
  "SELECT c.id, c.external_id, c.first_name || ' ' || c.last_name, c.date_of_birth, t.name, " +
  'c.legal_status, u.name';
const SUMMARY_FROM =
  ' FROM children c JOIN teams t ON t.id = c.team_id ' +
  'LEFT JOIN users u ON u.id = c.allocated_worker_id ';
const FIND_CHILD = SUMMARY_SELECT +
  ', c.gender, c.ethnicity, c.disability, c.came_into_care, ' +
  'c.cp_plan_start, c.case_opened, c.sibling_group_id' + SUMMARY_FROM + 'WHERE c.id = $1';
const SIBLINGS = SUMMARY_SELECT + SUMMARY_FROM +
  'WHERE c.sibling_group_id = $1 AND c.id <> $2 ORDER BY c.date_of_birth';
const CHILD_TEAM = 'SELECT team_id FROM children WHERE id = $1';
const REQUEST_HISTORY =
  'SELECT r.id, r.panel_id, r.request_type, r.state, r.created_at FROM requests r ' +
  'JOIN request_children rc ON rc.request_id = r.id WHERE rc.child_id = $1 ' +
  'ORDER BY r.created_at DESC, r.id DESC';
const HEARINGS =
  'SELECT m.id, m.panel_id, h.starts_at, m.venue_id, h.request_id FROM hearings h ' +
  'JOIN sittings m ON m.id = h.sitting_id JOIN request_children rc ' +
  'ON rc.request_id = h.request_id WHERE rc.child_id = $1 ORDER BY h.starts_at DESC';
const ACTIONS =
  'SELECT a.id, a.description, u.name, a.due_date, a.status FROM actions a ' +
  'JOIN users u ON u.id = a.owner_id WHERE a.child_id = $1 ORDER BY a.due_date DESC';
const DISCUSSIONS =
  'SELECT d.id, d.criterion_id, d.discussed_on, d.outcome, ' +
  'd.arguments, u.name FROM child_discussions d JOIN users u ON ' +
  'u.id = d.recorded_by WHERE d.child_id = $1 ' +
  'ORDER BY d.discussed_on DESC, d.id DESC';

// src/store/significant_events.cc
const EVENTS =
  'SELECT e.id, e.child_id, e.decision_id, e.item_id, e.kind, e.summary, u.name, ' +
  'e.recorded_at, s.panel_id, c.team_id FROM significant_events e ' +
  'JOIN users u ON u.id = e.recorded_by JOIN children c ON c.id = e.child_id ' +
  'JOIN decisions d ON d.id = e.decision_id JOIN hearings h ON h.id = d.hearing_id ' +
  'JOIN sittings s ON s.id = h.sitting_id ' + 'WHERE e.child_id = $1 ORDER BY e.id DESC';

// src/store/decision_records.cc
const RECORD_COLUMNS =
  "d.id, d.hearing_id, d.child_id, c.first_name || ' ' || c.last_name, " +
  'c.date_of_birth, s.id, s.panel_id, s.sitting_date, d.reasons, d.permanency_plan, ' +
  'd.permanency_timeframe, d.permanency_owner_id, pu.name, d.parallel_plan, ' +
  'd.parallel_timeframe, d.parallel_owner_id, qu.name, d.review_date, ru.name, ' +
  "d.recorded_at, COALESCE(cu.name, ''), d.corrected_at";
const RECORD_FROM =
  ' FROM decisions d ' +
  'JOIN children c ON c.id = d.child_id JOIN hearings h ON h.id = d.hearing_id ' +
  'JOIN sittings s ON s.id = h.sitting_id JOIN users ru ON ru.id = d.recorded_by ' +
  'LEFT JOIN users pu ON pu.id = d.permanency_owner_id ' +
  'LEFT JOIN users qu ON qu.id = d.parallel_owner_id ' +
  'LEFT JOIN users cu ON cu.id = d.corrected_by ';
const CHILD_RECORDS = 'SELECT ' + RECORD_COLUMNS + RECORD_FROM +
  'WHERE d.child_id = $1 ORDER BY s.sitting_date DESC, d.id DESC';
const ITEM_COLUMNS =
  'i.id, i.kind, i.option_id, i.detail, i.final_role, i.final_status, i.final_detail, ' +
  "i.final_reasons, COALESCE(fu.name, ''), i.final_at";
const placeholders = (from, n) =>
  Array.from({ length: n }, (_, i) => `$${from + i}`).join(', ');
const itemsSql = (n) => 'SELECT i.decision_id, ' + ITEM_COLUMNS +
  ' FROM decision_items i LEFT JOIN users fu ON fu.id = ' +
  'i.final_by WHERE i.removed_at IS NULL AND i.decision_id IN (' + placeholders(1, n) +
  ') ORDER BY i.kind, i.id';
const actionsSql = (n) =>
  'SELECT a.decision_id, a.id, a.description, a.owner_id, u.name, a.due_date, ' +
  'a.status FROM actions a JOIN users u ON u.id = a.owner_id WHERE a.decision_id ' +
  'IN (' + placeholders(1, n) + ') ORDER BY a.due_date, a.id';
const disagreementsSql = (n) =>
  'SELECT i.decision_id, g.id, g.item_id, mu.name, g.why, bu.name, g.recorded_at, ' +
  "g.resolve_role, g.agreed_outcome, COALESCE(g.agreed_reasons, ''), " +
  "COALESCE(au.name, ''), g.resolved_at FROM disagreements g " +
  'JOIN decision_items i ON i.id = g.item_id JOIN users mu ON mu.id = g.member_id ' +
  'JOIN users bu ON bu.id = g.recorded_by LEFT JOIN users au ON au.id = g.resolved_by ' +
  'WHERE i.decision_id IN (' + placeholders(1, n) + ') ORDER BY g.id';

// src/store/relationships.cc
const CHAIN =
  'WITH RECURSIVE chain(id) AS (' +
  '  SELECT CAST($1 AS BIGINT)' +
  '  UNION SELECT u.id FROM users u JOIN chain c ON u.line_manager_id = c.id) ';
const LINE_TEAMS = CHAIN +
  'SELECT DISTINCT team_id FROM users WHERE team_id IS NOT NULL' +
  ' AND id IN (SELECT id FROM chain)' +
  ' UNION SELECT id FROM teams WHERE manager_id IN ' +
  '(SELECT id FROM chain)';
const PANELS_SERVED = 'SELECT panel_id FROM user_panels WHERE user_id = $1 ORDER BY panel_id';
const CHILD_REQUESTS =
  'SELECT r.id, r.panel_id, r.state, r.author_id, r.team_id ' +
  'FROM requests r JOIN request_children rc ON rc.request_id = r.id ' +
  'WHERE rc.child_id = $1';

const summary = (r) => ({
  id: r[0], external_id: r[1], name: r[2], date_of_birth: r[3], team: r[4],
  legal_status: r[5], allocated_worker: r[6] ?? '',
});

const plan = (r, i) => ({ plan_id: r[i], timeframe: r[i + 1], owner: r[i + 3] ?? '' });

function decisionRecords(store, childId) {
  const records = store.all(CHILD_RECORDS, [childId]).map((r) => ({
    id: r[0], hearing_id: r[1], child_id: r[2], child: r[3], child_born: r[4],
    sitting_id: r[5], panel_id: r[6], sitting_date: r[7], reasons: r[8],
    permanency: plan(r, 9), parallel: plan(r, 13), review_date: r[17], recorded_by: r[18],
    recorded_at: r[19], corrected_by: r[20], corrected_at: r[21],
    items: [], actions: [], disagreements: [],
  }));
  if (records.length === 0) return records;
  const byId = new Map(records.map((d) => [d.id, d]));
  const ids = records.map((d) => d.id);
  for (const r of store.all(itemsSql(ids.length), ids)) {
    byId.get(r[0]).items.push({
      id: r[1], kind: r[2], option_id: r[3], detail: r[4], final_role: r[5],
      final_status: r[6], final_detail: r[7], final_reasons: r[8], final_by: r[9],
      final_at: r[10],
    });
  }
  for (const r of store.all(actionsSql(ids.length), ids)) {
    byId.get(r[0]).actions.push({ id: r[1], description: r[2], owner: r[4], due: r[5],
      status: r[6] });
  }
  for (const r of store.all(disagreementsSql(ids.length), ids)) {
    byId.get(r[0]).disagreements.push({
      id: r[1], item_id: r[2], member: r[3], why: r[4], recorded_by: r[5], recorded_at: r[6],
      resolve_role: r[7], agreed_outcome: r[8], agreed_reasons: r[9], resolved_by: r[10],
      resolved_at: r[11],
    });
  }
  return records;
}

module.exports = {
  findChild: (store, id) => {
    const r = store.one(FIND_CHILD, [id]);
    return r && { summary: summary(r), gender: r[7], ethnicity: r[8], disability: r[9],
      came_into_care: r[10], cp_plan_start: r[11], case_opened: r[12], sibling_group_id: r[13] };
  },
  siblings: (store, group, id) => store.all(SIBLINGS, [group, id]).map(summary),
  childTeam: (store, id) => store.one(CHILD_TEAM, [id])?.[0],
  requestHistory: (store, id) => store.all(REQUEST_HISTORY, [id]),
  hearings: (store, id) => store.all(HEARINGS, [id]),
  actions: (store, id) => store.all(ACTIONS, [id]),
  discussions: (store, id) => store.all(DISCUSSIONS, [id]),
  events: (store, id) => store.all(EVENTS, [id]),
  decisionRecords,
  lineTeams: (store, userId) => store.all(LINE_TEAMS, [userId]).map((r) => r[0]),
  panelsServed: (store, userId) => store.all(PANELS_SERVED, [userId]).map((r) => r[0]),
  childRequests: (store, id) => store.all(CHILD_REQUESTS, [id]),
};
