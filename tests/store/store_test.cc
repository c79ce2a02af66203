// The store: migrations, one transaction per use case, and the audit chain.
#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <latch>
#include <thread>

#include "app/children.h"
#include "store/audit.h"
#include "store/crypto.h"
#include "store/migrations.h"
#include "store/schema_history.h"
#include "support/test_database.h"
#include "support/world.h"

namespace casepanel::store {
namespace {

using testing::TestWorld;

bool on_postgresql() { return testing::test_engine() == Engine::postgresql; }

std::int64_t count(Database& db, const std::string& table) {
  std::int64_t n = 0;
  db.read_all([&](Tx& tx) { n = tx.query_one("SELECT COUNT(*) FROM " + table)->integer(0); });
  return n;
}

TEST(Migrations, ApplyOnceAndRecordTheirVersion) {
  TestWorld world;
  EXPECT_EQ(migrate(world.db()), 0);  // the world already migrated
  std::int64_t version = 0;
  world.db().read_all([&](Tx& tx) {
    version = tx.query_one("SELECT MAX(version) FROM schema_migrations")->integer(0);
  });
  EXPECT_EQ(version, latest_schema_version());
}

// The lookups every agenda page makes go through an index, not a scan of the
// table (the sitting page spent most of its time scanning user_roles).
TEST(Migrations, LookupsByRoleUseAnIndex) {
  if (on_postgresql()) {
    GTEST_SKIP() << "SQLite's query plan; PostgreSQL plans by its statistics";
  }
  TestWorld world;
  std::string plan;
  world.db().read_all([&](Tx& tx) {
    for (const Row& r : tx.query("EXPLAIN QUERY PLAN SELECT u.id, u.name FROM users u JOIN "
                                 "user_roles ur ON ur.user_id = u.id WHERE ur.role = $1",
                                 {std::string("chair")})) {
      plan += r.text(3) + "\n";
    }
  });
  EXPECT_NE(plan.find("USING COVERING INDEX user_roles_role (role=?)"), std::string::npos) << plan;
  EXPECT_EQ(plan.find("SCAN ur"), std::string::npos) << plan;
}

// Our SQL names its parameters $1, $2, ...; SQLite numbers them in the order
// they first appear, so $2 before $1 would be bound to the other's value.
TEST(Transactions, ParametersOutOfOrderAreRefusedNotSwapped) {
  TestWorld world;
  const Params one_two{std::int64_t{1}, std::int64_t{2}};
  world.db().read_all([&](Tx& tx) {
    EXPECT_EQ(tx.query_one("SELECT CAST($1 AS BIGINT), CAST($2 AS BIGINT)", one_two)->integer(1),
              2);
    EXPECT_EQ(
        tx.query_one("SELECT CAST($1 AS BIGINT) + CAST($1 AS BIGINT), CAST($2 AS BIGINT)", one_two)
            ->integer(1),
        2);
    const std::string swapped = "SELECT CAST($2 AS BIGINT), CAST($1 AS BIGINT)";
    if (on_postgresql()) {
      EXPECT_EQ(tx.query_one(swapped, one_two)->integer(0), 2);
    } else {
      EXPECT_THROW(tx.query(swapped, one_two), std::logic_error);
    }
  });
}

TEST(Transactions, AnErrorResultRollsEverythingBack) {
  TestWorld world;
  const auto before = count(world.db(), "localities");
  auto result = world.db().write<int>([](Tx& tx) -> core::Result<int> {
    tx.exec("INSERT INTO localities (name) VALUES ('South')");
    return core::Error::invalid("name", "no");
  });
  EXPECT_FALSE(result.ok());
  EXPECT_EQ(count(world.db(), "localities"), before);
}

TEST(Transactions, AnExceptionRollsBackAndPropagates) {
  TestWorld world;
  const auto before = count(world.db(), "localities");
  EXPECT_THROW(world.db().write_all([](Tx& tx) {
    tx.exec("INSERT INTO localities (name) VALUES ('East')");
    throw std::runtime_error("boom");
  }),
               std::runtime_error);
  EXPECT_EQ(count(world.db(), "localities"), before);
}

TEST(Transactions, ASuccessfulResultCommits) {
  TestWorld world;
  const auto before = count(world.db(), "localities");
  auto id = world.db().write<std::int64_t>([](Tx& tx) -> core::Result<std::int64_t> {
    return tx.insert("INSERT INTO localities (name) VALUES ('West') RETURNING id");
  });
  ASSERT_TRUE(id.ok());
  EXPECT_GT(*id, 0);
  EXPECT_EQ(count(world.db(), "localities"), before + 1);
}

TEST(Values, NullsIntegersAndTextRoundTrip) {
  TestWorld world;
  world.db().read_all([](Tx& tx) {
    auto row = tx.query_one("SELECT $1, $2, $3", {nullptr, std::int64_t{42}, std::string("x'y")});
    ASSERT_TRUE(row);
    EXPECT_TRUE(row->is_null(0));
    EXPECT_EQ(row->integer(1), 42);
    EXPECT_EQ(row->text(2), "x'y");
  });
}

// A comparison is an integer on SQLite and a boolean on PostgreSQL: both come
// back as 1 and 0.
TEST(Values, TruthValuesComeBackAsIntegers) {
  TestWorld world;
  world.db().read_all([](Tx& tx) {
    auto row = tx.query_one("SELECT 1 = 1, 1 = 2, $1 = 'x'", {std::string("x")});
    ASSERT_TRUE(row);
    EXPECT_EQ(row->integer(0), 1);
    EXPECT_EQ(row->integer(1), 0);
    EXPECT_EQ(row->integer(2), 1);
    EXPECT_EQ(row->text(2), "1");
  });
}

// A database of its own (on this run's engine) in a temporary directory,
// removed afterwards.
class ScratchDatabase {
 public:
  explicit ScratchDatabase(int pool_size = 4)
      : dir_(testing::make_temp_dir()),
        database_(std::make_unique<testing::TestDatabase>(dir_, "scratch")),
        db_(Database::open(database_->location(), pool_size)) {}
  ~ScratchDatabase() {
    db_.reset();
    database_.reset();
    std::filesystem::remove_all(dir_);
  }
  Database& db() { return *db_; }

 private:
  std::filesystem::path dir_;
  std::unique_ptr<testing::TestDatabase> database_;
  std::unique_ptr<Database> db_;
};

// Issue 15: instances started together on a new database all migrate it;
// each migration is applied once (each runs in a write transaction that
// checks its version inside, and writers take turns on both engines).
TEST(Migrations, FourInstancesMigratingAtOnceApplyEachMigrationOnce) {
  constexpr int kInstances = 4;
  const std::filesystem::path dir = testing::make_temp_dir();
  {
    const testing::TestDatabase database(dir, "racing");
    std::latch start(kInstances);
    std::atomic<int> applied = 0;
    std::atomic<int> failures = 0;
    std::vector<std::thread> instances;
    for (int i = 0; i < kInstances; ++i) {
      instances.emplace_back([&] {
        try {
          auto db = Database::open(database.location(), 2);
          start.arrive_and_wait();
          applied += migrate(*db);
        } catch (const std::exception& e) {
          ADD_FAILURE() << testing::error_text(e);
          ++failures;
        }
      });
    }
    for (auto& t : instances) {
      t.join();
    }
    EXPECT_EQ(failures, 0);
    EXPECT_EQ(applied, static_cast<int>(schema_history().size()));
    auto db = Database::open(database.location(), 1);
    db->read_all([](Tx& tx) {
      const auto counts =
          tx.query_one("SELECT COUNT(*), COUNT(DISTINCT version) FROM schema_migrations");
      EXPECT_EQ(counts->integer(0), static_cast<std::int64_t>(schema_history().size()));
      EXPECT_EQ(counts->integer(1), counts->integer(0));
    });
  }
  std::filesystem::remove_all(dir);
}

TEST(Statements, TheSameSqlWithDifferentValuesGivesEachItsOwnAnswer) {
  ScratchDatabase s;
  s.db().write_all([](Tx& tx) {
    tx.exec("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT)");
    for (std::int64_t i = 1; i <= 5; ++i) {
      tx.exec("INSERT INTO t (id, name) VALUES ($1, $2)",
              {i, i == 3 ? Value{nullptr} : Value{"n" + std::to_string(i)}});
    }
  });
  s.db().read_all([](Tx& tx) {
    for (std::int64_t i : {1, 4, 3, 1, 5, 9}) {
      auto row = tx.query_one("SELECT id, name FROM t WHERE id = $1", {i});
      if (i == 9) {
        EXPECT_FALSE(row);
        continue;
      }
      ASSERT_TRUE(row);
      EXPECT_EQ(row->integer(0), i);
      EXPECT_EQ(row->is_null(1), i == 3);
      EXPECT_EQ(row->text(1), i == 3 ? "" : "n" + std::to_string(i));
    }
    // One statement, each kind of value in turn.
    const char* sql = "SELECT $1";
    EXPECT_TRUE(tx.query_one(sql, {nullptr})->is_null(0));
    EXPECT_EQ(tx.query_one(sql, {std::int64_t{-7}})->integer(0), -7);
    if (tx.engine() == Engine::sqlite) {
      EXPECT_EQ(tx.query_one(sql, {std::string("a\0b", 3)})->text(0), std::string("a\0b", 3));
    } else {
      // PostgreSQL's text cannot hold a NUL: refused, never cut short.
      EXPECT_THROW(tx.query_one(sql, {std::string("a\0b", 3)}), std::invalid_argument);
    }
    EXPECT_TRUE(tx.query_one(sql, {nullptr})->is_null(0));
  });
}

TEST(Statements, MoreStatementsThanTheCacheHoldsStayCorrect) {
  ScratchDatabase s;
  s.db().read_all([](Tx& tx) {
    for (int round = 0; round < 2; ++round) {
      for (std::int64_t k = 0; k < 300; ++k) {
        auto row = tx.query_one("SELECT $1 + " + std::to_string(k), {std::int64_t{round}});
        ASSERT_TRUE(row);
        EXPECT_EQ(row->integer(0), round + k);
      }
    }
  });
}

TEST(Statements, ACachedStatementFollowsASchemaChange) {
  ScratchDatabase s;
  const std::string select = "SELECT * FROM t ORDER BY a";
  s.db().write_all([&](Tx& tx) {
    tx.exec("CREATE TABLE t (a INTEGER)");
    tx.exec("INSERT INTO t (a) VALUES (1)");
    EXPECT_EQ(tx.query(select).front().size(), 1u);
    tx.exec("ALTER TABLE t ADD COLUMN b TEXT NOT NULL DEFAULT 'x'");
  });
  s.db().read_all([&](Tx& tx) {
    Rows rows = tx.query(select);
    ASSERT_EQ(rows.size(), 1u);
    ASSERT_EQ(rows.front().size(), 2u);
    EXPECT_EQ(rows.front().text(1), "x");
  });
  s.db().write_all([&](Tx& tx) {
    tx.exec("DROP TABLE t");
    tx.exec("CREATE TABLE t (a TEXT, b TEXT, c INTEGER)");
    tx.exec("INSERT INTO t VALUES ('p', 'q', 3)");
  });
  s.db().read_all([&](Tx& tx) {
    Rows rows = tx.query(select);
    ASSERT_EQ(rows.size(), 1u);
    ASSERT_EQ(rows.front().size(), 3u);
    EXPECT_EQ(rows.front().text(0), "p");
    EXPECT_EQ(rows.front().integer(2), 3);
  });
}

TEST(Statements, ACachedStatementWorksAfterARollbackAndAFailure) {
  ScratchDatabase s;
  const std::string insert = "INSERT INTO t (id) VALUES ($1)";
  const std::string count = "SELECT COUNT(*) FROM t";
  s.db().write_all([&](Tx& tx) {
    tx.exec("CREATE TABLE t (id INTEGER PRIMARY KEY)");
    tx.exec(insert, {std::int64_t{1}});
  });
  auto rolled_back = s.db().write<int>([&](Tx& tx) -> core::Result<int> {
    tx.exec(insert, {std::int64_t{2}});
    EXPECT_EQ(tx.query_one(count)->integer(0), 2);
    return core::Error::invalid("id", "no");
  });
  EXPECT_FALSE(rolled_back.ok());
  // A statement that fails (a duplicate key) is reset for its next run.
  EXPECT_ANY_THROW(s.db().write_all([&](Tx& tx) { tx.exec(insert, {std::int64_t{1}}); }));
  s.db().write_all([&](Tx& tx) { tx.exec(insert, {std::int64_t{3}}); });
  s.db().read_all([&](Tx& tx) {
    EXPECT_EQ(tx.query_one(count)->integer(0), 2);  // 1 and 3
    EXPECT_FALSE(tx.query_one("SELECT 1 FROM t WHERE id = $1", {std::int64_t{2}}));
  });
}

TEST(Statements, OneStatementPerCall) {
  ScratchDatabase s;
  // PostgreSQL refuses several commands in one prepared statement itself.
  EXPECT_ANY_THROW(s.db().write_all(
      [](Tx& tx) { tx.exec("CREATE TABLE a (x INTEGER); CREATE TABLE b (y INTEGER)"); }));
  EXPECT_ANY_THROW(s.db().read_all([](Tx& tx) { tx.query("SELECT $1", {}); }));
}

// With busy_timeout at 0, a writer that met another in SQLite would fail at
// once with SQLITE_BUSY: in one process they queue on the database's own lock.
// On PostgreSQL two of these transactions (each reads the whole table, then
// writes it) could not both commit under SERIALIZABLE: the writers' turn
// makes them follow one another instead.
TEST(Transactions, ConcurrentWritersAllCommitWithoutWaiting) {
  constexpr int kThreads = 6;
  constexpr int kWrites = 25;
  ScratchDatabase s(kThreads);
  s.db().write_all([](Tx& tx) {
    tx.exec(tx.engine() == Engine::sqlite
                ? "CREATE TABLE t (id INTEGER PRIMARY KEY, n INTEGER)"
                : "CREATE TABLE t (id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, "
                  "n INTEGER)");
  });
  std::latch start(kThreads);
  std::vector<std::thread> threads;
  std::atomic<int> failures = 0;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&] {
      start.arrive_and_wait();
      for (int i = 0; i < kWrites; ++i) {
        try {
          s.db().write_all([](Tx& tx) {
            if (tx.engine() == Engine::sqlite) {
              tx.exec("PRAGMA busy_timeout = 0");
            }
            const std::int64_t n = tx.query_one("SELECT COUNT(*) FROM t")->integer(0);
            tx.exec("INSERT INTO t (n) VALUES ($1)", {n});
          });
        } catch (const std::exception&) {
          ++failures;
        }
      }
    });
  }
  for (auto& t : threads) {
    t.join();
  }
  EXPECT_EQ(failures, 0);
  s.db().read_all([](Tx& tx) {
    EXPECT_EQ(tx.query_one("SELECT COUNT(*) FROM t")->integer(0), kThreads * kWrites);
    // Serialised: each writer saw every write before it.
    EXPECT_EQ(tx.query_one("SELECT COUNT(DISTINCT n) FROM t")->integer(0), kThreads * kWrites);
  });
}

TEST(Transactions, AReadInsideAWriteSeesTheLastCommit) {
  ScratchDatabase s;
  s.db().write_all([](Tx& tx) { tx.exec("CREATE TABLE t (id INTEGER PRIMARY KEY)"); });
  s.db().write_all([&](Tx& tx) {
    tx.exec("INSERT INTO t (id) VALUES (1)");
    s.db().read_all(
        [](Tx& other) { EXPECT_EQ(other.query_one("SELECT COUNT(*) FROM t")->integer(0), 0); });
  });
}

TEST(Transactions, AWriteInsideAWriteFailsRatherThanWaitingForItself) {
  ScratchDatabase s;
  EXPECT_THROW(s.db().write_all([&](Tx&) { s.db().write_all([](Tx&) {}); }), std::logic_error);
  s.db().write_all([](Tx& tx) { tx.exec("CREATE TABLE t (id INTEGER)"); });  // still usable
}

// On PostgreSQL BEGIN goes with a transaction's first statement (issue 17
// §2): the snapshot is still one for the whole read, taken at its first
// statement, so a commit made between two of its queries is not seen.
TEST(Transactions, AReadSeesOneSnapshotThroughout) {
  ScratchDatabase s;
  s.db().write_all([](Tx& tx) { tx.exec("CREATE TABLE t (id INTEGER PRIMARY KEY)"); });
  s.db().read_all([&](Tx& tx) {
    EXPECT_EQ(tx.query_one("SELECT COUNT(*) FROM t")->integer(0), 0);
    s.db().write_all([](Tx& other) { other.exec("INSERT INTO t (id) VALUES (1)"); });
    EXPECT_EQ(tx.query_one("SELECT COUNT(*) FROM t")->integer(0), 0);
  });
  EXPECT_EQ(count(s.db(), "t"), 1);
}

// A first statement that fails fails with its BEGIN (the same round trip on
// PostgreSQL) and leaves its connection ready for the next transaction: more
// failures than the pool has connections, of reads and of writes.
TEST(Transactions, AFailedFirstStatementLeavesTheConnectionUsable) {
  ScratchDatabase s(2);
  s.db().write_all([](Tx& tx) { tx.exec("CREATE TABLE t (id INTEGER PRIMARY KEY)"); });
  s.db().write_all([](Tx& tx) { tx.exec("INSERT INTO t (id) VALUES (1)"); });
  for (int i = 0; i < 5; ++i) {
    EXPECT_ANY_THROW(s.db().read_all([](Tx& tx) { tx.query("SELECT nothing FROM nowhere"); }));
    EXPECT_ANY_THROW(s.db().write_all([](Tx& tx) { tx.exec("INSERT INTO t (id) VALUES (1)"); }));
  }
  s.db().write_all([](Tx& tx) { tx.exec("INSERT INTO t (id) VALUES (2)"); });
  EXPECT_EQ(count(s.db(), "t"), 2);
}

// A transaction that runs no statement (PostgreSQL sends it nothing at all)
// commits, rolls back and leaves the database as it was.
TEST(Transactions, ATransactionWithoutStatementsCommitsAndRollsBack) {
  ScratchDatabase s(1);
  s.db().read_all([](Tx&) {});
  s.db().write_all([](Tx&) {});
  EXPECT_FALSE(
      s.db()
          .write<int>([](Tx&) -> core::Result<int> { return core::Error::invalid("x", "no"); })
          .ok());
  EXPECT_THROW(s.db().read_all([](Tx&) { throw std::runtime_error("boom"); }), std::runtime_error);
  s.db().write_all([](Tx& tx) { tx.exec("CREATE TABLE t (id INTEGER PRIMARY KEY)"); });
  EXPECT_EQ(count(s.db(), "t"), 0);
}

std::int64_t child_views(Database& db, std::int64_t child) {
  std::int64_t n = 0;
  db.read_all([&](Tx& tx) {
    n = tx.query_one(
              "SELECT COUNT(*) FROM audit_events WHERE action = 'child.view' AND entity_id = $1",
              {std::to_string(child)})
            ->integer(0);
  });
  return n;
}

TEST(Audit, EachViewOfAChildIsOneEventAndAnUnseenRecordNone) {
  TestWorld w;
  ASSERT_TRUE(app::child_record(w.services(), w.actor(w.sw_a), w.child_a).ok());
  EXPECT_EQ(child_views(w.db(), w.child_a), 1);
  ASSERT_TRUE(app::child_record(w.services(), w.actor(w.pm_a), w.child_a).ok());
  EXPECT_EQ(child_views(w.db(), w.child_a), 2);
  EXPECT_FALSE(app::child_record(w.services(), w.actor(w.sw_a), w.child_b).ok());  // out of scope
  EXPECT_EQ(child_views(w.db(), w.child_b), 0);
  EXPECT_TRUE(verify_audit(w.db()).intact);
}

TEST(Audit, NoRecordIsShownWhenItsViewCannotBeLogged) {
  TestWorld w;
  w.db().write_all(
      [](Tx& tx) { testing::refuse_inserts(tx, "audit_events", "audit log unavailable"); });
  EXPECT_ANY_THROW((void)app::child_record(w.services(), w.actor(w.sw_a), w.child_a));
  EXPECT_EQ(child_views(w.db(), w.child_a), 0);
}

TEST(Crypto, PasswordsVerifyOnlyWithTheRightPassword) {
  const std::string hash = hash_password("s3cret-enough");
  EXPECT_TRUE(hash.rfind("$argon2id$", 0) == 0) << hash;
  EXPECT_TRUE(verify_password("s3cret-enough", hash));
  EXPECT_FALSE(verify_password("s3cret-enougH", hash));
}

TEST(Crypto, TokensAre256BitsAndDiffer) {
  const std::string a = random_token();
  const std::string b = random_token();
  EXPECT_EQ(a.size(), 64u);
  EXPECT_NE(a, b);
  EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

}  // namespace
}  // namespace casepanel::store
