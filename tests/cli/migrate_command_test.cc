// `casepanel migrate` from two processes at once (issue 15): two instances
// started together on a new database both migrate it; each migration is
// applied once and both finish at the newest version.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <future>

#include "store/migrations.h"
#include "store/schema_history.h"
#include "support/run_command.h"
#include "support/test_database.h"
#include "support/world.h"

namespace casepanel::cli {
namespace {

using testing::CommandResult;
using testing::run_command;

TEST(MigrateCommand, TwoProcessesAtOnceApplyEachMigrationOnce) {
  const std::filesystem::path dir = testing::make_temp_dir();
  {
    const testing::TestDatabase database(dir, "migrate", testing::Start::empty);
    const std::string config = (dir / "casepanel.toml").string();
    std::ofstream(config) << "[audit]\nkey_file = \"" << (dir / "audit.key").string()
                          << "\"\ncheckpoint_file = \"" << (dir / "checkpoints.log").string()
                          << "\"\n";
    auto migrate = [&] {
      return run_command(
          {CASEPANEL_BINARY, "migrate", "--database", database.location(), "--config", config},
          {.working_directory = CASEPANEL_SOURCE_DIR});
    };
    auto first = std::async(std::launch::async, migrate);
    auto second = std::async(std::launch::async, migrate);
    for (const CommandResult& r : {first.get(), second.get()}) {
      EXPECT_EQ(r.exit_status, 0) << r.stderr_text;
      EXPECT_NE(r.stdout_text.find("Schema is at version " +
                                   std::to_string(store::latest_schema_version())),
                std::string::npos)
          << r.stdout_text;
    }
    auto db = store::Database::open(database.location(), 1);
    db->read_all([](store::Tx& tx) {
      const auto counts =
          tx.query_one("SELECT COUNT(*), COUNT(DISTINCT version) FROM schema_migrations");
      EXPECT_EQ(counts->integer(0), static_cast<std::int64_t>(store::schema_history().size()));
      EXPECT_EQ(counts->integer(1), counts->integer(0));
    });
  }
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace casepanel::cli
