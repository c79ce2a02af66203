// PostgreSQL statements through libpq, on the connection POCO opened: one
// pooled connection's statements and the transaction around them
// (store/poco_database.cc owns the pool and decides when a transaction
// begins and ends). Internal to store/: nothing outside this layer includes it.
//
// Why not POCO's Statement (issue 17 §2, docs/benchmarks.md): POCO 1.11's
// connector runs each statement as four round trips to the server (PQprepare
// under a fresh UUID name, PQdescribePrepared, PQexecPrepared, then
// DEALLOCATE, since it cannot know that a BEGIN it did not send opened a
// transaction), and BEGIN and COMMIT are statements like any other: a read
// transaction of one query was twelve round trips. And the server planned
// every statement afresh, which for the decision record's eight-table join
// took 2.1-2.6 ms against 0.3 ms to run it. Here:
// - a statement is prepared once per connection, under a name of ours, and
//   kept (kPreparedPerConnection, by SQL text): PostgreSQL parses it once
//   and plans it once, for any values (plan_cache_mode force_generic_plan,
//   set on every connection: store/postgres_connection.cc), so the planning
//   is not paid on every page (Plans, below);
// - a statement is one round trip: a kept one is only bound and executed
//   (PQexecPrepared), a new one is prepared in the same round trip
//   (libpq's pipeline mode);
// - BEGIN is not sent on its own: it waits for the transaction's first
//   statement and goes with it in one round trip (pipeline mode, with no
//   sync between the two, so the statement runs inside the transaction BEGIN
//   opened, under its isolation level); a transaction that runs no statement
//   sends neither BEGIN nor COMMIT;
// - the writers' advisory lock and other statements outside a transaction
//   are one round trip each (run_alone).
//
// Kept statements and a changing schema: PostgreSQL plans a kept statement
// again by itself when a table it reads changes, but refuses to run one whose
// result columns changed (a SELECT * after ALTER TABLE ADD COLUMN: "cached
// plan must not change result type", SQLSTATE 0A000). Then every kept
// statement is dropped (DEALLOCATE ALL, after the transaction ends) and the
// transaction runs again from the start (store/transaction_retry.h), with
// the statement prepared anew. They are dropped too when more than
// kPreparedPerConnection have been kept, and forgotten when the connection
// was opened again (a new server process has none).
//
// Plans: under the server's default (plan_cache_mode auto) a kept statement
// is planned for its values five times, then on a generic plan only if that
// plan's estimated cost is no higher than theirs, with planning counted at
// 1000 x cpu_operator_cost a table. That undercounts planning here by more
// than ten times: a kept child page's access check (three tables, LIMIT 1)
// was planned anew on every run, 0.24 ms of planning for 0.024 ms of work,
// half the server's CPU for the page. Forcing the generic plan served the
// kept child page at 2,773-3,330 requests a second against 1,991-2,161,
// built the sitting page in 3.8-4.1 ms against 4.2-4.5 ms, and left the
// annual review unchanged (60-64 ms either way); docs/benchmarks.md, "One
// transaction for a page's reads, and plans made once".
//
// Values: parameters go as text with no declared type (the server infers
// each from its place, as it did for POCO's); a text parameter holding a NUL
// is refused (PostgreSQL's text cannot hold one). A column of type boolean,
// smallint, integer or bigint comes back as int64 (true 1, false 0), NULL as
// nullptr, anything else as its text, as through POCO's RecordSet.
//
// Errors throw Poco::Data::PostgreSQL::StatementException, as POCO's did,
// with the server's message, "State: " and the SQLSTATE
// (store/transaction_retry.h reads it there), and the SQL; a lost connection
// gives libpq's message.
//
// Thread safety: a connection is used by one thread at a time; so are its
// Statements and any PgTx over them.
#pragma once

#include <libpq-fe.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "store/audit.h"
#include "store/database.h"
#include "store/postgres_connection.h"

namespace casepanel::store::postgres {

inline constexpr std::size_t kPreparedPerConnection = 256;

class Statements {
 public:
  explicit Statements(Connection& connection) : connection_(connection) {}

  // Opens a transaction with `begin` ("BEGIN ISOLATION LEVEL ..."), sent
  // with the transaction's first statement, in the same round trip. `before`
  // (when given) goes first, outside the transaction, and once it has run
  // `after` is owed: sent in the round trip of the COMMIT, or after the
  // ROLLBACK (the writers' advisory lock taken and given back,
  // store/poco_database.cc). A transaction that runs no statement sends none.
  void begin(std::string begin, std::string before = {}, std::string after = {});
  // COMMIT, if BEGIN was sent, with what is owed; nothing to do otherwise.
  // Throws as a statement does. `last` (when not empty), the transaction's
  // last statement, goes in the COMMIT's round trip, before it: the audit
  // events the transaction still holds (store/audit.h), one round trip fewer
  // for a write that changed nothing a page shows, such as a shared write of
  // views (a change's summary refresh runs statements after its events,
  // which send them first). When no statement has run yet, BEGIN and what
  // goes before it join the same round trip: a write of views on a presumed
  // tail is one round trip in all. docs/benchmarks.md, "PostgreSQL at 16
  // connections: where a shared write's time goes" and "A write of views in
  // one round trip".
  void commit(std::string_view last = {}, const Params& last_params = {});
  // The same for a read-only transaction, without waiting for the answer:
  // the connection's next use reads it first (and throws then, as a
  // statement does, if it was an error). A read that ends does not wait a
  // round trip for a COMMIT that has nothing to make durable. Never throws:
  // a connection that cannot take it is found bad on its next use.
  void commit_unawaited() noexcept;
  // ROLLBACK, if a transaction is open on the server. Never throws: a
  // connection that failed has no transaction left.
  void rollback() noexcept;

  // A statement inside the transaction (BEGIN goes with the first). `first`
  // (when not empty) runs before it, in the same round trip: the audit
  // events the transaction holds (store/audit.h); if it fails, `sql` does
  // not run and its error is the one thrown.
  Rows run(std::string_view sql, const Params& params, std::string_view first = {},
           const Params& first_params = {});
  // A statement outside any transaction, such as the writers' advisory lock.
  void run_alone(const char* sql);

  // After the connection was opened again (store/postgres_connection.h): the
  // new server process holds no statement of ours, and no answer is owed.
  void forget_kept() {
    prepared_.clear();
    commit_in_flight_ = false;
  }

  // A statement of a round trip (round_trip): its SQL, its values, and the
  // name it is kept under, prepared in the same round trip when new.
  struct Step {
    std::string sql;
    const Params* params;
    std::string name = {};
    bool prepare = false;
  };

 private:
  // `steps` in one round trip, with BEGIN and what goes before it when the
  // transaction has not begun, and COMMIT and what is owed when `commit`;
  // the last step's rows.
  Rows round_trip(std::vector<Step>& steps, bool commit);
  // The kept statement's name for `sql` on this server process, or empty.
  std::string kept_name(PGconn* conn, const std::string& sql);
  // A name of ours for a statement to be prepared, never used before.
  std::string next_name() { return "casepanel_" + std::to_string(++named_); }
  void keep(const std::string& sql, const std::string& name);
  // After the transaction: DEALLOCATE ALL, if asked for.
  void drop_kept_if_asked(PGconn* conn) noexcept;
  // Reads the answer to a COMMIT sent by commit_unawaited(), if one is owed;
  // throws if it was an error.
  void settle();

  Connection& connection_;
  std::string pending_begin_;   // BEGIN not yet sent; empty when sent or none
  std::string pending_before_;  // what goes before it, likewise
  std::string pending_after_;   // what is owed once `before` has run
  std::string owed_after_;      // owed now: `before` ran, `after` not yet
  bool begun_ = false;          // BEGIN sent, COMMIT or ROLLBACK not yet
  std::unordered_map<std::string, std::string> prepared_;  // SQL -> its name on the server
  std::uint64_t named_ = 0;        // statements named so far, for the next name
  int backend_ = 0;                // the server process prepared_ was prepared on
  bool drop_all_ = false;          // DEALLOCATE ALL when the transaction ends
  bool commit_in_flight_ = false;  // commit_unawaited()'s answer not yet read
};

class PgTx final : public Tx {
 public:
  explicit PgTx(Statements& statements) : statements_(statements) {}

  // Audit events held by append_audit go first, in the same round trip
  // (store/audit.h).
  void exec(std::string_view sql, const Params& params) override { query(sql, params); }
  Rows query(std::string_view sql, const Params& params) override {
    note(sql);
    if (held_audit.empty()) {
      return statements_.run(sql, params);
    }
    const HeldAudit held = take_held_audit(*this);
    return statements_.run(sql, params, held.sql, held.params);
  }
  Engine engine() const override { return Engine::postgresql; }

 private:
  Statements& statements_;
};

}  // namespace casepanel::store::postgres
