// The connection string that POCO's PostgreSQL connector can take, from any
// location libpq understands.
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
// POCO 1.11's connector (Data/PostgreSQL/src/SessionImpl.cpp) splits its
// string at every space, reads each piece as keyword=value without quoting,
// and hands libpq "keyword=value " for each; commas pass through untouched,
// so libpq sees the host and port lists as written. The location is parsed
// by libpq itself (PQconninfoParse) and written out as plain pairs; a value
// holding a space, a quote or a backslash cannot pass through POCO and is
// refused with a message instead of being mangled.
#pragma once

#include <string>

namespace casepanel::store {

// Whether `location` names a PostgreSQL database rather than an SQLite file:
// a postgresql:// or postgres:// URI, or keyword=value pairs that libpq
// accepts ("host=db1,db2 dbname=casepanel"). A file name holding "=" whose
// left side is not a libpq keyword ("runs=3.db") stays an SQLite file.
bool is_postgres_location(const std::string& location);

// Throws std::invalid_argument naming the problem when libpq cannot parse
// `location` or a value cannot be passed on.
std::string postgres_conninfo(const std::string& location);

// Connects once with libpq itself and throws std::runtime_error with the
// server's or libpq's message if that fails. POCO 1.11 never frees the
// connection of a failed attempt (LeakSanitizer finds it), and its
// exception's what() says only "PostgreSQL": a location that does not
// answer is found here first.
void check_postgres_connects(const std::string& conninfo);

}  // namespace casepanel::store
