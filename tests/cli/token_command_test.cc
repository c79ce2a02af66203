// `casepanel token create | list | revoke` and `settings set`, run against the
// real executable on a demo database.
#include <gtest/gtest.h>

#include <fstream>

#include <filesystem>

#include "support/run_command.h"
#include "support/test_database.h"
#include "support/world.h"

namespace casepanel::cli {
namespace {

using casepanel::testing::run_command;

class TokenCommand : public ::testing::Test {
 protected:
  void SetUp() override {
    // The audit key and checkpoints in the test's own directory: the
    // defaults (var/ in the checkout) would outlive the test's database.
    std::ofstream(config_) << "[audit]\nkey_file = \"" << (dir_ / "audit.key").string()
                           << "\"\ncheckpoint_file = \""
                           << (dir_ / "audit-checkpoints.log").string() << "\"\n";
    auto made = run({"demo"});
    ASSERT_EQ(made.exit_status, 0) << made.stderr_text;
  }
  void TearDown() override {
    database_.reset();
    std::filesystem::remove_all(dir_);
  }
  testing::CommandResult run(std::vector<std::string> args) {
    args.insert(args.begin(), CASEPANEL_BINARY);
    args.insert(args.end(), {"--database", db_, "--config", config_});
    return run_command(args, {.working_directory = CASEPANEL_SOURCE_DIR});
  }

  std::filesystem::path dir_ = testing::make_temp_dir();
  std::unique_ptr<testing::TestDatabase> database_ =
      std::make_unique<testing::TestDatabase>(dir_, "tokens");
  std::string db_ = database_->location();
  std::string config_ = (dir_ / "casepanel.toml").string();
};

TEST_F(TokenCommand, CreateListRevoke) {
  auto made = run({"token", "create", "auditor@demo.casepanel.test", "--days", "7"});
  ASSERT_EQ(made.exit_status, 0) << made.stderr_text;
  const std::string token = made.stdout_text.substr(0, 64);
  EXPECT_EQ(made.stdout_text, token + "\n");
  EXPECT_NE(made.stderr_text.find("expires at "), std::string::npos);

  auto list = run({"token", "list"});
  ASSERT_EQ(list.exit_status, 0) << list.stderr_text;
  EXPECT_EQ(list.stdout_text.rfind("id\temail\tcreated\texpires\tlast_used\trevoked\n", 0), 0u);
  EXPECT_NE(list.stdout_text.find("\tauditor@demo.casepanel.test\t"), std::string::npos);
  EXPECT_NE(list.stdout_text.find("\t-\t-\n"), std::string::npos);  // never used, not revoked
  EXPECT_EQ(list.stdout_text.find(token), std::string::npos);       // never the token
  const std::string row = list.stdout_text.substr(list.stdout_text.find('\n') + 1);
  const std::string id = row.substr(0, row.find('\t'));

  auto revoked = run({"token", "revoke", id});
  EXPECT_EQ(revoked.exit_status, 0) << revoked.stderr_text;
  EXPECT_EQ(revoked.stdout_text, "revoked token " + id + "\n");
  auto again = run({"token", "revoke", id});
  EXPECT_EQ(again.exit_status, 1);
  EXPECT_FALSE(again.stderr_text.empty());
  auto after = run({"token", "list"});
  EXPECT_EQ(after.stdout_text.find("\t-\t-\n"), std::string::npos) << after.stdout_text;

  auto audited = run({"audit", "verify"});
  EXPECT_EQ(audited.exit_status, 0) << audited.stderr_text;
}

TEST_F(TokenCommand, BadInputIsRefused) {
  EXPECT_EQ(run({"token", "create", "auditor@demo.casepanel.test", "--days", "0"}).exit_status, 2);
  EXPECT_EQ(run({"token", "create", "nobody@demo.casepanel.test"}).exit_status, 1);
  EXPECT_EQ(run({"token", "revoke", "999"}).exit_status, 1);
  EXPECT_EQ(run({"settings", "set", "require-two-factor", "maybe"}).exit_status, 2);
  auto on = run({"settings", "set", "require-two-factor", "on"});
  EXPECT_EQ(on.exit_status, 0) << on.stderr_text;
  EXPECT_EQ(on.stdout_text, "require-two-factor is on\n");
}

}  // namespace
}  // namespace casepanel::cli
