// Text from outside: UTF-8 well-formedness, NUL and bidirectional controls.
#include "core/text.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace casepanel::core {
namespace {

using namespace std::string_literals;

TEST(Text, ProblemsAreFoundInTypedText) {
  struct Case {
    std::string text;
    TextProblem problem;
    const char* why;
  };
  const std::vector<Case> cases = {
      {.text = "", .problem = TextProblem::none, .why = "empty"},
      {.text = "Room 2, Horsham", .problem = TextProblem::none, .why = "ASCII"},
      {.text = "Zoë’s plan\r\n\tnext line",
       .problem = TextProblem::none,
       .why = "UTF-8, tabs, CRLF"},
      {.text = "\xF0\x9F\x99\x82", .problem = TextProblem::none, .why = "a 4-byte emoji"},
      {.text = "\xFFx", .problem = TextProblem::invalid_utf8, .why = "room=%FFx gave a 500"},
      {.text = "a\0b"s, .problem = TextProblem::nul, .why = "a NUL"},
      {.text = "\xC3\x28", .problem = TextProblem::invalid_utf8, .why = "bad continuation"},
      {.text = "\xC0\xAF", .problem = TextProblem::invalid_utf8, .why = "overlong '/'"},
      {.text = "\xED\xA0\x80", .problem = TextProblem::invalid_utf8, .why = "a surrogate"},
      {.text = "\xF4\x90\x80\x80", .problem = TextProblem::invalid_utf8, .why = "beyond U+10FFFF"},
      {.text = "ab\xE2\x82", .problem = TextProblem::invalid_utf8, .why = "cut short at the end"},
      {.text = "\x80", .problem = TextProblem::invalid_utf8, .why = "a lone continuation byte"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(text_problem(c.text), c.problem) << c.why;
  }
}

TEST(Text, BidirectionalControlsAreFound) {
  EXPECT_TRUE(has_bidi_control("report\u202Efdp.exe"));
  EXPECT_TRUE(has_bidi_control("\u2067x"));
  EXPECT_TRUE(has_bidi_control("\u200E"));
  EXPECT_FALSE(has_bidi_control("Zoë’s “plan”.pdf"));
  EXPECT_FALSE(has_bidi_control("\xFF"));
}

}  // namespace
}  // namespace casepanel::core
