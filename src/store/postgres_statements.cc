#include "store/postgres_statements.h"

#include <Poco/Data/PostgreSQL/PostgreSQLException.h>
#include <libpq-fe.h>

#include <charconv>
#include <deque>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "store/postgres_connection.h"

namespace casepanel::store::postgres {
namespace {

// The built-in types that come back as integers (pg_type.h).
constexpr Oid kBool = 16;
constexpr Oid kInt8 = 20;
constexpr Oid kInt2 = 21;
constexpr Oid kInt4 = 23;

struct ClearResult {
  void operator()(PGresult* r) const { PQclear(r); }
};
using Result = std::unique_ptr<PGresult, ClearResult>;

// The parameters as libpq takes them: text, no declared types, NULL as a
// null pointer.
class Bound {
 public:
  explicit Bound(const Params& params) {
    numbers_.reserve(params.size());  // never moved: values_ points into it
    values_.reserve(params.size());
    for (const Value& v : params) {
      if (const auto* s = std::get_if<std::string>(&v)) {
        // PostgreSQL's text cannot hold a NUL: refuse it rather than cut the
        // value short there.
        if (s->find('\0') != std::string::npos) {
          throw std::invalid_argument("a text value for PostgreSQL holds a NUL character");
        }
        values_.push_back(s->c_str());
      } else if (const auto* n = std::get_if<std::int64_t>(&v)) {
        values_.push_back(numbers_.emplace_back(std::to_string(*n)).c_str());
      } else {
        values_.push_back(nullptr);
      }
    }
  }
  int count() const { return static_cast<int>(values_.size()); }
  const char* const* values() const { return values_.empty() ? nullptr : values_.data(); }

 private:
  std::vector<std::string> numbers_;
  std::vector<const char*> values_;
};

[[noreturn]] void fail(PGconn* conn, const PGresult* r, std::string_view sql) {
  std::string message = r != nullptr ? PQresultErrorMessage(r) : "";
  if (message.empty()) {
    message = PQerrorMessage(conn);
  }
  const char* state = r != nullptr ? PQresultErrorField(r, PG_DIAG_SQLSTATE) : nullptr;
  std::string text = "postgresql_stmt_execute error: " + message;
  if (state != nullptr) {
    text += " State: " + std::string(state);
  }
  throw Poco::Data::PostgreSQL::StatementException(text + " SQL: " + std::string(sql));
}

Result checked(PGconn* conn, Result r, std::string_view sql) {
  const ExecStatusType status = r ? PQresultStatus(r.get()) : PGRES_FATAL_ERROR;
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
    fail(conn, r.get(), sql);
  }
  return r;
}

Value integer_value(const char* text, int length, Oid type) {
  if (type == kBool) {
    return std::int64_t{text[0] == 't' ? 1 : 0};
  }
  std::int64_t out = 0;
  std::from_chars(text, text + length, out);
  return out;
}

Rows rows_of(const PGresult* r) {
  const int columns = PQnfields(r);
  const int count = PQntuples(r);
  std::vector<Oid> integer(columns, 0);
  for (int c = 0; c < columns; ++c) {
    const Oid type = PQftype(r, c);
    integer[c] = type == kBool || type == kInt2 || type == kInt4 || type == kInt8 ? type : 0;
  }
  Rows rows;
  rows.reserve(count);
  for (int i = 0; i < count; ++i) {
    std::vector<Value> values;
    values.reserve(columns);
    for (int c = 0; c < columns; ++c) {
      const char* text = PQgetvalue(r, i, c);
      const int length = PQgetlength(r, i, c);
      if (PQgetisnull(r, i, c) != 0) {
        values.emplace_back(nullptr);
      } else if (integer[c] != 0) {
        values.push_back(integer_value(text, length, integer[c]));
      } else {
        values.emplace_back(std::string(text, static_cast<std::size_t>(length)));
      }
    }
    rows.emplace_back(std::move(values));
  }
  return rows;
}

// Queues a statement of no parameters in pipeline mode; false when it
// could not be sent.
bool send_plain(PGconn* conn, const char* sql) {
  return PQsendQueryParams(conn, sql, 0, nullptr, nullptr, nullptr, nullptr, 0) == 1;
}

// One query's result in pipeline mode, and the null that ends it.
Result next_result(PGconn* conn) {
  Result r(PQgetResult(conn));
  if (r) {
    PQclear(PQgetResult(conn));
  }
  return r;
}

// Pipeline mode for one round trip: leaves it when done, reading what is
// left up to the sync (at most a few results), whatever happened before.
class Pipeline {
 public:
  explicit Pipeline(PGconn* conn) : conn_(conn) {
    if (PQenterPipelineMode(conn_) != 1) {
      fail(conn_, nullptr, "(pipeline mode)");
    }
  }
  Pipeline(const Pipeline&) = delete;
  Pipeline& operator=(const Pipeline&) = delete;
  ~Pipeline() {
    for (int i = 0; i < 8 && PQpipelineStatus(conn_) != PQ_PIPELINE_OFF; ++i) {
      Result r(PQgetResult(conn_));
      if (r && PQresultStatus(r.get()) == PGRES_PIPELINE_SYNC) {
        PQexitPipelineMode(conn_);
      }
    }
    // Still on only when the connection failed: opening it again (PQreset)
    // turns pipeline mode off.
  }

 private:
  PGconn* conn_;
};

// One round trip: statements with what must go before them, and perhaps the
// COMMIT after them. First a statement before BEGIN (when `before` is not
// empty: the writers' lock) and a sync; then BEGIN (when `begin` is not
// empty) and each step, prepared first when it is new, with no sync between
// them, so that they run inside the transaction BEGIN opens; then, when
// `commit`, COMMIT and `after` (the lock given back, when not empty). After
// an error the server skips the rest up to the sync: a statement that failed
// leaves those after it, COMMIT and `after` unrun.
struct Pipelined {
  const std::string& before;
  const std::string& begin;
  const std::vector<Statements::Step>& steps;
  bool commit;
  const std::string& after;
};

// The answers, in the order sent; each null when not sent.
struct Answers {
  Result before, began;
  std::vector<Result> prepared, ran;  // a step's
  Result committed, then;
};

Answers send_pipelined(PGconn* conn, const Pipelined& s) {
  // Every value bound before anything is sent: one refused (a NUL) throws
  // with nothing in flight.
  std::deque<Bound> bound;
  for (const Statements::Step& step : s.steps) {
    bound.emplace_back(*step.params);
  }
  Answers a;
  Pipeline pipeline(conn);
  // `before` has a sync of its own: the statements between two syncs run as
  // one implicit transaction, in which BEGIN's isolation level would come
  // too late.
  bool sent =
      (s.before.empty() || (send_plain(conn, s.before.c_str()) && PQpipelineSync(conn) == 1)) &&
      (s.begin.empty() || send_plain(conn, s.begin.c_str()));
  for (std::size_t i = 0; sent && i < s.steps.size(); ++i) {
    const Statements::Step& step = s.steps[i];
    sent = (!step.prepare ||
            PQsendPrepare(conn, step.name.c_str(), step.sql.c_str(), 0, nullptr) == 1) &&
           PQsendQueryPrepared(conn, step.name.c_str(), bound[i].count(), bound[i].values(),
                               nullptr, nullptr, 0) == 1;
  }
  sent = sent && (!s.commit || send_plain(conn, "COMMIT")) &&
         (!s.commit || s.after.empty() || send_plain(conn, s.after.c_str())) &&
         PQpipelineSync(conn) == 1;
  if (!sent) {
    fail(conn, nullptr, s.steps.empty() ? std::string_view("COMMIT") : s.steps.back().sql);
  }
  if (!s.before.empty()) {
    a.before = next_result(conn);
    const Result sync(PQgetResult(conn));
  }
  a.began = s.begin.empty() ? nullptr : next_result(conn);
  for (const Statements::Step& step : s.steps) {
    a.prepared.push_back(step.prepare ? next_result(conn) : nullptr);
    a.ran.push_back(next_result(conn));
  }
  a.committed = s.commit ? next_result(conn) : nullptr;
  a.then = s.commit && !s.after.empty() ? next_result(conn) : nullptr;
  return a;
}

bool answered(const Result& r, ExecStatusType status) {
  return r && PQresultStatus(r.get()) == status;
}

// The server no longer runs a kept statement whose result columns changed.
bool plan_changed(std::string_view message) {
  return message.find("cached plan must not change result type") != std::string_view::npos;
}

}  // namespace

void Statements::begin(std::string begin, std::string before, std::string after) {
  pending_begin_ = std::move(begin);
  pending_before_ = std::move(before);
  pending_after_ = std::move(after);
  begun_ = false;
  owed_after_.clear();
}

Rows Statements::run(std::string_view sql, const Params& params, std::string_view first,
                     const Params& first_params) {
  settle();
  PGconn* conn = connection_.get();
  const std::string text(sql);
  try {
    if (first.empty() && pending_begin_.empty()) {
      const std::string name = kept_name(conn, text);
      if (!name.empty()) {
        const Bound p(params);
        Result r(PQexecPrepared(conn, name.c_str(), p.count(), p.values(), nullptr, nullptr, 0));
        return rows_of(checked(conn, std::move(r), text).get());
      }
    }
    std::vector<Step> steps;
    if (!first.empty()) {
      steps.push_back({std::string(first), &first_params});
    }
    steps.push_back({text, &params});
    return round_trip(steps, false);
  } catch (const Poco::Exception& e) {
    if (plan_changed(e.displayText())) {
      // Drop them all once the transaction has ended; it runs again.
      prepared_.clear();
      drop_all_ = true;
    }
    throw;
  }
}

Rows Statements::round_trip(std::vector<Step>& steps, bool commit) {
  PGconn* conn = connection_.get();
  for (Step& step : steps) {
    step.name = kept_name(conn, step.sql);
    step.prepare = step.name.empty();
    if (step.prepare) {
      step.name = next_name();
    }
  }
  const std::string before = std::move(pending_before_);
  pending_before_.clear();
  const std::string begin = std::move(pending_begin_);
  pending_begin_.clear();
  // `after` is owed once `before` has run; with a COMMIT it goes too.
  const std::string after = !commit ? std::string() : before.empty() ? owed_after_ : pending_after_;
  begun_ = !commit && (begun_ || !begin.empty());
  Answers a = send_pipelined(conn, {before, begin, steps, commit, after});
  // What the server holds and owes now, whatever failed.
  if (!before.empty() && answered(a.before, PGRES_TUPLES_OK)) {
    owed_after_ = std::move(pending_after_);
  }
  for (std::size_t i = 0; i < steps.size(); ++i) {
    keep(steps[i].sql, steps[i].prepare && answered(a.prepared[i], PGRES_COMMAND_OK)
                           ? steps[i].name
                           : std::string());
  }
  if (!before.empty()) {
    checked(conn, std::move(a.before), before);
  }
  if (!begin.empty()) {
    checked(conn, std::move(a.began), begin);
  }
  Rows rows;
  for (std::size_t i = 0; i < steps.size(); ++i) {
    if (steps[i].prepare) {
      checked(conn, std::move(a.prepared[i]), steps[i].sql);
    }
    rows = rows_of(checked(conn, std::move(a.ran[i]), steps[i].sql).get());
  }
  if (commit) {
    // After a COMMIT that failed, `after` did not run (the pipeline
    // stopped): it is still owed, and rollback() sends it.
    checked(conn, std::move(a.committed), "COMMIT");
    if (!owed_after_.empty() && !answered(a.then, PGRES_TUPLES_OK)) {
      PQclear(PQexec(conn, owed_after_.c_str()));  // never left owed past its transaction
    }
    owed_after_.clear();
    drop_kept_if_asked(conn);
  }
  return rows;
}

std::string Statements::kept_name(PGconn* conn, const std::string& sql) {
  const int backend = PQbackendPID(conn);
  if (backend != backend_) {
    // A new server process (the connection was opened again) holds none.
    prepared_.clear();
    backend_ = backend;
  }
  const auto found = prepared_.find(sql);
  return found != prepared_.end() ? found->second : std::string();
}

void Statements::keep(const std::string& sql, const std::string& name) {
  if (name.empty()) {
    return;
  }
  prepared_.emplace(sql, name);
  if (prepared_.size() > kPreparedPerConnection) {
    // SQL made up on the fly (a list of ids, say): start again when this
    // transaction ends rather than hold more and more on the server.
    drop_all_ = true;
  }
}

void Statements::drop_kept_if_asked(PGconn* conn) noexcept {
  if (!drop_all_) {
    return;
  }
  drop_all_ = false;
  prepared_.clear();
  // Names are never used again, so one left behind (the connection failed)
  // only waits for its server process to end.
  PQclear(PQexec(conn, "DEALLOCATE ALL"));
}

void Statements::run_alone(const char* sql) {
  settle();
  PGconn* conn = connection_.get();
  checked(conn, Result(PQexec(conn, sql)), sql);
}

void Statements::commit(std::string_view last, const Params& last_params) {
  if (!begun_ && last.empty()) {
    pending_begin_.clear();
    pending_before_.clear();
    return;  // no statement ran: no transaction to end
  }
  settle();
  if (last.empty() && owed_after_.empty()) {
    begun_ = false;
    run_alone("COMMIT");
    drop_kept_if_asked(connection_.get());
    return;
  }
  // One round trip: [the lock, BEGIN,] [the last statement,] COMMIT [, the
  // lock given back]; a transaction that has run no statement yet is opened
  // by its last.
  std::vector<Step> steps;
  if (!last.empty()) {
    steps.push_back({std::string(last), &last_params});
  }
  round_trip(steps, true);
}

void Statements::commit_unawaited() noexcept {
  pending_begin_.clear();
  pending_before_.clear();
  if (!begun_) {
    return;
  }
  begun_ = false;
  // Sent now; its answer is read by the next use (settle). If it cannot be
  // sent the connection has failed, and its next statement says so.
  commit_in_flight_ = PQsendQuery(connection_.get(), "COMMIT") == 1;
}

void Statements::settle() {
  if (!commit_in_flight_) {
    return;
  }
  commit_in_flight_ = false;
  PGconn* conn = connection_.get();
  Result answer(PQgetResult(conn));
  while (PGresult* more = PQgetResult(conn)) {
    PQclear(more);
  }
  checked(conn, std::move(answer), "COMMIT");
  drop_kept_if_asked(conn);
}

void Statements::rollback() noexcept {
  pending_begin_.clear();
  pending_before_.clear();
  begun_ = false;
  try {
    settle();
  } catch (...) {
    // The read before failed to commit: nothing of it is left to roll back.
  }
  PGconn* conn = connection_.get();
  const PGTransactionStatusType status = PQtransactionStatus(conn);
  if (status == PQTRANS_INTRANS || status == PQTRANS_INERROR) {
    PQclear(PQexec(conn, "ROLLBACK"));
  }
  if (!owed_after_.empty()) {
    // A connection that failed has given the lock back with itself.
    PQclear(PQexec(conn, owed_after_.c_str()));
    owed_after_.clear();
  }
  drop_kept_if_asked(conn);
}

}  // namespace casepanel::store::postgres
