#include "app/audit_trail.h"

namespace casepanel::app {

std::string now_utc(const Services& s) { return core::to_iso_utc(s.clock.now()); }

void audit(store::Tx& tx, const Services& s, const Actor& actor, std::string action,
           std::string entity, std::int64_t entity_id, const nlohmann::json& detail,
           store::AuditOutcome outcome) {
  store::AuditEvent e;
  e.at = now_utc(s);
  if (actor.id != 0) {
    e.actor_id = actor.id;
  }
  e.actor_role = actor.main_role();
  e.action = std::move(action);
  e.entity = std::move(entity);
  e.entity_id = entity_id ? std::to_string(entity_id) : std::string();
  e.detail = detail.is_null() ? std::string("{}") : detail.dump();
  e.client_address = actor.client_address;
  e.outcome = outcome;
  store::append_audit(tx, e);
}

}  // namespace casepanel::app
