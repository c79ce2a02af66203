// Tests for `casepanel check-config`, run against the real executable: the
// shipped panel files pass with a summary, and broken files fail with one
// "FILE:LINE: FIELD: MESSAGE" line per problem on standard error.
#include <gtest/gtest.h>
#include <stdlib.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "support/run_command.h"

namespace casepanel::cli {
namespace {

namespace fs = std::filesystem;
using casepanel::testing::CommandResult;
using casepanel::testing::run_command;

const fs::path kPanels = fs::path(CASEPANEL_SOURCE_DIR) / "config" / "panels";

CommandResult check_config(const std::vector<std::string>& files) {
  std::vector<std::string> args = {CASEPANEL_BINARY, "check-config"};
  args.insert(args.end(), files.begin(), files.end());
  return run_command(args);
}

std::string read_text(const fs::path& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

void write_text(const fs::path& path, std::string_view text) {
  std::ofstream out(path);
  out << text;
}

// A fresh directory per test, removed afterwards.
class CheckConfig : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = (fs::temp_directory_path() / "casepanel-config-XXXXXX").string();
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    dir_ = pattern;
  }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path dir_;
};

TEST_F(CheckConfig, ShippedPanelsPassWithASummary) {
  CommandResult result = check_config({kPanels.string()});
  EXPECT_EQ(result.exit_status, 0) << result.stderr_text;
  EXPECT_EQ(result.stderr_text, "");
  for (std::string_view expected : {
           "CLAM Panel (clam), West Sussex County Council",
           "Support Panel (support), Lincolnshire County Council",
           "every Tuesday, 13:30 to 17:00, in turn at Horsham (CHN), Worthing (CHD)",
           "by 16:00 UK time on the Thursday before the sitting",
           "disagreements go to the Assistant Director",
           // Issue 12: outcomes and permanency plans are summarised.
           "outcomes        7, one or more per child",
           "permanency      not asked",
           "Long-term fostering",
           "a parallel plan is asked for",
           "(a review date is then required)",
           "2 panels checked: no problems",
       }) {
    EXPECT_NE(result.stdout_text.find(expected), std::string::npos)
        << "missing: " << expected << "\n"
        << result.stdout_text;
  }
}

TEST_F(CheckConfig, EachShippedFilePassesAlone) {
  for (const char* file : {"west-sussex-clam.toml", "lincolnshire-support.toml"}) {
    CommandResult result = check_config({(kPanels / file).string()});
    EXPECT_EQ(result.exit_status, 0) << file << "\n" << result.stderr_text;
    EXPECT_NE(result.stdout_text.find("1 panel checked: no problems"), std::string::npos) << file;
  }
}

// A copy of the shipped CLAM file with one line changed.
struct BrokenFile {
  const char* name;
  std::string_view replace;
  std::string_view with;
  std::string_view field;    // expected on the line that was changed
  std::string_view message;  // the start of the message
};

void PrintTo(const BrokenFile& c, std::ostream* out) { *out << c.name; }

class CheckBrokenFile : public CheckConfig, public ::testing::WithParamInterface<BrokenFile> {};

TEST_P(CheckBrokenFile, FailsNamingFileLineAndField) {
  const BrokenFile& c = GetParam();
  std::string text = read_text(kPanels / "west-sussex-clam.toml");
  size_t at = text.find(c.replace);
  ASSERT_NE(at, std::string::npos) << c.replace;
  text.replace(at, c.replace.size(), c.with);
  int line = 1 + static_cast<int>(std::count(text.begin(), text.begin() + at, '\n'));
  fs::path file = dir_ / "broken.toml";
  write_text(file, text);

  CommandResult result = check_config({file.string()});
  EXPECT_EQ(result.exit_status, 1);
  EXPECT_EQ(result.stdout_text, "");
  std::string expected = file.string() + ":" + std::to_string(line) + ": " + std::string(c.field) +
                         (c.field.empty() ? "" : ": ") + std::string(c.message);
  EXPECT_EQ(result.stderr_text.rfind(expected, 0), 0u) << "expected to start with:\n"
                                                       << expected << "\ngot:\n"
                                                       << result.stderr_text;
  EXPECT_EQ(std::count(result.stderr_text.begin(), result.stderr_text.end(), '\n'), 1)
      << "one line per problem:\n"
      << result.stderr_text;
}

INSTANTIATE_TEST_SUITE_P(
    CheckConfig, CheckBrokenFile,
    ::testing::Values(BrokenFile{.name = "bad_weekday",
                                 .replace = R"(weekday = "Tuesday")",
                                 .with = R"(weekday = "Tuseday")",
                                 .field = "schedule.weekday",
                                 .message = R"("Tuseday" is not a day of the week)"},
                      BrokenFile{
                          .name = "unknown_key",
                          .replace = "slot_minutes = 15",
                          .with = "slot_minute = 15\nslot_minutes = 15",
                          .field = "hearing.slot_minute",
                          .message = R"(unknown key "slot_minute" (did you mean "slot_minutes"?))"},
                      BrokenFile{.name = "unknown_role",
                                 .replace = R"(role = "group_manager")",
                                 .with = R"(role = "service_manager")",
                                 .field = "approval_steps[1].role",
                                 .message = R"(unknown role "service_manager")"},
                      BrokenFile{.name = "bad_time",
                                 .replace = R"(end = "17:00")",
                                 .with = R"(end = "5pm")",
                                 .field = "schedule.end",
                                 .message = R"("5pm" is not a time)"},
                      BrokenFile{.name = "syntax_error",
                                 .replace = R"(name = "CLAM Panel")",
                                 .with = R"(name = CLAM Panel)",
                                 .field = "",
                                 .message = "not valid TOML"}),
    [](const auto& info) { return std::string(info.param.name); });

TEST_F(CheckConfig, ReportsEveryProblemOfEveryFile) {
  std::string clam = read_text(kPanels / "west-sussex-clam.toml");
  std::string bad = clam;
  bad.replace(bad.find("slot_minutes = 15"), 17, "slot_minutes = 0");
  bad.replace(bad.find(R"(role = "chair")"), 14, R"(role = "chief")");
  write_text(dir_ / "a.toml", bad);
  write_text(dir_ / "b.toml", bad);

  CommandResult result = check_config({dir_.string()});
  EXPECT_EQ(result.exit_status, 1);
  // Per file: the slot, the unknown role, and then no member left as chair.
  EXPECT_EQ(std::count(result.stderr_text.begin(), result.stderr_text.end(), '\n'), 6)
      << result.stderr_text;
  EXPECT_NE(result.stderr_text.find((dir_ / "a.toml").string() + ":"), std::string::npos);
  EXPECT_NE(result.stderr_text.find((dir_ / "b.toml").string() + ":"), std::string::npos);
  EXPECT_NE(result.stderr_text.find("hearing.slot_minutes: must be more than 0"),
            std::string::npos);
}

TEST_F(CheckConfig, RefusesAPanelIdUsedTwice) {
  std::string clam = read_text(kPanels / "west-sussex-clam.toml");
  write_text(dir_ / "one.toml", clam);
  write_text(dir_ / "two.toml", clam);

  CommandResult result = check_config({dir_.string()});
  EXPECT_EQ(result.exit_status, 1);
  size_t id_at = clam.find("\nid = \"clam\"");
  ASSERT_NE(id_at, std::string::npos);
  int id_line = 2 + static_cast<int>(std::count(clam.begin(), clam.begin() + id_at, '\n'));
  std::string expected = (dir_ / "two.toml").string() + ":" + std::to_string(id_line) +
                         ": id: panel id \"clam\" is already used by " +
                         (dir_ / "one.toml").string() + "\n";
  EXPECT_EQ(result.stderr_text, expected);
}

TEST_F(CheckConfig, RefusesWhatItCannotRead) {
  struct Case {
    std::vector<std::string> files;
    std::string stderr_text;
  };
  const Case cases[] = {
      {.files = {(dir_ / "missing.toml").string()},
       .stderr_text =
           (dir_ / "missing.toml").string() + ": cannot read: no such file or directory\n"},
      {.files = {dir_.string()},
       .stderr_text = dir_.string() + ": no panel files (*.toml) in this directory\n"},
  };
  for (const Case& c : cases) {
    CommandResult result = check_config(c.files);
    EXPECT_EQ(result.exit_status, 1) << c.files[0];
    EXPECT_EQ(result.stdout_text, "") << c.files[0];
    EXPECT_EQ(result.stderr_text, c.stderr_text);
  }
}

TEST_F(CheckConfig, NeedsAFile) {
  CommandResult result = check_config({});
  EXPECT_EQ(result.exit_status, 2);
  EXPECT_NE(result.stderr_text.find("FILE"), std::string::npos) << result.stderr_text;
}

}  // namespace
}  // namespace casepanel::cli
