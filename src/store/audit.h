// The audit log: an append-only, hash-chained and keyed record of every
// change, every view of a child's record and every refusal (docs/audit.md).
//
// Each event stores
//   hash = SHA-256(prev_hash, its content)            (the chain since v1)
//   mac  = HMAC-SHA256(key, prev_mac, hash)           (since migration 8)
// so removing, changing or reordering an event breaks the chain at that
// point, and recomputing the SHA-256 chain after an edit does not help
// without the key (store/audit_key.h), which is never in the database.
// Events written before the key existed have no mac: the first keyed event's
// MAC takes the last unkeyed event's hash as its "previous MAC", so the old
// SHA-256 chain is anchored by the first MAC. No unkeyed event may follow a
// keyed one.
//
// Truncation of the newest events leaves a consistent chain; checkpoints of
// the chain's head kept outside the database (store/audit_checkpoints.h) are
// what catch it, up to the last checkpoint written.
//
// append_audit must run inside the use case's write transaction, so an event
// exists exactly when its change does; the transaction's Database must hold
// the audit key (Database::set_audit_key), else it throws.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/audit_checkpoints.h"
#include "store/database.h"

namespace casepanel::store {

// What became of the attempt the event records.
enum class AuditOutcome { done, refused, failed };
std::string_view outcome_id(AuditOutcome o);
std::optional<AuditOutcome> parse_outcome(std::string_view id);

struct AuditEvent {
  std::string at;  // ISO 8601 UTC
  std::optional<std::int64_t> actor_id;
  std::string actor_role;
  std::string action;               // "request.approve"
  std::string entity;               // "request"
  std::string entity_id;            // "42"
  std::string detail;               // JSON: before/after or what was seen
  std::string client_address = "";  // the client's IP address; empty for commands and jobs
  AuditOutcome outcome = AuditOutcome::done;
};

void append_audit(Tx& tx, const AuditEvent& event);

// The chain's tail (the newest event's hash and MAC; none when the log is
// empty) read by another statement of `tx`: kept, so that append_audit need
// not read it (store/presumed_reads.h reads it with its confirmation).
void keep_audit_tail(Tx& tx, const std::optional<std::string>& hash,
                     const std::optional<std::string>& mac);

// On PostgreSQL append_audit chains the event at once and holds it in the
// transaction (Tx::held_audit); this takes every event held out of `tx`, as
// one INSERT, for the engine to send in the round trip of the transaction's
// next statement, before it, or of its COMMIT (store/postgres_statements.h),
// so that an event is written exactly when its transaction commits, and a
// read after it in the same transaction sees it. Empty `sql` when no event
// is held and nothing presumed is left to check.
//
// Presumed tails (PostgreSQL): a write need not read the chain's tail when
// its process knows it, having committed the last event itself (the engine
// sets Tx::presumed, store/poco_database.cc). The events are chained on it,
// and the INSERT that sends them checks it in the server, with what the
// pages of a shared write presumed (store/presumed_reads.h): the
// casepanel_presumed() function of migration 23 fails the statement, and so
// the whole write, with SQLSTATE kPresumptionMissed when the tail, the
// content version or a session has changed, and the engine runs the write
// again, reading them. A presumed write of views is then one round trip:
// the writers' lock, BEGIN, the INSERT, COMMIT and the lock given back.
struct HeldAudit {
  std::string_view sql;
  Params params;
};
HeldAudit take_held_audit(Tx& tx);
// PostgreSQL's text form of an array of one column of `rows` (an element a
// quoted string or NULL), for take_held_audit; exposed for its tests.
std::string postgres_array(const std::vector<Params>& rows, std::size_t column);

// The newest event's id and MAC (what a checkpoint records); none when the log
// is empty or its newest event has no MAC.
std::optional<AuditCheckpoint> audit_head(Tx& tx);

struct AuditVerification {
  bool intact = true;
  std::int64_t events = 0;
  std::int64_t keyed_events = 0;
  std::int64_t checkpoints = 0;  // checkpoints checked
  std::int64_t first_broken_id = 0;
  std::string problem;
};
// Recomputes the whole chain (SHA-256 and MAC) with the Database's key, and
// checks that every checkpoint names an event on the chain with the same MAC,
// so that the log still reaches the last checkpoint. Reports the first
// problem. Throws std::logic_error when the Database has no audit key.
AuditVerification verify_audit(Database& db, const std::vector<AuditCheckpoint>& checkpoints = {});

}  // namespace casepanel::store
