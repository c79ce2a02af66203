#include "store/typed_columns.h"

#include <stdexcept>

namespace casepanel::store {
namespace {

[[noreturn]] void unreadable(ColumnAt at, const std::string& value, const char* what) {
  throw std::runtime_error(std::string(at.table) + " " + std::to_string(at.id) + ": " + at.column +
                           " is not " + what + ": \"" + value + "\"");
}

}  // namespace

core::Date date_column(const Row& row, std::size_t i, ColumnAt at) {
  const std::string text = row.text(i);
  const std::optional<core::Date> d = core::parse_iso_date(text);
  if (!d) {
    unreadable(at, text, "a date");
  }
  return *d;
}

std::optional<core::Date> optional_date_column(const Row& row, std::size_t i, ColumnAt at) {
  if (row.text(i).empty()) {
    return std::nullopt;
  }
  return date_column(row, i, at);
}

core::Instant instant_column(const Row& row, std::size_t i, ColumnAt at) {
  const std::string text = row.text(i);
  const std::optional<core::Instant> t = core::parse_iso_utc(text);
  if (!t) {
    unreadable(at, text, "a UTC instant");
  }
  return *t;
}

std::optional<core::Instant> optional_instant_column(const Row& row, std::size_t i, ColumnAt at) {
  if (row.text(i).empty()) {
    return std::nullopt;
  }
  return instant_column(row, i, at);
}

core::RequestState request_state(std::int64_t request_id, const std::string& stored) {
  const std::optional<core::RequestState> state = core::state_from_id(stored);
  if (!state) {
    throw std::runtime_error("requests " + std::to_string(request_id) + ": unknown state \"" +
                             stored + "\"");
  }
  return *state;
}

std::string placeholders(int first, std::size_t count) {
  std::string out;
  for (std::size_t i = 0; i < count; ++i) {
    out += (i ? ", $" : "$") + std::to_string(first + static_cast<int>(i));
  }
  return out;
}

}  // namespace casepanel::store
