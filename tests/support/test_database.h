// TestDatabase: a fresh database for one test, on the engine this run tests.
//
// Every suite that touches a database runs on both engines: ctest registers
// each such binary twice, the second time (`store_tests_pg` ...) with
// CASEPANEL_TEST_ENGINE=postgresql. Unset (or "sqlite"), a TestDatabase is
// an SQLite file in the test's temporary directory; on PostgreSQL it is a
// new database of the process's throwaway cluster (support/postgres_cluster.h),
// dropped again when the TestDatabase goes out of scope.
//
// A migrated start on PostgreSQL is a copy of a template database migrated
// once per process (CREATE DATABASE ... TEMPLATE), which is several times
// faster than running every migration for every test (docs/testing.md has
// the figures). On SQLite it is an empty file; the caller migrates either
// way (migrations already applied are skipped).
//
// Thread safety: TestDatabases may be made and dropped from any thread.
#pragma once

#include <exception>
#include <filesystem>
#include <string>
#include <string_view>

#include "store/database.h"

namespace casepanel::testing {

// The engine this test process runs on (CASEPANEL_TEST_ENGINE).
store::Engine test_engine();
// "sqlite" or "postgresql".
std::string_view engine_name(store::Engine engine);

// An exception's whole message: POCO's what() is only its name ("SQLite",
// "PostgreSQL"), its displayText() has the database's own words.
std::string error_text(const std::exception& e);

enum class Start { empty, migrated };

class TestDatabase {
 public:
  // `dir` is the test's temporary directory; on SQLite the file is
  // dir/NAME.db, on PostgreSQL NAME only makes the database easier to find.
  TestDatabase(const std::filesystem::path& dir, std::string_view name, Start start = Start::empty);
  ~TestDatabase();
  TestDatabase(const TestDatabase&) = delete;
  TestDatabase& operator=(const TestDatabase&) = delete;

  // For store::Database::open and `casepanel --database`.
  const std::string& location() const { return location_; }
  store::Engine engine() const { return engine_; }

 private:
  store::Engine engine_;
  std::string postgres_name_;  // PostgreSQL only
  std::string location_;
};

}  // namespace casepanel::testing
