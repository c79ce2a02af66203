#include "store/presumed_reads.h"

#include <algorithm>
#include <stdexcept>
#include <unordered_set>

#include "core/non_blocking.h"
#include "store/audit.h"

namespace casepanel::store {

void PresumedReads::remember(const SessionRecord& session) {
  const std::lock_guard lock(mutex_);
  if (sessions_.size() >= max_sessions_ && !sessions_.contains(session.id_hash)) {
    sessions_.clear();
  }
  sessions_.insert_or_assign(session.id_hash, session);
}

std::optional<SessionRecord> PresumedReads::recall(const std::string& id_hash) const {
  const std::lock_guard lock(mutex_);
  const auto found = sessions_.find(id_hash);
  if (found == sessions_.end()) {
    return std::nullopt;
  }
  return found->second;
}

void PresumedReads::forget(const std::string& id_hash) {
  const std::lock_guard lock(mutex_);
  sessions_.erase(id_hash);
}

void PresumedReads::saw_version(std::int64_t n) {
  const std::lock_guard lock(mutex_);
  if (n > floor_ && n > newest_) {
    newest_ = n;
  }
}

void PresumedReads::forget_version() {
  const std::lock_guard lock(mutex_);
  floor_ = std::max(floor_, newest_);
  newest_ = -1;
}

std::optional<std::int64_t> PresumedReads::newest_version() const {
  const std::lock_guard lock(mutex_);
  if (newest_ < 0) {
    return std::nullopt;
  }
  return newest_;
}

namespace presumed_reads {
namespace {

// A read that may not wait: every statement would.
class PresumedTx final : public Tx {
 public:
  void exec(std::string_view, const Params&) override { throw core::WouldWait{}; }
  Rows query(std::string_view, const Params&) override { throw core::WouldWait{}; }
  Engine engine() const override { return Engine::postgresql; }
};

class PresumedHeld final : public shared_reads::Held {
 public:
  Tx& tx() override { return tx_; }

 private:
  PresumedTx tx_;
};

// This thread's presumption, and the Database it was made on.
struct Open {
  const Database* db = nullptr;
  Presumption presumption;
};
thread_local std::optional<Open> open_here;

}  // namespace

std::unique_ptr<shared_reads::Held> open(const Database& db) {
  if (!open_here || open_here->db != &db) {
    const std::optional<std::int64_t> version = db.presumed_reads().newest_version();
    if (!version) {
      throw core::WouldWait{};
    }
    open_here = Open{&db, Presumption{*version, {}}};
  }
  auto held = std::make_unique<PresumedHeld>();
  held->presumed = true;
  held->content_version = open_here->presumption.content_version;
  return held;
}

void run(shared_reads::Scope& shared, const std::function<bool(Tx&)>& work) {
  if (!shared.held) {
    shared.held = open(*shared.db);
  }
  // A read inside it runs alone, so would wait.
  const shared_reads::Counted reading(shared.reading);
  work(shared.held->tx());
}

PresumedReads* presumed(const Tx& tx) {
  const shared_reads::Held* held = shared_reads::held_of(tx);
  return held != nullptr && held->presumed ? &shared_reads::held_database_of(tx)->presumed_reads()
                                           : nullptr;
}

void rely_on_session(const std::string& id_hash) {
  if (!open_here) {
    throw std::logic_error("a session relied on outside a presumed read");
  }
  std::vector<std::string>& sessions = open_here->presumption.sessions;
  if (std::find(sessions.begin(), sessions.end(), id_hash) == sessions.end()) {
    sessions.push_back(id_hash);
  }
}

std::optional<Presumption> take(const Database& db) {
  if (!open_here || open_here->db != &db) {
    return std::nullopt;
  }
  Presumption out = std::move(open_here->presumption);
  open_here.reset();
  return out;
}

bool unconfirmed(const Database& db) { return open_here && open_here->db == &db; }

void drop() { open_here.reset(); }

std::vector<bool> confirm(Tx& tx, const std::vector<const Presumption*>& presumptions) {
  if (tx.presumed) {
    // A write on a presumed tail: confirmed by the statement that sends its
    // events, with the tail (store/audit.h, "Presumed tails").
    for (const Presumption* p : presumptions) {
      tx.presumed->versions.push_back(p->content_version);
      tx.presumed->sessions.insert(tx.presumed->sessions.end(), p->sessions.begin(),
                                   p->sessions.end());
    }
    return std::vector<bool>(presumptions.size(), true);
  }
  std::vector<Params> hashes;
  for (const Presumption* p : presumptions) {
    for (const std::string& hash : p->sessions) {
      hashes.push_back({hash});
    }
  }
  // The version and the sessions still there, in one round trip, and with
  // them the audit chain's tail, which the views' events would otherwise read
  // in one more (store/audit.h).
  const Rows rows = tx.query(
      "SELECT '', n, NULL, NULL FROM content_version WHERE id = 1 "
      "UNION ALL SELECT id_hash, 0, NULL, NULL FROM sessions WHERE id_hash = ANY($1::text[]) "
      "UNION ALL (SELECT '#', 0, hash, mac FROM audit_events ORDER BY id DESC LIMIT 1)",
      {postgres_array(hashes, 0)});
  std::int64_t version = -1;
  std::unordered_set<std::string> there;
  std::optional<std::string> tail_hash, tail_mac;
  for (const Row& row : rows) {
    std::string key = row.text(0);
    if (key.empty()) {
      version = row.integer(1);
    } else if (key == "#") {
      tail_hash = row.optional_text(2);
      tail_mac = row.optional_text(3);
    } else {
      there.insert(std::move(key));
    }
  }
  if (!tx.audit_tail) {
    keep_audit_tail(tx, tail_hash, tail_mac);
  }
  std::vector<bool> out;
  out.reserve(presumptions.size());
  for (const Presumption* p : presumptions) {
    out.push_back(p->content_version == version &&
                  std::all_of(p->sessions.begin(), p->sessions.end(),
                              [&](const std::string& hash) { return there.contains(hash); }));
  }
  return out;
}

}  // namespace presumed_reads
}  // namespace casepanel::store
