// Site: the whole web application without the socket. It routes a WebRequest
// to one handler, after the checks every route gets:
//   - every route declares its access rule (there is no default): public,
//     signed in with a permission, or API token with a permission;
//   - a state-changing request (POST) must carry the session's CSRF token, or
//     it is refused with 403 before any handler runs;
//   - every response gets the security headers, and every page that is not a
//     static asset gets Cache-Control: no-store.
// Handlers are free functions grouped by area in pages_*.cc.
//
// A Site is built once and then only read: handle() is thread-safe.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "app/services.h"
#include "core/access.h"
#include "core/result.h"
#include "web/http.h"
#include "web/page_cache.h"
#include "web/static_files.h"
#include "web/templates.h"

namespace casepanel::app {
struct SittingSummary;
}

namespace casepanel::web {

struct SiteOptions {
  bool demo = false;            // shows the "Demo" phase banner
  bool secure_cookies = false;  // behind TLS: cookies get Secure
  bool email_delivery = true;   // false: the outbox page says delivery is off
  // With secure_cookies, cookies also get the __Host- prefix and every
  // response Strict-Transport-Security. Requests a minute each API token may
  // make (docs/sign-in.md).
  int api_requests_per_minute = 120;
  std::string council = "Demo County Council";
  // Called after every POST has been handled (its transaction committed):
  // serve wakes the outbox worker, so the messages a change queued go out at
  // once rather than at the next interval.
  std::function<void()> after_post;
  // The bytes of pages kept in memory (web/page_cache.h); 0 keeps none.
  std::size_t page_cache_bytes = std::size_t{32} << 20;
};

class Site;
struct UnreadableInput;
using Handler = std::function<WebResponse(const Site&, WebRequest&)>;

enum class Access { public_page, signed_in, api };
struct Rule {
  Access access;
  std::optional<core::Permission> permission;  // none: any signed-in person
};
struct Route {
  std::string method;
  std::string pattern;  // "/children/{id}"
  Rule rule;
  Handler handler;
  // Its page may be kept in memory (Site::kept_page): the I/O thread may
  // answer it itself (core/non_blocking.h). No other route is tried there.
  bool kept = false;
};

class Site {
 public:
  Site(app::Services& services, std::shared_ptr<const Templates> templates, StaticFiles files,
       SiteOptions options);

  WebResponse handle(WebRequest& request) const;

  // For handlers.
  app::Services& services() const { return services_; }
  const SiteOptions& options() const { return options_; }
  // Renders templates/NAME.mustache alone, for a part shared by pages
  // (insert it with {{{triple braces}}}: it is already escaped).
  std::string fragment(const std::string& name, const Data& data) const {
    return templates_->render(name, data);
  }
  // Renders templates/NAME.mustache inside the layout.
  WebResponse page(const WebRequest& r, const std::string& name, const std::string& title,
                   Data data, int status = 200) const;
  // The page for an error Result (404, 403, 409); `invalid` errors are the
  // handler's to show on its form.
  WebResponse error(const WebRequest& r, const core::Error& e) const;
  WebResponse not_found(const WebRequest& r) const;
  // A page kept in memory while the database has not changed
  // (web/page_cache.h), for a GET with no query. `check` is the page's access
  // check and gives the content version it read; `viewed` records the view in
  // the audit log when the kept page is served, and the page is sent once
  // that has committed (WebResponse::after); `build` builds the page (and
  // records the view) when none is kept. Anything else calls `build` alone.
  WebResponse kept_page(const WebRequest& r,
                        const std::function<core::Result<std::int64_t>()>& check,
                        const std::function<std::shared_ptr<core::Completion>()>& viewed,
                        const std::function<WebResponse()>& build) const;
  // Hits and misses so far (tests, the benchmark); none without a cache.
  PageCache::Counts page_cache_counts() const;
  // Every route, in matching order (the access matrix test walks them).
  const std::vector<Route>& routes() const { return routes_; }

 private:
  WebResponse dispatch(WebRequest& request) const;
  WebResponse serve_api(const Route& route, WebRequest& r) const;
  WebResponse serve_page(const Route& route, WebRequest& r) const;
  // The session, the CSRF token and the route's rule checked, then its handler.
  WebResponse checked_page(const Route& route, WebRequest& r) const;
  WebResponse no_route(WebRequest& r, const std::set<std::string>& allowed) const;
  // The signed-in person of the request's session cookie, if any, into r.session.
  void resume_session(WebRequest& r) const;
  WebResponse with_headers(WebResponse response) const;
  WebResponse unreadable(const WebRequest& r, const UnreadableInput& bad) const;
  WebResponse outcome_unknown(const WebRequest& r) const;
  bool csrf_ok(const WebRequest& r, const Rule& rule) const;
  // Records a 403 or 404 in the audit log (app/refusals.h): always for a
  // signed-in person or API client; for someone signed out only on a known
  // route, so that a scanner's guesses cannot fill the log.
  void record_refusal(const WebRequest& r, int status) const;

  app::Services& services_;
  std::shared_ptr<const Templates> templates_;
  StaticFiles files_;
  SiteOptions options_;
  std::vector<Route> routes_;
  std::unique_ptr<PageCache> page_cache_;  // null when options_ keep none
};

// "My children" for a practitioner's own caseload, "Children" for everyone
// else who sees the children in scope: the heading and the links to it.
inline std::string children_heading(const app::Actor& a) {
  return a.roles.size() == 1 && a.has(core::Role::social_worker) ? "My children" : "Children";
}

// Each area adds its routes.
void add_auth_routes(std::vector<Route>& routes);
void add_home_routes(std::vector<Route>& routes);
void add_children_routes(std::vector<Route>& routes);
void add_request_routes(std::vector<Route>& routes);
void add_paper_routes(std::vector<Route>& routes);
void add_watch_routes(std::vector<Route>& routes);
void add_sitting_routes(std::vector<Route>& routes);  // and add_decision_routes, add_minutes_routes
void add_decision_routes(std::vector<Route>& routes);  // and add_recommendation_routes
void add_recommendation_routes(std::vector<Route>& routes);
void add_minutes_routes(std::vector<Route>& routes);
void add_triage_routes(std::vector<Route>& routes);  // and add_proposal_routes
void add_proposal_routes(std::vector<Route>& routes);
// A sitting's summary as template data (the sittings list, triage choices).
Data sitting_data(const app::SittingSummary& s);
void add_admin_routes(std::vector<Route>& routes);
void add_api_routes(std::vector<Route>& routes);
void add_account_routes(std::vector<Route>& routes);
void add_people_routes(std::vector<Route>& routes);
void add_seat_routes(std::vector<Route>& routes);
void add_action_routes(std::vector<Route>& routes);  // after panel
void add_return_routes(std::vector<Route>& routes);
void add_plan_change_routes(std::vector<Route>& routes);
void add_supervision_routes(std::vector<Route>& routes);
void add_consultation_routes(std::vector<Route>& routes);
void add_report_routes(std::vector<Route>& routes);  // the annual review

// Form errors for a template: has_errors, errors[{href, message}], and
// error_FIELD for each field, shown next to it.
void add_errors(Data& data, const core::Error& e);
// Cookie names. Over TLS (secure_cookies) each gets the __Host- prefix, so
// the browser accepts it only with Secure, Path=/ and no Domain: a page on a
// sibling subdomain cannot plant one. Read and write them through these.
inline constexpr const char* kSessionCookie = "cp_session";
inline constexpr const char* kSignInCsrfCookie = "cp_signin";
inline constexpr const char* kSecondFactorCookie = "cp_second_factor";
std::string cookie_name(const SiteOptions& options, const char* base);
// A Set-Cookie value: HttpOnly, SameSite=Lax, Path=/, Secure over TLS.
std::string set_cookie(const SiteOptions& options, const char* base, const std::string& value,
                       const std::string& extra = "");

}  // namespace casepanel::web
