// Tests for `casepanel calendar ...`, run against the real executable.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include <filesystem>
#include <fstream>

#include "support/run_command.h"
#include "support/world.h"

namespace casepanel::cli {
namespace {

using casepanel::testing::run_command;

casepanel::testing::CommandResult casepanel(std::vector<std::string> args) {
  args.insert(args.begin(), CASEPANEL_BINARY);
  return run_command(args);
}

std::string command_line(const std::vector<std::string>& args) {
  std::string text = "casepanel";
  for (const std::string& arg : args) {
    text += " " + arg;
  }
  return text;
}

struct Case {
  std::vector<std::string> args;
  int exit_status;
  const char* stdout_text;
  const char* stderr_text;
};

TEST(CalendarCommand, PrintsAnswers) {
  const Case cases[] = {
      {.args = {"calendar", "bank-holidays", "2022"},
       .exit_status = 0,
       .stdout_text = "2022-01-03\n2022-04-15\n2022-04-18\n2022-05-02\n2022-06-02\n2022-06-03\n"
                      "2022-08-29\n2022-09-19\n2022-12-26\n2022-12-27\n",
       .stderr_text = ""},
      {.args = {"calendar", "bank-holidays", "1990"},
       .exit_status = 0,
       .stdout_text = "1990-01-01\n1990-04-13\n1990-04-16\n1990-05-07\n1990-05-28\n1990-08-27\n"
                      "1990-12-25\n1990-12-26\n",
       .stderr_text = ""},
      {.args = {"calendar", "bank-holidays", "2100"},
       .exit_status = 0,
       .stdout_text = "2100-01-01\n2100-03-26\n2100-03-29\n2100-05-03\n2100-05-31\n2100-08-30\n"
                      "2100-12-27\n2100-12-28\n",
       .stderr_text = ""},
      {.args = {"calendar", "add-working-days", "2024-12-20", "10"},
       .exit_status = 0,
       .stdout_text = "2025-01-08\n",
       .stderr_text = ""},
      {.args = {"calendar", "add-working-days", "2022-06-01", "1"},
       .exit_status = 0,
       .stdout_text = "2022-06-06\n",
       .stderr_text = ""},
      {.args = {"calendar", "add-working-days", "2024-07-06", "0"},
       .exit_status = 0,
       .stdout_text = "2024-07-06\n",
       .stderr_text = ""},
      {.args = {"calendar", "working-days-between", "2024-12-20", "2025-01-08"},
       .exit_status = 0,
       .stdout_text = "10\n",
       .stderr_text = ""},
      {.args = {"calendar", "working-days-between", "2025-01-08", "2024-12-20"},
       .exit_status = 0,
       .stdout_text = "-10\n",
       .stderr_text = ""},
      {.args = {"calendar", "working-days-between", "2023-12-31", "2024-12-31"},
       .exit_status = 0,
       .stdout_text = "254\n",
       .stderr_text = ""},
  };
  for (const Case& row : cases) {
    const casepanel::testing::CommandResult result = casepanel(row.args);
    EXPECT_EQ(result.exit_status, row.exit_status) << command_line(row.args);
    EXPECT_EQ(result.stdout_text, row.stdout_text) << command_line(row.args);
    EXPECT_EQ(result.stderr_text, row.stderr_text) << command_line(row.args);
  }
}

TEST(CalendarCommand, RefusesBadInputWithOneLine) {
  const Case cases[] = {
      {.args = {"calendar", "bank-holidays", "1989"},
       .exit_status = 2,
       .stdout_text = "",
       .stderr_text = "casepanel calendar bank-holidays: YEAR must be a whole number from 1990 to "
                      "2100, got \"1989\"\n"},
      {.args = {"calendar", "bank-holidays", "2101"},
       .exit_status = 2,
       .stdout_text = "",
       .stderr_text = "casepanel calendar bank-holidays: YEAR must be a whole number from 1990 to "
                      "2100, got \"2101\"\n"},
      {.args = {"calendar", "bank-holidays", "2024x"},
       .exit_status = 2,
       .stdout_text = "",
       .stderr_text = "casepanel calendar bank-holidays: YEAR must be a whole number from 1990 to "
                      "2100, got \"2024x\"\n"},
      {.args = {"calendar", "add-working-days", "2023-02-29", "1"},
       .exit_status = 2,
       .stdout_text = "",
       .stderr_text = "casepanel calendar add-working-days: DATE must be a real date written "
                      "YYYY-MM-DD, got \"2023-02-29\"\n"},
      {.args = {"calendar", "add-working-days", "2024-07-04", "three"},
       .exit_status = 2,
       .stdout_text = "",
       .stderr_text = "casepanel calendar add-working-days: N must be a whole number from 0 to "
                      "100000, got \"three\"\n"},
      {.args = {"calendar", "add-working-days", "2024-07-04", "-1"},
       .exit_status = 2,
       .stdout_text = "",
       .stderr_text = "casepanel calendar add-working-days: N must be a whole number from 0 to "
                      "100000, got \"-1\"\n"},
      {.args = {"calendar", "add-working-days", "2024-07-04", "--", "-1"},
       .exit_status = 2,
       .stdout_text = "",
       .stderr_text = "casepanel calendar add-working-days: N must be a whole number from 0 to "
                      "100000, got \"-1\"\n"},
      {.args = {"calendar", "working-days-between", "2024-7-4", "2024-07-08"},
       .exit_status = 2,
       .stdout_text = "",
       .stderr_text = "casepanel calendar working-days-between: FROM must be a real date written "
                      "YYYY-MM-DD, got \"2024-7-4\"\n"},
      {.args = {"calendar", "working-days-between", "2024-07-04", "2024-13-01"},
       .exit_status = 2,
       .stdout_text = "",
       .stderr_text = "casepanel calendar working-days-between: TO must be a real date written "
                      "YYYY-MM-DD, got \"2024-13-01\"\n"},
  };
  for (const Case& row : cases) {
    const casepanel::testing::CommandResult result = casepanel(row.args);
    EXPECT_EQ(result.exit_status, row.exit_status) << command_line(row.args);
    EXPECT_EQ(result.stdout_text, row.stdout_text) << command_line(row.args);
    EXPECT_EQ(result.stderr_text, row.stderr_text) << command_line(row.args);
  }
}

// CLI11 itself refuses a missing or extra argument; main() maps that to 2.
TEST(CalendarCommand, RefusesMissingArguments) {
  const std::vector<std::vector<std::string>> cases = {
      {"calendar"},
      {"calendar", "bank-holidays"},
      {"calendar", "add-working-days", "2024-07-04"},
      {"calendar", "working-days-between", "2024-07-04"},
      {"calendar", "bank-holidays", "2024", "2025"},
      {"calendar", "no-such-command"},
  };
  for (const std::vector<std::string>& args : cases) {
    const casepanel::testing::CommandResult result = casepanel(args);
    EXPECT_EQ(result.exit_status, 2) << command_line(args);
    EXPECT_EQ(result.stdout_text, "") << command_line(args);
    EXPECT_NE(result.stderr_text, "") << command_line(args);
  }
}

TEST(CalendarCommand, CountsTheOrganisationsOwnClosuresAndWorkedHolidays) {
  const auto dir = testing::make_temp_dir();
  const std::string config = (dir / "casepanel.toml").string();
  // Closed on Tuesday 29 December 2026; open on the summer bank holiday.
  std::ofstream(config) << "[calendar]\nextra_closures = [\"2026-12-29\"]\n"
                           "removed_holidays = [\"2026-08-31\"]\n";
  const Case cases[] = {
      {.args = {"calendar", "bank-holidays", "2026", "--config", config},
       .exit_status = 0,
       .stdout_text = "2026-01-01\n2026-04-03\n2026-04-06\n2026-05-04\n2026-05-25\n"
                      "2026-12-25\n2026-12-28\n2026-12-29\n",
       .stderr_text = ""},
      // Thursday 24 December + 1 is Wednesday 30 December, past the closure.
      {.args = {"calendar", "add-working-days", "2026-12-24", "1", "--config", config},
       .exit_status = 0,
       .stdout_text = "2026-12-30\n",
       .stderr_text = ""},
      {.args = {"calendar", "working-days-between", "2026-08-28", "2026-08-31", "--config", config},
       .exit_status = 0,
       .stdout_text = "1\n",
       .stderr_text = ""},
      // Without the file's changes: the plain England and Wales answer.
      {.args = {"calendar", "add-working-days", "2026-12-24", "1"},
       .exit_status = 0,
       .stdout_text = "2026-12-29\n",
       .stderr_text = ""},
  };
  for (const Case& c : cases) {
    const casepanel::testing::CommandResult result = casepanel(c.args);
    EXPECT_EQ(result.exit_status, c.exit_status) << command_line(c.args);
    EXPECT_EQ(result.stdout_text, c.stdout_text) << command_line(c.args);
    EXPECT_EQ(result.stderr_text, c.stderr_text) << command_line(c.args);
  }
  // A settings file with a bad date is bad input.
  std::ofstream(config) << "[calendar]\nextra_closures = [\"2026-13-01\"]\n";
  const auto bad = casepanel({"calendar", "bank-holidays", "2026", "--config", config});
  EXPECT_EQ(bad.exit_status, 2);
  EXPECT_NE(bad.stderr_text.find("calendar.extra_closures"), std::string::npos) << bad.stderr_text;
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace casepanel::cli
