// The sitting's agenda page: the queries of src/store/sittings.cc,
// src/store/hearings.cc, src/store/children.cc, src/store/seats.cc,
// src/store/role_holders.cc and src/store/minutes.cc, as casepanel's
// app::sitting_view runs them.
'use strict';

// src/store/sittings.cc
const FIND_SITTING =
  'SELECT m.id, m.panel_id, m.sitting_date, m.starts_at, m.ends_at, m.venue_id, m.status, ' +
  'COALESCE((SELECT SUM(h.minutes) FROM hearings h WHERE h.sitting_id = m.id), 0), ' +
  '(SELECT COUNT(*) FROM hearings h WHERE h.sitting_id = m.id), m.room, ' +
  'm.conference_details, m.proposed_date, m.cancel_reason, m.published_at, m.chair_id, ' +
  'm.invite_sequence, COALESCE(m.schedule_slot, m.starts_at) FROM sittings m ' +
  'WHERE m.id = $1';
const FIND_CONTACT = 'SELECT id, name, email FROM users WHERE id = $1';
const LISTED_MEMBERS =
  'SELECT mm.user_id, u.name, u.email, mm.role, mm.attendance, mm.seat_id ' +
  'FROM sitting_members mm JOIN users u ON u.id = mm.user_id ' +
  'WHERE mm.sitting_id = $1 ORDER BY u.name';

// src/store/hearings.cc
const PEOPLE_COLUMNS =
  'w.id, w.name, w.email, pm.id, pm.name, pm.email, ch.id, ch.name, ch.email ';
const PEOPLE_JOINS =
  'JOIN sittings m ON m.id = h.sitting_id JOIN requests r ON r.id = h.request_id ' +
  'JOIN users w ON w.id = r.author_id LEFT JOIN teams t ON t.id = r.team_id ' +
  'LEFT JOIN users pm ON pm.id = t.manager_id ' +
  'LEFT JOIN users ch ON ch.id = COALESCE(h.chair_id, m.chair_id) ';
const AGENDA =
  'SELECT h.id, h.sitting_id, h.request_id, h.starts_at, h.minutes, h.status, ' +
  'h.chair_id, h.invite_sequence, h.late_reason, r.request_type, r.conference_call, ' +
  'r.statutory_due, r.must_go_to_next_sitting, ' +
  '(SELECT COUNT(*) FROM decisions d WHERE d.hearing_id = h.id), hc.name, ' +
  PEOPLE_COLUMNS + 'FROM hearings h ' + PEOPLE_JOINS +
  'LEFT JOIN users hc ON hc.id = h.chair_id ' +
  'WHERE h.sitting_id = $1 ORDER BY h.starts_at';
function lineChainsSql(n) {
  const ins = Array.from({ length: n }, (_, i) => `$${i + 1}`).join(', ');
  return 'WITH RECURSIVE chain(worker_id, manager_id, depth) AS (' +
    'SELECT id, line_manager_id, 1 FROM users WHERE line_manager_id IS NOT NULL AND id IN ' +
    '(' + ins + ') UNION ALL SELECT c.worker_id, u.line_manager_id, c.depth + 1 FROM chain c ' +
    'JOIN users u ON u.id = c.manager_id WHERE u.line_manager_id IS NOT NULL AND ' +
    'c.depth < CAST(' + `$${n + 1}` + ' AS INTEGER)) SELECT worker_id, manager_id FROM chain ' +
    'ORDER BY worker_id, depth';
}

// src/store/children.cc
const CHILD_NAMES =
  "SELECT h.request_id, c.first_name || ' ' || c.last_name " +
  'FROM hearings h JOIN request_children rc ' +
  'ON rc.request_id = h.request_id JOIN children c ' +
  'ON c.id = rc.child_id WHERE h.sitting_id = $1 ' +
  'ORDER BY h.request_id, c.date_of_birth, c.id';

// src/store/seats.cc
const PRESENTER_COLUMNS =
  "h.presenter_id, COALESCE(u.name, ''), COALESCE(u.email, ''), h.presenter_attendance ";
const PRESENTERS = 'SELECT h.id, ' + PRESENTER_COLUMNS +
  'FROM hearings h LEFT JOIN users u ON u.id = h.presenter_id ' +
  'WHERE h.sitting_id = $1';
const INVITEES = 'SELECT hi.hearing_id, hi.seat_id FROM hearing_invitees hi ' +
  'JOIN hearings h ON h.id = hi.hearing_id ' +
  'WHERE h.sitting_id = $1 ORDER BY hi.hearing_id, hi.seat_id';
const SEAT_HOLDERS = 'SELECT sh.seat_id, u.id, u.name, u.email, sh.deputy ' +
  'FROM seat_holders sh JOIN users u ON u.id = sh.user_id ' +
  'WHERE sh.panel_id = $1 AND u.active = 1 ' +
  'ORDER BY sh.seat_id, sh.deputy, u.name, u.id';

// src/store/role_holders.cc
const ROLE_HOLDERS = 'SELECT u.id, u.name, u.email FROM users u JOIN user_roles ur ON ' +
  'ur.user_id = u.id WHERE ur.role = $1 AND u.active = 1 ' +
  'ORDER BY u.name, u.id';

// src/store/minutes.cc
const FIND_MINUTES =
  'SELECT m.status, m.drafted_by, d.name, m.updated_at, m.chair_comments, m.sent_at, ' +
  "COALESCE(a.name, ''), m.authorised_at, m.authorised_text FROM minutes m " +
  'JOIN users d ON d.id = m.drafted_by LEFT JOIN users a ON a.id = m.authorised_by ' +
  'WHERE m.sitting_id = $1';

const LONGEST_CHAIN = 19;

function groupBy(rows, key, value) {
  const out = new Map();
  for (const r of rows) {
    if (!out.has(r[key])) out.set(r[key], []);
    out.get(r[key]).push(value(r));
  }
  return out;
}

module.exports = {
  findSitting: (store, id) => store.one(FIND_SITTING, [id]),
  findContact: (store, id) => store.one(FIND_CONTACT, [id]),
  listedMembers: (store, id) => store.all(LISTED_MEMBERS, [id]),
  agenda: (store, id) => store.all(AGENDA, [id]),
  childNames: (store, id) => store.all(CHILD_NAMES, [id]),
  lineChains: (store, workers) => (workers.length === 0 ? new Map()
    : groupBy(store.all(lineChainsSql(workers.length), [...workers, LONGEST_CHAIN]),
      0, (r) => r[1])),
  presenters: (store, id) => new Map(store.all(PRESENTERS, [id]).map((r) => [r[0], {
    person: r[1] === null ? null : { id: r[1], name: r[2] }, attendance: r[4] }])),
  invitees: (store, id) => groupBy(store.all(INVITEES, [id]), 0, (r) => r[1]),
  seatHolders: (store, panelId) => store.all(SEAT_HOLDERS, [panelId]).map((r) => ({
    seat_id: r[0], person: { id: r[1], name: r[2] }, deputy: r[4] !== 0 })),
  roleHolders: (store, role) => store.all(ROLE_HOLDERS, [role]).map((r) => ({ id: r[0],
    name: r[1] })),
  findMinutes: (store, id) => store.one(FIND_MINUTES, [id]),
};
