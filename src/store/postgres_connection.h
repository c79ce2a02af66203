// The libpq connection under a POCO PostgreSQL session: whether it still
// stands, and opening it again in place after a failover.
//
// POCO 1.11 closes (PQfinish) only a connection that libpq reports as good
// (Data/PostgreSQL/src/SessionHandle.cpp, disconnect), and opening a session
// again over a broken one overwrites the handle without closing it: either
// way a broken connection would leak. So a broken connection is not thrown
// away but opened again in place with PQreset, which runs the same location
// again (every host in turn, target_session_attrs included: after a
// failover it reaches the promoted standby). Internal to store/.
//
// Thread safety: a session belongs to one pooled connection, used by one
// thread at a time.
#pragma once

#include <Poco/Data/Session.h>
#include <libpq-fe.h>

#include "store/transaction_retry.h"

namespace casepanel::store::postgres {

// The libpq connection under the session (store/postgres_statements.h runs
// statements on it); null when POCO has none.
PGconn* libpq_connection(Poco::Data::Session& session);

// libpq's view of the session's connection (PQstatus).
ConnectionStatus connection_status(Poco::Data::Session& session);

// Closes the connection and opens it again from the same location, then
// prepares it as a new one is (notices off). Throws std::runtime_error with
// libpq's message when no host accepts it; the connection stays bad, owned
// by the session, to be opened again on its next use.
void reopen(Poco::Data::Session& session);

// Settings every new connection gets.
void prepare_new_connection(Poco::Data::Session& session);

}  // namespace casepanel::store::postgres
