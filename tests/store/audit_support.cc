#include "store/audit_support.h"

#include "store/crypto.h"
#include "store/migrations.h"

namespace casepanel::testing {
namespace {

constexpr const char* kGenesis = "0000000000000000000000000000000000000000000000000000000000000000";

std::string framed(const std::vector<std::string>& parts) {
  std::string content;
  for (const std::string& part : parts) {
    content += std::to_string(part.size()) + '\x1f' + part + '\x1f';
  }
  return content;
}

}  // namespace

std::unique_ptr<store::Database> open_audited(const std::string& location,
                                              std::shared_ptr<const store::AuditKey> key) {
  auto db = store::Database::open(location, 2);
  db->set_audit_key(std::move(key));
  store::migrate(*db);
  return db;
}

store::AuditEvent sample_event(int n) {
  static const char* kActions[] = {"request.create", "request.update", "child.view",
                                   "request.approve", "access.refused"};
  store::AuditEvent e;
  e.at = "2026-11-24T09:" + std::string(n % 60 < 10 ? "0" : "") + std::to_string(n % 60) + ":00Z";
  if (n % 7 != 0) {
    e.actor_id = 1 + n % 5;
  }
  e.actor_role = n % 2 ? "social_worker" : "practice_manager";
  e.action = kActions[n % 5];
  e.entity = n % 5 == 2 ? "child" : "request";
  e.entity_id = std::to_string(1 + n % 13);
  e.detail = R"({"n":)" + std::to_string(n) + "}";
  e.client_address = n % 3 ? "192.0.2." + std::to_string(n % 250) : "";
  e.outcome = n % 5 == 4 ? store::AuditOutcome::refused : store::AuditOutcome::done;
  return e;
}

void rehash_audit_chain(store::Tx& tx, std::int64_t from_id, StripMacs strip, std::int64_t to_id) {
  auto before = tx.query_one("SELECT hash FROM audit_events WHERE id < $1 ORDER BY id DESC LIMIT 1",
                             {from_id});
  std::string prev = before ? before->text(0) : std::string(kGenesis);
  for (const store::Row& r :
       tx.query("SELECT id, at, actor_id, actor_role, action, entity, entity_id, detail, "
                "client_address, outcome FROM audit_events WHERE id >= $1 AND id <= $2 ORDER BY id",
                {from_id, to_id})) {
    const std::string actor = r.is_null(2) ? "-" : std::to_string(r.integer(2));
    std::vector<std::string> parts = {prev,      r.text(1), actor,     r.text(3),
                                      r.text(4), r.text(5), r.text(6), r.text(7)};
    if (strip == StripMacs::no) {
      parts.push_back(r.text(8));
      parts.push_back(r.text(9));
    }
    const std::string hash = store::sha256_hex(framed(parts));
    if (strip == StripMacs::yes) {
      tx.exec(
          "UPDATE audit_events SET prev_hash = $1, hash = $2, mac = NULL, client_address = '', "
          "outcome = 'done' WHERE id = $3",
          {prev, hash, r.integer(0)});
    } else {
      tx.exec("UPDATE audit_events SET prev_hash = $1, hash = $2 WHERE id = $3",
              {prev, hash, r.integer(0)});
    }
    prev = hash;
  }
}

}  // namespace casepanel::testing
