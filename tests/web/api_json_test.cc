// web::parse_api_json_body: the integration API's one entry for JSON bodies.
// One row per body: what is accepted, and the message a client's developer
// gets for what is not.
#include "web/api_json.h"

#include <gtest/gtest.h>

#include <string>

namespace casepanel::web {
namespace {

using namespace std::string_literals;

std::string nested(int depth) {
  std::string s;
  for (int i = 0; i < depth; ++i) {
    s += "{\"a\":";
  }
  s += "1";
  s += std::string(depth, '}');
  return s;
}

struct Row {
  std::string body;
  std::string error;  // empty: accepted
  const char* why;
};

TEST(ApiJsonBody, AcceptsOneObjectWithinTheLimitsAndRefusesAnythingElse) {
  const Row rows[] = {
      {.body = R"({"external_id":"ABC1","team":1,"tags":["a","b"],"x":{"y":null}})",
       .error = "",
       .why = "a plain record"},
      {.body = " {\"name\":\"Zo\\u00eb\"}\n", .error = "", .why = "whitespace and escapes"},
      {.body = "", .error = "The request body is not valid JSON (at byte 1)", .why = "empty"},
      {.body = "[1,2]",
       .error = "The request body must be a JSON object",
       .why = "an array at the top"},
      {.body = "\"text\"", .error = "The request body must be a JSON object", .why = "a string"},
      {.body = R"({"a":1} {"b":2})",
       .error = "The request body is not valid JSON (at byte 9)",
       .why = "two documents: a second parser might read the other one"},
      {.body = R"({"a":1,"a":2})",
       .error = R"(The request body repeats the key "a" in one object)",
       .why = "a repeated key, which parsers resolve differently"},
      {.body = R"({"a":{"b":1},"b":{"b":2}})",
       .error = "",
       .why = "the same key in different objects is fine"},
      {.body = R"({"n":1e400})",
       .error = "The request body is not valid JSON (at byte 10)",
       .why = "would become infinity: nlohmann-json refuses it"},
      {.body = "{\"s\":\"\xff\"}", .error = "The request body must be UTF-8", .why = "bad byte"},
      {.body = "{\"s\":\"\xed\xa0\x80\"}",
       .error = "The request body must be UTF-8",
       .why = "an encoded surrogate"},
      {.body = R"({"s":"\ud800"})",
       .error = "The request body is not valid JSON (at byte 13)",
       .why = "a lone escaped surrogate"},
      {.body = nested(32), .error = "", .why = "32 levels: the limit"},
      {.body = nested(33),
       .error = "The request body is nested more than 32 levels deep",
       .why = "33 levels"},
      {.body = "{\"a\":\"" + std::string(kMaxApiJsonBytes, 'x') + "\"}",
       .error = "The request body must be at most 1048576 bytes",
       .why = "too long"},
  };
  for (const Row& row : rows) {
    SCOPED_TRACE(row.why);
    const auto parsed = parse_api_json_body(row.body);
    if (row.error.empty()) {
      ASSERT_TRUE(parsed.ok()) << parsed.error().message;
      EXPECT_TRUE(parsed->is_object());
      continue;
    }
    ASSERT_FALSE(parsed.ok());
    EXPECT_EQ(parsed.error().kind, core::ErrorKind::invalid);
    EXPECT_EQ(parsed.error().message, row.error);
    ASSERT_EQ(parsed.error().fields.size(), 1u);
    EXPECT_EQ(parsed.error().fields[0].field, "body");
  }
}

}  // namespace
}  // namespace casepanel::web
