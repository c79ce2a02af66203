#include "crash/harness.h"

#include <chrono>
#include <fstream>
#include <iostream>
#include <memory>
#include <random>
#include <sstream>
#include <thread>
#include <vector>

#include "app/demo.h"
#include "crash/checks.h"
#include "crash/crash_client.h"
#include "crash/write_log.h"
#include "crash/writers.h"
#include "support/run_command.h"
#include "support/server_process.h"
#include "support/test_database.h"
#include "support/world.h"

namespace casepanel::crash {
namespace {

// The browser tests' instant: a Tuesday morning, the demo's sittings ahead.
constexpr const char* kClock = "2026-11-24T09:00:00Z";
constexpr const char* kAdministrator = "admin@demo.casepanel.test";
constexpr auto kStartDeadline = std::chrono::seconds(120);
// No kill trigger reached in this long means the server stopped making progress.
constexpr auto kProgressDeadline = std::chrono::seconds(60);

struct Run {
  explicit Run(const Options& o) : options(o), rng(o.seed) {}

  const Options& options;
  std::filesystem::path dir;
  std::unique_ptr<testing::TestDatabase> database;
  std::filesystem::path config;
  std::unique_ptr<store::Database> checker;  // one connection, for the checks
  testing::ServerProcess server;
  std::vector<CrashClient> clients;
  WriteLog log;
  KillTrigger trigger;
  std::mt19937_64 rng;
  Totals baseline;
  Findings findings;
  std::size_t checked = 0;  // writes before this index have a fate
  int kills_at_send = 0;
};

void fail(Run& r, int life, const std::string& what) {
  r.findings.failures.push_back("life " + std::to_string(life) + ": " + what);
}

testing::CommandResult casepanel(const Run& r, std::vector<std::string> args) {
  args.insert(args.begin(), r.options.binary.string());
  args.insert(args.end(), {"--database", r.database->location(), "--config", r.config.string()});
  return testing::run_command(args, {.working_directory = r.options.source_dir});
}

void set_up(Run& r) {
  r.dir = testing::make_temp_dir();
  r.database = std::make_unique<testing::TestDatabase>(r.dir, "crash", testing::Start::empty);
  r.config = r.dir / "casepanel.toml";
  std::ofstream(r.config) << "[audit]\nkey_file = \"" << (r.dir / "audit.key").string()
                          << "\"\ncheckpoint_file = \"" << (r.dir / "checkpoints.log").string()
                          << "\"\n[uploads]\ndirectory = \"" << (r.dir / "uploads").string()
                          << "\"\n";
  const testing::CommandResult demo = casepanel(r, {"demo", "--clock", kClock});
  if (demo.exit_status != 0) {
    throw std::runtime_error("casepanel demo failed: " + demo.stderr_text);
  }
  r.checker = store::Database::open(r.database->location(), 1);
  prepare_checks(*r.checker);
  r.baseline = count_totals(*r.checker);
}

void start_server(Run& r) {
  r.server.start({r.options.binary.string(), "serve", "--database", r.database->location(),
                  "--config", r.config.string(), "--port", "0", "--clock", kClock},
                 r.options.source_dir, r.dir / "server.log", kStartDeadline);
  for (CrashClient& c : r.clients) {
    c.set_port(r.server.port());
  }
}

void sign_in_writers(Run& r) {
  r.clients.resize(static_cast<std::size_t>(r.options.writers));
  for (CrashClient& c : r.clients) {
    c.set_port(r.server.port());
    c.sign_in(kAdministrator, app::kDemoPassword, "/admin/people/new");
  }
}

void audit_verify(Run& r, int life) {
  const testing::CommandResult v = casepanel(r, {"audit", "verify"});
  if (v.exit_status != 0) {
    fail(r, life, "casepanel audit verify: " + v.stderr_text + v.stdout_text);
  }
}

// With the server down: the database, the writes so far, the audit chain.
void check_after_kill(Run& r, int life) {
  std::vector<std::string> problems;
  wait_for_orphans(*r.checker, problems);
  check_integrity(*r.checker, problems);
  std::vector<Write>& writes = r.log.writes();
  Findings found;
  check_writes(*r.checker, writes, r.checked, Recheck::no, found);
  r.checked = writes.size();
  check_totals(*r.checker, writes, r.baseline, problems);
  problems.insert(problems.end(), found.failures.begin(), found.failures.end());
  for (const std::string& p : problems) {
    fail(r, life, p);
  }
  r.findings.unknown_present += found.unknown_present;
  r.findings.unknown_absent += found.unknown_absent;
  if (r.options.audit_verify_every_kill || life == r.options.kills) {
    audit_verify(r, life);
  }
}

void one_life(Run& r, int life) {
  const KillAt at = r.rng() % 2 == 0 ? KillAt::send : KillAt::answer;
  const int requests = 1 + static_cast<int>(r.rng() % (2 * r.options.mean_requests));
  r.kills_at_send += at == KillAt::send ? 1 : 0;
  r.trigger.arm(at, requests);
  std::vector<std::thread> threads;
  for (int i = 0; i < r.options.writers; ++i) {
    threads.emplace_back(
        run_writer, Writer{r.clients[static_cast<std::size_t>(i)], r.log, r.trigger, i + 1, life});
  }
  if (!r.trigger.wait(kProgressDeadline)) {
    fail(r, life, "no kill trigger in 60 s: the server stopped making progress");
  }
  r.trigger.stop();
  r.server.kill_now();
  for (std::thread& t : threads) {
    t.join();
  }
  check_after_kill(r, life);
  try {
    start_server(r);
  } catch (const std::exception& e) {
    fail(r, life, std::string("the server did not start again: ") + e.what());
    throw;
  }
}

void check_server_log(Run& r) {
  std::ifstream in(r.dir / "server.log");
  std::stringstream text;
  text << in.rdbuf();
  for (const char* report : {"AddressSanitizer", "LeakSanitizer", "runtime error:"}) {
    if (text.str().find(report) != std::string::npos) {
      fail(r, r.options.kills,
           "the server's log has a sanitizer report (" + std::string(report) +
               "): " + (r.dir / "server.log").string());
    }
  }
}

void print_summary(const Run& r, double seconds) {
  int people = 0;
  int links = 0;
  int unknown = 0;
  int refused = 0;
  for (const Write& w : r.log.writes()) {
    people += w.outcome == Outcome::acknowledged && w.kind == WriteKind::add_person ? 1 : 0;
    links += w.outcome == Outcome::acknowledged && w.kind == WriteKind::password_link ? 1 : 0;
    unknown += w.outcome == Outcome::unknown ? 1 : 0;
    refused += w.outcome == Outcome::refused ? 1 : 0;
  }
  const auto& f = r.findings;
  std::cout << "crash harness: " << testing::engine_name(r.options.engine) << ", seed "
            << r.options.seed << ", " << r.options.kills << " kills (" << r.kills_at_send
            << " with a request just sent, " << r.options.kills - r.kills_at_send
            << " just after an answer), " << r.options.writers << " writers\n"
            << "  writes acknowledged: " << people + links << " (" << people << " people added, "
            << links << " password links with their email)\n"
            << "  unknown (connection cut by the kill): " << unknown << ", found whole "
            << f.unknown_present << ", found absent " << f.unknown_absent << "\n"
            << "  refused: " << refused << "\n"
            << "  failures: " << f.failures.size() << "\n"
            << "  time: " << seconds << " s\n";
  for (std::size_t i = 0; i < f.failures.size() && i < 50; ++i) {
    std::cout << "FAILURE " << f.failures[i] << "\n";
  }
}

}  // namespace

int run(const Options& options) {
  const auto began = std::chrono::steady_clock::now();
  Run r(options);
  std::cout << "crash harness: " << testing::engine_name(options.engine) << ", seed "
            << options.seed << " (--seed " << options.seed << " repeats the kill moments)"
            << std::endl;
  set_up(r);
  start_server(r);
  sign_in_writers(r);
  const std::chrono::duration<double> ready = std::chrono::steady_clock::now() - began;
  std::cout << "  demo data, server and " << options.writers << " sign-ins ready in "
            << ready.count() << " s" << std::endl;
  try {
    for (int life = 1; life <= options.kills; ++life) {
      one_life(r, life);
    }
  } catch (const std::exception& e) {
    r.findings.failures.push_back(std::string("stopped: ") + e.what());
  }
  r.server.kill_now();
  std::vector<std::string> problems;
  Findings again;
  check_writes(*r.checker, r.log.writes(), 0, Recheck::yes, again);
  for (const std::string& p : again.failures) {
    fail(r, options.kills, "final check: " + p);
  }
  check_server_log(r);
  const std::chrono::duration<double> took = std::chrono::steady_clock::now() - began;
  print_summary(r, took.count());
  const int failures = static_cast<int>(r.findings.failures.size());
  r.checker.reset();
  if (failures == 0) {
    r.database.reset();
    std::filesystem::remove_all(r.dir);
  } else {
    std::cout << "kept for inspection: " << r.dir.string() << "\n";
  }
  return failures;
}

}  // namespace casepanel::crash
