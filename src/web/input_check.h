// The edge check of typed input: every path, query value, form field and
// uploaded file's name must be well-formed UTF-8 without a NUL before any
// handler sees it (security review, item 11: `room=%FFx` gave a 500 when the
// audit log's JSON writer threw, and other fields were stored raw).
//
// A request that fails gets 400 with a page (or, under /api/, JSON) naming the
// field; nothing is read or written. File contents are bytes and are not
// checked here (core/papers.h judges them).
#pragma once

#include <optional>
#include <string>

#include "web/http.h"

namespace casepanel::web {

struct UnreadableInput {
  std::string where;   // "the field room", "the address", "the name of the uploaded file"
  std::string reason;  // "characters that are not valid text (UTF-8)" | "a NUL character"
};
std::optional<UnreadableInput> unreadable_input(const WebRequest& r);

}  // namespace casepanel::web
