#include "web/api_json.h"

#include "core/text.h"

#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

namespace casepanel::web {
namespace {

using Json = nlohmann::json;

bool valid_utf8(std::string_view s) {
  return core::text_problem(s) != core::TextProblem::invalid_utf8;
}

// A SAX handler that stops the parse (returns false) as soon as the nesting
// is too deep or an object repeats a key, so that a hostile body costs no
// more than reading it once. It builds nothing: json::parse does that after.
class Checker final : public nlohmann::json_sax<Json> {
 public:
  std::string problem;

  bool null() override { return true; }
  bool boolean(bool) override { return true; }
  bool number_integer(number_integer_t) override { return true; }
  bool number_unsigned(number_unsigned_t) override { return true; }
  bool number_float(number_float_t value, const string_t&) override {
    // Infinity cannot be written back as JSON. nlohmann-json 3.11 already
    // refuses 1e400 as a parse error; this keeps it so if that changes.
    if (!std::isfinite(value)) {
      problem = "The request body has a number too large to hold";
      return false;
    }
    return true;
  }
  bool string(string_t&) override { return true; }
  bool binary(binary_t&) override { return true; }
  bool start_object(std::size_t) override {
    keys_.emplace_back();
    return deeper();
  }
  bool key(string_t& k) override {
    std::vector<std::string>& seen = keys_.back();
    for (const std::string& s : seen) {
      if (s == k) {
        // JSON-quoted, so that the message holds no raw control character.
        problem =
            "The request body repeats the key " + Json(k).dump().substr(0, 80) + " in one object";
        return false;
      }
    }
    seen.push_back(k);
    return true;
  }
  bool end_object() override {
    keys_.pop_back();
    return true;
  }
  bool start_array(std::size_t) override {
    keys_.emplace_back();
    return deeper();
  }
  bool end_array() override {
    keys_.pop_back();
    return true;
  }
  bool parse_error(std::size_t position, const std::string&,
                   const nlohmann::detail::exception&) override {
    problem = "The request body is not valid JSON (at byte " + std::to_string(position) + ")";
    return false;
  }

 private:
  bool deeper() {
    if (keys_.size() > static_cast<std::size_t>(kMaxApiJsonDepth)) {
      problem = "The request body is nested more than " + std::to_string(kMaxApiJsonDepth) +
                " levels deep";
      return false;
    }
    return true;
  }
  // One list of keys per open object or array (empty for arrays): the
  // objects hold few keys, so a linear search is cheaper than a set.
  std::vector<std::vector<std::string>> keys_;
};

core::Error invalid(std::string message) {
  return core::Error::invalid("body", std::move(message));
}

}  // namespace

core::Result<nlohmann::json> parse_api_json_body(std::string_view body) {
  if (body.size() > kMaxApiJsonBytes) {
    return invalid("The request body must be at most " + std::to_string(kMaxApiJsonBytes) +
                   " bytes");
  }
  if (!valid_utf8(body)) {
    return invalid("The request body must be UTF-8");
  }
  Checker checker;
  if (!Json::sax_parse(body, &checker)) {
    return invalid(checker.problem.empty() ? std::string("The request body is not valid JSON")
                                           : checker.problem);
  }
  Json value = Json::parse(body, nullptr, false);
  if (value.is_discarded()) {
    return invalid("The request body is not valid JSON");
  }
  if (!value.is_object()) {
    return invalid("The request body must be a JSON object");
  }
  return value;
}

}  // namespace casepanel::web
