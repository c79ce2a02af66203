// The panel configuration (config/panels/*.toml), read as casepanel reads it,
// for the names and labels the pages show: panel and venue names, request
// types, decision and outcome options, permanency plans and role titles.
'use strict';

const fs = require('fs');
const path = require('path');
const { parse } = require('smol-toml');

// core::role_title: the generic titles, where a panel names none.
const ROLE_TITLES = {
  social_worker: 'Social worker', practice_manager: 'Practice manager',
  group_manager: 'Group manager', coordinator: 'Coordinator',
  panel_admin: 'Panel administrator', chair: 'Chair', member: 'Panel member',
  assistant_director: 'Assistant director', auditor: 'Auditor', admin: 'System administrator',
};

// core: a seat's id when the file gives none: its label in lower case, runs of
// other characters as one "_" ("Group Manager: Fostering" -> "group_manager_fostering").
function seatIdFrom(label) {
  let id = '';
  for (const c of label) {
    if (/[a-z0-9]/.test(c)) id += c;
    else if (/[A-Z]/.test(c)) id += c.toLowerCase();
    else if (id !== '' && !id.endsWith('_')) id += '_';
  }
  return id.replace(/_+$/, '').slice(0, 60);
}

// The panel's seats as core::read_members makes them.
function seatsOf(p) {
  return (p.members || []).map((m) => ({
    id: m.id || seatIdFrom(m.label), role: m.role, label: m.label,
    counts_to_quorum: m.counts_to_quorum ?? (m.role !== 'panel_admin' && m.role !== 'coordinator'),
    as_relevant: Boolean(m.as_relevant),
  }));
}

const labelOf = (list, id) => (list || []).find((c) => c.id === id)?.label;

class Panels {
  constructor(dir) {
    // casepanel's PanelRegistry keeps the files in name order.
    this.list = fs.readdirSync(dir).filter((f) => f.endsWith('.toml')).sort()
      .map((f) => parse(fs.readFileSync(path.join(dir, f), 'utf8')));
    this.byId = new Map(this.list.map((p) => [p.id, p]));
    for (const p of this.list) p.seats = seatsOf(p);
  }

  all() { return this.list; }
  find(id) { return this.byId.get(id); }
  name(id) { return this.byId.get(id)?.name ?? id; }

  venueName(panelId, venueId) {
    const p = this.byId.get(panelId);
    return (p && (p.venues || []).find((v) => v.id === venueId)?.name) ?? venueId;
  }

  // app::request_type_label
  requestTypeLabel(panelId, type) {
    const p = this.byId.get(panelId);
    if (!p) return type;
    return labelOf(p.request_types, type) ?? `${p.name} request`;
  }

  // app::item_label
  itemLabel(panelId, kind, optionId) {
    const p = this.byId.get(panelId);
    if (!p) return optionId;
    return labelOf(kind === 'decision' ? p.decisions : p.outcomes, optionId) ?? optionId;
  }

  permanencyPlan(panelId, planId) {
    return labelOf(this.byId.get(panelId)?.permanency?.plans, planId) ?? planId;
  }

  roleTitle(panelId, role) {
    return this.byId.get(panelId)?.role_titles?.[role] ?? ROLE_TITLES[role] ?? role;
  }

  offersPlanChange(panelId) {
    return Boolean(this.byId.get(panelId)?.after_panel?.change_of_plan_approval_by);
  }

  // app::child_discussions: the label of a watched entry criterion.
  watchedCriterionLabel(id) {
    let label = id;
    for (const p of this.list) {
      for (const c of p.entry_criteria || []) {
        if (c.after_months && c.id === id) label = c.label;
      }
    }
    return label;
  }
}

module.exports = { Panels };
