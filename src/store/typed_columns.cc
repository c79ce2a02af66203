#include "store/typed_columns.h"

#include <stdexcept>

namespace casepanel::store {
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
