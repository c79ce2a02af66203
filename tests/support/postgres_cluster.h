// PostgresCluster: a throwaway PostgreSQL 15 cluster for one test process.
//
// The first call to shared() creates it: a temporary directory holding the
// data directory and the Unix socket, `initdb` (C locale, UTF-8, trust
// authentication for the `postgres` role), then the `postgres` server on a
// free loopback port (asked of the operating system, port-0 style) with
// fsync off, since nothing a test writes needs to survive a power cut. It
// answers on 127.0.0.1 only. shared() returns once the server accepts
// connections (a bounded wait; it throws, with the server's log, if the
// server does not start).
//
// PostgreSQL refuses to run as root. As root (CI, the developers' machines),
// initdb runs through `runuser -u casepanel-test --` and the server as the
// same user; the unprivileged system user is created (useradd) the first
// time it is missing. As any other user, both run as that user.
//
// The server is this process's own child, not a daemon: it is stopped (fast
// shutdown) and its directory removed when the process exits normally, and
// if the test process dies instead (a crash, an abort from a sanitizer) the
// kernel sends the server SIGQUIT (PR_SET_PDEATHSIG), so no cluster outlives
// its tests. That signal follows the thread that started the server: the
// first shared() call must come from the main thread (gtest runs tests
// there), not from a worker thread that ends before the tests do.
//
// Thread safety: shared() and every member may be called from any thread.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include <sys/types.h>

namespace casepanel::testing {

class PostgresCluster {
 public:
  // The process's cluster, started on first use.
  static PostgresCluster& shared();

  PostgresCluster(const PostgresCluster&) = delete;
  PostgresCluster& operator=(const PostgresCluster&) = delete;
  ~PostgresCluster();

  // A libpq URL for one database of the cluster, for Database::open and
  // `casepanel --database`.
  std::string url(std::string_view database) const;
  // Runs statements outside a transaction on the `postgres` database
  // (CREATE DATABASE cannot run inside one). Throws on error.
  void execute(const std::string& sql) const;
  int port() const { return port_; }

 private:
  PostgresCluster();
  void start_server();
  void wait_until_accepting();
  std::string server_log() const;

  std::filesystem::path dir_;  // data/, the socket, server.log
  int port_ = 0;
  pid_t server_ = -1;
};

}  // namespace casepanel::testing
