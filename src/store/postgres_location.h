// The keyword=value connection string libpq opens (store/postgres_connection.h),
// from any location libpq understands.
//
// `casepanel --database` takes a libpq connection URI
// ("postgresql://user@host:5432/casepanel") or keyword=value pairs
// ("host=db1 dbname=casepanel"). Several hosts are one location: libpq tries
// them in order and, with target_session_attrs=read-write, keeps the first
// that accepts writes (the primary), so after a failover a new connection
// finds the promoted standby by itself:
//
//   postgresql://casepanel@db1:5432,db2:5432/casepanel?target_session_attrs=read-write
//   host=db1,db2 port=5432,5432 dbname=casepanel target_session_attrs=read-write
//
// The location is parsed by libpq itself (PQconninfoParse) and written out
// as pairs, each value quoted where libpq's keyword=value form needs it
// (a space, a quote or a backslash); host and port lists pass through as
// written.
#pragma once

#include <string>

namespace casepanel::store {

// Whether `location` names a PostgreSQL database rather than an SQLite file:
// a postgresql:// or postgres:// URI, or keyword=value pairs that libpq
// accepts ("host=db1,db2 dbname=casepanel"). A file name holding "=" whose
// left side is not a libpq keyword ("runs=3.db") stays an SQLite file.
bool is_postgres_location(const std::string& location);

// Throws std::invalid_argument with libpq's reason when it cannot parse
// `location`.
std::string postgres_conninfo(const std::string& location);

}  // namespace casepanel::store
