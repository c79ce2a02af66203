// PostgreSQL locations: what `--database` accepts, several hosts included,
// and what reaches POCO's connector (store/postgres_location.h).
#include "store/postgres_location.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <stdexcept>
#include <string>

#include "store/database.h"
#include "support/postgres_cluster.h"
#include "support/test_database.h"
#include "support/world.h"

namespace casepanel::store {
namespace {

TEST(PostgresLocation, KnowsAPostgresLocationFromAnSqliteFile) {
  struct Case {
    const char* location;
    bool postgres;
    const char* why;
  };
  const Case cases[] = {
      {.location = "postgresql://db1/casepanel", .postgres = true, .why = "a libpq URI"},
      {.location = "postgres://db1/casepanel", .postgres = true, .why = "the URI's short scheme"},
      {.location = "postgresql://db1:5432,db2:5433/casepanel?target_session_attrs=read-write",
       .postgres = true,
       .why = "a primary and a standby in one URI"},
      {.location = "host=db1,db2 port=5432,5433 dbname=casepanel target_session_attrs=read-write",
       .postgres = true,
       .why = "the same as keyword=value pairs"},
      {.location = "dbname=casepanel", .postgres = true, .why = "one pair is enough"},
      {.location = "var/casepanel.db", .postgres = false, .why = "a file"},
      {.location = "sqlite:var/casepanel.db", .postgres = false, .why = "a file, said so"},
      {.location = "runs=3.db", .postgres = false, .why = "'runs' is no libpq keyword"},
      {.location = "/tmp/x/postgresql.db", .postgres = false, .why = "the word alone is not it"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.why);
    EXPECT_EQ(is_postgres_location(c.location), c.postgres) << c.location;
  }
}

TEST(PostgresLocation, SeveralHostsReachTheConnectorAsListsItPassesOn) {
  struct Case {
    const char* location;
    const char* conninfo;
    const char* why;
  };
  const Case cases[] = {
      {.location = "postgresql://casepanel@db1:5432,db2:5433/panels"
                   "?target_session_attrs=read-write",
       .conninfo = "user=casepanel dbname=panels host=db1,db2 port=5432,5433 "
                   "target_session_attrs=read-write",
       .why = "a URI: each host with its port"},
      {.location = "host=db1,db2 port=5432,5433 dbname=panels target_session_attrs=read-write",
       .conninfo = "dbname=panels host=db1,db2 port=5432,5433 target_session_attrs=read-write",
       .why = "keyword=value pairs: the lists are kept as written"},
      {.location = "postgresql://db1,db2/panels",
       .conninfo = "dbname=panels host=db1,db2 port=,",
       .why = "no port: libpq's list of two empty ports, each the default"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.why);
    EXPECT_EQ(postgres_conninfo(c.location), c.conninfo);
  }
  EXPECT_THROW(postgres_conninfo("postgresql://db1/panels?colour=blue"), std::invalid_argument)
      << "libpq knows its keywords";
}

// On a real server: the first host refuses connections, the second is the
// cluster. libpq moves on to it, through POCO, in both spellings. On the old
// code the keyword=value form was taken for an SQLite file name.
TEST(PostgresLocation, ADatabaseOnTwoHostsUsesTheOneThatAcceptsWrites) {
  if (testing::test_engine() != Engine::postgresql) {
    GTEST_SKIP() << "needs PostgreSQL (CASEPANEL_TEST_ENGINE=postgresql)";
  }
  auto& cluster = testing::PostgresCluster::shared();
  const std::filesystem::path dir = testing::make_temp_dir();
  testing::TestDatabase database(dir, "two_hosts");
  const std::string name = database.location().substr(database.location().rfind('/') + 1);
  const int refused = testing::PostgresCluster::unused_port();
  const std::string port = std::to_string(cluster.port());
  const std::string locations[] = {
      "postgresql://postgres@127.0.0.1:" + std::to_string(refused) + ",127.0.0.1:" + port + "/" +
          name + "?target_session_attrs=read-write",
      "host=127.0.0.1,127.0.0.1 port=" + std::to_string(refused) + "," + port +
          " user=postgres dbname=" + name + " target_session_attrs=read-write",
  };
  for (const std::string& location : locations) {
    SCOPED_TRACE(location);
    auto db = Database::open(location, 2);
    ASSERT_EQ(db->engine(), Engine::postgresql);
    db->write_all([](Tx& tx) { tx.exec("CREATE TABLE IF NOT EXISTS hosts (n INTEGER)"); });
    std::int64_t tables = 0;
    db->read_all([&](Tx& tx) {
      tables = tx.query_one("SELECT COUNT(*) FROM pg_tables WHERE tablename = 'hosts'")->integer(0);
    });
    EXPECT_EQ(tables, 1);
  }
  EXPECT_TRUE(std::filesystem::is_empty(dir)) << "no SQLite file was made";
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace casepanel::store
