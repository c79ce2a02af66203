// The row of a lifecycle's table of allowed transitions (each row has `from`
// and `event`) for a pair, or nullptr when the table refuses it. Shared by
// the table tests of the request and minutes lifecycles.
#pragma once

#include <cstddef>

namespace casepanel::core {

template <typename Row, std::size_t N, typename From, typename Event>
const Row* transition_row(const Row (&rows)[N], From from, Event event) {
  for (const Row& row : rows) {
    if (row.from == from && row.event == event) {
      return &row;
    }
  }
  return nullptr;
}

}  // namespace casepanel::core
