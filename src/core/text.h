// Text that comes from outside (forms, query strings, file names): whether it
// is well-formed UTF-8, and the code points it holds.
//
// Every field a person types reaches the database, the audit log's JSON and
// the pages as UTF-8. A byte sequence that is not UTF-8, or a NUL, is refused
// at the edge (web/input_check.h) rather than stored raw or left to throw
// deep inside a use case.
//
// Pure functions; thread-safe.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace casepanel::core {

// Whether the text is empty or only spaces, tabs and line breaks: a required
// answer left blank.
bool blank(std::string_view s);

// The text with A-Z as a-z and every other byte as it was: for comparing
// e-mail addresses, sheet names and search words without regard to case.
std::string ascii_lower(std::string text);
// Whether two texts are equal with A-Z taken as a-z (HTTP header names and tokens).
bool ascii_iequals(std::string_view a, std::string_view b);

// Decodes the UTF-8 sequence that starts at s[i] into `cp`; its length in
// bytes, or 0 when it is not valid UTF-8 (truncated, a stray continuation
// byte, overlong, a surrogate or beyond U+10FFFF).
std::size_t utf8_sequence(std::string_view s, std::size_t i, char32_t& cp);

enum class TextProblem { none, invalid_utf8, nul };
// The first reason typed text cannot be taken as it is, or none.
TextProblem text_problem(std::string_view s);

// Whether a code point is one of the Unicode bidirectional controls (LRM, RLM,
// the embeddings and overrides, the isolates) that can make
// "report\u202Efdp.exe" read as "reportexe.pdf".
bool bidi_control(char32_t cp);
// Whether the text holds a bidirectional control (false for invalid UTF-8:
// ask text_problem() for that).
bool has_bidi_control(std::string_view s);

}  // namespace casepanel::core
