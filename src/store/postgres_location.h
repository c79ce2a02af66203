// The connection string that POCO's PostgreSQL connector can take, from any
// location libpq understands.
//
// `casepanel --database` takes a libpq connection URI
// ("postgresql://user@host:5432/casepanel", several hosts with
// "?target_session_attrs=read-write" included) or keyword=value pairs. POCO
// 1.11's connector reads only space-separated keyword=value pairs, without
// quoting, and hands libpq the pairs it read: so the location is parsed by
// libpq itself (PQconninfoParse) and written out as plain pairs. A value
// holding a space, a quote or a backslash cannot pass through POCO and is
// refused with a message instead of being mangled.
#pragma once

#include <string>

namespace casepanel::store {

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
