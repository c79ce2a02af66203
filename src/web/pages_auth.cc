// Sign in (password, then a second factor where the person has one), sign
// out and the health check. The home page is pages_home.cc.
#include <Poco/URI.h>

#include "app/display.h"
#include "store/crypto.h"
#include "web/http_next.h"
#include "web/site.h"
#include "web/view.h"

namespace casepanel::web {
namespace {

// Sets a fresh double-submit token for a form shown before sign-in.
WebResponse public_form(const Site& site, const WebRequest& r, const std::string& name,
                        const std::string& title, Data data, int status) {
  const std::string token = store::random_token();
  data.set("signin_token", token);
  data.set("next",
           safe_next(r.query_value("next").empty() ? r.field("next") : r.query_value("next")));
  WebResponse out = site.page(r, name, title, std::move(data), status);
  out.headers.emplace_back("Set-Cookie", set_cookie(site.options(), kSignInCsrfCookie, token));
  return out;
}

WebResponse sign_in_form(const Site& site, const WebRequest& r, Data data, int status = 200) {
  return public_form(site, r, "sign_in", "Sign in", std::move(data), status);
}

// 429 with Retry-After and a page that says when to try again.
WebResponse throttled_page(const Site& site, const WebRequest& r, std::chrono::seconds wait) {
  const auto minutes = (wait.count() + 59) / 60;
  Data data;
  data.set("minutes", std::to_string(minutes) + (minutes == 1 ? " minute" : " minutes"));
  data.set("time", app::london_hh_mm(core::to_iso_utc(site.services().clock.now() + wait)));
  WebResponse out =
      site.page(r, "sign_in_throttled", "Too many attempts to sign in", std::move(data), 429);
  out.headers.emplace_back("Retry-After", std::to_string(wait.count()));
  return out;
}

std::string cookie_value(const Site& site, const WebRequest& r, const char* base) {
  auto c = r.cookies.find(cookie_name(site.options(), base));
  return c == r.cookies.end() ? std::string() : c->second;
}

WebResponse signed_in(const Site& site, const WebRequest& r, const app::NewSession& session) {
  WebResponse out = WebResponse::redirect(safe_next(r.field("next")));
  out.headers.emplace_back("Set-Cookie", set_cookie(site.options(), kSessionCookie, session.token));
  out.headers.emplace_back("Set-Cookie",
                           set_cookie(site.options(), kSignInCsrfCookie, "", "; Max-Age=0"));
  out.headers.emplace_back("Set-Cookie",
                           set_cookie(site.options(), kSecondFactorCookie, "", "; Max-Age=0"));
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
  const app::SignInOutcome outcome =
      app::sign_in(site.services(), app::SignInAttempt{email, r.field("password"), r.client_address,
                                                       cookie_value(site, r, kSessionCookie)});
  switch (outcome.step) {
    case app::SignInStep::signed_in:
      return signed_in(site, r, outcome.session);
    case app::SignInStep::second_factor_needed: {
      std::string next;
      Poco::URI::encode(safe_next(r.field("next")), "&?#+%", next);
      WebResponse out = WebResponse::redirect("/sign-in/two-factor?next=" + next);
      out.headers.emplace_back(
          "Set-Cookie", set_cookie(site.options(), kSecondFactorCookie, outcome.pending_token,
                                   "; Max-Age=" + std::to_string(app::kSecondFactorWait.count())));
      return out;
    }
    case app::SignInStep::throttled:
      return throttled_page(site, r, outcome.retry_after);
    case app::SignInStep::refused:
      break;
  }
  Data data;
  data.set("email", email);
  add_errors(data, *outcome.error);
  return sign_in_form(site, r, std::move(data), 200);
}

WebResponse get_second_factor(const Site& site, WebRequest& r) {
  if (cookie_value(site, r, kSecondFactorCookie).empty()) {
    return WebResponse::redirect("/sign-in");
  }
  return public_form(site, r, "sign_in_two_factor", "Enter your code", Data{}, 200);
}

WebResponse post_second_factor(const Site& site, WebRequest& r) {
  const std::string pending = cookie_value(site, r, kSecondFactorCookie);
  if (pending.empty()) {
    return WebResponse::redirect("/sign-in");
  }
  const app::SignInOutcome outcome = app::sign_in_second_factor(
      site.services(), app::SecondFactorAttempt{pending, r.field("code"), r.client_address,
                                                cookie_value(site, r, kSessionCookie)});
  switch (outcome.step) {
    case app::SignInStep::signed_in:
      return signed_in(site, r, outcome.session);
    case app::SignInStep::throttled:
      return throttled_page(site, r, outcome.retry_after);
    case app::SignInStep::second_factor_needed:
    case app::SignInStep::refused:
      break;
  }
  if (!outcome.error || outcome.error->kind == core::ErrorKind::not_found) {
    // The pending sign-in has timed out: start again.
    WebResponse out = WebResponse::redirect("/sign-in");
    out.headers.emplace_back("Set-Cookie",
                             set_cookie(site.options(), kSecondFactorCookie, "", "; Max-Age=0"));
    return out;
  }
  Data data;
  add_errors(data, *outcome.error);
  return public_form(site, r, "sign_in_two_factor", "Enter your code", std::move(data), 200);
}

WebResponse post_sign_out(const Site& site, WebRequest& r) {
  if (auto token = cookie_value(site, r, kSessionCookie); !token.empty()) {
    app::sign_out(site.services(), token);
  }
  WebResponse out = WebResponse::redirect("/sign-in");
  out.headers.emplace_back("Set-Cookie",
                           set_cookie(site.options(), kSessionCookie, "", "; Max-Age=0"));
  // A shared computer keeps nothing of the session: cached pages, cookies, storage.
  out.headers.emplace_back("Clear-Site-Data", "\"cache\", \"cookies\", \"storage\"");
  return out;
}

WebResponse healthz(const Site&, WebRequest&) { return WebResponse::text(200, "ok\n"); }

}  // namespace

void add_auth_routes(std::vector<Route>& routes) {
  routes.push_back({"GET", "/healthz", {Access::public_page, {}}, healthz});
  routes.push_back({"GET", "/sign-in", {Access::public_page, {}}, get_sign_in});
  routes.push_back({"POST", "/sign-in", {Access::public_page, {}}, post_sign_in});
  routes.push_back({"GET", "/sign-in/two-factor", {Access::public_page, {}}, get_second_factor});
  routes.push_back({"POST", "/sign-in/two-factor", {Access::public_page, {}}, post_second_factor});
  routes.push_back({"POST", "/sign-out", {Access::signed_in, {}}, post_sign_out});
}

}  // namespace casepanel::web
