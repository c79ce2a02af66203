#include "core/password_policy.h"

#include <vector>

namespace casepanel::core {
namespace {

constexpr std::size_t kMinPartLength = 3;

bool is_ascii_letter(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// The parts of a name that a password may not contain: runs of letters
// ("Mary-Jane O'Neill" -> mary, jane, neill), lower-cased, of three letters
// or more. Bytes of a multi-byte character count as letters, so "Zoë" stays
// whole.
std::vector<std::string> name_parts(std::string_view name) {
  std::vector<std::string> parts;
  std::string part;
  auto flush = [&] {
    if (utf8_length(part).value_or(0) >= kMinPartLength) {
      parts.push_back(ascii_lower(part));
    }
    part.clear();
  };
  for (char ch : name) {
    const auto c = static_cast<unsigned char>(ch);
    if (is_ascii_letter(c) || c >= 0x80) {
      part.push_back(ch);
    } else {
      flush();
    }
  }
  flush();
  return parts;
}

std::vector<std::string> email_parts(std::string_view email) {
  std::vector<std::string> parts;
  const std::string lower = ascii_lower(email);
  if (lower.size() >= kMinPartLength) {
    parts.push_back(lower);
  }
  const auto at = lower.find('@');
  if (at != std::string::npos && at >= kMinPartLength) {
    parts.push_back(lower.substr(0, at));
  }
  return parts;
}

bool contains_person(const std::string& lower_candidate, const PersonFacts& person) {
  for (const auto& parts : {name_parts(person.name), email_parts(person.email)}) {
    for (const std::string& p : parts) {
      if (lower_candidate.find(p) != std::string::npos) {
        return true;
      }
    }
  }
  return false;
}

}  // namespace

std::string ascii_lower(std::string_view text) {
  std::string out(text);
  for (char& ch : out) {
    if (ch >= 'A' && ch <= 'Z') {
      ch = static_cast<char>(ch - 'A' + 'a');
    }
  }
  return out;
}

std::optional<std::size_t> utf8_length(std::string_view text) {
  std::size_t count = 0;
  std::size_t i = 0;
  while (i < text.size()) {
    const auto c = static_cast<unsigned char>(text[i]);
    std::size_t extra = 0;
    char32_t cp = 0;
    char32_t min = 0;
    if (c < 0x80) {
      cp = c;
    } else if ((c & 0xE0) == 0xC0) {
      extra = 1, cp = c & 0x1F, min = 0x80;
    } else if ((c & 0xF0) == 0xE0) {
      extra = 2, cp = c & 0x0F, min = 0x800;
    } else if ((c & 0xF8) == 0xF0) {
      extra = 3, cp = c & 0x07, min = 0x10000;
    } else {
      return std::nullopt;  // a continuation byte where a character should start, or 0xF8..0xFF
    }
    if (i + extra >= text.size()) {
      return std::nullopt;  // cut off
    }
    for (std::size_t k = 1; k <= extra; ++k) {
      const auto cc = static_cast<unsigned char>(text[i + k]);
      if ((cc & 0xC0) != 0x80) {
        return std::nullopt;
      }
      cp = (cp << 6) | (cc & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
      return std::nullopt;  // overlong, out of range, or a UTF-16 surrogate
    }
    i += extra + 1;
    ++count;
  }
  return count;
}

CommonPasswords CommonPasswords::from_lines(std::string_view text) {
  CommonPasswords out;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) {
      end = text.size();
    }
    std::string_view line = text.substr(start, end - start);
    start = end + 1;
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) {
      line.remove_suffix(1);
    }
    if (line.empty() || line.front() == '#') {
      continue;
    }
    out.words_.insert(ascii_lower(line));
  }
  return out;
}

bool CommonPasswords::contains(std::string_view candidate) const {
  return words_.count(ascii_lower(candidate)) > 0;
}

std::optional<std::string> password_problem(std::string_view candidate, const PersonFacts& person,
                                            const CommonPasswords& common) {
  const std::optional<std::size_t> length = utf8_length(candidate);
  if (!length) {
    return "Your password contains characters that cannot be used";
  }
  if (*length < kPasswordMinLength) {
    return "Your password must be 12 characters or more";
  }
  if (*length > kPasswordMaxLength) {
    return "Your password must be 256 characters or fewer";
  }
  if (common.contains(candidate)) {
    return "This password is too common. Choose one that is harder to guess";
  }
  if (contains_person(ascii_lower(candidate), person)) {
    return "Your password must not contain your name or email address";
  }
  return std::nullopt;
}

}  // namespace casepanel::core
