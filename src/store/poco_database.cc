// The Database over POCO Data (SQLite) and libpq (PostgreSQL).
//
// POCO opens, configures and closes every SQLite connection; a PostgreSQL
// connection is libpq's own (store/postgres_connection.h says why).
// Statements run on the engine's own handle: on PostgreSQL through
// libpq, one round trip each, BEGIN sent with a transaction's first statement
// (store/postgres_statements.h says why: POCO took twelve round trips for a
// read transaction of one query); on SQLite through a per-connection cache
// of prepared statements (store/sqlite_statements.h says why).
//
// Write transactions also queue on an in-process mutex, taken before BEGIN
// (IMMEDIATE, on SQLite) and held until COMMIT or ROLLBACK. SQLite allows one writer
// at a time, and its busy handler makes a waiting writer sleep and retry (up to
// 100 ms a sleep), which turned concurrent writes into second-long waits; with
// the mutex a writer in this process starts as soon as the one before it ends.
// busy_timeout stays set for writers in other processes (the CLI, jobs).
//
// On PostgreSQL, write transactions take turns across every process on the
// database: each takes a session advisory lock (kTakeWriterLock) before BEGIN and
// gives it back after COMMIT or ROLLBACK, each in the round trip of what it
// goes with (the first statement, the COMMIT). Every use case appends to the
// audit chain, which reads the chain's tail, so two concurrent writers
// always conflict; and a SERIALIZABLE transaction's snapshot is taken at its
// first statement, so a lock taken inside the transaction comes too late
// (the tail it reads may already be stale, and PostgreSQL aborts it with a
// serialization failure). Taken before BEGIN, the snapshot follows the
// previous writer's commit. Readers never wait for it. A write whose process
// knows the chain's tail, because its last write left it there and nobody
// else appends, presumes it instead of reading it (store/presumed_tail.h;
// "Presumed tails"); the server checks it, and a write that finds it moved
// runs again at once, reading it.
// A transaction that PostgreSQL aborts all the same (SQLSTATE 40001 or 40P01)
// is run again from the start, up to kMaxTransactionAttempts times, after a
// random pause (store/transaction_retry.h).
//
// Failover: a transaction whose connection is lost before COMMIT is sent
// (the primary stopped, or the server no longer takes writes) is run again
// too, for up to kReconnectBudget: its connection, and every idle one, is
// marked stale and opened again in place before its next use, and libpq
// walks the location's hosts to the one that accepts writes. A connection
// lost while COMMIT was in flight leaves the outcome unknown: the caller gets
// CommitOutcomeUnknown, never a second run (store/transaction_retry.h says why).
#include <Poco/Data/SQLite/Connector.h>
#include <Poco/Data/SQLite/Utility.h>
#include <Poco/Data/Session.h>
#include <sqlite3.h>

#include <chrono>
#include <condition_variable>
#include <exception>
#include <list>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string_view>
#include <thread>
#include <unordered_map>

#include "core/non_blocking.h"
#include "store/audit.h"
#include "store/database.h"
#include "store/postgres_connection.h"
#include "store/postgres_location.h"
#include "store/postgres_statements.h"
#include "store/presumed_reads.h"
#include "store/presumed_tail.h"
#include "store/shared_reads.h"
#include "store/sqlite_statements.h"
#include "store/transaction_retry.h"
#include "store/writer_turn.h"

namespace casepanel::store {
namespace {

using postgres::PgTx;
using sqlite::SqliteTx;
using sqlite::StatementCache;

// Any fixed number, the same in every casepanel process: PostgreSQL's
// advisory lock that makes write transactions take turns.
constexpr const char* kTakeWriterLock = "SELECT 1 FROM pg_advisory_lock(7146034381526835827)";
constexpr const char* kGiveWriterLock = "SELECT pg_advisory_unlock(7146034381526835827)";

// --- Connections and transactions -------------------------------------------

// A pooled connection: SQLite's POCO session or PostgreSQL's libpq
// connection, and the engine's statements on it.
struct Connection {
  std::unique_ptr<Poco::Data::Session> session;  // SQLite only
  std::unique_ptr<StatementCache> statements;    // SQLite only; finalized before the session closes
  std::unique_ptr<postgres::Connection> link;    // PostgreSQL only
  std::unique_ptr<postgres::Statements> pg;      // PostgreSQL only
  // PostgreSQL only: lost (or on a server that no longer takes writes);
  // opened again in place before its next use (store/postgres_connection.h).
  bool stale = false;
};

class PocoDatabase final : public Database {
 public:
  PocoDatabase(Engine engine, std::string connection, int pool_size)
      : engine_(engine), connection_(std::move(connection)), pool_size_(pool_size) {
    // Open one connection now, so a bad location fails at start-up, with
    // the engine's own words (POCO's what() names only the engine).
    try {
      idle_.push_back(connect());
    } catch (const Poco::Exception& e) {  // SQLite's
      throw std::runtime_error("cannot open the database: " + e.displayText());
    }
    opened_ = 1;
  }

  Engine engine() const override { return engine_; }

 protected:
  void run(Mode mode, const std::function<bool(Tx&)>& work) override {
    if (mode == Mode::write) {
      core::NonBlocking::would_wait();  // a write waits for its turn and its fsync
    }
    shared_reads::Scope* shared = shared_reads::open_on(*this);
    const bool sharing = shared != nullptr && shared->reading == 0 && shared->writing == 0;
    if (engine_ == Engine::postgresql && core::NonBlocking::open()) {
      // A round trip would wait: the I/O thread presumes its reads instead
      // (store/presumed_reads.h), or hands the request to a worker.
      if (!sharing) {
        throw core::WouldWait{};
      }
      presumed_reads::run(*shared, work);
      return;
    }
    std::optional<shared_reads::Counted> writing;
    if (shared != nullptr && mode == Mode::write) {
      shared->held.reset();  // store/shared_reads.h: a write ends the shared read
      writing.emplace(shared->writing);
    } else if (sharing && run_shared(*shared, work)) {
      return;
    }
    int attempts = 1;
    int reconnects = 0;
    const auto give_up_reconnecting = std::chrono::steady_clock::now() + kReconnectBudget;
    for (;;) {
      const Attempt a = attempt(mode, work);
      std::chrono::microseconds pause{};
      if (!a.error) {
        return;
      }
      if (a.failure == Failure::serialization && ++attempts <= kMaxTransactionAttempts) {
        pause = retry_pause(attempts);
      } else if (a.failure == Failure::presumption_missed &&
                 ++attempts <= kMaxTransactionAttempts) {
        continue;  // at once: the next attempt reads what this one presumed
      } else if (a.failure == Failure::connection_lost && ++reconnects < kMaxReconnectAttempts &&
                 std::chrono::steady_clock::now() < give_up_reconnecting) {
        pause = reconnect_pause(reconnects + 1);
      } else if (a.failure == Failure::commit_outcome_unknown) {
        throw CommitOutcomeUnknown(
            "the connection to the database was lost while COMMIT was in flight; the "
            "transaction may or may not have been committed: " +
            a.message);
      } else {
        std::rethrow_exception(a.error);
      }
      std::this_thread::sleep_for(pause);
    }
  }

 private:
  // One attempt's failure: none (error null), or what it was.
  struct Attempt {
    std::exception_ptr error;
    Failure failure = Failure::other;
    std::string message;
  };

  // Runs the transaction once on a pooled connection. On PostgreSQL a
  // failure is classified (store/transaction_retry.h) while the connection
  // is still at hand; one found lost is marked to be opened again before
  // its next use, and so is every idle one, which went to the same server.
  Attempt attempt(Mode mode, const std::function<bool(Tx&)>& work) {
    const WriterTurn turn(writer_, mode == Mode::write);
    FailedAt at = FailedAt::before_commit;
    std::optional<Lease> lease;
    try {
      lease.emplace(*this);
      run_once(*lease->connection, mode, work, at);
      return {};
    } catch (const std::exception& e) {
      Attempt failed{std::current_exception(), Failure::other, error_text(e)};
      if (engine_ != Engine::postgresql) {
        return failed;
      }
      if (mode == Mode::write) {
        tail_.forget();  // whatever went wrong, the next write reads the chain's tail
      }
      Connection* c = lease ? lease->connection.get() : nullptr;
      const ConnectionStatus status = c != nullptr ? c->link->status() : ConnectionStatus::bad;
      failed.failure = classify_failure(
          {.message = failed.message,
           .connection = status,
           .at = at,
           .kind = mode == Mode::write ? TransactionKind::write : TransactionKind::read});
      if (failed.failure == Failure::connection_lost ||
          failed.failure == Failure::commit_outcome_unknown) {
        mark_all_stale(c);
      }
      return failed;
    }
  }

  static void reopen_if_stale(Connection& c) {
    if (c.stale) {
      c.link->reopen();
      c.pg->forget_kept();
      c.stale = false;
    }
  }

  void run_once(Connection& c, Mode mode, const std::function<bool(Tx&)>& work, FailedAt& at) {
    reopen_if_stale(c);
    begin(c, mode);
    bool commit = false;
    bool changed = false;
    HeldAudit held;  // PostgreSQL's audit events: one INSERT, sent with the COMMIT
    bool presumed = false;
    std::optional<Tx::AuditTail> tail;  // the chain's tail as the write left it
    std::optional<std::string> tail_read;
    try {
      const auto run_work = [&](Tx& tx) {
        tx.set_audit_key(audit_key());
        const bool ok = work(tx);
        if (ok && mode == Mode::write) {
          before_commit(tx);
          held = take_held_audit(tx);
        }
        changed = tx.changed_content();
        tail = tx.audit_tail;
        tail_read = tx.tail_read;
        return ok;
      };
      if (c.statements) {
        SqliteTx tx(*c.statements);
        commit = run_work(tx);
      } else {
        PgTx tx(*c.pg);
        presumed = mode == Mode::write && tail_.presume(tx);
        commit = run_work(tx);
      }
    } catch (...) {
      rollback(c);
      throw;
    }
    if (!commit) {
      rollback(c);
      return;
    }
    at = FailedAt::commit;
    try {
      commit_transaction(c, mode, held);
    } catch (...) {
      // Never hand a connection back to the pool inside a transaction.
      rollback(c);
      throw;
    }
    if (c.pg && changed) {
      // The version the I/O thread would presume is out of date
      // (store/presumed_reads.h): none until a read sees the new one.
      presumed_reads().forget_version();
    }
    if (c.pg && mode == Mode::write) {
      tail_.committed(presumed, tail, tail_read);
    }
  }

  // After a failover every connection to the old primary is dead, though
  // libpq finds out only when it next uses one: mark them all, so that each
  // is opened again before its next transaction instead of spending an
  // attempt to find out.
  void mark_all_stale(Connection* in_hand) {
    if (in_hand != nullptr) {
      in_hand->stale = true;
    }
    std::lock_guard lock(mutex_);
    for (auto& c : idle_) {
      c->stale = true;
    }
  }

  struct Lease {
    explicit Lease(PocoDatabase& db) : db(db), connection(db.acquire()) {}
    ~Lease() { db.release(std::move(connection)); }
    PocoDatabase& db;
    std::unique_ptr<Connection> connection;
  };

  // A read transaction held open for this thread's shared reads
  // (store/shared_reads.h): begun when made, committed when it ends.
  class HeldRead final : public shared_reads::Held {
   public:
    explicit HeldRead(PocoDatabase& db) : lease_(db) {
      Connection& c = *lease_.connection;
      reopen_if_stale(c);
      db.begin(c, Mode::read);
      if (c.statements) {
        tx_ = std::make_unique<SqliteTx>(*c.statements);
      } else {
        tx_ = std::make_unique<PgTx>(*c.pg);
      }
      tx_->set_audit_key(db.audit_key());
    }
    ~HeldRead() override {
      Connection& c = *lease_.connection;
      try {
        commit_transaction(c, Mode::read);
      } catch (...) {
        rollback(c);  // never back to the pool inside a transaction
      }
      if (c.pg && c.link->status() == ConnectionStatus::bad) {
        c.stale = true;
      }
    }
    Tx& tx() override { return *tx_; }

   private:
    Lease lease_;
    std::unique_ptr<Tx> tx_;
  };

  // Runs a read in this thread's held transaction, beginning one if none is
  // held. False when it threw: the held transaction is ended, and the read
  // is to run alone, with the usual retries.
  bool run_shared(shared_reads::Scope& shared, const std::function<bool(Tx&)>& work) {
    try {
      if (!shared.held) {
        shared.held = std::make_unique<HeldRead>(*this);
      }
      const shared_reads::Counted reading(shared.reading);
      work(shared.held->tx());  // a read has nothing to roll back
      return true;
    } catch (...) {
      shared.held.reset();
      return false;
    }
  }

  std::unique_ptr<Connection> connect() {
    auto c = std::make_unique<Connection>();
    if (engine_ == Engine::sqlite) {
      c->session = std::make_unique<Poco::Data::Session>("sqlite", connection_);
      using Poco::Data::Keywords::now;
      // The busy timeout first: switching a new file to WAL takes a lock
      // that another process opening it at the same moment may hold.
      *c->session << "PRAGMA busy_timeout=10000", now;
      *c->session << "PRAGMA journal_mode=WAL", now;
      *c->session << "PRAGMA synchronous=FULL", now;
      *c->session << "PRAGMA foreign_keys=ON", now;
      c->statements =
          std::make_unique<StatementCache>(Poco::Data::SQLite::Utility::dbHandle(*c->session));
    } else {
      c->link = std::make_unique<postgres::Connection>(connection_);
      c->pg = std::make_unique<postgres::Statements>(*c->link);
    }
    return c;
  }

  std::unique_ptr<Connection> acquire() {
    std::unique_lock lock(mutex_);
    for (;;) {
      if (!idle_.empty()) {
        auto c = std::move(idle_.back());
        idle_.pop_back();
        return c;
      }
      if (opened_ < pool_size_) {
        ++opened_;
        lock.unlock();
        try {
          return connect();
        } catch (...) {
          std::lock_guard again(mutex_);
          --opened_;
          throw;
        }
      }
      core::NonBlocking::would_wait();
      available_.wait(lock);
    }
  }

  void release(std::unique_ptr<Connection> connection) {
    {
      std::lock_guard lock(mutex_);
      idle_.push_back(std::move(connection));
    }
    available_.notify_one();
  }

  // A statement outside the work: through the statement cache on SQLite,
  // on its own (never with a transaction's statements) on PostgreSQL.
  static void statement(Connection& c, const char* sql) {
    if (c.statements) {
      SqliteTx(*c.statements).exec(sql, {});
    } else {
      c.pg->run_alone(sql);
    }
  }

  void begin(Connection& c, Mode mode) {
    if (engine_ == Engine::sqlite) {
      // IMMEDIATE takes the write lock up front: two writers never deadlock
      // upgrading from a read lock. In this process they already queued on
      // writer_; other processes' writers queue on busy_timeout.
      statement(c, mode == Mode::write ? "BEGIN IMMEDIATE" : "BEGIN");
    } else {
      // A read sees one snapshot throughout, as SQLite's BEGIN gives it: under
      // PostgreSQL's default (READ COMMITTED) each statement would see the
      // commits made since the one before, and a page could mix the two.
      // Sent with the transaction's first statement, in the same round trip.
      // A write takes the writers' lock first, in the same round trip, and
      // gives it back in its COMMIT's, or after its ROLLBACK (the comment at
      // the top of this file). The lock is the connection's, so a connection
      // that breaks gives it back by itself.
      if (mode == Mode::write) {
        c.pg->begin("BEGIN ISOLATION LEVEL SERIALIZABLE", kTakeWriterLock, kGiveWriterLock);
      } else {
        c.pg->begin("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
      }
    }
  }

  // On PostgreSQL, nothing to send when the transaction ran no statement,
  // a read's COMMIT is not waited for (Statements::commit_unawaited), and a
  // write's held audit events go in its COMMIT's round trip.
  static void commit_transaction(Connection& c, Mode mode, const HeldAudit& held = {}) {
    if (c.pg && mode == Mode::read) {
      c.pg->commit_unawaited();
    } else if (c.pg) {
      c.pg->commit(held.sql, held.params);
    } else {
      statement(c, "COMMIT");
    }
  }

  static void rollback(Connection& c) {
    if (c.pg) {
      c.pg->rollback();
      return;
    }
    try {
      statement(c, "ROLLBACK");
    } catch (...) {
      // The transaction is already gone (e.g. the connection failed).
    }
  }

  Engine engine_;
  std::string connection_;
  int pool_size_;
  std::mutex writer_;  // one write transaction at a time in this process (WriterTurn)
  PresumedTail tail_;  // PostgreSQL; guarded by writer_
  std::mutex mutex_;   // guards idle_ and opened_
  std::condition_variable available_;
  std::vector<std::unique_ptr<Connection>> idle_;
  int opened_ = 0;
};

std::once_flag connectors_registered;

}  // namespace

std::unique_ptr<Database> Database::open(const std::string& location, int pool_size) {
  std::call_once(connectors_registered, [] { Poco::Data::SQLite::Connector::registerConnector(); });
  if (is_postgres_location(location)) {
    const std::string conninfo = postgres_conninfo(location);
    return std::make_unique<PocoDatabase>(Engine::postgresql, conninfo, pool_size);
  }
  std::string file = location.rfind("sqlite:", 0) == 0 ? location.substr(7) : location;
  return std::make_unique<PocoDatabase>(Engine::sqlite, file, pool_size);
}

}  // namespace casepanel::store
