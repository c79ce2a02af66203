#include "store/postgres_connection.h"

#include <Poco/Data/PostgreSQL/SessionHandle.h>
#include <Poco/Data/PostgreSQL/SessionImpl.h>
#include <libpq-fe.h>

#include <stdexcept>
#include <string>

namespace casepanel::store::postgres {
namespace {

Poco::Data::PostgreSQL::SessionHandle& handle(Poco::Data::Session& session) {
  auto* impl = dynamic_cast<Poco::Data::PostgreSQL::SessionImpl*>(session.impl());
  if (impl == nullptr) {
    throw std::logic_error("not a PostgreSQL session");
  }
  return impl->handle();
}

}  // namespace

PGconn* libpq_connection(Poco::Data::Session& session) { return handle(session); }

ConnectionStatus connection_status(Poco::Data::Session& session) {
  PGconn* conn = handle(session);
  return conn != nullptr && PQstatus(conn) == CONNECTION_OK ? ConnectionStatus::ok
                                                            : ConnectionStatus::bad;
}

void reopen(Poco::Data::Session& session) {
  Poco::Data::PostgreSQL::SessionHandle& h = handle(session);
  if (!h.reset()) {
    PGconn* conn = h;
    throw std::runtime_error(std::string("cannot reach a database server that accepts writes: ") +
                             (conn != nullptr ? PQerrorMessage(conn) : "no connection"));
  }
  prepare_new_connection(session);
}

void prepare_new_connection(Poco::Data::Session& session) {
  // Notices ("relation already exists, skipping") would go to stderr.
  PGresult* r = PQexec(libpq_connection(session), "SET client_min_messages TO warning");
  const bool ok = PQresultStatus(r) == PGRES_COMMAND_OK;
  PQclear(r);
  if (!ok) {
    throw std::runtime_error(std::string("cannot set up the database connection: ") +
                             PQerrorMessage(libpq_connection(session)));
  }
}

}  // namespace casepanel::store::postgres
