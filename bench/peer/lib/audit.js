// The audit row of casepanel's store::append_audit (src/store/audit.cc) and
// app::audit (src/app/audit_trail.cc): each event's hash covers the previous
// event's hash and its own length-prefixed fields, and its MAC (HMAC-SHA256
// with the audit key) covers the previous MAC and that hash, so
// `casepanel audit verify` checks the peer's rows like casepanel's own.
'use strict';

const crypto = require('crypto');
const fs = require('fs');

const GENESIS = '0'.repeat(64);
const LAST = 'SELECT hash, mac FROM audit_events ORDER BY id DESC LIMIT 1';
const INSERT =
  'INSERT INTO audit_events (at, actor_id, actor_role, action, entity, entity_id, detail, ' +
  'prev_hash, hash, client_address, outcome, mac) ' +
  'VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)';

// Each field as its byte length, the unit separator, the field, the separator.
function framed(parts) {
  return Buffer.concat(parts.flatMap((p) => {
    const b = Buffer.from(p, 'utf8');
    return [Buffer.from(`${b.length}\x1f`), b, Buffer.from('\x1f')];
  }));
}

const sha256 = (data) => crypto.createHash('sha256').update(data).digest('hex');

// The key file casepanel made (audit.key_file): 32 bytes, readable by us only.
function loadKey(file) {
  const key = fs.readFileSync(file);
  if (key.length !== 32) throw new Error(`${file}: the audit key is not 32 bytes long`);
  return key;
}

// Appends one event in a write transaction of its own.
function appendAudit(store, key, e) {
  store.write(() => {
    const last = store.one(LAST);
    const prevHash = last ? last[0] : GENESIS;
    const prevMac = last && last[1] !== null ? last[1] : prevHash;
    const actor = e.actor_id ? String(e.actor_id) : '-';
    const outcome = 'done';
    const hash = sha256(framed([prevHash, e.at, actor, e.actor_role, e.action, e.entity,
      e.entity_id, e.detail, e.client_address, outcome]));
    const mac = crypto.createHmac('sha256', key)
      .update(framed(['casepanel audit event v1', prevMac, hash])).digest('hex');
    store.run(INSERT, [e.at, e.actor_id || null, e.actor_role, e.action, e.entity, e.entity_id,
      e.detail, prevHash, hash, e.client_address, outcome, mac]);
  });
}

// app::audit for a view: "child.view" of child 7 by the signed-in actor.
function auditView(store, key, at, actor, clientAddress, action, entity, entityId) {
  appendAudit(store, key, {
    at, actor_id: actor.id, actor_role: actor.main_role, action, entity,
    entity_id: entityId ? String(entityId) : '', detail: '{}', client_address: clientAddress,
  });
}

module.exports = { auditView, loadKey };
