// `casepanel escalations run`, against the real executable on a council
// whose Support Panel decided to progress to FGC on 2 December 2026 (with one
// action due on the 9th): one line a step, each step once, bad dates refused.
#include <gtest/gtest.h>

#include <fstream>

#include "support/decided_hearing.h"
#include "support/run_command.h"
#include "support/world.h"

namespace casepanel::cli {
namespace {

using casepanel::testing::run_command;

TEST(EscalationsCommand, RunPrintsEachStepOnceInTheOrderTheyFellDue) {
  testing::TestWorld w;
  testing::fgc_hearing(w);
  const std::string config = (w.dir() / "casepanel.toml").string();
  std::ofstream(config) << "[paths]\npanels = \""
                        << (std::filesystem::path(CASEPANEL_SOURCE_DIR) / "config/panels").string()
                        << "\"\n[audit]\nkey_file = \"" << (w.dir() / "audit.key").string()
                        << "\"\n";
  auto run = [&](const std::string& day) {
    return run_command({CASEPANEL_BINARY, "escalations", "run", "--as-of", day, "--clock",
                        day + "T07:00:00Z", "--database", w.location(), "--config", config});
  };
  const std::string action = std::to_string([&] {
    std::int64_t id = 0;
    w.db().read_all([&](store::Tx& tx) {
      id = tx.query_one("SELECT id FROM actions WHERE kind = 'action'")->integer(0);
    });
    return id;
  }());
  auto first = run("2026-12-10");
  EXPECT_EQ(first.exit_status, 0) << first.stderr_text;
  EXPECT_NE(first.stdout_text.find("2026-12-10 action " + action + " (child " +
                                   std::to_string(w.child_a) +
                                   "): support/actions_overdue step 1 of 2 -> practice_manager "
                                   "Pat Alpha (user " +
                                   std::to_string(w.pm_a) + ")\n"),
            std::string::npos)
      << first.stdout_text;
  EXPECT_NE(first.stdout_text.find("support/fgc_referral step 1 of 2"), std::string::npos);
  EXPECT_EQ(run("2026-12-10").stdout_text, "") << "each step happens once";
  auto later = run("2026-12-31");
  EXPECT_NE(later.stdout_text.find("2026-12-14 action"), std::string::npos) << later.stdout_text;
  EXPECT_NE(later.stdout_text.find("2026-12-17 action " + action), std::string::npos);
  EXPECT_EQ(std::count(later.stdout_text.begin(), later.stdout_text.end(), '\n'), 2);

  auto bad = run("2026-02-30");
  EXPECT_EQ(bad.exit_status, 2);
  EXPECT_NE(bad.stderr_text.find("--as-of must be a real date"), std::string::npos);
}

}  // namespace
}  // namespace casepanel::cli
