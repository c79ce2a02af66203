// The access policy, copied row for row from casepanel's src/core/access.cc
// (kPolicy and kPermissions): [role, relationship, resource, grant].
'use strict';

const POLICY = [
  ['social_worker', 'own_line', 'child_record', 'read'],
  ['social_worker', 'author', 'draft_request', 'change'],
  ['social_worker', 'author', 'request', 'read'],
  ['social_worker', 'own_line', 'request', 'read'],
  ['social_worker', 'author', 'papers', 'read'],
  ['social_worker', 'own_line', 'papers', 'read'],
  ['practice_manager', 'own_line', 'child_record', 'change'],
  ['practice_manager', 'author', 'draft_request', 'change'],
  ['practice_manager', 'own_line', 'draft_request', 'change'],
  ['practice_manager', 'author', 'request', 'read'],
  ['practice_manager', 'own_line', 'request', 'read'],
  ['practice_manager', 'author', 'papers', 'read'],
  ['practice_manager', 'own_line', 'papers', 'read'],
  ['group_manager', 'own_line', 'child_record', 'change'],
  ['group_manager', 'author', 'draft_request', 'change'],
  ['group_manager', 'own_line', 'draft_request', 'change'],
  ['group_manager', 'author', 'request', 'read'],
  ['group_manager', 'own_line', 'request', 'read'],
  ['group_manager', 'author', 'papers', 'read'],
  ['group_manager', 'own_line', 'papers', 'read'],
  ['practice_manager', 'on_agenda', 'sitting', 'read'],
  ['practice_manager', 'on_agenda', 'request', 'read'],
  ['practice_manager', 'on_agenda', 'papers', 'read'],
  ['practice_manager', 'on_agenda', 'child_record', 'read'],
  ['group_manager', 'on_agenda', 'sitting', 'read'],
  ['group_manager', 'on_agenda', 'request', 'read'],
  ['group_manager', 'on_agenda', 'papers', 'read'],
  ['group_manager', 'on_agenda', 'child_record', 'read'],
  ['coordinator', 'panel_served', 'child_record', 'read'],
  ['coordinator', 'panel_served', 'request', 'change'],
  ['coordinator', 'panel_served', 'papers', 'read'],
  ['coordinator', 'panel_served', 'triage', 'change'],
  ['coordinator', 'panel_served', 'sitting', 'change'],
  ['panel_admin', 'panel_served', 'child_record', 'read'],
  ['panel_admin', 'panel_served', 'request', 'read'],
  ['panel_admin', 'panel_served', 'papers', 'read'],
  ['panel_admin', 'panel_served', 'sitting', 'read'],
  ['panel_admin', 'panel_served', 'decision', 'change'],
  ['panel_admin', 'panel_served', 'minutes', 'change'],
  ['coordinator', 'panel_served', 'minutes', 'change'],
  ['chair', 'on_agenda', 'minutes', 'read'],
  ['member', 'on_agenda', 'minutes', 'read'],
  ['practice_manager', 'on_agenda', 'minutes', 'read'],
  ['group_manager', 'on_agenda', 'minutes', 'read'],
  ['assistant_director', 'on_agenda', 'minutes', 'read'],
  ['chair', 'on_agenda', 'sitting', 'read'],
  ['chair', 'on_agenda', 'request', 'read'],
  ['chair', 'on_agenda', 'papers', 'read'],
  ['chair', 'on_agenda', 'child_record', 'read'],
  ['member', 'on_agenda', 'sitting', 'read'],
  ['member', 'on_agenda', 'request', 'read'],
  ['member', 'on_agenda', 'papers', 'read'],
  ['member', 'on_agenda', 'child_record', 'read'],
  ['assistant_director', 'on_agenda', 'sitting', 'read'],
  ['assistant_director', 'on_agenda', 'request', 'read'],
  ['assistant_director', 'on_agenda', 'papers', 'read'],
  ['assistant_director', 'on_agenda', 'child_record', 'read'],
  ['social_worker', 'author', 'follow_up', 'change'],
  ['social_worker', 'own_line', 'follow_up', 'read'],
  ['practice_manager', 'author', 'follow_up', 'change'],
  ['practice_manager', 'own_line', 'follow_up', 'change'],
  ['group_manager', 'author', 'follow_up', 'change'],
  ['group_manager', 'own_line', 'follow_up', 'change'],
  ['coordinator', 'panel_served', 'follow_up', 'change'],
  ['panel_admin', 'panel_served', 'follow_up', 'change'],
  ['member', 'consulted', 'consultation', 'change'],
  ['member', 'consulted', 'request', 'read'],
  ['member', 'consulted', 'papers', 'read'],
  ['chair', 'consulted', 'consultation', 'change'],
  ['chair', 'consulted', 'request', 'read'],
  ['chair', 'consulted', 'papers', 'read'],
  ['practice_manager', 'consulted', 'consultation', 'change'],
  ['practice_manager', 'consulted', 'request', 'read'],
  ['practice_manager', 'consulted', 'papers', 'read'],
  ['group_manager', 'consulted', 'consultation', 'change'],
  ['group_manager', 'consulted', 'request', 'read'],
  ['group_manager', 'consulted', 'papers', 'read'],
  ['assistant_director', 'consulted', 'consultation', 'change'],
  ['assistant_director', 'consulted', 'request', 'read'],
  ['assistant_director', 'consulted', 'papers', 'read'],
  ['auditor', 'any', 'child_record', 'read'],
  ['auditor', 'any', 'draft_request', 'read'],
  ['auditor', 'any', 'request', 'read'],
  ['auditor', 'any', 'papers', 'read'],
  ['auditor', 'any', 'sitting', 'read'],
  ['auditor', 'any', 'triage', 'read'],
  ['auditor', 'any', 'decision', 'read'],
  ['auditor', 'any', 'minutes', 'read'],
  ['auditor', 'any', 'follow_up', 'read'],
  ['auditor', 'any', 'audit', 'read'],
  ['group_manager', 'own_line', 'reports', 'read'],
  ['assistant_director', 'any', 'reports', 'read'],
  ['auditor', 'any', 'reports', 'read'],
  ['admin', 'any', 'people_admin', 'change'],
];

// [permission, resource, use, the relationship a row must be for, or null].
const PERMISSIONS = [
  ['view_children', 'child_record', 'read', null],
  ['draft_request', 'draft_request', 'change', 'author'],
  ['approve_request', 'draft_request', 'change', 'own_line'],
  ['view_requests', 'request', 'read', null],
  ['view_papers', 'papers', 'read', null],
  ['view_triage', 'triage', 'read', null],
  ['triage', 'triage', 'change', null],
  ['view_sittings', 'sitting', 'read', null],
  ['manage_sittings', 'sitting', 'change', null],
  ['record_decision', 'decision', 'change', null],
  ['view_minutes', 'minutes', 'read', null],
  ['write_minutes', 'minutes', 'change', null],
  ['view_follow_ups', 'follow_up', 'read', null],
  ['view_audit', 'audit', 'read', null],
  ['administer', 'people_admin', 'change', null],
  ['answer_consultation', 'consultation', 'change', 'consulted'],
  ['view_reports', 'reports', 'read', null],
];

const grants = (grant, use) => use === 'read' || grant === 'change';

// core::may(roles, relationships, resource, use)
function may(roles, relationships, resource, use) {
  return POLICY.some(([role, rel, res, grant]) =>
    res === resource && roles.has(role) && grants(grant, use) &&
    (rel === 'any' || relationships.has(rel)));
}

// core::relevant(roles, resource): the relationships worth working out.
function relevant(roles, resource) {
  const out = new Set();
  for (const [role, rel, res] of POLICY) {
    if (res === resource && roles.has(role)) out.add(rel);
  }
  return out;
}

// core::may(roles, permission)
function permitted(roles, permission) {
  return PERMISSIONS.some(([perm, resource, use, through]) =>
    perm === permission && POLICY.some(([role, rel, res, grant]) =>
      res === resource && roles.has(role) && grants(grant, use) &&
      (through === null || rel === 'any' || rel === through)));
}

module.exports = { may, relevant, permitted };
