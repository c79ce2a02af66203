// Reading typed values from a row: dates, instants and stored state ids. A
// value that does not parse is a broken database, not an expected path: each
// function throws std::runtime_error naming the table, the row's id and the
// value, so that nothing falls back to 1 January 1970 or to a default state.
#pragma once

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

#include "core/calendar.h"
#include "core/clock.h"
#include "store/database.h"

namespace casepanel::store {

// Where a value came from, for the message: "sittings 42 status".
struct ColumnAt {
  std::string_view table;
  std::int64_t id = 0;
  std::string_view column;
};

[[noreturn]] void unreadable(const ColumnAt& at, const std::string& value);

// "2026-12-01T13:30:00Z" (or with a fractional second).
std::optional<core::Instant> parse_instant(std::string_view text);

core::Instant instant_column(const Row& r, std::size_t i, const ColumnAt& at);
// NULL is no instant; any text must be one (an empty one throws: never 1970).
std::optional<core::Instant> optional_instant_column(const Row& r, std::size_t i,
                                                     const ColumnAt& at);
core::Date date_column(const Row& r, std::size_t i, const ColumnAt& at);
// NULL or "" is no date (older rows and COALESCEd columns hold "").
std::optional<core::Date> optional_date_column(const Row& r, std::size_t i, const ColumnAt& at);

// A stored id read through `from_id` (core::sitting_status_from_id ...).
template <typename FromId>
auto enum_column(const Row& r, std::size_t i, const ColumnAt& at, FromId from_id) {
  const std::string text = r.text(i);
  auto value = from_id(text);
  if (!value) {
    unreadable(at, text);
  }
  return *value;
}

}  // namespace casepanel::store
