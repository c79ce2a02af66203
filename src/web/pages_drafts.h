// The drafting pages of a request to panel: choosing the panel and the
// children, and the task list's section forms. Their routes are added with
// the request page's (add_request_routes), which owns the /requests paths.
#pragma once

#include "web/site.h"

namespace casepanel::web {

// GET /requests/new: the panel and child, then which of the child's brothers
// and sisters the request is also for.
WebResponse new_request_page(const Site& site, WebRequest& r);
// POST /requests: starts the draft.
WebResponse create_request_page(const Site& site, WebRequest& r);
// GET and POST /requests/{id}/edit/{section}.
WebResponse edit_section_page(const Site& site, WebRequest& r);
WebResponse save_section_page(const Site& site, WebRequest& r);

}  // namespace casepanel::web
