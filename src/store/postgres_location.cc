#include "store/postgres_location.h"

#include <libpq-fe.h>

#include <memory>
#include <stdexcept>

namespace casepanel::store {
namespace {

// A value as libpq's keyword=value form reads it: as it is, or in single
// quotes with each quote and backslash escaped by a backslash.
std::string quoted(const std::string& value) {
  if (value.find_first_of(" \t\n\r\f\v'\\") == std::string::npos) {
    return value;
  }
  std::string out = "'";
  for (const char c : value) {
    if (c == '\'' || c == '\\') {
      out += '\\';
    }
    out += c;
  }
  return out + "'";
}

}  // namespace

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
    out += (out.empty() ? "" : " ") + std::string(o->keyword) + "=" + quoted(value);
  }
  return out;
}

}  // namespace casepanel::store
