#include "store/postgres_connection.h"

#include <stdexcept>
#include <string>

namespace casepanel::store::postgres {

Connection::Connection(const std::string& conninfo) : conn_(PQconnectdb(conninfo.c_str())) {
  if (conn_ == nullptr) {
    throw std::runtime_error("cannot open the database: out of memory");
  }
  try {
    if (PQstatus(conn_) != CONNECTION_OK) {
      throw std::runtime_error(std::string("cannot open the database: ") + PQerrorMessage(conn_));
    }
    prepare();
  } catch (...) {
    PQfinish(conn_);
    throw;
  }
}

Connection::~Connection() { PQfinish(conn_); }

ConnectionStatus Connection::status() const {
  return PQstatus(conn_) == CONNECTION_OK ? ConnectionStatus::ok : ConnectionStatus::bad;
}

void Connection::reopen() {
  PQreset(conn_);
  if (PQstatus(conn_) != CONNECTION_OK) {
    throw std::runtime_error(std::string("cannot reach a database server that accepts writes: ") +
                             PQerrorMessage(conn_));
  }
  prepare();
}

void Connection::prepare() {
  // Notices ("relation already exists, skipping") would go to stderr.
  // A kept statement is planned once, generically, and never again for each
  // run's values (postgres_statements.h, "Plans"): one simple query, two SETs.
  PGresult* r = PQexec(
      conn_, "SET client_min_messages TO warning; SET plan_cache_mode TO force_generic_plan");
  const bool ok = PQresultStatus(r) == PGRES_COMMAND_OK;
  PQclear(r);
  if (!ok) {
    throw std::runtime_error(std::string("cannot set up the database connection: ") +
                             PQerrorMessage(conn_));
  }
}

}  // namespace casepanel::store::postgres
