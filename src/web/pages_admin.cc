// Oversight pages: the audit log.
#include "app/audit_log.h"
#include "web/site.h"
#include "web/view.h"

namespace casepanel::web {
namespace {

WebResponse audit(const Site& site, WebRequest& r) {
  const int page = std::max<std::int64_t>(1, parse_id(r.query_value("page")));
  auto log = app::audit_log(site.services(), r.actor(), page);
  if (!log) {
    return site.error(r, log.error());
  }
  Data rows{Data::type::list};
  for (const auto& e : log->rows) {
    Data x;
    x.set("id", str(e.id));
    x.set("at", e.at);
    x.set("actor", e.actor);
    x.set("role", e.role);
    x.set("action", e.action);
    x.set("entity", e.entity);
    x.set("detail", e.detail);
    rows.push_back(x);
  }
  Data d;
  d.set("events", rows);
  d.set("total", str(log->total));
  if (page > 1) {
    d.set("previous", str(page - 1));
  }
  if (static_cast<std::int64_t>(page) * 50 < log->total) {
    d.set("next", str(page + 1));
  }
  return site.page(r, "audit", "Audit log", std::move(d));
}

}  // namespace

void add_admin_routes(std::vector<Route>& routes) {
  routes.push_back({"GET", "/audit", {Access::signed_in, core::Permission::view_audit}, audit});
}

}  // namespace casepanel::web
