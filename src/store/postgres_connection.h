// A libpq connection, owned outright: opened from a location, opened again
// in place after a failover, and always closed with it.
//
// Why not POCO's PostgreSQL session: POCO 1.11 closes (PQfinish) only a
// connection that libpq reports as good (Data/PostgreSQL/src/SessionHandle.cpp,
// disconnect), and a failed attempt to connect keeps its connection without
// closing it. Either way a connection lost in a failover, or one that never
// reached a server, leaked: LeakSanitizer found 35 KB a connection when a
// test's server went away while the pool held one (CI, 2026-12-02). Statements
// already ran on libpq directly (store/postgres_statements.h), so POCO only
// opened and closed connections.
//
// Opening again uses PQreset, which runs the same location again (every host
// in turn, target_session_attrs included: after a failover it reaches the
// promoted standby). Internal to store/.
//
// Thread safety: a connection is used by one thread at a time (the pool
// lends it to one transaction at a time).
#pragma once

#include <libpq-fe.h>

#include <string>

#include "store/transaction_retry.h"

namespace casepanel::store::postgres {

class Connection {
 public:
  // Connects to `conninfo` (libpq's key=value form) and prepares the
  // connection (notices off, generic plans for kept statements). Throws std::runtime_error with
  // libpq's or the server's message when that fails; nothing is kept.
  explicit Connection(const std::string& conninfo);
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  PGconn* get() const { return conn_; }

  // libpq's view of the connection (PQstatus).
  ConnectionStatus status() const;

  // Closes the connection and opens it again from the same location, then
  // prepares it as a new one is. Throws std::runtime_error with libpq's
  // message when no host accepts it; the connection stays bad, to be opened
  // again on its next use, and is still closed with this object.
  void reopen();

 private:
  void prepare();

  PGconn* conn_;
};

}  // namespace casepanel::store::postgres
