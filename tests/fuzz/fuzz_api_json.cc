// Fuzz target: web::parse_api_json_body, the integration API's only entry
// for JSON request bodies (src/web/api_json.h). The input is the body.
//
// Properties checked, besides "no crash, no sanitizer report, no exception":
//   - a refusal is Error::invalid on the field "body" with a message;
//   - an accepted body is a JSON object whose nesting is within the limit,
//     and printing it and parsing that again gives the same value (so what
//     a handler reads is what a client meant).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "fuzz/property.h"
#include "web/api_json.h"

namespace {

using namespace casepanel;

int depth(const nlohmann::json& j) {
  int deepest = 0;
  if (j.is_structured()) {
    for (const auto& child : j) {
      const int d = depth(child);
      deepest = d > deepest ? d : deepest;
    }
    return deepest + 1;
  }
  return 0;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view body(reinterpret_cast<const char*>(data), size);
  const auto parsed = web::parse_api_json_body(body);
  if (!parsed) {
    const core::Error& e = parsed.error();
    FUZZ_CHECK(e.kind == core::ErrorKind::invalid && !e.message.empty());
    FUZZ_CHECK(e.fields.size() == 1 && e.fields[0].field == "body");
    return 0;
  }
  FUZZ_CHECK(parsed->is_object());
  FUZZ_CHECK(depth(*parsed) <= web::kMaxApiJsonDepth);
  const auto again = web::parse_api_json_body(parsed->dump());
  FUZZ_CHECK(again.ok());
  // NaN is the one value not equal to itself; JSON text cannot hold one.
  FUZZ_CHECK(*again == *parsed);
  return 0;
}
