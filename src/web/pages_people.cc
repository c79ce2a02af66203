// People and passwords (app/people.h): the administrators' pages for adding,
// editing, disabling and re-enabling people, ending their sessions and
// sending set-password links; the public set-password page a link opens
// (double-submit CSRF, like sign-in); and changing one's own password.
//
// After each change the handler redirects with ?done=WHAT and the layout
// shows a success banner whose text comes from web/confirmations.cc, never
// from the URL.
#include <algorithm>
#include <cctype>
#include <string_view>

#include "app/people.h"
#include "core/counted.h"
#include "store/crypto.h"
#include "web/site.h"
#include "web/view.h"

namespace casepanel::web {
namespace {

std::string people_path(std::int64_t id, std::string_view done) {
  return "/admin/people/" + str(id) + "?done=" + std::string(done);
}

WebResponse done_or_error(const Site& site, WebRequest& r, const core::Status& result,
                          std::string_view done) {
  if (!result) {
    return site.error(r, result.error());
  }
  return WebResponse::redirect(people_path(r.id_param(), done));
}

std::string role_list(const core::Roles& roles) {
  std::string out;
  for (core::Role role : roles) {
    out += (out.empty() ? "" : ", ") + std::string(core::role_title(role));
  }
  return out;
}

// ---- The list ----

Data person_row(const store::PersonRecord& p) {
  Data x;
  x.set("id", str(p.id));
  x.set("name", p.name);
  x.set("email", p.email);
  x.set("roles", role_list(p.roles));
  x.set("team", p.team_name);
  set_flag(x, "disabled", p.active == store::Active::no);
  set_flag(x, "no_password", !p.has_password);
  return x;
}

std::string page_link(const std::string& search, int page) {
  std::string out = "/admin/people?page=" + std::to_string(page);
  if (!search.empty()) {
    // The search goes back into a URL: keep only what needs no escaping.
    std::string q;
    for (char c : search) {
      const bool plain = std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' ||
                         c == '_' || c == '@';
      q += plain ? std::string(1, c) : (c == ' ' ? std::string("+") : std::string());
    }
    out += "&q=" + q;
  }
  return out;
}

WebResponse people_list(const Site& site, WebRequest& r) {
  const std::string search = r.query_value("q");
  const int page =
      static_cast<int>(std::min<std::int64_t>(1000000, parse_id(r.query_value("page"))));
  auto list = app::list_people(site.services(), r.actor(), search, page);
  if (!list) {
    return site.error(r, list.error());
  }
  Data rows{Data::type::list};
  for (const auto& p : list->people) {
    rows.push_back(person_row(p));
  }
  Data d;
  d.set("people", rows);
  d.set("q", search);
  d.set("total", core::counted(list->total, "person", "people"));
  d.set("page", str(list->page));
  d.set("pages", str(list->pages));
  set_flag(d, "has_people", !list->people.empty());
  if (list->page > 1) {
    d.set("previous", page_link(search, list->page - 1));
  }
  if (list->page < list->pages) {
    d.set("next", page_link(search, list->page + 1));
  }
  return site.page(r, "people", "People", std::move(d));
}

// ---- The add and edit forms ----

app::PersonInput input_from(const WebRequest& r) {
  app::PersonInput in;
  in.name = r.field("name");
  in.email = r.field("email");
  in.job_title = r.field("job_title");
  in.roles = r.fields("roles");
  if (const auto team = parse_id(r.field("team")); team > 0) {
    in.team_id = team;
  }
  if (const auto manager = parse_id(r.field("line_manager")); manager > 0) {
    in.line_manager_id = manager;
  }
  return in;
}

// The form's fields, choices and errors; `action` is where it posts.
Data person_form(const Site& site, const WebRequest& r, const std::string& action,
                 const app::PersonInput& in, std::optional<std::int64_t> person_id,
                 const core::Error* errors) {
  auto choices = app::person_choices(site.services(), r.actor());
  Data f;
  f.set("action", action);
  // A new person is added; an existing one's details are saved.
  f.set("submit", person_id ? "Save changes" : "Add the person");
  f.set("csrf_token", r.session ? r.session->csrf_token : "");
  f.set("name", in.name);
  f.set("email", in.email);
  f.set("job_title", in.job_title);
  Data roles{Data::type::list};
  for (core::Role role : core::kAllRoles) {
    Data x;
    x.set("id", std::string(core::role_id(role)));
    x.set("title", std::string(core::role_title(role)));
    for (const std::string& chosen : in.roles) {
      set_flag(x, "checked", chosen == core::role_id(role));
    }
    roles.push_back(x);
  }
  f.set("roles", roles);
  Data teams{Data::type::list};
  Data managers{Data::type::list};
  if (choices) {
    for (const auto& t : choices->teams) {
      Data x{"id", str(t.id)};
      x.set("name", t.name);
      set_flag(x, "selected", in.team_id == t.id);
      teams.push_back(x);
    }
    for (const auto& m : choices->managers) {
      if (person_id == m.id) {
        continue;
      }
      Data x{"id", str(m.id)};
      x.set("name", m.name + " (" + m.email + ")");
      set_flag(x, "selected", in.line_manager_id == m.id);
      managers.push_back(x);
    }
  }
  f.set("teams", teams);
  f.set("managers", managers);
  if (errors) {
    add_errors(f, *errors);
  }
  return f;
}

WebResponse new_person_page(const Site& site, WebRequest& r, const app::PersonInput& in,
                            const core::Error* errors) {
  Data d;
  d.set("form", site.fragment("people_form",
                              person_form(site, r, "/admin/people", in, std::nullopt, errors)));
  if (errors) {
    add_errors(d, *errors);
  }
  return site.page(r, "people_new", "Add a person", std::move(d));
}

WebResponse get_new_person(const Site& site, WebRequest& r) {
  return new_person_page(site, r, {}, nullptr);
}

WebResponse post_new_person(const Site& site, WebRequest& r) {
  const app::PersonInput in = input_from(r);
  auto id = app::add_person(site.services(), r.actor(), in);
  if (!id) {
    if (id.error().kind != core::ErrorKind::invalid) {
      return site.error(r, id.error());
    }
    return new_person_page(site, r, in, &id.error());
  }
  return WebResponse::redirect(people_path(*id, "added"));
}

// ---- One person ----

app::PersonInput input_of(const store::PersonRecord& p) {
  app::PersonInput in{p.name, p.email, p.job_title, {}, p.team_id, p.line_manager_id};
  for (core::Role role : p.roles) {
    in.roles.emplace_back(core::role_id(role));
  }
  return in;
}

WebResponse person_page(const Site& site, WebRequest& r, const app::PersonInput* edited,
                        const core::Error* errors) {
  auto p = app::person(site.services(), r.actor(), r.id_param());
  if (!p) {
    return site.error(r, p.error());
  }
  const std::string action = "/admin/people/" + str(p->id);
  Data d = person_row(*p);
  d.set("job_title", p->job_title);
  d.set("line_manager", p->line_manager_name);
  d.set("created", p->created_at);
  set_if(d, "password_changed", p->password_changed_at.value_or(""));
  set_if(d, "disabled_at", p->disabled_at.value_or(""));
  set_flag(d, "is_me", p->id == r.actor().id);
  d.set("form",
        site.fragment("people_form", person_form(site, r, action, edited ? *edited : input_of(*p),
                                                 p->id, errors)));
  if (errors) {
    add_errors(d, *errors);
  }
  return site.page(r, "people_person", p->name, std::move(d));
}

WebResponse get_person(const Site& site, WebRequest& r) {
  return person_page(site, r, nullptr, nullptr);
}

WebResponse post_person(const Site& site, WebRequest& r) {
  const app::PersonInput in = input_from(r);
  auto done = app::edit_person(site.services(), r.actor(), r.id_param(), in);
  if (!done && done.error().kind == core::ErrorKind::invalid) {
    return person_page(site, r, &in, &done.error());
  }
  return done_or_error(site, r, done, "saved");
}

WebResponse post_disable(const Site& site, WebRequest& r) {
  return done_or_error(site, r, app::disable_person(site.services(), r.actor(), r.id_param()),
                       "disabled");
}

WebResponse post_enable(const Site& site, WebRequest& r) {
  return done_or_error(site, r, app::enable_person(site.services(), r.actor(), r.id_param()),
                       "enabled");
}

WebResponse post_password_link(const Site& site, WebRequest& r) {
  return done_or_error(site, r, app::send_password_link(site.services(), r.actor(), r.id_param()),
                       "link_sent");
}

WebResponse post_end_sessions(const Site& site, WebRequest& r) {
  auto ended = app::end_person_sessions(site.services(), r.actor(), r.id_param());
  if (!ended) {
    return site.error(r, ended.error());
  }
  return WebResponse::redirect(people_path(r.id_param(), "sessions_ended"));
}

// ---- Setting a password from a link (public) ----

WebResponse set_password_form(const Site& site, WebRequest& r, Data data, int status = 200) {
  // Double submit, as on the sign-in page: no session yet, so the form's
  // token must match a cookie set with it. Not "csrf_token": for a visitor
  // who is signed in, Site::page sets that to their session's token.
  const std::string token = store::random_token();
  data.set("signin_token", token);
  data.set("action", r.path);
  data.set("password_fields", site.fragment("password_fields", data));
  WebResponse out = site.page(r, "set_password", "Set your password", std::move(data), status);
  std::string c = std::string(kSignInCsrfCookie) + "=" + token + "; Path=/; HttpOnly; SameSite=Lax";
  if (site.options().secure_cookies) {
    c += "; Secure";
  }
  out.headers.emplace_back("Set-Cookie", c);
  return out;
}

WebResponse link_problem(const Site& site, WebRequest& r, const core::Error& e) {
  Data d;
  d.set("problem", e.message);
  return site.page(r, "set_password", "You cannot use this link", std::move(d), 410);
}

WebResponse get_set_password(const Site& site, WebRequest& r) {
  const std::string token = r.params.empty() ? "" : r.params[0];
  auto holder = app::password_link_holder(site.services(), token);
  if (!holder) {
    return link_problem(site, r, holder.error());
  }
  Data d;
  d.set("email", holder->email);
  return set_password_form(site, r, std::move(d));
}

WebResponse post_set_password(const Site& site, WebRequest& r) {
  const std::string token = r.params.empty() ? "" : r.params[0];
  auto done = app::use_password_link(site.services(), token, r.field("password"),
                                     r.field("password_confirm"));
  if (done) {
    return WebResponse::redirect("/password-set");
  }
  if (done.error().kind != core::ErrorKind::invalid) {
    return link_problem(site, r, done.error());
  }
  Data d;
  if (auto holder = app::password_link_holder(site.services(), token)) {
    d.set("email", holder->email);
  }
  add_errors(d, done.error());
  return set_password_form(site, r, std::move(d));
}

WebResponse password_set(const Site& site, WebRequest& r) {
  Data d;
  d.set("password_set", true);
  return site.page(r, "set_password", "Your password is set", std::move(d));
}

// ---- Changing one's own password ----

WebResponse change_password_page(const Site& site, WebRequest& r, const core::Error* errors) {
  Data d;
  if (errors) {
    add_errors(d, *errors);
  }
  d.set("password_fields", site.fragment("password_fields", d));
  return site.page(r, "change_password", "Change your password", std::move(d));
}

WebResponse get_change_password(const Site& site, WebRequest& r) {
  return change_password_page(site, r, nullptr);
}

WebResponse post_change_password(const Site& site, WebRequest& r) {
  const auto cookie = r.cookies.find(cookie_name(site.options(), kSessionCookie));
  auto done = app::change_password(
      site.services(), r.actor(), cookie == r.cookies.end() ? "" : cookie->second,
      r.field("current_password"), r.field("password"), r.field("password_confirm"));
  if (!done) {
    if (done.error().kind != core::ErrorKind::invalid) {
      return site.error(r, done.error());
    }
    return change_password_page(site, r, &done.error());
  }
  return WebResponse::redirect("/account/password?done=password_changed");
}

}  // namespace

void add_people_routes(std::vector<Route>& routes) {
  const Rule administering{Access::signed_in, core::Permission::administer};
  routes.push_back({"GET", "/admin/people", administering, people_list});
  routes.push_back({"GET", "/admin/people/new", administering, get_new_person});
  routes.push_back({"POST", "/admin/people", administering, post_new_person});
  routes.push_back({"GET", "/admin/people/{id}", administering, get_person});
  routes.push_back({"POST", "/admin/people/{id}", administering, post_person});
  routes.push_back({"POST", "/admin/people/{id}/disable", administering, post_disable});
  routes.push_back({"POST", "/admin/people/{id}/enable", administering, post_enable});
  routes.push_back({"POST", "/admin/people/{id}/password-link", administering, post_password_link});
  routes.push_back({"POST", "/admin/people/{id}/end-sessions", administering, post_end_sessions});
  const Rule anyone{Access::public_page, {}};
  routes.push_back({"GET", "/set-password/{token}", anyone, get_set_password});
  routes.push_back({"POST", "/set-password/{token}", anyone, post_set_password});
  routes.push_back({"GET", "/password-set", anyone, password_set});
  const Rule signed_in{Access::signed_in, {}};
  routes.push_back({"GET", "/account/password", signed_in, get_change_password});
  routes.push_back({"POST", "/account/password", signed_in, post_change_password});
}

}  // namespace casepanel::web
