#include "store/stored_values.h"

#include "store/column_types.h"

#include <charconv>
#include <stdexcept>

namespace casepanel::store {
std::optional<core::Instant> parse_stored_instant(std::string_view text) {
  return parse_instant(text);
}

void unreadable(Column where, std::string_view value) {
  throw std::runtime_error("unreadable value in " + std::string(where.table) + " id " +
                           std::to_string(where.id) + ", column " + std::string(where.name) +
                           ": \"" + std::string(value) + "\"");
}

core::Instant stored_instant(const std::string& text, Column where) {
  const auto at = parse_stored_instant(text);
  if (!at) {
    unreadable(where, text);
  }
  return *at;
}

std::optional<core::Instant> stored_instant(const std::optional<std::string>& text, Column where) {
  if (!text) {
    return std::nullopt;
  }
  return stored_instant(*text, where);
}

core::Date stored_date(const std::string& text, Column where) {
  const auto day = core::parse_iso_date(text);
  if (!day) {
    unreadable(where, text);
  }
  return *day;
}

std::optional<core::Date> stored_date(const std::optional<std::string>& text, Column where) {
  if (!text || text->empty()) {
    return std::nullopt;
  }
  return stored_date(*text, where);
}

}  // namespace casepanel::store
