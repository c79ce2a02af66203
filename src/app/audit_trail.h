// The audit trail as use cases write it: the time now, and the event for what
// an actor did, appended in the use case's own transaction so that a change
// and its record commit or roll back together (store/audit.h signs and
// chains the events).
#pragma once

#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

#include "app/services.h"
#include "store/audit.h"

namespace casepanel::app {

// The clock's time now, as stored: "2026-03-12T13:30:00Z".
std::string now_utc(const Services& s);

// Appends the event for what the actor did (who, their role, their client
// address, when) to the audit log in the use case's transaction.
void audit(store::Tx& tx, const Services& s, const Actor& actor, std::string action,
           std::string entity, std::int64_t entity_id, const nlohmann::json& detail = {},
           store::AuditOutcome outcome = store::AuditOutcome::done);

}  // namespace casepanel::app
