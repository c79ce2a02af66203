// The password policy: whether a password a person chose may be used.
//
// OWASP ASVS 5.0 chapter 6.2 and the NCSC's password guidance ask for length
// and a block list, not composition rules:
//   - 6.2.1: at least 12 characters; we count Unicode code points, so "ééé..."
//     counts as a person sees it, and refuse text that is not valid UTF-8.
//   - 6.2.9: at least 64 characters allowed. We allow up to 256 code points
//     (at most 1,024 bytes): enough for any passphrase, and a bound on the
//     work argon2 is handed.
//   - 6.2.5: no rule about kinds of character (digits, capitals, symbols).
//   - 6.2.4: refused when it is one of the most common passwords (the list
//     shipped in config/common-passwords.txt, compared lower-cased).
//   - 6.2.11: refused when it contains the person's own name or email address
//     (the whole address, its part before "@", or any part of the name of 3
//     letters or more), ignoring case.
// Case is folded for ASCII letters only (there is no Unicode case folding in
// core/): "Sam" matches "SAM", and "Zoë" matches "zoë" but not "ZOË".
//
// Pure: no I/O. CommonPasswords is built once (at start-up, from text the
// caller read) and then only read, so it may be shared by all threads.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>

namespace casepanel::core {

inline constexpr std::size_t kPasswordMinLength = 12;   // code points
inline constexpr std::size_t kPasswordMaxLength = 256;  // code points

// Who is choosing the password: their own details may not be in it.
struct PersonFacts {
  std::string name;
  std::string email;
};

// The block list of common passwords, lower-cased.
class CommonPasswords {
 public:
  // One password a line; lines starting with "#" and blank lines are
  // ignored, trailing "\r" and spaces removed, each entry lower-cased.
  static CommonPasswords from_lines(std::string_view text);

  // `candidate` is compared lower-cased.
  bool contains(std::string_view candidate) const;
  std::size_t size() const { return words_.size(); }

 private:
  std::unordered_set<std::string> words_;
};

// ASCII letters lower-cased; every other byte unchanged.
std::string ascii_lower(std::string_view text);

// The number of code points in valid UTF-8 text (no overlong forms, no
// surrogates, nothing above U+10FFFF); nullopt when the text is not valid.
std::optional<std::size_t> utf8_length(std::string_view text);

// Why the password may not be used, as a message for the person (GOV.UK
// style); nullopt when it may.
std::optional<std::string> password_problem(std::string_view candidate, const PersonFacts& person,
                                            const CommonPasswords& common);

}  // namespace casepanel::core
