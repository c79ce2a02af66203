// A stored file sent back for download (a paper, an action's evidence):
// Content-Disposition: attachment with the cleaned name, its media type as
// sniffed on upload; the site adds nosniff and Cache-Control: no-store.
#pragma once

#include <string>
#include <string_view>

#include "app/papers.h"
#include "web/http.h"

namespace casepanel::web {

// RFC 6266 Content-Disposition: attachment for the name.
std::string content_disposition(std::string_view name);

WebResponse download_response(app::PaperFile file);

}  // namespace casepanel::web
