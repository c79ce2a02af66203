// The session check of casepanel's app::resume_session (src/app/auth.cc) and
// store::find_session / find_signed_in_user (src/store/sessions.cc,
// src/store/people.cc): the cp_session cookie's token is looked up by its
// SHA-256, refused when idle for 15 minutes or older than 8 hours, and
// touched at most once a minute.
'use strict';

const crypto = require('crypto');

const SESSION_IDLE = 15 * 60;
const SESSION_ABSOLUTE = 8 * 60 * 60;
// core::Role's order: an actor's main role is the first of theirs in it.
const ROLE_ORDER = ['social_worker', 'practice_manager', 'group_manager', 'coordinator',
  'panel_admin', 'chair', 'member', 'assistant_director', 'auditor', 'admin'];

const FIND_SESSION = 'SELECT id_hash, user_id, csrf_token, created_at, last_seen_at, ' +
  'client_address FROM sessions WHERE id_hash = $1';
const TOUCH_SESSION = 'UPDATE sessions SET last_seen_at = $1 WHERE id_hash = $2';
const SIGNED_IN_USER = 'SELECT id, name, email, team_id FROM users WHERE id = $1 AND active = 1';
const USER_ROLES = 'SELECT role FROM user_roles WHERE user_id = $1';
const FIND_SETTING = 'SELECT value FROM settings WHERE key = $1';
const FIND_TWO_FACTOR =
  'SELECT user_id, secret, enabled_at, last_used_step FROM two_factor WHERE user_id = $1';

function cookie(header, name) {
  for (const part of (header || '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

function loadActor(store, userId) {
  const u = store.one(SIGNED_IN_USER, [userId]);
  if (!u) return null;
  const roles = new Set(store.all(USER_ROLES, [userId]).map((r) => r[0])
    .filter((r) => ROLE_ORDER.includes(r)));
  const main = ROLE_ORDER.find((r) => roles.has(r)) || '';
  return { id: u[0], name: u[1], email: u[2], team_id: u[3], roles, main_role: main };
}

// The session for the request's cookie, or null. `now` is epoch seconds.
function resumeSession(store, cookieHeader, now) {
  const token = cookie(cookieHeader, 'cp_session');
  if (!token || token.length !== 64) return null;
  const idHash = crypto.createHash('sha256').update(token).digest('hex');
  let out = null;
  let lastSeen = 0;
  store.read(() => {
    const s = store.one(FIND_SESSION, [idHash]);
    if (!s) return;
    if (now - s[4] > SESSION_IDLE || now - s[3] > SESSION_ABSOLUTE) return;
    lastSeen = s[4];
    const actor = loadActor(store, s[1]);
    if (!actor) return;
    out = { actor, csrf_token: s[2], id_hash: idHash, enrol_two_factor: false };
    if ((store.one(FIND_SETTING, ['require_two_factor'])?.[0] ?? 'off') === 'on') {
      const tf = store.one(FIND_TWO_FACTOR, [actor.id]);
      out.enrol_two_factor = !(tf && tf[2]);
    }
  });
  // Touched at most once a minute, as casepanel does.
  if (out && now - lastSeen >= 60) {
    store.write(() => store.run(TOUCH_SESSION, [now, idHash]));
  }
  return out;
}

module.exports = { resumeSession };
