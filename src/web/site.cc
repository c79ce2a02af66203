#include "web/site.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <cctype>
#include <nlohmann/json.hpp>
#include <set>

#include "app/refusals.h"
#include "core/calendar.h"
#include "core/non_blocking.h"
#include "core/text.h"
#include "store/crypto.h"
#include "store/database.h"
#include "store/presumed_reads.h"
#include "store/shared_reads.h"
#include "web/confirmations.h"
#include "web/http_next.h"
#include "web/http_response.h"
#include "web/input_check.h"

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
    {"/actions", "Actions", core::Permission::view_follow_ups},
    {"/reports", "Annual review", core::Permission::view_reports},
    {"/audit", "Audit log", core::Permission::view_audit},
    {"/admin/people", "People", core::Permission::administer},
    {"/panels", "Panels", core::Permission::administer},
    {"/admin/outbox", "Email outbox", core::Permission::administer},
};

// Everything under /api/ answers machine clients: JSON, never an HTML page.
bool api_path(const std::string& path) { return path == "/api" || path.rfind("/api/", 0) == 0; }

// Pages a person who must set up two-factor authentication may still see.
bool enrolment_page(const std::string& path) {
  return path == "/sign-out" || path == "/account/two-factor" ||
         path.rfind("/account/two-factor/", 0) == 0;
}

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
  if (options_.page_cache_bytes > 0) {
    page_cache_ = std::make_unique<PageCache>(options_.page_cache_bytes);
  }
  add_auth_routes(routes_);
  add_home_routes(routes_);
  add_children_routes(routes_);
  add_request_routes(routes_);
  add_paper_routes(routes_);
  add_watch_routes(routes_);
  add_sitting_routes(routes_);
  add_triage_routes(routes_);
  add_admin_routes(routes_);
  add_api_routes(routes_);
  add_account_routes(routes_);
  add_people_routes(routes_);
  add_seat_routes(routes_);
  add_action_routes(routes_);
  add_return_routes(routes_);
  add_plan_change_routes(routes_);
  add_supervision_routes(routes_);
  add_consultation_routes(routes_);
  add_report_routes(routes_);
}

WebResponse Site::handle(WebRequest& request) const {
  try {
    if (auto bad = unreadable_input(request)) {
      spdlog::warn("{} {}: refused, {} has {}", request.method,
                   core::text_problem(request.path) == core::TextProblem::none ? request.path
                                                                               : "(unreadable)",
                   bad->where, bad->reason);
      return with_headers(unreadable(request, *bad));
    }
    WebResponse out = with_headers(dispatch(request));
    if (request.method == "POST" && options_.after_post) {
      options_.after_post();
    }
    return out;
  } catch (const store::CommitOutcomeUnknown& e) {
    spdlog::error("{} {}: {}", request.method, request.path, e.what());
    return with_headers(outcome_unknown(request));
  } catch (const std::exception& e) {
    // The detail goes to the log, never to the page.
    spdlog::error("{} {}: {}", request.method, request.path, e.what());
    if (api_path(request.path)) {
      return with_headers(WebResponse::json_error(
          500, "server_error", "Something went wrong: the error has been logged"));
    }
    WebResponse r;
    r.status = 500;
    r.body = templates_->render("error_500", Data{});
    return with_headers(std::move(r));
  }
}

// The connection to PostgreSQL was lost while COMMIT was in flight
// (store/database.h): the change is wholly saved or wholly absent, and the
// person is asked to look before doing it again, so that it is not made twice.
WebResponse Site::outcome_unknown(const WebRequest& r) const {
  if (api_path(r.path)) {
    return WebResponse::json_error(
        500, "outcome_unknown",
        "The connection to the database was lost while the change was being saved: "
        "it was saved whole or not at all. Read the record before you send it again.");
  }
  Data data;
  std::vector<std::string> ignored;
  const bool has_page = std::any_of(routes_.begin(), routes_.end(), [&](const Route& route) {
    return route.method == "GET" && match(route.pattern, r.path, ignored);
  });
  if (has_page) {
    data.set("back_to", r.path);
  }
  WebResponse out;
  out.status = 500;
  out.body = templates_->render("error_outcome_unknown", data);
  return out;
}

// One place where every route's access rule, the session and CSRF are
// checked (STYLE.md), so that a handler cannot forget them.
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
  std::set<std::string> allowed;  // the methods of the routes that match the path
  for (const Route& route : routes_) {
    if (!match(route.pattern, r.path, r.params)) {
      continue;
    }
    allowed.insert(route.method);
    if (route.method == "GET") {
      allowed.insert("HEAD");
    }
    if (route.method != r.method && !(route.method == "GET" && r.method == "HEAD")) {
      continue;
    }
    if (!route.kept) {
      core::NonBlocking::would_wait();  // its page is built: by a worker
    }
    return route.rule.access == Access::api ? serve_api(route, r) : serve_page(route, r);
  }
  return no_route(r, allowed);
}

WebResponse Site::serve_api(const Route& route, WebRequest& r) const {
  const std::string prefix = "Bearer ";
  app::ApiCaller caller;
  caller.reason = "A valid bearer token is needed";
  if (r.authorization.rfind(prefix, 0) == 0) {
    caller = app::authenticate_api_token(services_, r.authorization.substr(prefix.size()),
                                         options_.api_requests_per_minute);
  }
  if (caller.access == app::ApiAccess::rate_limited) {
    auto out = WebResponse::json_error(429, "rate_limited", caller.reason);
    out.headers.emplace_back("Retry-After", std::to_string(caller.retry_after.count()));
    return out;
  }
  if (caller.access != app::ApiAccess::allowed) {
    auto out = WebResponse::json_error(401, "unauthorised", caller.reason);
    out.headers.emplace_back("WWW-Authenticate", "Bearer");
    return out;
  }
  r.api_actor = std::move(caller.actor);
  r.api_actor->client_address = r.client_address;
  if (route.rule.permission && !r.api_actor->may(*route.rule.permission)) {
    record_refusal(r, 403);
    return WebResponse::json_error(403, "forbidden", "This token's user may not do this");
  }
  return route.handler(*this, r);
}

void Site::resume_session(WebRequest& r) const {
  auto cookie = r.cookies.find(cookie_name(options_, kSessionCookie));
  if (cookie == r.cookies.end()) {
    return;
  }
  r.session = app::resume_session(services_, cookie->second);
  if (r.session) {
    r.session->actor.client_address = r.client_address;
  }
}

WebResponse Site::serve_page(const Route& route, WebRequest& r) const {
  // A page's reads and the session's share one transaction (store/shared_reads.h).
  std::optional<store::SharedReads> shared;
  if (r.method == "GET" || r.method == "HEAD") {
    shared.emplace(services_.db);
  }
  WebResponse out = checked_page(route, r);
  // Presumed reads (store/presumed_reads.h) no view's write took to confirm
  // (a redirect, an error page): a worker makes the response again.
  if (store::presumed_reads::unconfirmed(services_.db)) {
    throw core::WouldWait{};
  }
  return out;
}

WebResponse Site::checked_page(const Route& route, WebRequest& r) const {
  const Rule& rule = route.rule;
  resume_session(r);
  if (!csrf_ok(r, rule)) {
    record_refusal(r, 403);
    return page(r, "error_403", "Forbidden",
                Data{"message",
                     "This form has expired. Go back, reload the page "
                     "and try again."},
                403);
  }
  if (rule.access == Access::signed_in) {
    if (!r.session) {
      // The path is decoded outside input: encoded again, so that no CR or
      // LF of it reaches the Location header.
      return WebResponse::redirect(
          r.method == "GET" ? "/sign-in?next=" + next_parameter(r.path, r.query) : "/sign-in");
    }
    // The organisation requires a second factor: nothing else until it is set up.
    if (r.session->demand == app::SessionDemand::enrol_two_factor && !enrolment_page(r.path)) {
      return WebResponse::redirect("/account/two-factor");
    }
    if (rule.permission && !r.session->actor.may(*rule.permission)) {
      record_refusal(r, 403);
      return page(r, "error_403", "You do not have access",
                  Data{"message", "Your role does not give you access to this page."}, 403);
    }
  }
  return route.handler(*this, r);
}

WebResponse Site::kept_page(const WebRequest& r,
                            const std::function<core::Result<std::int64_t>()>& check,
                            const std::function<std::shared_ptr<core::Completion>()>& viewed,
                            const std::function<WebResponse()>& build) const {
  // A page is built from the database by a worker, never by the I/O thread.
  const auto built_by_a_worker = [&] {
    core::NonBlocking::would_wait();
    return build();
  };
  // A query (a confirmation banner, a page of a list) or a form's answer is
  // built every time.
  if (!page_cache_ || r.method != "GET" || !r.query.empty() || !r.session) {
    return built_by_a_worker();
  }
  const auto version = check();
  if (!version) {
    return error(r, version.error());
  }
  const PageKey key{r.path, r.session->actor.id,
                    core::to_iso(core::london_date(services_.clock.now()))};
  const auto look = core::NonBlocking::open() ? PageCache::Look::trial : PageCache::Look::counted;
  if (auto kept = page_cache_->find(key, *version, r.session->csrf_token, look)) {
    // Sent once the view has committed (WebResponse::after).
    kept->after = viewed();
    return std::move(*kept);
  }
  WebResponse built = built_by_a_worker();
  if (built.status == 200) {
    page_cache_->keep(key, *version, r.session->csrf_token, built);
  }
  return built;
}

PageCache::Counts Site::page_cache_counts() const {
  return page_cache_ ? page_cache_->counts() : PageCache::Counts{};
}

WebResponse Site::no_route(WebRequest& r, const std::set<std::string>& allowed) const {
  if (api_path(r.path)) {
    return !allowed.empty()
               ? WebResponse::json_error(405, "method_not_allowed",
                                         "This path does not take " + r.method)
               : WebResponse::json_error(404, "not_found", "There is no such API path");
  }
  if (!allowed.empty()) {
    WebResponse out = WebResponse::text(405, "Method not allowed");
    std::string allow;
    for (const std::string& method : allowed) {
      allow += (allow.empty() ? "" : ", ") + method;
    }
    out.headers.emplace_back("Allow", allow);
    return out;
  }
  // No route matched: the person is still known, for the audit log.
  resume_session(r);
  return not_found(r);
}

WebResponse Site::unreadable(const WebRequest& r, const UnreadableInput& bad) const {
  std::string message = bad.where + " has " + bad.reason + ".";
  message[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(message[0])));
  if (api_path(r.path)) {
    return WebResponse::json_error(400, "bad_request", message);
  }
  return page(r, "error_403", "The form could not be read",
              Data{"message", message + " Nothing was saved. Go back, check what you typed and "
                                        "try again."},
              400);
}

bool Site::csrf_ok(const WebRequest& r, const Rule& rule) const {
  if (r.method != "POST") {
    return true;
  }
  const std::string sent = r.field("csrf_token");
  if (rule.access == Access::public_page) {
    // Before sign-in there is no session: the token must match the one set in
    // a cookie with the form (double submit).
    auto c = r.cookies.find(cookie_name(options_, kSignInCsrfCookie));
    return c != r.cookies.end() && !sent.empty() && store::constant_time_equal(sent, c->second);
  }
  return r.session && !sent.empty() && store::constant_time_equal(sent, r.session->csrf_token);
}

WebResponse Site::with_headers(WebResponse r) const {
  add_security_headers(r);
  if (options_.secure_cookies) {
    // Served over TLS: browsers must not come back over plain HTTP for a year.
    r.headers.emplace_back("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
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
  if (const auto done = confirmation(r.query_value("done"))) {
    layout.set("success_banner", std::string(*done));
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
      record_refusal(r, 403);
      return page(r, "error_403", "You cannot do that", Data{"message", e.message}, 403);
    case core::ErrorKind::conflict:
    case core::ErrorKind::invalid:
      return page(r, "error_403", "That cannot be done now", Data{"message", e.message}, 409);
  }
  return not_found(r);
}

WebResponse Site::not_found(const WebRequest& r) const {
  record_refusal(r, 404);
  return page(r, "error_404", "Page not found", Data{}, 404);
}

std::string cookie_name(const SiteOptions& options, const char* base) {
  return options.secure_cookies ? std::string("__Host-") + base : std::string(base);
}

std::string set_cookie(const SiteOptions& options, const char* base, const std::string& value,
                       const std::string& extra) {
  std::string c = cookie_name(options, base) + "=" + value + "; Path=/; HttpOnly; SameSite=Lax";
  if (options.secure_cookies) {
    c += "; Secure";
  }
  return c + extra;
}

void Site::record_refusal(const WebRequest& r, int status) const {
  const app::Actor* actor = r.session ? &r.session->actor : r.api_actor ? &*r.api_actor : nullptr;
  if (actor == nullptr) {
    std::vector<std::string> ignored;
    const bool known = std::any_of(routes_.begin(), routes_.end(), [&](const Route& route) {
      return match(route.pattern, r.path, ignored);
    });
    if (!known) {
      return;
    }
  }
  try {
    app::record_refusal(services_, actor, {r.method, r.path, status, r.client_address});
  } catch (const std::exception& e) {
    // The request is refused either way; the failure goes to the log.
    spdlog::error("audit: could not record the refusal of {} {}: {}", r.method, r.path, e.what());
  }
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
