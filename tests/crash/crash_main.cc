// crash_harness: kills `casepanel serve` under 8 writers and checks that no
// acknowledged write is lost (issue 15 §4; harness.h says how).
//
//   crash_harness --engine sqlite --kills 20            # ctest: crash_sqlite
//   crash_harness --engine postgresql --kills 1000      # make crash-test
//   crash_harness --engine sqlite --seed 42             # repeat a run's kill moments
//
// Exit status 0 when every check passed, 1 when one failed, 2 when the
// harness could not run. The seed is printed first.
#include <signal.h>

#include <CLI/CLI.hpp>
#include <cstdlib>
#include <iostream>
#include <random>

#include "crash/harness.h"
#include "support/test_database.h"

int main(int argc, char** argv) {
  CLI::App app("Kills casepanel serve under concurrent writers and checks no write was lost");
  std::string engine = "sqlite";
  casepanel::crash::Options options;
  options.binary = CASEPANEL_BINARY;
  options.source_dir = CASEPANEL_SOURCE_DIR;
  std::string binary = options.binary.string();
  app.add_option("--engine", engine, "sqlite or postgresql")
      ->check(CLI::IsMember({"sqlite", "postgresql"}))
      ->capture_default_str();
  app.add_option("--kills", options.kills, "How many times the server is killed")
      ->capture_default_str();
  app.add_option("--writers", options.writers, "Concurrent writers")->capture_default_str();
  app.add_option("--mean-requests", options.mean_requests,
                 "A kill comes after 1..2x this many requests")
      ->capture_default_str();
  app.add_option("--seed", options.seed, "The kill moments' seed (default: a random one)");
  app.add_option("--binary", binary, "The casepanel executable")->capture_default_str();
  bool audit_last_only = false;
  app.add_flag("--verify-audit-last-only", audit_last_only,
               "Run casepanel audit verify after the last kill only, not after each");
  CLI11_PARSE(app, argc, argv);
  options.binary = binary;
  options.audit_verify_every_kill = !audit_last_only;
  if (app.count("--seed") == 0) {
    options.seed = std::random_device{}();
  }
  // The writers write to sockets the kill closes: an error, not a signal.
  ::signal(SIGPIPE, SIG_IGN);
  // TestDatabase reads the engine from the environment, as in every suite.
  ::setenv("CASEPANEL_TEST_ENGINE", engine.c_str(), 1);
  options.engine = casepanel::testing::test_engine();
  try {
    return casepanel::crash::run(options) == 0 ? 0 : 1;
  } catch (const std::exception& e) {
    std::cerr << "crash_harness: " << casepanel::testing::error_text(e) << "\n";
    return 2;
  }
}
