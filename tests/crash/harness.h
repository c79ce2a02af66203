// The crash harness (issue 15 §4): no acknowledged write is lost when the
// server is killed.
//
// One run: a temporary directory with a settings file (audit key and
// checkpoints, uploads inside it), a database on the chosen engine (an
// SQLite file there, or a database on this process's throwaway PostgreSQL
// cluster), filled by `casepanel demo` at a fixed clock; then `casepanel
// serve --port 0` at the same clock. The writers sign in once as the demo
// administrator. Then, `kills` times: the writers run; the server is killed
// with SIGKILL at a moment drawn from the seeded generator (KillTrigger);
// with the server down, the checks (checks.h) and `casepanel audit verify`
// run; the server is started again, which must succeed. At the end every
// write is checked again and the server's log is searched for sanitizer
// reports. run() prints a summary and returns the number of failures.
//
// Thread safety: run() starts and joins its own threads; call it from the
// main thread (the PostgreSQL cluster and the servers are its children).
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

#include "store/database.h"

namespace casepanel::crash {

struct Options {
  store::Engine engine = store::Engine::sqlite;
  int kills = 10;
  int writers = 8;
  // The kill comes after a number of requests drawn from 1..2*mean.
  int mean_requests = 24;
  std::uint64_t seed = 0;
  std::filesystem::path binary;         // the casepanel executable
  std::filesystem::path source_dir;     // where serve finds templates/ and config/
  bool audit_verify_every_kill = true;  // else only after the last
};

int run(const Options& options);

}  // namespace casepanel::crash
