// PostgreSQL locations: what `--database` accepts, several hosts included,
// and the connection string libpq opens (store/postgres_location.h).
#include "store/postgres_location.h"

#include <gtest/gtest.h>
#include <libpq-fe.h>

#include <cstdio>
#include <filesystem>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>

#include "store/database.h"
#include "store/postgres_connection.h"
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

TEST(PostgresLocation, SeveralHostsReachLibpqAsLists) {
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
      {.location = "postgresql://panel:it%27s%20a%5Csecret@db1/panels",
       .conninfo = R"(user=panel password='it\'s a\\secret' dbname=panels host=db1)",
       .why = "a quote, a space and a backslash: quoted as libpq reads them"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.why);
    EXPECT_EQ(postgres_conninfo(c.location), c.conninfo);
  }
  EXPECT_THROW(postgres_conninfo("postgresql://db1/panels?colour=blue"), std::invalid_argument)
      << "libpq knows its keywords";
}

// What postgres_conninfo writes, libpq reads back as the same values.
TEST(PostgresLocation, AValueWithSpacesQuotesAndBackslashesArrivesIntact) {
  const std::string secret = "it's a \\secret\\ with 'quotes' and\ttabs";
  std::string encoded;
  for (const unsigned char c : secret) {
    char hex[4];
    std::snprintf(hex, sizeof hex, "%%%02X", c);
    encoded += hex;
  }
  const std::string conninfo = postgres_conninfo("postgresql://panel:" + encoded + "@db1/panels");
  char* error = nullptr;
  PQconninfoOption* options = PQconninfoParse(conninfo.c_str(), &error);
  ASSERT_NE(options, nullptr) << (error != nullptr ? error : "") << conninfo;
  std::string password;
  for (const PQconninfoOption* o = options; o->keyword != nullptr; ++o) {
    if (std::string_view(o->keyword) == "password" && o->val != nullptr) {
      password = o->val;
    }
  }
  PQconninfoFree(options);
  EXPECT_EQ(password, secret);
}

// On a real server: the first host refuses connections, the second is the
// cluster. libpq moves on to it in both spellings. On the old
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

// A connection that never reached a server keeps nothing, and says why. (Run
// on both engines: it needs no server.)
TEST(PostgresConnection, AFailedOpeningSaysWhyAndKeepsNothing) {
  const std::string nowhere =
      "host=127.0.0.1 port=" + std::to_string(testing::PostgresCluster::unused_port()) +
      " dbname=panels connect_timeout=5";
  try {
    postgres::Connection c(nowhere);
    ADD_FAILURE() << "a connection to a closed port was opened";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("cannot open the database"), std::string::npos)
        << e.what();
    EXPECT_NE(std::string(e.what()).find("127.0.0.1"), std::string::npos) << e.what();
  }
}

// A connection whose database went away cannot be opened again, and is
// still closed with its object. POCO's session closed only a connection
// libpq found good, so such a connection leaked (LeakSanitizer failed the
// PostgreSQL run in CI); the test build's LeakSanitizer checks this one.
TEST(PostgresConnection, OneThatCannotBeOpenedAgainIsStillClosed) {
  if (testing::test_engine() != Engine::postgresql) {
    GTEST_SKIP() << "needs PostgreSQL (CASEPANEL_TEST_ENGINE=postgresql)";
  }
  const std::filesystem::path dir = testing::make_temp_dir();
  auto made = std::make_unique<testing::TestDatabase>(dir, "gone");
  postgres::Connection c(postgres_conninfo(made->location()));
  EXPECT_EQ(c.status(), ConnectionStatus::ok);
  made.reset();  // DROP DATABASE ... WITH (FORCE) ends the connection's session
  PQclear(PQexec(c.get(), "SELECT 1"));
  EXPECT_EQ(c.status(), ConnectionStatus::bad);
  EXPECT_THROW(c.reopen(), std::runtime_error) << "its database is gone";
  EXPECT_EQ(c.status(), ConnectionStatus::bad);
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace casepanel::store
