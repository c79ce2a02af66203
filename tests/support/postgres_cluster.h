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
// Failover tests get clusters of their own instead: primary_for_standby()
// starts a primary that waits for a synchronous standby before it
// acknowledges a commit (synchronous_standby_names = '*', synchronous_commit
// = on), and start_standby() makes its standby with `pg_basebackup -R` on
// another free port and returns once the standby streams synchronously. The
// test then stops the primary as a crash would (stop_immediately) and
// promotes the standby (promote). Both are removed with their objects.
//
// Thread safety: shared() and every member may be called from any thread.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

#include <sys/types.h>

namespace casepanel::testing {

class PostgresCluster {
 public:
  // The process's cluster, started on first use.
  static PostgresCluster& shared();
  // A new primary of the caller's own, ready for a synchronous standby: a
  // base backup of shared() (faster than initdb, and it holds the databases
  // shared() has, so a test makes its database there first). Until the
  // standby streams, every commit on it waits.
  static std::unique_ptr<PostgresCluster> primary_for_standby();
  // This primary's hot standby, made with pg_basebackup -R on another free
  // port; returned once a commit on the primary has waited for it (a
  // synchronous standby acknowledged it) and pg_stat_replication says "sync".
  std::unique_ptr<PostgresCluster> start_standby() const;
  // A backup and its restore: pg_basebackup of this running cluster into a
  // new directory (the backup an operator keeps), and a server started on
  // it (what restoring it is).
  std::unique_ptr<PostgresCluster> restore_base_backup() const;
  // SIGQUIT to the server: an immediate shutdown, which to its clients and
  // its standby is a crash. Returns once the server has exited.
  void stop_immediately();
  // `pg_ctl promote --wait`: the standby becomes a primary that takes writes.
  void promote() const;

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
  // A loopback port no one listens on now (asked of the kernel, port-0
  // style): for a host that refuses connections.
  static int unused_port();

 private:
  enum class Role { alone, primary, standby, restored };
  // `source` is the running cluster a base backup is taken of, or null for initdb.
  PostgresCluster(Role role, const PostgresCluster* source);
  void make_data_directory(const PostgresCluster* source) const;
  void start_server();
  void wait_until_accepting();
  std::string server_log() const;

  Role role_;
  std::filesystem::path dir_;  // data/, the socket, server.log
  int port_ = 0;
  pid_t server_ = -1;
};

}  // namespace casepanel::testing
