// A small, valid PDF (one A4 page, one line of Helvetica): the demo's papers,
// so that a download opens in a viewer. Pure function, safe from any thread.
#pragma once

#include <string>

namespace casepanel::app::demo {

// The PDF's bytes; `line` is escaped for a PDF string.
std::string one_line_pdf(const std::string& line);

}  // namespace casepanel::app::demo
