#include "core/counted.h"

#include <string>

namespace casepanel::core {

std::string counted(std::int64_t n, std::string_view one, std::string_view many) {
  return std::to_string(n) + " " + std::string(n == 1 ? one : many);
}

}  // namespace casepanel::core
