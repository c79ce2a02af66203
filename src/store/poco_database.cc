// The Database over POCO Data, for SQLite and PostgreSQL.
#include <Poco/Data/MetaColumn.h>
#include <Poco/Data/PostgreSQL/Connector.h>
#include <Poco/Data/RecordSet.h>
#include <Poco/Data/SQLite/Connector.h>
#include <Poco/Data/Session.h>
#include <Poco/Data/Statement.h>

#include <condition_variable>
#include <mutex>

#include "store/database.h"

namespace casepanel::store {
namespace {

using Poco::Data::MetaColumn;

void bind_params(Poco::Data::Statement& stmt, const Params& params) {
  using Poco::Data::Keywords::bind;
  for (const Value& v : params) {
    if (const auto* s = std::get_if<std::string>(&v)) {
      stmt.addBind(bind(*s));
    } else if (const auto* n = std::get_if<std::int64_t>(&v)) {
      stmt.addBind(bind(static_cast<Poco::Int64>(*n)));
    } else {
      stmt.addBind(Poco::Data::Keywords::use(Poco::Data::Keywords::null));
    }
  }
}

bool is_integer_column(MetaColumn::ColumnDataType t) {
  switch (t) {
    case MetaColumn::FDT_BOOL:
    case MetaColumn::FDT_INT8:
    case MetaColumn::FDT_UINT8:
    case MetaColumn::FDT_INT16:
    case MetaColumn::FDT_UINT16:
    case MetaColumn::FDT_INT32:
    case MetaColumn::FDT_UINT32:
    case MetaColumn::FDT_INT64:
    case MetaColumn::FDT_UINT64:
      return true;
    default:
      return false;
  }
}

class PocoTx final : public Tx {
 public:
  PocoTx(Poco::Data::Session& session, Engine engine) : session_(session), engine_(engine) {}

  void exec(std::string_view sql, const Params& params) override {
    Poco::Data::Statement stmt(session_);
    stmt << std::string(sql);
    bind_params(stmt, params);
    stmt.execute();
  }

  Rows query(std::string_view sql, const Params& params) override {
    Poco::Data::Statement stmt(session_);
    stmt << std::string(sql);
    bind_params(stmt, params);
    stmt.execute();
    Poco::Data::RecordSet rs(stmt);
    const std::size_t columns = rs.columnCount();
    const std::size_t count = rs.rowCount();
    Rows rows;
    rows.reserve(count);
    std::vector<bool> integer(columns);
    for (std::size_t c = 0; c < columns; ++c) {
      integer[c] = is_integer_column(rs.columnType(c));
    }
    for (std::size_t r = 0; r < count; ++r) {
      std::vector<Value> values;
      values.reserve(columns);
      for (std::size_t c = 0; c < columns; ++c) {
        if (rs.isNull(c, r)) {
          values.emplace_back(nullptr);
        } else if (integer[c]) {
          values.emplace_back(static_cast<std::int64_t>(rs.value(c, r).convert<Poco::Int64>()));
        } else {
          values.emplace_back(rs.value(c, r).convert<std::string>());
        }
      }
      rows.emplace_back(std::move(values));
    }
    return rows;
  }

  Engine engine() const override { return engine_; }

 private:
  Poco::Data::Session& session_;
  Engine engine_;
};

class PocoDatabase final : public Database {
 public:
  PocoDatabase(Engine engine, std::string connector, std::string connection, int pool_size)
      : engine_(engine),
        connector_(std::move(connector)),
        connection_(std::move(connection)),
        pool_size_(pool_size) {
    // Open one connection now, so a bad location fails at start-up.
    idle_.push_back(connect());
    opened_ = 1;
  }

  Engine engine() const override { return engine_; }

 protected:
  void run(Mode mode, const std::function<bool(Tx&)>& work) override {
    Lease lease(*this);
    Poco::Data::Session& session = *lease.session;
    begin(session, mode);
    bool commit = false;
    try {
      PocoTx tx(session, engine_);
      commit = work(tx);
    } catch (...) {
      rollback(session);
      throw;
    }
    if (commit) {
      session << "COMMIT", Poco::Data::Keywords::now;
    } else {
      rollback(session);
    }
  }

 private:
  struct Lease {
    explicit Lease(PocoDatabase& db) : db(db), session(db.acquire()) {}
    ~Lease() { db.release(std::move(session)); }
    PocoDatabase& db;
    std::unique_ptr<Poco::Data::Session> session;
  };

  std::unique_ptr<Poco::Data::Session> connect() {
    auto session = std::make_unique<Poco::Data::Session>(connector_, connection_);
    if (engine_ == Engine::sqlite) {
      using Poco::Data::Keywords::now;
      *session << "PRAGMA journal_mode=WAL", now;
      *session << "PRAGMA synchronous=FULL", now;
      *session << "PRAGMA foreign_keys=ON", now;
      *session << "PRAGMA busy_timeout=10000", now;
    }
    return session;
  }

  std::unique_ptr<Poco::Data::Session> acquire() {
    std::unique_lock lock(mutex_);
    for (;;) {
      if (!idle_.empty()) {
        auto s = std::move(idle_.back());
        idle_.pop_back();
        return s;
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
      available_.wait(lock);
    }
  }

  void release(std::unique_ptr<Poco::Data::Session> session) {
    {
      std::lock_guard lock(mutex_);
      idle_.push_back(std::move(session));
    }
    available_.notify_one();
  }

  void begin(Poco::Data::Session& session, Mode mode) {
    using Poco::Data::Keywords::now;
    if (engine_ == Engine::sqlite) {
      // IMMEDIATE takes the write lock up front: two writers never deadlock
      // upgrading from a read lock, they queue on busy_timeout instead.
      session << (mode == Mode::write ? "BEGIN IMMEDIATE" : "BEGIN"), now;
    } else {
      session << (mode == Mode::write ? "BEGIN ISOLATION LEVEL SERIALIZABLE" : "BEGIN READ ONLY"),
          now;
    }
  }

  static void rollback(Poco::Data::Session& session) {
    try {
      session << "ROLLBACK", Poco::Data::Keywords::now;
    } catch (...) {
      // The transaction is already gone (e.g. the connection failed).
    }
  }

  Engine engine_;
  std::string connector_;
  std::string connection_;
  int pool_size_;
  std::mutex mutex_;
  std::condition_variable available_;
  std::vector<std::unique_ptr<Poco::Data::Session>> idle_;
  int opened_ = 0;
};

std::once_flag connectors_registered;

}  // namespace

std::unique_ptr<Database> Database::open(const std::string& location, int pool_size) {
  std::call_once(connectors_registered, [] {
    Poco::Data::SQLite::Connector::registerConnector();
    Poco::Data::PostgreSQL::Connector::registerConnector();
  });
  if (location.rfind("postgresql://", 0) == 0 || location.rfind("postgres://", 0) == 0) {
    return std::make_unique<PocoDatabase>(Engine::postgresql, "postgresql", location, pool_size);
  }
  std::string file = location.rfind("sqlite:", 0) == 0 ? location.substr(7) : location;
  return std::make_unique<PocoDatabase>(Engine::sqlite, "sqlite", file, pool_size);
}

}  // namespace casepanel::store
