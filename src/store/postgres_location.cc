#include "store/postgres_location.h"

#include <libpq-fe.h>

#include <memory>
#include <stdexcept>

namespace casepanel::store {

bool is_postgres_location(const std::string& location) {
  if (location.rfind("postgresql://", 0) == 0 || location.rfind("postgres://", 0) == 0) {
    return true;
  }
  if (location.find('=') == std::string::npos) {
    return false;
  }
  char* error = nullptr;
  PQconninfoOption* options = PQconninfoParse(location.c_str(), &error);
  PQfreemem(error);
  PQconninfoFree(options);
  return options != nullptr;
}

std::string postgres_conninfo(const std::string& location) {
  char* error = nullptr;
  std::unique_ptr<PQconninfoOption, decltype(&PQconninfoFree)> options(
      PQconninfoParse(location.c_str(), &error), &PQconninfoFree);
  if (!options) {
    const std::string why = error != nullptr ? error : "out of memory";
    PQfreemem(error);
    throw std::invalid_argument("not a PostgreSQL connection string: " + why);
  }
  std::string out;
  for (const PQconninfoOption* o = options.get(); o->keyword != nullptr; ++o) {
    if (o->val == nullptr) {
      continue;
    }
    const std::string value = o->val;
    if (value.empty()) {
      continue;
    }
    if (value.find_first_of(" \t\n'\"\\") != std::string::npos) {
      // Never echo the value: it may be the password.
      throw std::invalid_argument(std::string("the PostgreSQL connection's ") + o->keyword +
                                  " holds a space, quote or backslash, which the connector "
                                  "cannot pass on");
    }
    out += (out.empty() ? "" : " ") + std::string(o->keyword) + "=" + value;
  }
  return out;
}

void check_postgres_connects(const std::string& conninfo) {
  PGconn* conn = PQconnectdb(conninfo.c_str());
  const bool ok = conn != nullptr && PQstatus(conn) == CONNECTION_OK;
  const std::string why = conn != nullptr ? PQerrorMessage(conn) : "out of memory";
  PQfinish(conn);
  if (!ok) {
    throw std::runtime_error("cannot open the database: " + why);
  }
}

}  // namespace casepanel::store
