// `casepanel audit verify` and the audit key file, run against the real
// executable: exit 0 when intact, 1 at the first problem, 2 when it cannot
// check (never a pass without the key); migrate makes a private key file and
// refuses one that others can read.
#include <gtest/gtest.h>
#include <stdlib.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>

#include "store/audit.h"
#include "store/audit_checkpoints.h"
#include "store/audit_key.h"
#include "store/database.h"
#include "support/run_command.h"
#include "support/test_database.h"
#include "support/world.h"

namespace casepanel::cli {
namespace {

namespace fs = std::filesystem;
using casepanel::testing::CommandResult;
using casepanel::testing::run_command;

class AuditVerify : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = (fs::temp_directory_path() / "casepanel-audit-XXXXXX").string();
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    dir_ = pattern;
    database_ = std::make_unique<testing::TestDatabase>(dir_, "casepanel");
    location_ = database_->location();
    std::ofstream(dir_ / "casepanel.toml")
        << "[paths]\npanels = \"" << (fs::path(CASEPANEL_SOURCE_DIR) / "config/panels").string()
        << "\"\n[audit]\nkey_file = \"" << key().string() << "\"\ncheckpoint_file = \""
        << checkpoints().string() << "\"\n";
  }
  void TearDown() override {
    database_.reset();
    fs::remove_all(dir_);
  }

  fs::path key() const { return dir_ / "keys" / "audit.key"; }
  fs::path checkpoints() const { return dir_ / "checkpoints.log"; }
  std::string db() const { return location_; }
  CommandResult casepanel(const std::string& command, const std::string& sub = "") {
    std::vector<std::string> args = {CASEPANEL_BINARY, command};
    if (!sub.empty()) {
      args.push_back(sub);
    }
    args.insert(args.end(), {"--database", db(), "--config", (dir_ / "casepanel.toml").string()});
    return run_command(args);
  }
  // Five events and a checkpoint after them, as serve would leave them.
  void write_events() {
    auto database = store::Database::open(db(), 1);
    auto k = std::make_shared<store::AuditKey>(
        store::AuditKey::load(key(), store::KeyFileMissing::refuse));
    database->set_audit_key(k);
    database->write_all([](store::Tx& tx) {
      for (int i = 0; i < 5; ++i) {
        store::append_audit(tx, {.at = "2026-11-24T09:00:00Z",
                                 .actor_id = 1,
                                 .actor_role = "auditor",
                                 .action = "child.view",
                                 .entity = "child",
                                 .entity_id = std::to_string(i + 1),
                                 .detail = "{}",
                                 .client_address = "192.0.2.1"});
      }
    });
    database->read_all([&](store::Tx& tx) {
      auto head = store::audit_head(tx);
      head->at = "2026-11-24T09:00:00Z";
      store::append_checkpoint(checkpoints(), *k, *head);
    });
  }

  fs::path dir_;
  std::unique_ptr<testing::TestDatabase> database_;
  std::string location_;
};

TEST_F(AuditVerify, MigrateMakesAPrivateKeyAndVerifyPassesAnIntactLog) {
  CommandResult migrated = casepanel("migrate");
  ASSERT_EQ(migrated.exit_status, 0) << migrated.stderr_text;
  struct stat st {};
  ASSERT_EQ(::stat(key().c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600);
  EXPECT_EQ(st.st_size, 32);
  write_events();
  CommandResult v = casepanel("audit", "verify");
  EXPECT_EQ(v.exit_status, 0) << v.stderr_text;
  EXPECT_EQ(v.stdout_text, "intact: 5 events, 1 checkpoints\n");
}

TEST_F(AuditVerify, WithoutTheKeyFileItCannotCheckAndDoesNotPass) {
  ASSERT_EQ(casepanel("migrate").exit_status, 0);
  write_events();
  fs::remove(key());
  CommandResult v = casepanel("audit", "verify");
  EXPECT_EQ(v.exit_status, 2);
  EXPECT_NE(v.stderr_text.find("cannot check the MACs"), std::string::npos) << v.stderr_text;
  EXPECT_EQ(v.stdout_text, "");
  EXPECT_FALSE(fs::exists(key())) << "verify never makes a key";
}

TEST_F(AuditVerify, DeletingTheNewestEventsFailsWithTheFirstProblem) {
  ASSERT_EQ(casepanel("migrate").exit_status, 0);
  write_events();
  {
    auto database = store::Database::open(db(), 1);
    database->write_all([](store::Tx& tx) {
      testing::drop_audit_triggers(tx);
      tx.exec("DELETE FROM audit_events WHERE id > 3");
    });
  }
  CommandResult v = casepanel("audit", "verify");
  EXPECT_EQ(v.exit_status, 1);
  EXPECT_NE(v.stderr_text.find("audit log broken at event 5"), std::string::npos) << v.stderr_text;
}

TEST_F(AuditVerify, AKeyFileOthersCanReadIsRefused) {
  ASSERT_EQ(casepanel("migrate").exit_status, 0);
  fs::permissions(key(), fs::perms::owner_read | fs::perms::owner_write | fs::perms::others_read);
  CommandResult migrated = casepanel("migrate");
  EXPECT_NE(migrated.exit_status, 0);
  EXPECT_NE(migrated.stderr_text.find("chmod 600"), std::string::npos) << migrated.stderr_text;
  EXPECT_EQ(casepanel("audit", "verify").exit_status, 2);
}

TEST_F(AuditVerify, NoDatabaseIsExitTwo) {
  ASSERT_EQ(casepanel("migrate").exit_status, 0);
  database_.reset();  // the file removed, or the PostgreSQL database dropped
  if (testing::test_engine() == store::Engine::sqlite) {
    fs::remove(location_);
  }
  const CommandResult v = casepanel("audit", "verify");
  EXPECT_EQ(v.exit_status, 2) << v.stderr_text;
}

}  // namespace
}  // namespace casepanel::cli
