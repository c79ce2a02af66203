// Tests for core/password_policy: OWASP ASVS 5.0 6.2 and the NCSC's advice,
// one row per rule, plus the shipped common-password list.
#include "core/password_policy.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

namespace casepanel::core {
namespace {

const CommonPasswords& small_list() {
  static const CommonPasswords list = CommonPasswords::from_lines(
      "# a comment line\n"
      "password\n"
      "\n"
      "Letmein12345\r\n"
      "iloveyou1234567 \n"
      "qwertyuiopasdfgh");
  return list;
}

const PersonFacts kSam{.name = "Sam O'Neill-Alpha", .email = "s.alpha@council.test"};

struct PolicyCase {
  std::string candidate;
  std::optional<std::string> problem;  // nullopt: accepted
  const char* why;
};

const char* const kTooShort = "Your password must be 12 characters or more";
const char* const kTooLong = "Your password must be 256 characters or fewer";
const char* const kCommon = "This password is too common. Choose one that is harder to guess";
const char* const kPersonal = "Your password must not contain your name or email address";
const char* const kBadText = "Your password contains characters that cannot be used";

std::string repeat(std::string_view s, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) {
    out += s;
  }
  return out;
}

const PolicyCase kCases[] = {
    {.candidate = "", .problem = kTooShort, .why = "empty"},
    {.candidate = "tiger-lamp7", .problem = kTooShort, .why = "11 characters: ASVS 6.2.1 asks 12"},
    {.candidate = "tiger-lamp7!", .problem = std::nullopt, .why = "exactly 12 characters"},
    {.candidate = "aaaaaaaaaaaa", .problem = std::nullopt, .why = "no composition rules (6.2.5)"},
    {.candidate = "éééééééééééé",
     .problem = std::nullopt,
     .why = "12 code points (24 bytes): length counts characters, not bytes"},
    {.candidate = "éééééééééé", .problem = kTooShort, .why = "20 bytes but only 10 characters"},
    {.candidate = "\xC3\x28 invalid utf8 here", .problem = kBadText, .why = "bad continuation"},
    {.candidate = "\xC0\xAF overlong slash xx", .problem = kBadText, .why = "overlong form"},
    {.candidate = "\xED\xA0\x80 a surrogate xxx", .problem = kBadText, .why = "UTF-16 surrogate"},
    {.candidate = "cut off at the end \xE2\x82", .problem = kBadText, .why = "truncated sequence"},
    {.candidate = "\xF4\x90\x80\x80 beyond unicode", .problem = kBadText, .why = "above U+10FFFF"},
    {.candidate = repeat("horse ", 10) + "four",
     .problem = std::nullopt,
     .why = "64 characters allowed (6.2.9)"},
    {.candidate = repeat("x", 256), .problem = std::nullopt, .why = "our maximum, 256"},
    {.candidate = repeat("x", 257), .problem = kTooLong, .why = "over the bound on hashing work"},
    {.candidate = repeat("é", 256), .problem = std::nullopt, .why = "256 two-byte characters"},
    {.candidate = "letmein12345", .problem = kCommon, .why = "in the list (6.2.4)"},
    {.candidate = "LETMEIN12345", .problem = kCommon, .why = "the list ignores case"},
    {.candidate = "iloveyou1234567", .problem = kCommon, .why = "list line had a trailing space"},
    {.candidate = "qwertyuiopasdfgh-x", .problem = std::nullopt, .why = "only exact matches"},
    {.candidate = "my name is sam ok", .problem = kPersonal, .why = "first name (6.2.11)"},
    {.candidate = "ALPHABETICAL-ORDER", .problem = kPersonal, .why = "a name part, any case"},
    {.candidate = "neill-was-here!", .problem = kPersonal, .why = "part after an apostrophe"},
    {.candidate = "o-the-one-and-only", .problem = std::nullopt, .why = "'O' is under 3 letters"},
    {.candidate = "write to s.alpha", .problem = kPersonal, .why = "email's local part"},
    {.candidate = "x S.ALPHA@COUNCIL.TEST", .problem = kPersonal, .why = "whole email, any case"},
    {.candidate = "council.test rocks", .problem = std::nullopt, .why = "the domain alone is fine"},
};

TEST(PasswordPolicy, Rules) {
  for (const PolicyCase& c : kCases) {
    EXPECT_EQ(password_problem(c.candidate, kSam, small_list()), c.problem) << c.why;
  }
}

TEST(PasswordPolicy, ShortEmailPartsAndNonAsciiNames) {
  const PersonFacts short_local{.name = "Al Xu", .email = "al@x.io"};
  EXPECT_EQ(password_problem("al and xu were here", short_local, small_list()), std::nullopt)
      << "parts under 3 letters are not checked";
  EXPECT_EQ(password_problem("say al@x.io twice!", short_local, small_list()), kPersonal)
      << "the whole address is";
  const PersonFacts zoe{.name = "Zoë Ørsted", .email = "zoe@council.test"};
  EXPECT_EQ(password_problem("hello zoë my friend", zoe, small_list()), kPersonal);
  EXPECT_EQ(password_problem("Ørsted for the win", zoe, small_list()), kPersonal)
      << "non-ASCII letters match as written (no Unicode case folding in core/)";
}

TEST(PasswordPolicy, Utf8Length) {
  EXPECT_EQ(utf8_length("abc"), 3u);
  EXPECT_EQ(utf8_length("a\xF0\x9F\x90\x8E"), 2u) << "an emoji is one character";
  EXPECT_EQ(utf8_length("\x80"), std::nullopt);
  EXPECT_EQ(utf8_length("\xFF"), std::nullopt);
}

TEST(PasswordPolicy, TheShippedListHasTheMostCommonPasswords) {
  std::ifstream in(std::string(CASEPANEL_SOURCE_DIR) + "/config/common-passwords.txt");
  ASSERT_TRUE(in) << "config/common-passwords.txt is missing";
  std::stringstream text;
  text << in.rdbuf();
  const CommonPasswords list = CommonPasswords::from_lines(text.str());
  EXPECT_GE(list.size(), 10000u) << "the issue asks for at least 10,000";
  for (const char* common : {"123456", "password", "qwerty", "iloveyou", "trustno1"}) {
    EXPECT_TRUE(list.contains(common)) << common;
  }
  EXPECT_FALSE(list.contains("# common passwords: casepanel refuses any password that is one of"))
      << "the header is not a password";
  EXPECT_EQ(password_problem("1qaz2wsx3edc4rfv", PersonFacts{}, list), kCommon)
      << "a 16-character keyboard walk from the list";
}

}  // namespace
}  // namespace casepanel::core
