#include "web/http_next.h"

#include <algorithm>

#include "web/wire.h"

namespace casepanel::web {
namespace {

// Longer than any page of ours; a longer `next` is not worth keeping.
constexpr std::size_t kMaxNext = 2048;

bool starts_as_a_path(std::string_view text) {
  return text.size() >= 1 && text[0] == '/' && text.substr(0, 2) != "//" &&
         text.substr(0, 2) != "/\\";
}

bool harmless(std::string_view text) {
  return std::none_of(text.begin(), text.end(),
                      [](unsigned char c) { return c <= 0x20 || c == 0x7f || c == '\\'; });
}

}  // namespace

std::string safe_next(std::string_view next) {
  if (next.size() > kMaxNext || !starts_as_a_path(next) || !harmless(next)) {
    return "/";
  }
  const auto decoded = percent_decode(next, PlusIs::plus);
  if (!decoded || !starts_as_a_path(*decoded) || !harmless(*decoded)) {
    return "/";
  }
  // What is kept is encoded again: its '%' escapes are well formed (checked
  // above), and anything outside the URL's own characters becomes one.
  return percent_encode(next, "/?&=%:@!$'()*+,;");
}

std::string next_parameter(std::string_view path,
                           const std::multimap<std::string, std::string>& query) {
  std::string inner = percent_encode(path, "/");
  char separator = '?';
  for (const auto& [name, value] : query) {
    inner += separator;
    inner += percent_encode(name, "");
    inner += '=';
    inner += percent_encode(value, "");
    separator = '&';
  }
  return percent_encode(inner, "/");
}

}  // namespace casepanel::web
