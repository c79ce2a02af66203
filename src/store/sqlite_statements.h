// SQLite statements on the sqlite3 handle underneath a POCO session,
// prepared once per connection and kept. Internal to store/: nothing outside
// this layer includes it.
//
// - Why not POCO for SQLite statements: POCO Data 1.11 prepares each
//   Poco::Data::Statement afresh, and re-executing one with new values means
//   replacing its bindings and extractions, which the Statement interface
//   supports only for bindings held by reference; its column types are read
//   once when the statement is compiled (so a cached one would go stale after
//   a schema change), and each value then goes through RecordSet and
//   Dynamic::Var. Preparing was 40 % of the sitting page and RecordSet
//   extraction most of the rest of the store's share of the child page
//   (docs/benchmarks.md). sqlite3_prepare_v3 with SQLITE_PREPARE_PERSISTENT,
//   sqlite3_reset and sqlite3_clear_bindings do this directly, and SQLite
//   re-prepares a cached statement by itself when the schema changes.
// - Values: each column value comes back by its SQLite storage class:
//   INTEGER as int64, NULL as nullptr, TEXT (and REAL, BLOB) as a string. Row
//   converts between text and integer where a caller asks for the other.
// - Errors throw the same Poco::Data::SQLite exceptions POCO throws, with
//   SQLite's message and the SQL.
// - The cache is keyed by SQL text and holds at most kStatementCacheSize
//   statements, evicting the least recently used. A statement is reset and
//   its bindings cleared as soon as its call returns, so none holds a read
//   snapshot or a pointer into the caller's parameters.
//
// Thread safety: a StatementCache belongs to one pooled connection, used by
// one thread at a time; Run and SqliteTx live within one call.
#pragma once

#include <sqlite3.h>

#include <list>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "store/database.h"

namespace casepanel::store::sqlite {

inline constexpr std::size_t kStatementCacheSize = 256;

// Throws the exception POCO would, with SQLite's message and the SQL.
[[noreturn]] void throw_sqlite(sqlite3* db, int rc, std::string_view sql);

// One connection's prepared statements, most recently used first. Not
// thread-safe: it belongs to a pooled connection, used by one thread at a time.
class StatementCache {
 public:
  explicit StatementCache(sqlite3* db) : db_(db) {}
  StatementCache(const StatementCache&) = delete;
  StatementCache& operator=(const StatementCache&) = delete;
  ~StatementCache() {
    for (Entry& e : lru_) {
      sqlite3_finalize(e.stmt);
    }
  }

  sqlite3* db() const { return db_; }

  // The statement for `sql`, prepared now or earlier; nullptr when `sql` holds
  // no statement (only spaces or comments). Throws when it does not compile.
  sqlite3_stmt* get(std::string_view sql) {
    if (auto it = index_.find(sql); it != index_.end()) {
      lru_.splice(lru_.begin(), lru_, it->second);
      return it->second->stmt;
    }
    sqlite3_stmt* stmt = prepare(sql);
    if (stmt == nullptr) {
      return nullptr;
    }
    if (lru_.size() >= kStatementCacheSize) {
      index_.erase(lru_.back().sql);
      sqlite3_finalize(lru_.back().stmt);
      lru_.pop_back();
    }
    lru_.push_front({std::string(sql), stmt});
    // The key views the list node's own string, which never moves.
    index_.emplace(lru_.front().sql, lru_.begin());
    return stmt;
  }

 private:
  struct Entry {
    std::string sql;
    sqlite3_stmt* stmt;
  };

  sqlite3_stmt* prepare(std::string_view sql) {
    sqlite3_stmt* stmt = nullptr;
    const char* tail = nullptr;
    const int rc = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()),
                                      SQLITE_PREPARE_PERSISTENT, &stmt, &tail);
    if (rc != SQLITE_OK) {
      sqlite3_finalize(stmt);
      throw_sqlite(db_, rc, sql);
    }
    // One statement per call: anything after it would silently not run.
    const std::string_view rest(tail, static_cast<std::size_t>(sql.data() + sql.size() - tail));
    if (rest.find_first_not_of(" \t\r\n;") != std::string_view::npos) {
      sqlite3_finalize(stmt);
      throw std::logic_error("one SQL statement per call: " + std::string(sql));
    }
    // $k must be the k-th parameter: SQLite numbers parameters in the order
    // they first appear, so SQL naming $2 before $1 would bind them swapped
    // (PostgreSQL binds by number, so only SQLite would get it wrong).
    for (int k = 1; k <= sqlite3_bind_parameter_count(stmt); ++k) {
      const char* name = sqlite3_bind_parameter_name(stmt, k);
      if (name == nullptr || name != "$" + std::to_string(k)) {
        sqlite3_finalize(stmt);
        throw std::logic_error("SQL parameters must first appear in order, $1, $2, ...: " +
                               std::string(sql));
      }
    }
    return stmt;
  }

  sqlite3* db_;
  std::list<Entry> lru_;
  std::unordered_map<std::string_view, std::list<Entry>::iterator> index_;
};

// One run of a cached statement: binds the parameters and, however the run
// ends, resets the statement and clears its bindings.
class Run {
 public:
  Run(sqlite3* db, sqlite3_stmt* stmt, std::string_view sql, const Params& params)
      : db_(db), stmt_(stmt), sql_(sql) {
    if (stmt_ == nullptr) {
      return;
    }
    if (static_cast<std::size_t>(sqlite3_bind_parameter_count(stmt_)) != params.size()) {
      throw std::invalid_argument(
          "SQL takes " + std::to_string(sqlite3_bind_parameter_count(stmt_)) +
          " parameters, given " + std::to_string(params.size()) + ": " + std::string(sql));
    }
    try {
      for (std::size_t i = 0; i < params.size(); ++i) {
        bind(static_cast<int>(i) + 1, params[i]);
      }
    } catch (...) {
      sqlite3_clear_bindings(stmt_);  // no destructor runs for a constructor that throws
      throw;
    }
  }
  Run(const Run&) = delete;
  Run& operator=(const Run&) = delete;
  ~Run() {
    if (stmt_ != nullptr) {
      sqlite3_reset(stmt_);
      sqlite3_clear_bindings(stmt_);
    }
  }

  // Steps to the next row; false when there is none.
  bool next() {
    if (stmt_ == nullptr) {
      return false;
    }
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) {
      return true;
    }
    if (rc == SQLITE_DONE) {
      return false;
    }
    throw_sqlite(db_, rc, sql_);
  }

  Row row() const {
    const int columns = sqlite3_column_count(stmt_);
    std::vector<Value> values;
    values.reserve(static_cast<std::size_t>(columns));
    for (int c = 0; c < columns; ++c) {
      switch (sqlite3_column_type(stmt_, c)) {
        case SQLITE_NULL:
          values.emplace_back(nullptr);
          break;
        case SQLITE_INTEGER:
          values.emplace_back(static_cast<std::int64_t>(sqlite3_column_int64(stmt_, c)));
          break;
        case SQLITE_BLOB: {
          const void* p = sqlite3_column_blob(stmt_, c);
          const auto n = static_cast<std::size_t>(sqlite3_column_bytes(stmt_, c));
          values.emplace_back(std::string(static_cast<const char*>(p), n));
          break;
        }
        default: {  // TEXT, and REAL in SQLite's own text form
          const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, c));
          const auto n = static_cast<std::size_t>(sqlite3_column_bytes(stmt_, c));
          values.emplace_back(std::string(p, n));
          break;
        }
      }
    }
    return Row(std::move(values));
  }

 private:
  void bind(int position, const Value& v) {
    int rc = SQLITE_OK;
    // SQLITE_STATIC: the parameters outlive the run, and ~Run clears them.
    if (const auto* s = std::get_if<std::string>(&v)) {
      rc = sqlite3_bind_text64(stmt_, position, s->data(), s->size(), SQLITE_STATIC, SQLITE_UTF8);
    } else if (const auto* n = std::get_if<std::int64_t>(&v)) {
      rc = sqlite3_bind_int64(stmt_, position, *n);
    } else {
      rc = sqlite3_bind_null(stmt_, position);
    }
    if (rc != SQLITE_OK) {
      throw_sqlite(db_, rc, sql_);
    }
  }

  sqlite3* db_;
  sqlite3_stmt* stmt_;
  std::string_view sql_;
};

class SqliteTx final : public Tx {
 public:
  explicit SqliteTx(StatementCache& cache) : cache_(cache) {}

  void exec(std::string_view sql, const Params& params) override {
    note(sql);
    Run run(cache_.db(), cache_.get(sql), sql, params);
    while (run.next()) {
      // Rows of an exec'd statement (e.g. a PRAGMA's answer) are not wanted.
    }
  }

  Rows query(std::string_view sql, const Params& params) override {
    note(sql);
    Run run(cache_.db(), cache_.get(sql), sql, params);
    Rows rows;
    while (run.next()) {
      rows.push_back(run.row());
    }
    return rows;
  }

  Engine engine() const override { return Engine::sqlite; }

 private:
  StatementCache& cache_;
};

}  // namespace casepanel::store::sqlite
