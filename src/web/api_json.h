// API JSON bodies: the one entry point through which the integration API
// (pages_api.cc) reads a JSON request body. Today's API has only GET routes;
// every route that later takes a JSON body must read it through
// parse_api_json_body, so that the limits below hold everywhere and the
// parser is the one the fuzzer exercises (tests/fuzz/fuzz_api_json.cc).
//
// A body is accepted only when it is:
//   - at most kMaxApiJsonBytes long (a machine client sends records, not files);
//   - valid UTF-8 throughout (not only inside strings);
//   - one JSON object (not an array or a bare value), nested at most
//     kMaxApiJsonDepth deep, so a handler walking it cannot recurse without
//     bound;
//   - without a number too large for a double (1e400), which would become
//     infinity;
//   - without a key repeated in one object (which two parsers could read
//     differently, one keeping the first value and one the last).
// Anything else is Error::invalid on the field "body", with a message a
// client's developer can act on. Pure and thread-safe.
#pragma once

#include <cstddef>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/result.h"

namespace casepanel::web {

inline constexpr std::size_t kMaxApiJsonBytes = 1024 * 1024;
inline constexpr int kMaxApiJsonDepth = 32;

core::Result<nlohmann::json> parse_api_json_body(std::string_view body);

}  // namespace casepanel::web
