// Whole numbers in the settings file: only TOML integers that fit are read;
// anything else is refused with the file, the line and the key, rather than
// quietly replaced by the default.
//
// Found by tests/fuzz/fuzz_settings.cc: `port = 8e80` made toml++ cast the
// float to a 64-bit integer before checking its range (undefined behaviour;
// the input is kept as tests/fuzz/corpus/settings/crash-float-port.toml).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>
#include <thread>

#include "cli/settings.h"
#include "support/world.h"

namespace casepanel::cli {
namespace {

namespace fs = std::filesystem;

struct Row {
  std::string toml;
  std::string error;  // after "FILE:"; empty: loads
  const char* why;
};

TEST(SettingsNumbers, OnlyIntegersThatFitAreRead) {
  const Row rows[] = {
      {.toml = "[server]\nport = 8081\n", .error = "", .why = "an integer"},
      {.toml = "[server]\nport = 8e80\n",
       .error = "2: server.port: not a whole number",
       .why = "a float far outside int64: the fuzzer's input"},
      {.toml = "[server]\nport = 8080.0\n",
       .error = "2: server.port: not a whole number",
       .why = "a float, even a whole one"},
      {.toml = "[server]\nport = \"8080\"\n",
       .error = "2: server.port: not a whole number",
       .why = "a string"},
      {.toml = "[server]\nmax_threads = 2147483648\n",
       .error = "2: server.max_threads: too large or too small",
       .why = "one past the largest int"},
      {.toml = "\n[smtp]\ntimeout_seconds = 1.5\n",
       .error = "3: smtp.timeout_seconds: not a whole number",
       .why = "a fraction of a second"},
      {.toml = "[uploads]\nmax_megabytes = 1e3\n",
       .error = "2: uploads.max_megabytes: not a whole number",
       .why = "scientific notation"},
      {.toml = "[sittings]\nplan_ahead = -2147483648\n",
       .error = ": server.max_threads, server.max_queued and sittings.plan_ahead must be positive",
       .why = "fits, then refused by the range check"},
  };
  const fs::path dir = testing::make_temp_dir();
  const std::string file = (dir / "casepanel.toml").string();
  for (const Row& row : rows) {
    SCOPED_TRACE(row.why);
    std::ofstream(file) << row.toml;
    if (row.error.empty()) {
      EXPECT_NO_THROW(load_settings(file));
      continue;
    }
    try {
      load_settings(file);
      ADD_FAILURE() << "loaded";
    } catch (const std::runtime_error& e) {
      EXPECT_EQ(e.what(), file + (row.error[0] == ':' ? "" : ":") + row.error);
    }
  }
  fs::remove_all(dir);
}

// The file's default: as many workers as suit the machine (cli/settings.cc).
TEST(SettingsNumbers, NoThreadCountMeansTwoWorkersPerCore) {
  const fs::path dir = testing::make_temp_dir();
  const std::string file = (dir / "casepanel.toml").string();
  const auto cores = static_cast<int>(std::thread::hardware_concurrency());
  std::ofstream(file) << "[server]\nmax_threads = 0\n";
  EXPECT_EQ(load_settings(file).server.max_threads, 2 * (cores == 0 ? 2 : cores));
  std::ofstream(file) << "[server]\nmax_threads = 3\n";
  EXPECT_EQ(load_settings(file).server.max_threads, 3);
  std::ofstream(file) << "[server]\nmax_threads = -1\n";
  EXPECT_THROW(load_settings(file), std::runtime_error);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace casepanel::cli
