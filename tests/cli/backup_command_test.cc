// Backups and their restore (docs/deployment.md, "Backups"), against the real
// executable: a live database is backed up while a writer appends to its
// audit log (SQLite: `casepanel backup`, the online backup API; PostgreSQL:
// pg_basebackup of the running cluster), the backup is restored, and
// `casepanel audit verify` passes on the restored copy with every event
// written before the backup began. Fails on the old code: there was no
// `casepanel backup`.
#include <gtest/gtest.h>
#include <stdlib.h>

#include <atomic>
#include <condition_variable>
#include <filesystem>
#include <fstream>
#include <functional>
#include <mutex>
#include <thread>

#include "store/audit.h"
#include "store/audit_checkpoints.h"
#include "store/audit_key.h"
#include "store/database.h"
#include "support/postgres_cluster.h"
#include "support/run_command.h"
#include "support/test_database.h"

namespace casepanel::cli {
namespace {

namespace fs = std::filesystem;
using casepanel::testing::CommandResult;
using casepanel::testing::run_command;

constexpr int kEventsBefore = 20;

store::AuditEvent event(int n) {
  return {.at = "2026-11-30T12:00:00Z",
          .actor_id = std::nullopt,
          .actor_role = "system",
          .action = "backup.write",
          .entity = "backup",
          .entity_id = std::to_string(n),
          .detail = "{}"};
}

std::int64_t count_events(const std::string& location) {
  std::int64_t events = 0;
  store::Database::open(location, 1)->read_all([&](store::Tx& tx) {
    events = tx.query_one("SELECT COUNT(*) FROM audit_events")->integer(0);
  });
  return events;
}

class BackupCommand : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = (fs::temp_directory_path() / "casepanel-backup-XXXXXX").string();
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    dir_ = pattern;
    database_ = std::make_unique<testing::TestDatabase>(dir_, "live");
    std::ofstream(config()) << "[paths]\npanels = \""
                            << (fs::path(CASEPANEL_SOURCE_DIR) / "config/panels").string()
                            << "\"\n[audit]\nkey_file = \"" << (dir_ / "audit.key").string()
                            << "\"\ncheckpoint_file = \"" << (dir_ / "checkpoints.log").string()
                            << "\"\n";
  }
  void TearDown() override {
    database_.reset();
    fs::remove_all(dir_);
  }

  fs::path config() const { return dir_ / "casepanel.toml"; }
  CommandResult casepanel(std::vector<std::string> args, const std::string& database) {
    args.insert(args.begin(), CASEPANEL_BINARY);
    args.insert(args.end(), {"--database", database});
    return run_command(args);
  }

  // Takes the backup while a writer appends one event a transaction, and
  // returns where the restored copy is.
  std::string back_up_while_writing(const std::function<std::string()>& back_up) {
    auto live = store::Database::open(database_->location(), 2);
    live->set_audit_key(std::make_shared<store::AuditKey>(
        store::AuditKey::load(dir_ / "audit.key", store::KeyFileMissing::refuse)));
    migrated_ = count_events(database_->location());  // whatever migrate wrote
    for (int n = 1; n <= kEventsBefore; ++n) {
      live->write_all([&](store::Tx& tx) { store::append_audit(tx, event(n)); });
    }
    live->read_all([&](store::Tx& tx) {
      auto head = store::audit_head(tx);
      head->at = "2026-11-30T12:00:00Z";  // when the checkpoint job would have run
      store::append_checkpoint(dir_ / "checkpoints.log", *live->audit_key(), *head);
    });
    std::mutex mutex;
    std::condition_variable written;
    int more = 0;
    std::atomic<bool> stop{false};
    std::thread writer([&] {
      for (int n = kEventsBefore + 1; !stop; ++n) {
        live->write_all([&](store::Tx& tx) { store::append_audit(tx, event(n)); });
        std::lock_guard lock(mutex);
        ++more;
        written.notify_all();
      }
    });
    {
      std::unique_lock lock(mutex);
      written.wait(lock, [&] { return more > 0; });  // the database is live
    }
    const std::string restored = back_up();
    stop = true;
    writer.join();
    written_ = kEventsBefore + more;
    return restored;
  }

  fs::path dir_;
  std::unique_ptr<testing::TestDatabase> database_;
  std::int64_t migrated_ = 0;
  std::int64_t written_ = 0;
};

TEST_F(BackupCommand, ALiveDatabaseBackedUpAndRestoredVerifiesWithItsRows) {
  ASSERT_EQ(
      casepanel({"migrate", "--config", config().string()}, database_->location()).exit_status, 0);
  std::unique_ptr<testing::PostgresCluster> restored_cluster;
  const std::string restored = back_up_while_writing([&]() -> std::string {
    if (testing::test_engine() == store::Engine::postgresql) {
      // pg_basebackup of the running cluster; the restore is a server on it.
      restored_cluster = testing::PostgresCluster::shared().restore_base_backup();
      const std::string& live = database_->location();
      return restored_cluster->url(live.substr(live.rfind('/') + 1));
    }
    const CommandResult made =
        casepanel({"backup", "--to", (dir_ / "backup.db").string()}, database_->location());
    EXPECT_EQ(made.exit_status, 0) << made.stderr_text;
    EXPECT_NE(made.stdout_text.find("integrity ok"), std::string::npos) << made.stdout_text;
    // The restore: the copy put where --database points, the server stopped.
    fs::create_directory(dir_ / "restored");
    fs::copy_file(dir_ / "backup.db", dir_ / "restored" / "casepanel.db");
    return (dir_ / "restored" / "casepanel.db").string();
  });

  const CommandResult verified =
      casepanel({"audit", "verify", "--config", config().string()}, restored);
  EXPECT_EQ(verified.exit_status, 0) << verified.stderr_text;
  const std::int64_t events = count_events(restored);
  EXPECT_NE(verified.stdout_text.find("intact: " + std::to_string(events) + " events"),
            std::string::npos)
      << verified.stdout_text;
  EXPECT_GE(events - migrated_, kEventsBefore) << "every event written before the backup began";
  EXPECT_LE(events - migrated_, written_);
  EXPECT_EQ(count_events(database_->location()) - migrated_, written_)
      << "the live database carried on";
}

TEST_F(BackupCommand, RefusesAnExistingFileAndPostgresql) {
  std::ofstream(dir_ / "taken.db") << "keep me";
  const CommandResult taken =
      casepanel({"backup", "--to", (dir_ / "taken.db").string()}, (dir_ / "none.db").string());
  EXPECT_EQ(taken.exit_status, 2);
  EXPECT_NE(taken.stderr_text.find("already exists"), std::string::npos) << taken.stderr_text;
  const CommandResult missing =
      casepanel({"backup", "--to", (dir_ / "copy.db").string()}, (dir_ / "none.db").string());
  EXPECT_EQ(missing.exit_status, 2) << "a mistyped --database is not an empty backup";
  EXPECT_FALSE(fs::exists(dir_ / "copy.db"));
  EXPECT_FALSE(fs::exists(dir_ / "none.db"));
  const CommandResult postgres =
      casepanel({"backup", "--to", (dir_ / "copy.db").string()}, "postgresql://db1/casepanel");
  EXPECT_EQ(postgres.exit_status, 2);
  EXPECT_NE(postgres.stderr_text.find("pg_basebackup"), std::string::npos);
}

}  // namespace
}  // namespace casepanel::cli
