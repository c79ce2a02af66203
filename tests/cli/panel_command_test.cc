// Tests for `casepanel panel cutoff`, run against the real executable.
#include <gtest/gtest.h>

#include "support/run_command.h"
#include "support/world.h"

namespace casepanel::cli {
namespace {

using casepanel::testing::run_command;

TEST(PanelCommand, CutoffPrintsTheMomentWithItsOffset) {
  const auto dir = testing::make_temp_dir();
  const std::string db = (dir / "cutoff.db").string();
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
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace casepanel::cli
