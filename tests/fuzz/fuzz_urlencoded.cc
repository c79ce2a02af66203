// libFuzzer target: application/x-www-form-urlencoded bodies and query
// strings (web/wire.h), and the sign-in `next` check (web/http_next.h),
// which must never keep a control character.
#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>

#include "web/http_next.h"
#include "web/wire.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace casepanel::web;
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  std::multimap<std::string, std::string> fields;
  if (parse_urlencoded(input, fields) && fields.size() > kMaxFormFields) {
    __builtin_trap();
  }
  const std::string next = safe_next(input);
  for (const char c : next) {
    if (static_cast<unsigned char>(c) <= 0x20 || c == 0x7f || c == '\\') {
      __builtin_trap();
    }
  }
  if (next.empty() || next[0] != '/' || next.rfind("//", 0) == 0) {
    __builtin_trap();
  }
  return 0;
}
