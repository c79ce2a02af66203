// The sitting page: casepanel's app::sitting_view (src/app/agenda_view.cc),
// app::sitting_summary (src/app/sittings.cc), the members and quorum
// (src/app/members.cc, src/core/seat_quorum.cc), the presenter
// (src/app/presenters.cc, src/core/presenters.cc) and what web::sitting_page
// (src/web/pages_sittings.cc) hands the template.
'use strict';

const q = require('./sitting_queries');
const { panelsServed } = require('./child_queries');
const { may, relevant, permitted } = require('./policy');
const { longDate, londonParts, londonLongDate } = require('./dates');
const { isBankHoliday } = require('./bank_holidays');

const ATTENDANCES = [['expected', 'Expected'], ['present', 'In person'],
  ['conference_call', 'By conference call'], ['apologies', 'Apologies'], ['absent', 'Absent']];
const attendanceLabel = (id) => ATTENDANCES.find(([v]) => v === id)?.[1] ?? id;
const away = (a) => a === 'apologies' || a === 'absent';
const attends = (a) => a === 'present' || a === 'conference_call';
const counted = (n, one, many) => `${n} ${n === 1 ? one : many}`;
const hhmm = (iso) => londonParts(iso).hhmm;
const addMinutes = (iso, m) => new Date(Date.parse(iso) + m * 60000).toISOString()
  .replace('.000Z', 'Z');

// app::may_sitting. The on_agenda relationship (expected at the sitting) is
// not worked out here: it is refused.
function maySitting(store, actor, panelId, resource, use) {
  const wanted = relevant(actor.roles, resource);
  const out = new Set();
  if (wanted.has('panel_served') && panelsServed(store, actor.id).includes(panelId)) {
    out.add('panel_served');
  }
  return may(actor.roles, out, resource, use);
}

// app::may_open_whole_agenda
function mayOpenWholeAgenda(store, actor, panelId) {
  const grants = (rel) => may(actor.roles, new Set([rel]), 'request', 'read');
  return grants('any') ||
    (grants('panel_served') && panelsServed(store, actor.id).includes(panelId));
}

// app::sitting_summary, as web::sitting_data sets it.
function summaryData(panels, m) {
  const p = panels.find(m[1]);
  const venue = p && (p.venues || []).find((v) => v.id === m[5]);
  const capacity = Math.round((Date.parse(m[4]) - Date.parse(m[3])) / 60000);
  return {
    id: String(m[0]), panel: p ? p.name : m[1], date: longDate(m[2]), start: hhmm(m[3]),
    end: hhmm(m[4]), venue: venue ? `${venue.name} (${venue.code ?? ''})` : m[5],
    booked: String(m[7]), capacity: String(capacity), hearings_text: counted(m[8], 'hearing',
      'hearings'), status: m[6], on_bank_holiday: isBankHoliday(m[2]),
    proposed_date: m[11] ? longDate(m[11]) : '', iso_proposed_date: m[11] ?? '',
    venue_id: m[5], venue_address: venue?.address ?? '', room: m[9],
    conference_details: m[10], cancel_reason: m[12],
    published: m[13] ? londonLongDate(m[13]) : '', cancelled: m[6] === 'cancelled',
  };
}

// core::who_presents and app::presenter_line
function presenterLine(panel, people, recorded) {
  const rule = panel.hearing || {};
  const presentedBy = rule.presented_by || 'social_worker';
  const casePerson = (role) => (role === 'social_worker' ? people.author.id
    : role === 'practice_manager' ? people.manager?.id ?? null : null);
  let person = recorded.person ? recorded.person.id : casePerson(presentedBy);
  let attendance = recorded.attendance;
  if (away(attendance) && rule.presenter_if_absent) {
    const standIn = casePerson(rule.presenter_if_absent);
    if (standIn !== null && standIn !== person) {
      person = standIn;
      attendance = 'expected';
    }
  }
  const nameOf = (id) => (recorded.person && recorded.person.id === id ? recorded.person.name
    : people.manager && people.manager.id === id ? people.manager.name
      : people.author.id === id ? people.author.name : '');
  return { name: person !== null ? nameOf(person) : '', attendance,
    stand_in: person !== null && person !== casePerson(presentedBy) };
}

const options = (held) => ATTENDANCES.map(([value, label]) => ({ value, label,
  selected: value === held }));

// app::agenda_of and web::agenda_data, one line a hearing.
function agendaOf(store, panels, m, v, whole) {
  const panel = panels.find(m[1]);
  const names = new Map();
  for (const [requestId, name] of q.childNames(store, m[0])) {
    const n = names.get(requestId) || { names: '', count: 0 };
    n.names += (n.names ? ', ' : '') + name;
    n.count += 1;
    names.set(requestId, n);
  }
  const lines = q.agenda(store, m[0]);
  const independent = Boolean(panel?.chair?.independent_of_line_management);
  const chains = independent ? q.lineChains(store, lines.map((l) => l[15])) : new Map();
  const presenters = q.presenters(store, m[0]);
  const invitees = q.invitees(store, m[0]);
  const open = m[6] === 'planned' || m[6] === 'held';
  return lines.map((l) => {
    const people = { author: { id: l[15], name: l[16] },
      manager: l[18] === null ? null : { id: l[18], name: l[19] },
      chair: l[21] === null ? null : { id: l[21], name: l[22] } };
    const n = names.get(l[2]) || { names: '', count: 0 };
    const x = {
      hearing_id: String(l[0]), request_id: String(l[2]), start: hhmm(l[3]),
      end: hhmm(addMinutes(l[3], l[4])), children: n.names,
      request_type: panels.requestTypeLabel(m[1], l[9]),
      presenters: people.manager && people.manager.name && people.manager.name !== l[16]
        ? `${l[16]}, ${people.manager.name}` : l[16],
      conference_call: l[10] !== 0, immediate: l[12] !== 0, decided: l[13] >= n.count,
      statutory: l[11] !== null, can_open_request: whole,
      statutory_breach: l[11] !== null && l[11] < londonParts(l[3]).date
        ? `Heard after the statutory deadline of ${longDate(l[11])}` +
          (/^\s*$/.test(l[8]) ? '' : `: ${l[8]}`) : '',
      hearing_chair: l[6] !== null ? l[14] : '', chair_warning: '',
      invited: '', invitable: [],
    };
    if (independent && people.chair) {
      const chain = chains.get(people.author.id) || [];
      if (people.chair.id === people.author.id || chain.includes(people.chair.id)) {
        x.chair_warning = `${people.chair.name} is in the line management of ` +
          `${people.author.name}, the case's social worker: name another chair for this hearing`;
      }
    }
    if (panel) {
      const p = presenterLine(panel, people, presenters.get(l[0]) ||
        { person: null, attendance: 'expected' });
      const invited = invitees.get(l[0]) || [];
      const labels = [];
      for (const seat of panel.seats.filter((s) => s.as_relevant)) {
        if (invited.includes(seat.id)) labels.push(seat.label);
        else x.invitable.push({ seat_id: seat.id, label: seat.label });
      }
      x.invited = labels.join(', ');
      Object.assign(x, { presenter: p.name, presenter_attendance: attendanceLabel(p.attendance),
        presenter_stand_in: p.stand_in, presenter_options: options(p.attendance),
        can_record_presenter: v.can_take_attendance && open && p.name !== '' });
    }
    x.chairs = v.chairs;
    x.can_record = v.can_record && !x.decided && x.chair_warning === '';
    x.can_name_chair = v.can_manage && x.chair_warning !== '';
    x.can_invite = v.can_manage && open && x.invitable.length > 0;
    return x;
  });
}

// app::sitting_members: those stored when attendance was taken, else each
// seat's holders, deputies or role holders, all expected.
function sittingMembers(store, panel, sittingId) {
  if (!panel) return [];
  const seats = panel.seats;
  const order = (id) => { const i = seats.findIndex((s) => s.id === id); return i < 0 ? seats.length : i; };
  const stored = q.listedMembers(store, sittingId).map((r) => {
    const seat = seats.find((s) => r[5] !== '' && s.id === r[5]);
    const byRole = seat || seats.find((s) => s.role === r[3]);
    return { user_id: r[0], name: r[1], role: r[3], label: byRole ? byRole.label : r[3],
      attendance: r[4], seat_id: seat ? seat.id : r[5],
      counts: byRole ? byRole.counts_to_quorum : true };
  });
  if (stored.length) return stored.sort((x, y) => order(x.seat_id) - order(y.seat_id));
  const holders = q.seatHolders(store, panel.id);
  const invited = new Set([...q.invitees(store, sittingId).values()].flat());
  const byRole = new Map();
  const seen = new Set();
  const out = [];
  for (const seat of seats) {
    if (seat.as_relevant && !invited.has(seat.id)) continue;
    let people = holders.filter((h) => h.seat_id === seat.id && !h.deputy).map((h) => h.person);
    if (!people.length) {
      people = holders.filter((h) => h.seat_id === seat.id && h.deputy).map((h) => h.person);
    }
    if (!people.length) {
      if (!byRole.has(seat.role)) byRole.set(seat.role, q.roleHolders(store, seat.role));
      people = byRole.get(seat.role).filter((p) => !holders.some((h) => h.person.id === p.id));
    }
    for (const p of people) {
      if (seen.has(p.id)) continue;
      seen.add(p.id);
      out.push({ user_id: p.id, name: p.name, role: seat.role, label: seat.label,
        attendance: 'expected', seat_id: seat.id, counts: seat.counts_to_quorum });
    }
  }
  return out;
}

// app::quorum_of and core::count_seats
function quorumOf(panel, members) {
  const seats = new Map();
  let recorded = false;
  let unseated = 0;
  for (const m of members) {
    recorded = recorded || m.attendance !== 'expected';
    if (!m.counts) continue;
    const key = m.seat_id === '' ? `\n${unseated++}` : m.seat_id;
    const s = seats.get(key) || { expected: false, present: false };
    s.present = s.present || attends(m.attendance);
    s.expected = s.expected || attends(m.attendance) || m.attendance === 'expected';
    seats.set(key, s);
  }
  const count = (k) => [...seats.values()].filter((s) => s[k]).length;
  const needed = panel.membership?.quorum ?? 0;
  const n = recorded ? count('present') : count('expected');
  const met = n >= needed;
  const how = `${n}${n === 1 ? ' seat ' : ' seats '}${recorded ? 'present' : 'expected'}`;
  return { met, summary: needed === 0 ? how
    : `Quorum of ${counted(needed, 'seat', 'seats')}: ${how}${met ? '' : '. Not quorate'}` };
}

// app::minutes_status_line. Only the writer's and the reader's view of
// authorised minutes; the chair as authoriser is not worked out here.
function minutesStatus(store, actor, m) {
  if (!permitted(actor.roles, 'view_minutes')) return '';
  const writer = maySitting(store, actor, m[1], 'minutes', 'change');
  const reader = maySitting(store, actor, m[1], 'minutes', 'read');
  const minutes = q.findMinutes(store, m[0]);
  if (!writer && !(reader && minutes && minutes[0] === 'authorised')) return '';
  if (!minutes) return 'Not started';
  return { draft: 'Draft', with_chair: 'With the chair', authorised: 'Authorised' }[minutes[0]] ||
    '?';
}

function readView(store, panels, actor, sittingId, today) {
  const m = q.findSitting(store, sittingId);
  if (!m || !maySitting(store, actor, m[1], 'sitting', 'read')) return null;
  const panel = panels.find(m[1]);
  const mayDecide = maySitting(store, actor, m[1], 'decision', 'change');
  const v = {
    can_record: mayDecide && m[6] !== 'cancelled' && m[2] <= today,
    can_manage: maySitting(store, actor, m[1], 'sitting', 'change'),
  };
  v.can_take_attendance = (actor.roles.has('coordinator') || actor.roles.has('panel_admin')) &&
    (v.can_manage || mayDecide);
  // app::chairs_of: who may chair the panel, for naming a hearing's chair.
  v.chairs = panel && v.can_manage
    ? q.roleHolders(store, panel.chair?.role || 'chair').map((c) => ({ id: String(c.id), name: c.name }))
    : [];
  const d = summaryData(panels, m);
  if (m[14] !== null) d.chair = q.findContact(store, m[14])?.[1] ?? '';
  d.agenda = agendaOf(store, panels, m, v, mayOpenWholeAgenda(store, actor, m[1]));
  d.has_agenda = d.agenda.length > 0;
  d.has_statutory = d.agenda.some((x) => x.statutory);
  const members = sittingMembers(store, panel, m[0]);
  d.members = members.map((x) => ({ user_id: String(x.user_id), name: x.name,
    role_label: x.label, attendance: attendanceLabel(x.attendance), options: options(x.attendance) }));
  d.has_members = members.length > 0;
  d.can_take_attendance = v.can_take_attendance && m[6] !== 'cancelled';
  const quorum = panel ? quorumOf(panel, members) : { met: false, summary: '' };
  d.quorum = quorum.summary;
  d.quorate = quorum.met;
  d.minutes_status = minutesStatus(store, actor, m);
  d.can_manage = v.can_manage && m[6] === 'planned';
  const proposed = /^(\d{4})-(\d{2})-(\d{2})$/.exec(d.iso_proposed_date);
  if (proposed) {
    [d.date_year, d.date_month, d.date_day] = proposed.slice(1).map((s) => String(Number(s)));
  }
  d.title = `${d.panel}, ${d.date}`;
  return d;
}

// The view, read in a read transaction, or null (not found or not allowed).
function sittingView(store, panels, actor, sittingId, now) {
  if (!permitted(actor.roles, 'view_sittings')) return null;
  const today = londonParts(new Date(now * 1000).toISOString()).date;
  return store.read(() => readView(store, panels, actor, sittingId, today));
}

module.exports = { sittingView };
