#include "store/stored_values.h"

#include <charconv>
#include <stdexcept>

namespace casepanel::store {
namespace {

// The two-digit number at `at`, if it is one.
std::optional<int> two_digits(std::string_view text, std::size_t at) {
  int out = 0;
  const char* first = text.data() + at;
  auto [end, ec] = std::from_chars(first, first + 2, out);
  if (ec != std::errc{} || end != first + 2) {
    return std::nullopt;
  }
  return out;
}

}  // namespace

std::optional<core::Instant> parse_stored_instant(std::string_view text) {
  if (text.size() != 20 || text[10] != 'T' || text[13] != ':' || text[16] != ':' ||
      text[19] != 'Z') {
    return std::nullopt;
  }
  const auto day = core::parse_iso_date(text.substr(0, 10));
  const auto hh = two_digits(text, 11);
  const auto mm = two_digits(text, 14);
  const auto ss = two_digits(text, 17);
  if (!day || !hh || !mm || !ss || *hh > 23 || *mm > 59 || *ss > 59) {
    return std::nullopt;
  }
  return std::chrono::sys_days{*day} + std::chrono::hours{*hh} + std::chrono::minutes{*mm} +
         std::chrono::seconds{*ss};
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
