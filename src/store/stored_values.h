// Stored values: reading the text columns that hold dates, times and states
// back as the calendar's and core's types, strictly. A value casepanel never
// writes (a timestamp that does not parse, a state it does not know) means a
// broken database, not an expected path: these functions throw
// std::runtime_error naming the table, the row's id, the column and the value,
// so that nothing downstream mistakes it for 1 January 1970 or a draft.
//
// Timestamps are stored as core::to_iso_utc writes them ("2026-03-12T13:30:00Z"),
// dates as core::to_iso ("2026-03-12"). Pure functions; safe from any thread.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/calendar.h"
#include "core/clock.h"

namespace casepanel::store {

// Where a stored value came from, for the message when it is unreadable.
struct Column {
  std::string_view table;
  std::int64_t id = 0;
  std::string_view name;
};

// "2026-03-12T13:30:00Z" -> the instant; nullopt for anything else
// (store/column_types.h parse_instant: one reader of stored times).
std::optional<core::Instant> parse_stored_instant(std::string_view text);

// The instant stored in a column; throws when it does not parse.
core::Instant stored_instant(const std::string& text, Column where);
// As stored_instant, but NULL (nullopt) is allowed.
std::optional<core::Instant> stored_instant(const std::optional<std::string>& text, Column where);
// The date stored in a column; throws when it is not an ISO date.
core::Date stored_date(const std::string& text, Column where);
// As stored_date, but NULL or "" (nullopt) is allowed: older rows hold "".
std::optional<core::Date> stored_date(const std::optional<std::string>& text, Column where);

// Throws the broken-database error for a value that cannot be read.
[[noreturn]] void unreadable(Column where, std::string_view value);

}  // namespace casepanel::store
