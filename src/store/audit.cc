#include "store/audit.h"

#include "store/crypto.h"

namespace casepanel::store {
namespace {

constexpr const char* kGenesis = "0000000000000000000000000000000000000000000000000000000000000000";

// Fields are joined with the ASCII unit separator, which user input cannot
// smuggle in because every field is length-prefixed too.
std::string content_hash(const std::string& prev_hash, const AuditEvent& e) {
  const std::string actor = e.actor_id ? std::to_string(*e.actor_id) : std::string("-");
  std::string content;
  for (const std::string* part :
       {&prev_hash, &e.at, &actor, &e.actor_role, &e.action, &e.entity, &e.entity_id, &e.detail}) {
    content += std::to_string(part->size());
    content += '\x1f';
    content += *part;
    content += '\x1f';
  }
  return sha256_hex(content);
}

}  // namespace

void append_audit(Tx& tx, const AuditEvent& e) {
  auto last = tx.query_one("SELECT hash FROM audit_events ORDER BY id DESC LIMIT 1");
  std::string prev = last ? last->text(0) : std::string(kGenesis);
  tx.exec(
      "INSERT INTO audit_events (at, actor_id, actor_role, action, entity, entity_id, detail, "
      "prev_hash, hash) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
      {e.at, nullable(e.actor_id), e.actor_role, e.action, e.entity, e.entity_id, e.detail, prev,
       content_hash(prev, e)});
}

AuditVerification verify_audit(Database& db) {
  AuditVerification out;
  db.read_all([&](Tx& tx) {
    std::string prev = kGenesis;
    Rows rows = tx.query(
        "SELECT id, at, actor_id, actor_role, action, entity, entity_id, detail, prev_hash, hash "
        "FROM audit_events ORDER BY id");
    for (const Row& r : rows) {
      ++out.events;
      AuditEvent e{r.text(1), r.optional_integer(2), r.text(3), r.text(4), r.text(5), r.text(6),
                   r.text(7)};
      if (r.text(8) != prev) {
        out = {false, out.events, r.integer(0), "does not follow the event before it"};
        return;
      }
      if (content_hash(prev, e) != r.text(9)) {
        out = {false, out.events, r.integer(0), "its content does not match its hash"};
        return;
      }
      prev = r.text(9);
    }
  });
  return out;
}

}  // namespace casepanel::store
