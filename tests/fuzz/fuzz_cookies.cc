// libFuzzer target: the Cookie header (web/wire.h).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "web/wire.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace casepanel::web;
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  for (const auto& [name, value] : parse_cookies(input)) {
    if (name.empty() || name.size() > size || value.size() > size) {
      __builtin_trap();
    }
  }
  return 0;
}
