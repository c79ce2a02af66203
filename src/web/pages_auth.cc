// Sign in (password, then a second factor where the person has one), sign
// out, the home page ("My tasks") and the health check.
#include <Poco/URI.h>

#include "app/actions.h"
#include "app/display.h"
#include "app/plan_changes.h"
#include "app/recommendations.h"
#include "app/requests.h"
#include "app/returns.h"
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

// Recommendations awaiting the actor's final decision, and disagreements
// for them to resolve: shown only to those who have some.
void add_open_decisions(Data& data, const app::OpenDecisions& open) {
  for (const auto& [key, items] : {std::pair{"final_decisions", &open.final_decisions},
                                   std::pair{"disagreements", &open.disagreements}}) {
    Data list{Data::type::list};
    for (const app::OpenDecision& o : *items) {
      Data x;
      x.set("href", o.href);
      x.set("child", o.child);
      x.set("what", o.what);
      x.set("panel_date", o.panel_date);
      list.push_back(x);
    }
    if (!items->empty()) {
      data.set(key, list);
      data.set(std::string("has_") + key, true);
      data.set(std::string(key) + "_count", std::to_string(items->size()));
    }
  }
}

// The chair's minutes to authorise (app/minutes.h).
void add_minutes_tasks(Data& data, const std::vector<app::MinutesTask>& items) {
  if (items.empty()) {
    return;
  }
  Data list{Data::type::list};
  for (const app::MinutesTask& m : items) {
    Data x;
    x.set("sitting_id", std::to_string(m.sitting_id));
    x.set("panel", m.panel);
    x.set("date", m.date);
    list.push_back(x);
  }
  data.set("minutes", list);
  data.set("minutes_count", std::to_string(items.size()));
  data.set("has_minutes", true);
}

// The actor's actions after panel, as counts linking to "My actions".
void add_action_counts(Data& data, const app::ActionCounts& c) {
  if (c.open + c.escalated_to_me + c.to_record == 0) {
    return;
  }
  data.set("has_actions", true);
  data.set("actions_open", std::to_string(c.open));
  set_flag(data, "actions_overdue", c.overdue > 0);
  data.set("actions_overdue_count", std::to_string(c.overdue));
  set_flag(data, "actions_escalated", c.escalated_to_me > 0);
  data.set("actions_escalated_count", std::to_string(c.escalated_to_me));
  set_flag(data, "actions_to_record", c.to_record > 0);
  data.set("actions_to_record_count", std::to_string(c.to_record));
}

// Reviews due back at panel, and progress updates to consider (app/returns.h).
void add_returns(Data& data, const app::MyReturns& m) {
  for (const auto& [key, lines] :
       {std::pair{"reviews", &m.reviews_due}, std::pair{"updates", &m.updates_to_consider}}) {
    if (lines->empty()) {
      continue;
    }
    Data list{Data::type::list};
    for (const app::ReturnLine& l : *lines) {
      Data x;
      x.set("id", std::to_string(l.id));
      x.set("child", l.child + ", born " + l.child_born);
      x.set("panel", l.panel);
      x.set("due", l.due);
      set_flag(x, "overdue", l.overdue);
      set_flag(x, "update_sent", l.update_sent);
      set_if(x, "request_state", l.request_id ? l.request_state : "");
      list.push_back(x);
    }
    data.set(key, list);
    data.set(std::string(key) + "_count", std::to_string(lines->size()));
    data.set(std::string("has_") + key, true);
  }
}

// Changes of plan waiting for the actor's approval (app/plan_changes.h).
void add_plan_changes(Data& data, const std::vector<app::PlanChangeLine>& lines) {
  if (lines.empty()) {
    return;
  }
  Data list{Data::type::list};
  for (const app::PlanChangeLine& l : lines) {
    Data x;
    x.set("id", std::to_string(l.id));
    x.set("child", l.child);
    x.set("panel", l.panel);
    x.set("proposed", l.proposed);
    list.push_back(x);
  }
  data.set("plan_changes", list);
  data.set("plan_changes_count", std::to_string(lines.size()));
  data.set("has_plan_changes", true);
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
  add_open_decisions(data, app::open_decisions(site.services(), a));
  add_minutes_tasks(data, tasks->minutes_to_authorise);
  add_action_counts(data, app::action_counts(site.services(), a));
  add_returns(data, app::my_returns(site.services(), a));
  add_plan_changes(data, app::plan_changes_to_decide(site.services(), a));
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
  routes.push_back({"GET", "/sign-in/two-factor", {Access::public_page, {}}, get_second_factor});
  routes.push_back({"POST", "/sign-in/two-factor", {Access::public_page, {}}, post_second_factor});
  routes.push_back({"POST", "/sign-out", {Access::signed_in, {}}, post_sign_out});
  routes.push_back({"GET", "/", {Access::signed_in, {}}, home});
}

}  // namespace casepanel::web
