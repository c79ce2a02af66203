// GOV.UK pagination (templates/pagination.mustache) for the lists that come a
// page at a time: the audit log and the email outbox.
#pragma once

#include <functional>
#include <string>

#include "web/site.h"

namespace casepanel::web {

// The navigation for page `page` of `pages`: Previous, the first and the last
// page, the pages either side of this one with ellipses between, Next. ""
// when there is only one page. `href` gives a page's address; `label` names
// the navigation for screen readers ("Pages of the audit log").
std::string pagination(const Site& site, int page, int pages,
                       const std::function<std::string(int)>& href, const std::string& label);

}  // namespace casepanel::web
