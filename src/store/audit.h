// The audit log: an append-only, hash-chained record of every change and
// every view of a child's record. Each event stores the SHA-256 of the
// previous event's hash together with its own content, so removing, changing
// or reordering any event breaks the chain at that point.
//
// append_audit must run inside the use case's write transaction, so an event
// exists exactly when its change does.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "store/database.h"

namespace casepanel::store {

struct AuditEvent {
  std::string at;  // ISO 8601 UTC
  std::optional<std::int64_t> actor_id;
  std::string actor_role;
  std::string action;     // "request.approve"
  std::string entity;     // "request"
  std::string entity_id;  // "42"
  std::string detail;     // JSON: before/after or what was seen
};

void append_audit(Tx& tx, const AuditEvent& event);

struct AuditVerification {
  bool intact = true;
  std::int64_t events = 0;
  std::int64_t first_broken_id = 0;
  std::string problem;
};
AuditVerification verify_audit(Database& db);

}  // namespace casepanel::store
