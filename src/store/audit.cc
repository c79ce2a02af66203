#include "store/audit.h"

#include <algorithm>
#include <map>
#include <stdexcept>

#include "store/audit_key.h"
#include "store/crypto.h"

namespace casepanel::store {
namespace {

constexpr const char* kGenesis = "0000000000000000000000000000000000000000000000000000000000000000";
constexpr std::int64_t kBatch = 5000;
constexpr std::size_t kAuditColumns = 12;  // the values of an event's INSERT

// Fields are joined with the ASCII unit separator, which user input cannot
// smuggle in because every field is length-prefixed too.
std::string framed(std::initializer_list<const std::string*> parts) {
  std::string content;
  for (const std::string* part : parts) {
    content += std::to_string(part->size());
    content += '\x1f';
    content += *part;
    content += '\x1f';
  }
  return content;
}

// The hash of events before migration 8 (no client address or outcome).
std::string unkeyed_hash(const std::string& prev_hash, const AuditEvent& e) {
  const std::string actor = e.actor_id ? std::to_string(*e.actor_id) : std::string("-");
  return sha256_hex(framed(
      {&prev_hash, &e.at, &actor, &e.actor_role, &e.action, &e.entity, &e.entity_id, &e.detail}));
}

std::string keyed_hash(const std::string& prev_hash, const AuditEvent& e) {
  const std::string actor = e.actor_id ? std::to_string(*e.actor_id) : std::string("-");
  const std::string outcome(outcome_id(e.outcome));
  return sha256_hex(framed({&prev_hash, &e.at, &actor, &e.actor_role, &e.action, &e.entity,
                            &e.entity_id, &e.detail, &e.client_address, &outcome}));
}

std::string event_mac(const AuditKey& key, const std::string& prev_mac, const std::string& hash) {
  static const std::string kPurpose = "casepanel audit event v1";
  return key.mac_hex(framed({&kPurpose, &prev_mac, &hash}));
}

const AuditKey& required_key(const AuditKey* key) {
  if (key == nullptr) {
    throw std::logic_error("the audit log needs its key (Database::set_audit_key)");
  }
  return *key;
}

// Walks the chain row by row, remembering the first problem.
class ChainCheck {
 public:
  ChainCheck(const AuditKey& key, const std::vector<AuditCheckpoint>& checkpoints) : key_(key) {
    for (const AuditCheckpoint& c : checkpoints) {
      expected_[c.event_id] = c.event_mac;
    }
    out_.checkpoints = static_cast<std::int64_t>(checkpoints.size());
  }

  // False once a problem is found.
  bool add(const Row& r) {
    const std::int64_t id = r.integer(0);
    ++out_.events;
    const auto outcome = parse_outcome(r.text(11));
    AuditEvent e{r.text(1),
                 r.optional_integer(2),
                 r.text(3),
                 r.text(4),
                 r.text(5),
                 r.text(6),
                 r.text(7),
                 r.text(10),
                 outcome.value_or(AuditOutcome::done)};
    if (r.text(8) != prev_hash_) {
      return broken(id,
                    "it does not follow the event before it (an event was removed, "
                    "inserted or moved)");
    }
    if (!outcome) {
      return broken(id, "its outcome is not one casepanel writes");
    }
    const std::optional<std::string> mac = r.optional_text(12);
    if (!mac) {
      if (keyed_) {
        return broken(id, "it has no MAC but follows an event that has one");
      }
      if (!e.client_address.empty() || e.outcome != AuditOutcome::done ||
          unkeyed_hash(prev_hash_, e) != r.text(9)) {
        return broken(id, "its content does not match its hash");
      }
      prev_hash_ = prev_mac_ = r.text(9);
      return checkpoint(id, "");
    }
    keyed_ = true;
    ++out_.keyed_events;
    if (keyed_hash(prev_hash_, e) != r.text(9)) {
      return broken(id, "its content does not match its hash");
    }
    if (!constant_time_equal(event_mac(key_, prev_mac_, r.text(9)), *mac)) {
      return broken(id, "its MAC is wrong (it was changed, or its chain was recomputed)");
    }
    prev_hash_ = r.text(9);
    prev_mac_ = *mac;
    return checkpoint(id, *mac);
  }

  AuditVerification finish() {
    if (out_.intact && !expected_.empty()) {
      const auto& [id, mac] = *expected_.begin();
      (void)mac;
      broken(id,
             "a checkpoint names this event but the log no longer has it "
             "(the log was truncated or the event removed)");
    }
    return out_;
  }

 private:
  bool checkpoint(std::int64_t id, const std::string& mac) {
    auto it = expected_.find(id);
    if (it == expected_.end()) {
      return true;
    }
    if (mac.empty() || !constant_time_equal(it->second, mac)) {
      return broken(id, "it is not the event its checkpoint recorded");
    }
    expected_.erase(it);
    return true;
  }
  bool broken(std::int64_t id, std::string problem) {
    out_.intact = false;
    out_.first_broken_id = id;
    out_.problem = std::move(problem);
    return false;
  }

  const AuditKey& key_;
  std::map<std::int64_t, std::string> expected_;  // checkpointed event id -> its MAC
  std::string prev_hash_ = kGenesis;
  std::string prev_mac_ = kGenesis;
  bool keyed_ = false;
  AuditVerification out_;
};

}  // namespace

std::string_view outcome_id(AuditOutcome o) {
  switch (o) {
    case AuditOutcome::done:
      return "done";
    case AuditOutcome::refused:
      return "refused";
    case AuditOutcome::failed:
      return "failed";
  }
  return "done";
}

std::optional<AuditOutcome> parse_outcome(std::string_view id) {
  for (AuditOutcome o : {AuditOutcome::done, AuditOutcome::refused, AuditOutcome::failed}) {
    if (outcome_id(o) == id) {
      return o;
    }
  }
  return std::nullopt;
}

void append_audit(Tx& tx, const AuditEvent& e) {
  const AuditKey& key = required_key(tx.audit_key());
  // Two transactions reading the same tail would fork the chain: on both
  // engines write transactions take turns (store/poco_database.cc), so the
  // tail read here is the last committed event. On PostgreSQL the turn is
  // an advisory lock taken before BEGIN; one taken here, inside the
  // SERIALIZABLE transaction, came after its snapshot and left concurrent
  // instances failing (docs/architecture.md, "Writers take turns").
  // The tail is read once per transaction: a shared write appends many
  // views' events (Database::write_shared), each a round trip on PostgreSQL.
  if (!tx.audit_tail) {
    auto last = tx.query_one("SELECT hash, mac FROM audit_events ORDER BY id DESC LIMIT 1");
    keep_audit_tail(tx, last ? last->optional_text(0) : std::nullopt,
                    last ? last->optional_text(1) : std::nullopt);
  }
  const std::string prev_hash = tx.audit_tail->hash;
  const std::string prev_mac = tx.audit_tail->mac;
  std::string hash = keyed_hash(prev_hash, e);
  std::string mac = event_mac(key, prev_mac, hash);
  tx.audit_tail = Tx::AuditTail{hash, mac};
  Params values{e.at,
                nullable(e.actor_id),
                e.actor_role,
                e.action,
                e.entity,
                e.entity_id,
                e.detail,
                prev_hash,
                std::move(hash),
                e.client_address,
                std::string(outcome_id(e.outcome)),
                std::move(mac)};
  if (tx.engine() == Engine::postgresql) {
    // Chained now, sent with the transaction's next statement or its
    // COMMIT: a shared write's views go in one INSERT (take_held_audit).
    tx.held_audit.push_back(std::move(values));
    return;
  }
  tx.exec(
      "INSERT INTO audit_events (at, actor_id, actor_role, action, entity, entity_id, detail, "
      "prev_hash, hash, client_address, outcome, mac) "
      "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
      values);
}

std::string postgres_array(const std::vector<Params>& rows, std::size_t column) {
  std::string out = "{";
  for (const Params& row : rows) {
    if (out.size() > 1) {
      out += ',';
    }
    const Value& v = row.at(column);
    if (std::holds_alternative<std::nullptr_t>(v)) {
      out += "NULL";
      continue;
    }
    const std::string text = std::holds_alternative<std::int64_t>(v)
                                 ? std::to_string(std::get<std::int64_t>(v))
                                 : std::get<std::string>(v);
    // A quoted element: only a backslash and a double quote are escaped.
    out += '"';
    for (char c : text) {
      if (c == '"' || c == '\\') {
        out += '\\';
      }
      out += c;
    }
    out += '"';
  }
  out += '}';
  return out;
}

void keep_audit_tail(Tx& tx, const std::optional<std::string>& hash,
                     const std::optional<std::string>& mac) {
  const std::string tail = hash.value_or(std::string(kGenesis));
  // The first keyed event chains to the last unkeyed event's hash.
  tx.audit_tail = Tx::AuditTail{tail, mac.value_or(tail)};
  tx.tail_read = tail;
}

namespace {

// What a presumed write relies on (Tx::presumed), true when it all still
// holds; $1 to $4 counted from `first`.
std::string presumption_holds(int first) {
  const auto p = [first](int i) { return "$" + std::to_string(first + i); };
  return "casepanel_presumed((SELECT hash FROM audit_events ORDER BY id DESC LIMIT 1) IS NOT "
         "DISTINCT FROM " +
         p(0) + " AND (SELECT n FROM content_version WHERE id = 1) = ALL (" + p(1) +
         "::bigint[]) AND (SELECT COUNT(*) FROM sessions WHERE id_hash = ANY (" + p(2) +
         "::text[])) = " + p(3) + ")";
}

// The values presumption_holds() checks, taken out of `tx`.
Params presumed_values(Tx& tx) {
  Tx::Presumed presumed = std::move(*tx.presumed);
  tx.presumed.reset();
  std::sort(presumed.sessions.begin(), presumed.sessions.end());
  presumed.sessions.erase(std::unique(presumed.sessions.begin(), presumed.sessions.end()),
                          presumed.sessions.end());
  std::vector<Params> versions, sessions;
  for (std::int64_t v : presumed.versions) {
    versions.push_back({v});
  }
  for (std::string& hash : presumed.sessions) {
    sessions.push_back({std::move(hash)});
  }
  return {std::move(presumed.tail_hash), postgres_array(versions, 0), postgres_array(sessions, 0),
          static_cast<std::int64_t>(sessions.size())};
}

}  // namespace

HeldAudit take_held_audit(Tx& tx) {
  if (tx.held_audit.empty()) {
    if (!tx.presumed || (tx.presumed->versions.empty() && tx.presumed->sessions.empty())) {
      return {};
    }
    // Pages' presumptions and no event to check them with: checked alone.
    static const std::string kCheck = "SELECT " + presumption_holds(1);
    return {kCheck, presumed_values(tx)};
  }
  const std::vector<Params> rows = std::move(tx.held_audit);
  tx.held_audit.clear();
  // One statement for any number of events, each column an array; the
  // ordinality keeps them in the order they were chained, so ids follow it.
  static const std::string kFrom =
      "INSERT INTO audit_events (at, actor_id, actor_role, action, entity, entity_id, detail, "
      "prev_hash, hash, client_address, outcome, mac) "
      "SELECT at, actor_id, actor_role, action, entity, entity_id, detail, prev_hash, hash, "
      "client_address, outcome, mac FROM unnest($1::text[], $2::bigint[], $3::text[], "
      "$4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], "
      "$11::text[], $12::text[]) WITH ORDINALITY AS e(at, actor_id, actor_role, action, entity, "
      "entity_id, detail, prev_hash, hash, client_address, outcome, mac, n) ";
  static const std::string kInsert = kFrom + "ORDER BY n";
  // Chained on a presumed tail: the server checks it, and what the pages
  // presumed, as it inserts them, and fails the write if one has changed.
  static const std::string kPresumedInsert =
      kFrom + "WHERE " + presumption_holds(kAuditColumns + 1) + " ORDER BY n";
  HeldAudit out{tx.presumed ? kPresumedInsert : kInsert, {}};
  for (std::size_t c = 0; c < kAuditColumns; ++c) {
    out.params.emplace_back(postgres_array(rows, c));
  }
  if (tx.presumed) {
    for (Value& v : presumed_values(tx)) {
      out.params.push_back(std::move(v));
    }
  }
  return out;
}

std::optional<AuditCheckpoint> audit_head(Tx& tx) {
  auto last = tx.query_one("SELECT id, mac FROM audit_events ORDER BY id DESC LIMIT 1");
  if (!last || last->is_null(1)) {
    return std::nullopt;
  }
  return AuditCheckpoint{"", last->integer(0), last->text(1)};
}

AuditVerification verify_audit(Database& db, const std::vector<AuditCheckpoint>& checkpoints) {
  ChainCheck check(required_key(db.audit_key()), checkpoints);
  // In batches, so a log of millions of events is not held in memory at once.
  std::int64_t after = 0;
  for (bool more = true; more;) {
    db.read_all([&](Tx& tx) {
      Rows rows = tx.query(
          "SELECT id, at, actor_id, actor_role, action, entity, entity_id, detail, prev_hash, "
          "hash, client_address, outcome, mac FROM audit_events WHERE id > $1 ORDER BY id "
          "LIMIT $2",
          {after, kBatch});
      more = static_cast<std::int64_t>(rows.size()) == kBatch;
      for (const Row& r : rows) {
        if (!check.add(r)) {
          more = false;
          return;
        }
        after = r.integer(0);
      }
    });
  }
  return check.finish();
}

}  // namespace casepanel::store
