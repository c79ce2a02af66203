// Sign in, sign out, the home page ("My tasks") and the health check.
#include "app/requests.h"
#include "store/crypto.h"
#include "web/http_next.h"
#include "web/site.h"

namespace casepanel::web {
namespace {

std::string cookie(const Site& site, const std::string& name, const std::string& value,
                   const std::string& extra) {
  std::string c = name + "=" + value + "; Path=/; HttpOnly; SameSite=Lax" + extra;
  if (site.options().secure_cookies) {
    c += "; Secure";
  }
  return c;
}

WebResponse sign_in_form(const Site& site, const WebRequest& r, Data data, int status = 200) {
  const std::string token = store::random_token();
  data.set("signin_token", token);
  data.set("next",
           safe_next(r.query_value("next").empty() ? r.field("next") : r.query_value("next")));
  WebResponse out = site.page(r, "sign_in", "Sign in", std::move(data), status);
  out.headers.emplace_back("Set-Cookie", cookie(site, kSignInCsrfCookie, token, ""));
  return out;
}

WebResponse get_sign_in(const Site& site, WebRequest& r) {
  if (r.session) {
    return WebResponse::redirect("/");
  }
  return sign_in_form(site, r, Data{});
}

WebResponse post_sign_in(const Site& site, WebRequest& r) {
  const std::string email = r.field("email");
  auto result = app::sign_in(site.services(), email, r.field("password"));
  if (!result) {
    Data data;
    data.set("email", email);
    add_errors(data, result.error());
    return sign_in_form(site, r, std::move(data), 200);
  }
  WebResponse out = WebResponse::redirect(safe_next(r.field("next")));
  out.headers.emplace_back("Set-Cookie", cookie(site, kSessionCookie, result->token, ""));
  out.headers.emplace_back("Set-Cookie", cookie(site, kSignInCsrfCookie, "", "; Max-Age=0"));
  return out;
}

WebResponse post_sign_out(const Site& site, WebRequest& r) {
  if (auto c = r.cookies.find(kSessionCookie); c != r.cookies.end()) {
    app::sign_out(site.services(), c->second);
  }
  WebResponse out = WebResponse::redirect("/sign-in");
  out.headers.emplace_back("Set-Cookie", cookie(site, kSessionCookie, "", "; Max-Age=0"));
  return out;
}

Data task_list(const std::vector<app::TaskItem>& items) {
  Data list{Data::type::list};
  for (const auto& t : items) {
    Data d;
    d.set("request_id", std::to_string(t.request_id));
    d.set("children", t.children);
    d.set("panel", t.panel);
    d.set("request_type", t.request_type);
    d.set("detail", t.detail);
    list.push_back(d);
  }
  return list;
}

void add_tasks(Data& data, const std::string& key, const std::vector<app::TaskItem>& items) {
  data.set(key, task_list(items));
  data.set(key + "_count", std::to_string(items.size()));
  if (!items.empty()) {
    data.set("has_" + key, true);
  }
}

WebResponse home(const Site& site, WebRequest& r) {
  const app::Actor& a = r.actor();
  auto tasks = app::my_tasks(site.services(), a);
  if (!tasks) {
    return site.error(r, tasks.error());
  }
  Data data;
  data.set("name", a.name);
  add_tasks(data, "drafts", tasks->drafts);
  add_tasks(data, "returned", tasks->returned);
  add_tasks(data, "approvals", tasks->awaiting_my_approval);
  if (a.may(core::Permission::view_children)) {
    data.set("can_view_children", true);
  }
  if (a.may(core::Permission::triage)) {
    data.set("can_triage", true);
  }
  if (a.may(core::Permission::draft_request)) {
    data.set("can_draft", true);
  }
  if (a.may(core::Permission::approve_request)) {
    data.set("can_watch", true);
  }
  if (a.may(core::Permission::view_sittings)) {
    data.set("can_view_sittings", true);
  }
  if (a.may(core::Permission::view_audit)) {
    data.set("can_view_audit", true);
  }
  if (a.may(core::Permission::administer)) {
    data.set("can_administer", true);
  }
  Data roles{Data::type::list};
  for (core::Role role : a.roles) {
    roles.push_back(Data{"role", std::string(core::role_title(role))});
  }
  data.set("roles", roles);
  return site.page(r, "home", "My tasks", std::move(data));
}

WebResponse healthz(const Site&, WebRequest&) { return WebResponse::text(200, "ok\n"); }

}  // namespace

void add_auth_routes(std::vector<Route>& routes) {
  routes.push_back({"GET", "/healthz", {Access::public_page, {}}, healthz});
  routes.push_back({"GET", "/sign-in", {Access::public_page, {}}, get_sign_in});
  routes.push_back({"POST", "/sign-in", {Access::public_page, {}}, post_sign_in});
  routes.push_back({"POST", "/sign-out", {Access::signed_in, {}}, post_sign_out});
  routes.push_back({"GET", "/", {Access::signed_in, {}}, home});
}

}  // namespace casepanel::web
