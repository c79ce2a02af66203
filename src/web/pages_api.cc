// The integration API for machine clients: JSON, bearer tokens, the token's
// user's permissions and scope.
#include <nlohmann/json.hpp>

#include "app/children.h"
#include "web/site.h"

namespace casepanel::web {
namespace {

WebResponse children(const Site& site, WebRequest& r) {
  auto list = app::children_in_scope(site.services(), r.actor(), "api.children.list");
  if (!list) {
    return WebResponse::json(
        403, nlohmann::json{{"error", "forbidden"}, {"reason", list.error().message}}.dump());
  }
  nlohmann::json out = nlohmann::json::array();
  for (const auto& c : *list) {
    out.push_back({{"id", c.id},
                   {"external_id", c.external_id},
                   {"name", c.name},
                   {"date_of_birth", c.date_of_birth},
                   {"team", c.team},
                   {"legal_status", c.legal_status},
                   {"allocated_worker", c.allocated_worker}});
  }
  return WebResponse::json(200, nlohmann::json{{"children", out}}.dump());
}

}  // namespace

void add_api_routes(std::vector<Route>& routes) {
  routes.push_back(
      {"GET", "/api/v1/children", {Access::api, core::Permission::view_children}, children});
}

}  // namespace casepanel::web
