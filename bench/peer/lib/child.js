// The child page: casepanel's app::child_record (src/app/children.cc) and
// what web::record (src/web/pages_children.cc) and web::record_data
// (src/web/decision_parts.cc) hand the templates.
'use strict';

const q = require('./child_queries');
const { may, relevant, permitted } = require('./policy');
const { longDate, londonLongDate, londonHhMm, atTimeOn, utcLongDate } = require('./dates');

const STATE_LABELS = {
  draft: 'Draft', awaiting_approval: 'Awaiting approval', submitted: 'Submitted',
  scheduled: 'Scheduled', heard: 'Heard', decided: 'Decided', closed: 'Closed',
  declined: 'Declined', withdrawn: 'Withdrawn',
};
const EVENT_KINDS = {
  decision: 'Decision', outcome: 'Outcome', recommendation: 'Recommendation',
  final_decision: 'Final decision', agreed_outcome: 'Agreed outcome', correction: 'Correction',
  return_closed: 'Return to panel closed', change_of_plan: 'Change of plan',
};
const actionStatusWords = (id) => (id === 'not_done' ? 'not done' : id);

// app::child_relationships. The on_agenda relationship (chairs and members of
// a published agenda) is not worked out here: it is refused (not_on_agenda).
function childRelationships(store, actor, childId) {
  const wanted = relevant(actor.roles, 'child_record');
  const out = new Set();
  if (wanted.size === 0 || wanted.has('any')) return out;
  if (wanted.has('own_line')) {
    const team = q.childTeam(store, childId);
    const mine = team !== undefined && q.lineTeams(store, actor.id).includes(team);
    out.add(mine ? 'own_line' : 'other_team');
  }
  if (wanted.has('panel_served')) {
    const panels = q.panelsServed(store, actor.id);
    for (const [, panelId, state] of q.childRequests(store, childId)) {
      if (state !== 'draft' && state !== 'awaiting_approval' && panels.includes(panelId)) {
        out.add('panel_served');
      }
    }
  }
  if (wanted.has('on_agenda')) out.add('not_on_agenda');
  return out;
}

const childRow = (c) => ({
  id: String(c.id), external_id: c.external_id, name: c.name,
  date_of_birth: longDate(c.date_of_birth), team: c.team, legal_status: c.legal_status,
  allocated_worker: c.allocated_worker,
});

function planData(panels, panelId, p) {
  if (!p.plan_id) return null;
  const label = panels.permanencyPlan(panelId, p.plan_id);
  return { label, timeframe: p.timeframe, owner: p.owner };
}

// app::item_view and web::item_data
function itemData(panels, d, it) {
  const who = it.final_role ? panels.roleTitle(d.panel_id, it.final_role) : '';
  const at = it.final_at ? ' ' + atTimeOn(it.final_at) : '';
  const label = panels.itemLabel(d.panel_id, it.kind, it.option_id);
  const finalLine = {
    awaiting: `Awaiting the ${who}'s final decision`,
    agreed: `Recommendation agreed by the ${who}, ${it.final_by}${at}`,
    otherwise: `The ${who}, ${it.final_by}, decided otherwise${at}`,
  }[it.final_status] || '';
  const disagreements = d.disagreements.filter((g) => g.item_id === it.id).map((g) => {
    const resolved = g.agreed_outcome !== null;
    const title = panels.roleTitle(d.panel_id, g.resolve_role);
    return {
      id: String(g.id), member: g.member, why: g.why,
      recorded: `Recorded by ${g.recorded_by} ${atTimeOn(g.recorded_at)}`, resolved,
      waiting_for: resolved ? '' : `Awaiting the ${title}`,
      agreed_outcome: g.agreed_outcome ?? '', agreed_reasons: resolved ? g.agreed_reasons : '',
      resolved_line: resolved ? `Agreed with the ${title} by ${g.resolved_by}` +
        (g.resolved_at ? ' ' + atTimeOn(g.resolved_at) : '') : '',
    };
  });
  return {
    id: String(it.id), label, term: it.kind === 'outcome' ? 'Outcome: ' + label : label,
    detail: it.detail, final_line: finalLine, is_awaiting: it.final_status === 'awaiting',
    otherwise: it.final_status === 'otherwise', final_detail: it.final_detail,
    final_reasons: it.final_reasons, disagreements,
    awaiting: it.final_status === 'awaiting' || disagreements.some((g) => !g.resolved),
  };
}

// app::record_view and web::record_data, with the child page's links
// (sitting shown, change of plan when the actor may).
function recordData(panels, d, mayChangePlan) {
  const items = d.items.map((it) => itemData(panels, d, it));
  // The decisions, then the outcomes (the query orders by kind, then id).
  const ordered = [...items.filter((_, i) => d.items[i].kind === 'decision'),
    ...items.filter((_, i) => d.items[i].kind !== 'decision')];
  return {
    id: String(d.id), child: d.child, child_born: 'born ' + longDate(d.child_born),
    panel: panels.name(d.panel_id), date: longDate(d.sitting_date), show_child: false,
    show_sitting: true, items: ordered, reasons: d.reasons,
    permanency: planData(panels, d.panel_id, d.permanency),
    parallel: planData(panels, d.panel_id, d.parallel),
    review_date: d.review_date ? longDate(d.review_date) : '',
    actions: d.actions.map((a) => ({ description: a.description, owner: a.owner,
      due: longDate(a.due), status: actionStatusWords(a.status) })),
    recorded: `Recorded by ${d.recorded_by} ${atTimeOn(d.recorded_at)}`,
    corrected: d.corrected_at ? `Corrected by ${d.corrected_by} ${atTimeOn(d.corrected_at)}` : '',
    record_awaiting: items.some((it) => it.awaiting),
    can_change_plan: mayChangePlan && panels.offersPlanChange(d.panel_id),
  };
}

function readRecord(store, panels, actor, childId) {
  if (!permitted(actor.roles, 'view_children') ||
      !may(actor.roles, childRelationships(store, actor, childId), 'child_record', 'read')) {
    return null;
  }
  const found = q.findChild(store, childId);
  if (!found) return null;
  const d = childRow(found.summary);
  Object.assign(d, { gender: found.gender, ethnicity: found.ethnicity,
    disability: found.disability, came_into_care: longDate(found.came_into_care || ''),
    cp_plan_start: longDate(found.cp_plan_start || ''),
    case_opened: longDate(found.case_opened || '') });
  d.siblings = found.sibling_group_id !== null
    ? q.siblings(store, found.sibling_group_id, childId).map(childRow) : [];
  d.requests = q.requestHistory(store, childId).map((r) => ({
    id: String(r[0]), panel: panels.name(r[1]), request_type: panels.requestTypeLabel(r[1], r[2]),
    state_label: STATE_LABELS[r[3]], created_at: utcLongDate(r[4]) }));
  d.hearings = q.hearings(store, childId).map((h) => ({
    panel: panels.name(h[1]), date: londonLongDate(h[2]), start: londonHhMm(h[2]),
    venue: panels.venueName(h[1], h[3]), request_id: String(h[4]) }));
  const records = q.decisionRecords(store, childId);
  d.events = q.events(store, childId).map((e) => ({
    date: londonLongDate(e[7]), kind: EVENT_KINDS[e[4]] || 'Decision', summary: e[5],
    recorded_by: e[6] }));
  d.actions = q.actions(store, childId).map((a) => ({
    description: a[1], owner: a[2], due_date: longDate(a[3]), status: actionStatusWords(a[4]) }));
  d.discussions = q.discussions(store, childId).map((x) => ({
    criterion: panels.watchedCriterionLabel(x[1]), discussed_on: longDate(x[2]),
    outcome: x[3] === 'refer' ? 'Take to panel' : 'Not to panel now', arguments: x[4],
    recorded_by: x[5] }));
  const team = q.childTeam(store, childId);
  const mayChangePlan = team !== undefined &&
    ['social_worker', 'practice_manager', 'group_manager'].some((r) => actor.roles.has(r)) &&
    q.lineTeams(store, actor.id).includes(team);
  d.records = records.map((r) => recordData(panels, r, mayChangePlan));
  if (permitted(actor.roles, 'draft_request')) {
    d.can_request = true;
    d.child_id = d.id;
    d.panels = panels.all().map((p) => ({ id: p.id, name: p.name }));
  }
  return d;
}

// The record, read in a read transaction, or null (not found or out of scope).
function childRecord(store, panels, actor, childId) {
  return store.read(() => readRecord(store, panels, actor, childId));
}

module.exports = { childRecord };
