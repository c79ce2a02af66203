#include "core/time_entry.h"

#include <cctype>
#include <string>

namespace casepanel::core {
namespace {

// Lower case, without spaces or full stops other than one between the hour
// and the minutes: "9.45 A.M." -> "9.45am".
std::string normalised(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (std::isspace(c)) {
      continue;
    }
    const bool separator =
        c == '.' && i > 0 && std::isdigit(static_cast<unsigned char>(text[i - 1])) &&
        i + 1 < text.size() && std::isdigit(static_cast<unsigned char>(text[i + 1]));
    if (c == '.' && !separator) {
      continue;  // the stops in "a.m."
    }
    out.push_back(static_cast<char>(std::tolower(c)));
  }
  return out;
}

// One or two digits from `at`, advancing it; std::nullopt when none.
std::optional<int> number(const std::string& s, std::size_t& at, std::size_t max_digits) {
  int value = 0;
  std::size_t n = 0;
  while (at < s.size() && n < max_digits && std::isdigit(static_cast<unsigned char>(s[at]))) {
    value = value * 10 + (s[at] - '0');
    ++at;
    ++n;
  }
  if (n == 0) {
    return std::nullopt;
  }
  return value;
}

}  // namespace

std::optional<LocalTime> parse_time_entered(std::string_view text) {
  const std::string s = normalised(text);
  if (s == "noon" || s == "midday") {
    return std::chrono::hours(12);
  }
  std::size_t at = 0;
  const std::optional<int> hour = number(s, at, 2);
  if (!hour) {
    return std::nullopt;
  }
  int minute = 0;
  if (at < s.size() && (s[at] == ':' || s[at] == '.')) {
    ++at;
    const std::size_t from = at;
    const std::optional<int> m = number(s, at, 2);
    if (!m || at - from != 2) {
      return std::nullopt;
    }
    minute = *m;
  }
  const std::string suffix = s.substr(at);
  int h = *hour;
  if (suffix == "am" || suffix == "pm") {
    if (h < 1 || h > 12) {
      return std::nullopt;
    }
    h = (h % 12) + (suffix == "pm" ? 12 : 0);
  } else if (!suffix.empty() || s.find_first_of(":.") == std::string::npos) {
    // A bare number ("9") is ambiguous: morning or evening?
    return std::nullopt;
  }
  if (h > 23 || minute > 59) {
    return std::nullopt;
  }
  return std::chrono::hours(h) + std::chrono::minutes(minute);
}

}  // namespace casepanel::core
