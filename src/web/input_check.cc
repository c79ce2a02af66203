#include "web/input_check.h"

#include "core/text.h"

namespace casepanel::web {
namespace {

std::optional<std::string> problem(std::string_view text) {
  switch (core::text_problem(text)) {
    case core::TextProblem::none:
      return std::nullopt;
    case core::TextProblem::invalid_utf8:
      return "characters that are not valid text (UTF-8)";
    case core::TextProblem::nul:
      return "a NUL character";
  }
  return std::nullopt;
}

// The field's own name when it is readable; it is shown on the page.
std::string field_label(const std::string& name) {
  return problem(name) ? std::string("a field") : "the field " + name;
}

}  // namespace

std::optional<UnreadableInput> unreadable_input(const WebRequest& r) {
  if (auto p = problem(r.path)) {
    return UnreadableInput{"the address", *p};
  }
  for (const auto* fields : {&r.query, &r.form}) {
    for (const auto& [name, value] : *fields) {
      if (auto p = problem(name)) {
        return UnreadableInput{"a field name", *p};
      }
      if (auto p = problem(value)) {
        return UnreadableInput{field_label(name), *p};
      }
    }
  }
  for (const UploadedFile& f : r.files) {
    if (auto p = problem(f.field)) {
      return UnreadableInput{"a field name", *p};
    }
    if (auto p = problem(f.file_name)) {
      return UnreadableInput{"the name of the uploaded file", *p};
    }
  }
  return std::nullopt;
}

}  // namespace casepanel::web
