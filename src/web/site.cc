#include "web/site.h"

#include <spdlog/spdlog.h>

#include "store/crypto.h"

namespace casepanel::web {
namespace {

bool match(const std::string& pattern, const std::string& path, std::vector<std::string>& out) {
  out.clear();
  std::size_t p = 0;
  std::size_t q = 0;
  while (p < pattern.size() && q < path.size()) {
    if (pattern[p] == '{') {
      std::size_t close = pattern.find('}', p);
      std::size_t end = path.find('/', q);
      if (end == std::string::npos) {
        end = path.size();
      }
      if (end == q) {
        return false;
      }
      out.push_back(path.substr(q, end - q));
      p = close + 1;
      q = end;
      continue;
    }
    if (pattern[p] != path[q]) {
      return false;
    }
    ++p;
    ++q;
  }
  return p == pattern.size() && q == path.size();
}

struct NavItem {
  const char* href;
  const char* label;
  std::optional<core::Permission> permission;
};
constexpr NavItem kNav[] = {
    {"/", "Home", std::nullopt},
    {"/children", "Children", core::Permission::view_children},
    {"/watch", "Watch lists", core::Permission::approve_request},
    {"/triage", "Triage", core::Permission::view_triage},
    {"/sittings", "Sittings", core::Permission::view_sittings},
    {"/audit", "Audit log", core::Permission::view_audit},
    {"/admin/outbox", "Email outbox", core::Permission::administer},
};

bool nav_current(const std::string& href, const std::string& path) {
  if (std::string(href) == "/") {
    return path == "/";
  }
  return path.rfind(href, 0) == 0;
}

}  // namespace

Site::Site(app::Services& services, std::shared_ptr<const Templates> templates, StaticFiles files,
           SiteOptions options)
    : services_(services),
      templates_(std::move(templates)),
      files_(std::move(files)),
      options_(std::move(options)) {
  add_auth_routes(routes_);
  add_children_routes(routes_);
  add_request_routes(routes_);
  add_paper_routes(routes_);
  add_watch_routes(routes_);
  add_sitting_routes(routes_);
  add_triage_routes(routes_);
  add_admin_routes(routes_);
  add_api_routes(routes_);
}

WebResponse Site::handle(WebRequest& request) const {
  try {
    WebResponse out = with_headers(dispatch(request));
    if (request.method == "POST" && options_.after_post) {
      options_.after_post();
    }
    return out;
  } catch (const std::exception& e) {
    // The detail goes to the log, never to the page.
    spdlog::error("{} {}: {}", request.method, request.path, e.what());
    WebResponse r;
    r.status = 500;
    r.body = templates_->render("error_500", Data{});
    return with_headers(std::move(r));
  }
}

WebResponse Site::dispatch(WebRequest& r) const {
  if (r.method == "GET" || r.method == "HEAD") {
    if (const StaticFile* f = files_.find(r.path)) {
      WebResponse out;
      out.content_type = f->content_type;
      out.body = f->body;
      out.cacheable = true;
      return out;
    }
  }
  bool path_known = false;
  for (const Route& route : routes_) {
    if (!match(route.pattern, r.path, r.params)) {
      continue;
    }
    path_known = true;
    if (route.method != r.method && !(route.method == "GET" && r.method == "HEAD")) {
      continue;
    }
    const Rule& rule = route.rule;
    if (rule.access == Access::api) {
      const std::string prefix = "Bearer ";
      if (r.authorization.rfind(prefix, 0) == 0) {
        r.api_actor = app::actor_for_api_token(services_, r.authorization.substr(prefix.size()));
        if (r.api_actor) {
          r.api_actor->client_address = r.client_address;
        }
      }
      if (!r.api_actor) {
        auto out = WebResponse::json(
            401, R"({"error":"unauthorised","reason":"A valid bearer token is needed"})");
        out.headers.emplace_back("WWW-Authenticate", "Bearer");
        return out;
      }
      if (rule.permission && !r.api_actor->may(*rule.permission)) {
        return WebResponse::json(
            403, R"({"error":"forbidden","reason":"This token's user may not do this"})");
      }
      return route.handler(*this, r);
    }
    if (auto cookie = r.cookies.find(kSessionCookie); cookie != r.cookies.end()) {
      r.session = app::resume_session(services_, cookie->second);
      if (r.session) {
        r.session->actor.client_address = r.client_address;
      }
    }
    if (!csrf_ok(r, rule)) {
      WebResponse out = page(r, "error_403", "Forbidden",
                             Data{"message",
                                  "This form has expired. Go back, reload the page "
                                  "and try again."},
                             403);
      return out;
    }
    if (rule.access == Access::signed_in) {
      if (!r.session) {
        return WebResponse::redirect(r.method == "GET" ? "/sign-in?next=" + r.path : "/sign-in");
      }
      if (rule.permission && !r.session->actor.may(*rule.permission)) {
        return page(r, "error_403", "You do not have access",
                    Data{"message", "Your role does not give you access to this page."}, 403);
      }
    }
    return route.handler(*this, r);
  }
  if (path_known) {
    WebResponse out = WebResponse::text(405, "Method not allowed");
    return out;
  }
  return not_found(r);
}

bool Site::csrf_ok(const WebRequest& r, const Rule& rule) const {
  if (r.method != "POST") {
    return true;
  }
  const std::string sent = r.field("csrf_token");
  if (rule.access == Access::public_page) {
    // Before sign-in there is no session: the token must match the one set in
    // a cookie with the form (double submit).
    auto c = r.cookies.find(kSignInCsrfCookie);
    return c != r.cookies.end() && !sent.empty() && store::constant_time_equal(sent, c->second);
  }
  return r.session && !sent.empty() && store::constant_time_equal(sent, r.session->csrf_token);
}

WebResponse Site::with_headers(WebResponse r) const {
  r.headers.emplace_back("Content-Security-Policy",
                         "default-src 'self'; script-src 'self'; style-src 'self'; "
                         "img-src 'self' data:; font-src 'self'; connect-src 'self'; "
                         "form-action 'self'; frame-ancestors 'none'; base-uri 'none'; "
                         "object-src 'none'");
  r.headers.emplace_back("X-Content-Type-Options", "nosniff");
  r.headers.emplace_back("X-Frame-Options", "DENY");
  r.headers.emplace_back("Referrer-Policy", "same-origin");
  r.headers.emplace_back("Cross-Origin-Opener-Policy", "same-origin");
  r.headers.emplace_back("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
  if (r.cacheable) {
    r.headers.emplace_back("Cache-Control", "public, max-age=86400");
  } else {
    r.headers.emplace_back("Cache-Control", "no-store");
  }
  return r;
}

WebResponse Site::page(const WebRequest& r, const std::string& name, const std::string& title,
                       Data data, int status) const {
  Data layout;
  layout.set("title", title);
  layout.set("council", options_.council);
  if (options_.demo) {
    layout.set("demo", true);
  }
  if (data.is_object() && data.get("has_errors") != nullptr) {
    layout.set("error_prefix", true);
    // A fragment the server builds from escaped values, inserted raw.
    data.set("error_summary", templates_->render("error_summary", data));
  }
  if (r.session) {
    const app::Actor& a = r.session->actor;
    layout.set("user_name", a.name);
    layout.set("csrf_token", r.session->csrf_token);
    Data nav{Data::type::list};
    for (const NavItem& item : kNav) {
      if (item.permission && !a.may(*item.permission)) {
        continue;
      }
      Data entry;
      entry.set("href", item.href);
      entry.set("label", item.label);
      if (nav_current(item.href, r.path)) {
        entry.set("current", true);
      }
      nav.push_back(entry);
    }
    layout.set("nav", nav);
    layout.set("has_nav", true);
    data.set("csrf_token", r.session->csrf_token);
  }
  // Moved in: set() would copy the page's HTML (115 KB for a child's record).
  layout["content"] = Data(templates_->render(name, data));
  WebResponse out;
  out.status = status;
  out.body = templates_->render("layout", layout);
  return out;
}

WebResponse Site::error(const WebRequest& r, const core::Error& e) const {
  switch (e.kind) {
    case core::ErrorKind::not_found:
      return not_found(r);
    case core::ErrorKind::forbidden:
      return page(r, "error_403", "You cannot do that", Data{"message", e.message}, 403);
    case core::ErrorKind::conflict:
    case core::ErrorKind::invalid:
      return page(r, "error_403", "That cannot be done now", Data{"message", e.message}, 409);
  }
  return not_found(r);
}

WebResponse Site::not_found(const WebRequest& r) const {
  return page(r, "error_404", "Page not found", Data{}, 404);
}

void add_errors(Data& data, const core::Error& e) {
  data.set("has_errors", true);
  Data list{Data::type::list};
  for (const core::FieldError& f : e.fields) {
    Data item;
    item.set("href", "#" + f.field);
    item.set("message", f.message);
    list.push_back(item);
    data.set("error_" + f.field, f.message);
  }
  if (e.fields.empty()) {
    Data item;
    item.set("href", "#main-content");
    item.set("message", e.message);
    list.push_back(item);
  }
  data.set("errors", list);
}

}  // namespace casepanel::web
