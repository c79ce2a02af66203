// What the Google Benchmarks share (bench/pages_bench.cc, bench/reports_bench.cc):
// the environment bench/run and bench/reports_scale set, and the database
// they name, opened as `casepanel serve` opens it.
//   CASEPANEL_BENCH_DB     the demo database, a file or a postgresql:// URL (required)
//   CASEPANEL_BENCH_CLOCK  the fixed clock (default 2026-11-24T09:00:00Z)
#pragma once

#include <benchmark/benchmark.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <functional>
#include <iostream>
#include <memory>
#include <stdexcept>
#include <string>

#include "cli/settings.h"
#include "store/postgres_location.h"

namespace casepanel::bench {

inline constexpr const char* kDefaultClock = "2026-11-24T09:00:00Z";

inline std::string env_or(const char* name, const std::string& fallback) {
  const char* v = std::getenv(name);
  return v != nullptr && *v != '\0' ? std::string(v) : fallback;
}

// `made_by` is the command that makes the database, for the message when
// CASEPANEL_BENCH_DB is not set.
inline std::unique_ptr<cli::Runtime> open_bench_runtime(const std::string& made_by) {
  const std::string db = env_or("CASEPANEL_BENCH_DB", "");
  if (db.empty()) {
    throw std::runtime_error("set CASEPANEL_BENCH_DB to a database made by " + made_by);
  }
  if (!store::is_postgres_location(db) && !std::filesystem::exists(db)) {
    throw std::runtime_error("CASEPANEL_BENCH_DB: no such file: " + db);
  }
  return cli::open_runtime("config/casepanel.toml", db,
                           env_or("CASEPANEL_BENCH_CLOCK", kDefaultClock));
}

// What each benchmark's main does: runs from the source tree (config/,
// templates/ and static/ are relative to it, as for `casepanel serve`),
// opens its database before any timing (so that a missing one fails at
// once), then runs the benchmarks the command line names.
inline int run_benchmarks(const char* name, int argc, char** argv,
                          const std::function<void()>& open) {
  if (chdir(CASEPANEL_SOURCE_DIR) != 0) {
    std::cerr << name << ": cannot enter " << CASEPANEL_SOURCE_DIR << "\n";
    return 1;
  }
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) {
    return 1;
  }
  try {
    open();
  } catch (const std::exception& e) {
    std::cerr << name << ": " << e.what() << "\n";
    return 1;
  }
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}

}  // namespace casepanel::bench
