// Typed reads of stored dates and instants. Dates are kept as ISO text
// ("2026-03-12") and instants as UTC ISO text ("2026-03-12T13:30:00Z"); a
// repository hands them out as core::Date / core::Instant so that app/ does
// not parse. Text that is not one is a broken database, not an expected
// path: these throw std::runtime_error naming the table, the row's id and the
// value (fail closed: never a default such as 1 January 1970).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/calendar.h"
#include "core/request.h"
#include "store/database.h"

namespace casepanel::store {

// Which stored value is being read, for the message when it is unreadable.
struct ColumnAt {
  const char* table;
  std::int64_t id;
  const char* column;
};

core::Date date_column(const Row& row, std::size_t i, ColumnAt at);
// NULL (and, for columns COALESCEd to '', the empty text) is no date.
std::optional<core::Date> optional_date_column(const Row& row, std::size_t i, ColumnAt at);
core::Instant instant_column(const Row& row, std::size_t i, ColumnAt at);
std::optional<core::Instant> optional_instant_column(const Row& row, std::size_t i, ColumnAt at);

// A request's state as stored (requests.state); one this build does not
// know throws naming the request.
core::RequestState request_state(std::int64_t request_id, const std::string& stored);

// "$first, $first+1, ..." for an IN list of `count` bound values.
std::string placeholders(int first, std::size_t count);

}  // namespace casepanel::store
