#include "store/column_types.h"

#include <charconv>

namespace casepanel::store {
namespace {

std::optional<int> two_digits(std::string_view text, std::size_t at, int most) {
  int out = 0;
  auto [end, ec] = std::from_chars(text.data() + at, text.data() + at + 2, out);
  if (ec != std::errc{} || end != text.data() + at + 2 || out < 0 || out > most) {
    return std::nullopt;
  }
  return out;
}

}  // namespace

void unreadable(const ColumnAt& at, const std::string& value) {
  throw std::runtime_error(std::string(at.table) + " " + std::to_string(at.id) + " has " +
                           std::string(at.column) + " '" + value +
                           "', which casepanel never wrote");
}

std::optional<core::Instant> parse_instant(std::string_view text) {
  // "YYYY-MM-DDTHH:MM:SS" then "Z" or ".fffZ".
  if (text.size() < 20 || text[10] != 'T' || text[13] != ':' || text[16] != ':' ||
      text.back() != 'Z') {
    return std::nullopt;
  }
  const auto day = core::parse_iso_date(text.substr(0, 10));
  const auto hh = two_digits(text, 11, 23);
  const auto mm = two_digits(text, 14, 59);
  const auto ss = two_digits(text, 17, 60);
  if (!day || !hh || !mm || !ss) {
    return std::nullopt;
  }
  return std::chrono::sys_days{*day} + std::chrono::hours{*hh} + std::chrono::minutes{*mm} +
         std::chrono::seconds{*ss};
}

core::Instant instant_column(const Row& r, std::size_t i, const ColumnAt& at) {
  const std::string text = r.text(i);
  auto t = parse_instant(text);
  if (!t) {
    unreadable(at, text);
  }
  return *t;
}

std::optional<core::Instant> optional_instant_column(const Row& r, std::size_t i,
                                                     const ColumnAt& at) {
  if (r.is_null(i)) {
    return std::nullopt;
  }
  return instant_column(r, i, at);
}

core::Date date_column(const Row& r, std::size_t i, const ColumnAt& at) {
  const std::string text = r.text(i);
  auto d = core::parse_iso_date(text);
  if (!d) {
    unreadable(at, text);
  }
  return *d;
}

std::optional<core::Date> optional_date_column(const Row& r, std::size_t i, const ColumnAt& at) {
  if (r.is_null(i) || r.text(i).empty()) {
    return std::nullopt;
  }
  return date_column(r, i, at);
}

}  // namespace casepanel::store
