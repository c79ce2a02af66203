#include "core/counted.h"

#include <string>

namespace casepanel::core {

std::string counted(std::int64_t n, std::string_view one, std::string_view many) {
  return std::to_string(n) + " " + std::string(n == 1 ? one : many);
}

std::string thousands(std::int64_t n) {
  const bool negative = n < 0;
  std::string digits = std::to_string(n);
  std::size_t first = negative ? 1 : 0;  // after the sign
  for (std::size_t at = digits.size(); at > first + 3; at -= 3) {
    digits.insert(at - 3, ",");
  }
  return digits;
}

}  // namespace casepanel::core
