// Database: the one seam through which casepanel reads and writes data.
//
// Every use case runs inside exactly one transaction: Database::write() opens
// it (SQLite: BEGIN IMMEDIATE, so writers queue instead of deadlocking),
// commits when the function returns a successful Result and rolls back when it
// returns an error or throws. Nothing is half-written.
//
// SQL is written once for both engines: parameters are numbered $1, $2 ... in
// order of appearance and each is used once (DESIGN.md), ids come back through
// RETURNING id. Values are bound, never spliced into SQL text.
//
// On PostgreSQL a transaction that the server aborted as a serialization
// failure, or that lost its connection before COMMIT (a failover: the
// connection is opened again, and libpq finds the new primary), runs again
// from the start, a bounded number of times (store/transaction_retry.h): the
// function passed to read() or write() may run more than once, and must do
// nothing outside the transaction but compute its result.
//
// Thread safety: a Database may be shared by all server threads; each call to
// read()/write() borrows one connection from a small pool for its duration.
// A Tx must not leave the function it was handed to.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/completion.h"
#include "core/result.h"

namespace casepanel::store {

// A bound parameter or a column value.
using Value = std::variant<std::nullptr_t, std::int64_t, std::string>;
using Params = std::vector<Value>;

// Parameter helpers: an empty optional binds NULL.
Value nullable(const std::optional<std::string>& s);
Value nullable(const std::optional<std::int64_t>& i);
Value nullable_text(std::string_view s);  // "" binds NULL

// One row of a result, with typed access by column position.
class Row {
 public:
  explicit Row(std::vector<Value> values) : values_(std::move(values)) {}
  bool is_null(std::size_t i) const;
  std::string text(std::size_t i) const;      // NULL -> ""
  std::int64_t integer(std::size_t i) const;  // NULL -> 0
  std::optional<std::string> optional_text(std::size_t i) const;
  std::optional<std::int64_t> optional_integer(std::size_t i) const;
  std::size_t size() const { return values_.size(); }

 private:
  std::vector<Value> values_;
};
using Rows = std::vector<Row>;

enum class Engine { sqlite, postgresql };

// Thrown by Database::write (and read) when the connection to PostgreSQL was
// lost while COMMIT was in flight, as in a failover: the server may have
// committed the transaction and failed to say so, or not. It is not run
// again (that could do a use case twice). The server answers the request
// with its error page; the person checks whether the change is there (it is
// either wholly there or wholly absent) before doing it again.
class CommitOutcomeUnknown : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class AuditKey;       // store/audit_key.h
class KeptReads;      // store/kept_reads.h
class PresumedReads;  // store/presumed_reads.h

class Tx {
 public:
  virtual ~Tx() = default;
  virtual void exec(std::string_view sql, const Params& params = {}) = 0;
  virtual Rows query(std::string_view sql, const Params& params = {}) = 0;
  // The first row, if any.
  std::optional<Row> query_one(std::string_view sql, const Params& params = {});
  // Runs an INSERT ... RETURNING id and gives the new id.
  std::int64_t insert(std::string_view sql, const Params& params = {});
  virtual Engine engine() const = 0;
  // The key that signs audit events (store/audit.h); set by the Database
  // that opened this transaction, null when it has none.
  const AuditKey* audit_key() const { return audit_key_; }
  void set_audit_key(const AuditKey* key) { audit_key_ = key; }
  // Whether this transaction ran a statement that may change what a page
  // shows: anything but a SELECT, an audit event appended or a session
  // touched (store/content_version.h). Unsure counts as changed.
  bool changed_content() const { return changed_content_; }
  // The audit chain's tail as this transaction left it: the hash and MAC of
  // the last event it appended (store/audit.cc), so that the next event it
  // appends is chained without reading them back. A transaction run again
  // is a new Tx, so a tail never outlives its own attempt.
  struct AuditTail {
    std::string hash, mac;
  };
  std::optional<AuditTail> audit_tail;
  // Audit events appended and not yet sent (store/audit.h, take_held_audit):
  // on PostgreSQL they go in one INSERT, in the round trip of the
  // transaction's next statement (before it) or of its COMMIT, not in a
  // round trip each. Each is the INSERT's
  // twelve values, in column order.
  std::vector<Params> held_audit;
  // On PostgreSQL, a write that presumes instead of reading (store/audit.h,
  // "Presumed tails"): audit_tail starts as the chain's tail its process
  // last committed, and the pages' presumptions it carries (content versions
  // and session id hashes, store/presumed_reads.h) are checked by the
  // statement that sends its held events, which fails the whole write when
  // one no longer holds. Set by the engine; emptied once checked.
  struct Presumed {
    std::string tail_hash;  // the tail presumed, as it was before this write
    std::vector<std::int64_t> versions;
    std::vector<std::string> sessions;
  };
  std::optional<Presumed> presumed;
  // The chain's tail hash as a statement of this transaction read it
  // (keep_audit_tail), if one did.
  std::optional<std::string> tail_read;

 protected:
  // The engines call this with every statement they run.
  void note(std::string_view sql) {
    if (!changed_content_ && may_change_content(sql)) {
      changed_content_ = true;
    }
  }

 private:
  static bool may_change_content(std::string_view sql);
  const AuditKey* audit_key_ = nullptr;
  bool changed_content_ = false;
};

class Database {
 public:
  Database();
  virtual ~Database() = default;

  // "FILE" or "sqlite:FILE" opens (creating) an SQLite database;
  // "postgresql://..." or libpq's "host=... dbname=..." a PostgreSQL one
  // (several hosts included: store/postgres_location.h). Throws on failure
  // to connect.
  static std::unique_ptr<Database> open(const std::string& location, int pool_size = 8);

  template <typename T>
  core::Result<T> write(const std::function<core::Result<T>(Tx&)>& work) {
    std::optional<core::Result<T>> out;
    run(Mode::write, [&](Tx& tx) {
      out.emplace(work(tx));
      return out->ok();
    });
    return std::move(*out);
  }
  template <typename T>
  core::Result<T> read(const std::function<core::Result<T>(Tx&)>& work) {
    std::optional<core::Result<T>> out;
    run(Mode::read, [&](Tx& tx) {
      out.emplace(work(tx));
      return out->ok();
    });
    return std::move(*out);
  }
  // For code with no expected failure (migrations, demo data, jobs).
  void write_all(const std::function<void(Tx&)>& work) {
    run(Mode::write, [&](Tx& tx) {
      work(tx);
      return true;
    });
  }
  // Work that may commit in one transaction with other threads' (group
  // commit): the audit event of a page served from memory, which would
  // otherwise wait alone for its own COMMIT and fsync. The first caller to
  // find no transaction under way runs every work queued by then in one
  // write; the rest wait for it, and when it ends one caller of the works
  // queued meanwhile is handed the next. If that write fails, each work runs again
  // alone, so one work's error reaches only its own caller. Returns once
  // the work has committed; throws as write_all() does.
  void write_shared(const std::function<void(Tx&)>& work);
  // The same without waiting: the work joins the next shared write and the
  // call returns. When no write is under way this thread runs it, at once or,
  // inside a core::Deferred scope, when the scope runs what it owes; the
  // completion says when it has committed, or that it could not. For a page
  // served from memory, sent only once its view event has committed
  // (web/http_workers.h), so that no worker thread sleeps on the COMMIT.
  // A presumption this thread holds (store/presumed_reads.h) goes with the
  // work and is confirmed in its transaction first; when it no longer holds
  // the work does not run, and the completion says `stale`.
  std::shared_ptr<core::Completion> write_shared_async(std::function<void(Tx&)> work);
  struct SharedCounts {
    std::int64_t writes = 0;  // shared writes run, each one transaction
    std::int64_t works = 0;   // the works they carried
    std::size_t waiting = 0;  // works queued now for the next
  };
  SharedCounts shared_counts();
  void read_all(const std::function<void(Tx&)>& work) {
    run(Mode::read, [&](Tx& tx) {
      work(tx);
      return true;
    });
  }

  virtual Engine engine() const = 0;

  // The audit log's signing key, handed to every transaction. Set once, before
  // the Database is shared between threads.
  void set_audit_key(std::shared_ptr<const AuditKey> key) { audit_key_ = std::move(key); }
  const AuditKey* audit_key() const { return audit_key_.get(); }

  // Work run in every write transaction that is to commit, just before its
  // COMMIT: migrate() sets the review's summary refresh
  // (store/report_summary.h). Set once, before the Database is shared.
  void set_before_commit(std::function<void(Tx&)> work) { before_commit_ = std::move(work); }

  // Reads kept at the content version they were made at (store/kept_reads.h).
  KeptReads& kept_reads() const { return *kept_reads_; }
  // What real reads found, for the I/O thread to presume on PostgreSQL
  // (store/presumed_reads.h).
  PresumedReads& presumed_reads() const { return *presumed_reads_; }

 protected:
  enum class Mode { read, write };
  // Runs work in a transaction; commits if it returns true, else rolls back.
  // Exceptions roll back and propagate.
  virtual void run(Mode mode, const std::function<bool(Tx&)>& work) = 0;
  // What an engine calls once a write's work asked to commit.
  void before_commit(Tx& tx) const {
    if (before_commit_) {
      before_commit_(tx);
    }
  }

 private:
  std::shared_ptr<const AuditKey> audit_key_;
  std::function<void(Tx&)> before_commit_;
  std::shared_ptr<KeptReads> kept_reads_;
  std::shared_ptr<PresumedReads> presumed_reads_;
  // write_shared(): the works waiting for the next shared write, and whether
  // one is under way or handed to a caller to run.
  struct SharedBatch;
  // Runs the open batch, then each opened meanwhile that no caller waits to
  // run; called with shared_mutex_ locked and returns with it unlocked.
  void lead_shared(std::unique_lock<std::mutex>& lock);
  // The batch's works in `tx`, but those whose presumption no longer holds.
  static void run_confirmed(Tx& tx, SharedBatch& batch);
  std::mutex shared_mutex_;
  std::shared_ptr<SharedBatch> shared_open_;
  bool shared_leading_ = false;
  std::int64_t shared_writes_ = 0;
  std::int64_t shared_works_ = 0;
};

}  // namespace casepanel::store
