// Tests for `casepanel panel cutoff`, run against the real executable.
#include <gtest/gtest.h>

#include "support/run_command.h"
#include "support/test_database.h"
#include "support/world.h"

namespace casepanel::cli {
namespace {

using casepanel::testing::run_command;

TEST(PanelCommand, CutoffPrintsTheMomentWithItsOffset) {
  const auto dir = testing::make_temp_dir();
  auto database = std::make_unique<testing::TestDatabase>(dir, "cutoff");
  const std::string db = database->location();
  struct Case {
    const char* panel;
    const char* date;
    int status;
    const char* out;
  };
  const Case cases[] = {
      {"support", "2026-12-02", 0, "2026-11-26T16:00:00+00:00\n"},
      {"support", "2026-07-01", 0, "2026-06-25T16:00:00+01:00\n"},
      {"support", "2026-01-07", 0, "2025-12-31T16:00:00+00:00\n"},
      {"clam", "2026-12-01", 0, "none\n"},
      {"nope", "2026-12-01", 2, ""},
      {"support", "2026-02-30", 2, ""},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(std::string(c.panel) + " " + c.date);
    auto r = run_command({CASEPANEL_BINARY, "panel", "cutoff", c.panel, c.date, "--database", db});
    EXPECT_EQ(r.exit_status, c.status) << r.stderr_text;
    EXPECT_EQ(r.stdout_text, c.out);
    EXPECT_EQ(r.stderr_text.empty(), c.status == 0) << r.stderr_text;
  }
  database.reset();
  std::filesystem::remove_all(dir);
}

TEST(PanelCommand, SittingsPrintsTheScheduleWithBankHolidaysFlagged) {
  const auto dir = testing::make_temp_dir();
  auto database = std::make_unique<testing::TestDatabase>(dir, "sittings");
  const std::string db = database->location();
  auto run = [&](std::vector<std::string> args) {
    args.insert(args.begin(), {CASEPANEL_BINARY, "panel", "sittings"});
    args.insert(args.end(), {"--database", db});
    return run_command(args);
  };
  auto clam = run({"clam", "--from", "2029-12-10", "--count", "4"});
  EXPECT_EQ(clam.exit_status, 0) << clam.stderr_text;
  EXPECT_EQ(clam.stdout_text,
            "2029-12-11\t13:30\t17:00\tHorsham\n"
            "2029-12-18\t13:30\t17:00\tWorthing\n"
            "2029-12-25\t13:30\t17:00\tHorsham\tbank-holiday\n"
            "2030-01-01\t13:30\t17:00\tWorthing\tbank-holiday\n");
  // British Summer Time: still the wall-clock hours.
  auto support = run({"support", "--from", "2027-06-01", "--count", "1"});
  EXPECT_EQ(support.stdout_text, "2027-06-02\t09:30\t12:30\tLincoln\n");
  for (const std::vector<std::string>& bad :
       {std::vector<std::string>{"nope", "--from", "2026-12-01"},
        {"clam", "--from", "2026-02-30"},
        {"clam", "--from", "2026-12-01", "--count", "0"},
        {"clam", "--from", "2026-12-01", "--count", "ten"},
        {"clam"}}) {
    auto r = run(bad);
    EXPECT_EQ(r.exit_status, 2) << bad.front();
    EXPECT_EQ(r.stdout_text, "");
    EXPECT_NE(r.stderr_text, "");
  }
  database.reset();
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace casepanel::cli
