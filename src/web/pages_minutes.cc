// The minutes of a sitting (app/minutes.h): the page (the administrator's
// draft with an overview per hearing, the chair's authorisation or return,
// addenda once authorised), the printed minutes and one child's printed
// extract. Thin: each handler parses, calls one app/ function and renders
// or redirects. Print pages are personal data: never cached (Site adds
// Cache-Control: no-store to every page).
#include <map>

#include "app/minutes.h"
#include "web/decision_parts.h"
#include "web/site.h"
#include "web/view.h"

namespace casepanel::web {
namespace {

Data attendees_data(const app::MinutesContent& c) {
  Data list{Data::type::list};
  for (const app::MinutesAttendee& m : c.attendees) {
    Data x;
    x.set("name", m.name);
    x.set("role", m.role);
    x.set("attendance", m.attendance);
    list.push_back(x);
  }
  return list;
}

Data hearings_data(const Site& site, const app::MinutesContent& c) {
  Data list{Data::type::list};
  for (const app::MinutesHearing& h : c.hearings) {
    Data x;
    x.set("hearing_id", str(h.hearing_id));
    x.set("time", h.time);
    x.set("children", h.children);
    x.set("request_type", h.request_type);
    set_if(x, "presenter", h.presenter);
    set_if(x, "overview", h.overview);
    set_flag(x, "has_records", !h.records.empty());
    x.set("records", render_records(site, h.records, {.child = true}));
    list.push_back(x);
  }
  return list;
}

Data content_data(const Site& site, const app::MinutesView& v) {
  const app::MinutesContent& c = v.content;
  Data d;
  d.set("id", str(c.sitting_id));
  d.set("panel", c.panel);
  d.set("date", c.date);
  d.set("time", c.time);
  set_if(d, "venue", c.venue);
  set_if(d, "chair", c.chair);
  d.set("attendees", attendees_data(c));
  set_flag(d, "has_attendees", !c.attendees.empty());
  set_if(d, "quorum", c.quorum);
  d.set("hearings", hearings_data(site, c));
  set_flag(d, "has_hearings", !c.hearings.empty());
  return d;
}

Data addenda_data(const app::MinutesView& v) {
  Data list{Data::type::list};
  for (const app::AddendumView& a : v.addenda) {
    Data x;
    x.set("text", a.text);
    x.set("why", a.why);
    x.set("added", a.added);
    list.push_back(x);
  }
  return list;
}

Data minutes_data(const Site& site, const app::MinutesView& v, const WebRequest& r) {
  Data d = content_data(site, v);
  d.set("status", std::string(core::minutes_status_label(v.status)));
  d.set("status_id", std::string(core::minutes_status_id(v.status)));
  set_flag(d, "authorised", v.status == core::MinutesStatus::authorised);
  set_flag(d, "with_chair", v.status == core::MinutesStatus::with_chair);
  set_flag(d, "not_started", !v.started);
  set_flag(d, "returned", v.status == core::MinutesStatus::draft && !v.chair_comments.empty());
  set_if(d, "chair_comments", v.chair_comments);
  set_if(d, "last_saved", v.last_saved);
  set_if(d, "sent", v.sent);
  set_if(d, "authorised_line", v.authorised);
  d.set("addenda", addenda_data(v));
  set_flag(d, "has_addenda", !v.addenda.empty());
  set_flag(d, "can_edit", v.can_edit);
  set_flag(d, "can_send", v.can_send);
  set_flag(d, "can_decide", v.can_decide);
  set_flag(d, "can_add_addendum", v.can_add_addendum);
  for (const char* field : {"comments", "text", "why"}) {
    set_if(d, std::string("form_") + field, r.field(field));
  }
  return d;
}

WebResponse minutes_page(const Site& site, const WebRequest& r, const core::Error* errors) {
  auto v = app::minutes_view(site.services(), r.actor(), r.id_param());
  if (!v) {
    return site.error(r, v.error());
  }
  Data d = minutes_data(site, *v, r);
  if (errors) {
    add_errors(d, *errors);
  }
  return site.page(r, "minutes", "Minutes: " + v->content.panel + ", " + v->content.date,
                   std::move(d));
}

WebResponse minutes(const Site& site, WebRequest& r) { return minutes_page(site, r, nullptr); }

// After a change: the minutes page, or the page with the errors.
WebResponse after_minutes_change(const Site& site, WebRequest& r, const core::Status& done) {
  if (done) {
    return WebResponse::redirect("/sittings/" + str(r.id_param()) + "/minutes");
  }
  if (done.error().kind == core::ErrorKind::invalid) {
    return minutes_page(site, r, &done.error());
  }
  return site.error(r, done.error());
}

WebResponse save(const Site& site, WebRequest& r) {
  std::map<std::int64_t, std::string> overviews;
  for (const auto& [name, value] : r.form) {
    if (name.rfind("overview_", 0) == 0) {
      overviews[parse_id(name.substr(9))] = value;
    }
  }
  return after_minutes_change(
      site, r, app::save_minutes(site.services(), r.actor(), r.id_param(), overviews));
}

WebResponse send_minutes(const Site& site, WebRequest& r) {
  return after_minutes_change(site, r, app::send_minutes(site.services(), r.actor(), r.id_param()));
}

WebResponse send_minutes_back(const Site& site, WebRequest& r) {
  return after_minutes_change(
      site, r, app::return_minutes(site.services(), r.actor(), r.id_param(), r.field("comments")));
}

WebResponse authorise(const Site& site, WebRequest& r) {
  return after_minutes_change(site, r,
                              app::authorise_minutes(site.services(), r.actor(), r.id_param()));
}

WebResponse addendum(const Site& site, WebRequest& r) {
  return after_minutes_change(site, r,
                              app::add_minutes_addendum(site.services(), r.actor(), r.id_param(),
                                                        r.field("text"), r.field("why")));
}

WebResponse print_page(const Site& site, const WebRequest& r, const app::MinutesView& v,
                       bool extract) {
  Data d = minutes_data(site, v, r);
  set_flag(d, "extract", extract);
  const std::string title = (extract ? "Extract of the minutes: " : "Minutes: ") + v.content.panel +
                            ", " + v.content.date;
  return site.page(r, "minutes_print", title, std::move(d));
}

WebResponse print(const Site& site, WebRequest& r) {
  auto v = app::minutes_view(site.services(), r.actor(), r.id_param(), app::MinutesPage::print);
  if (!v) {
    return site.error(r, v.error());
  }
  return print_page(site, r, *v, false);
}

WebResponse print_extract(const Site& site, WebRequest& r) {
  auto v = app::minutes_extract(site.services(), r.actor(), r.id_param(), r.id_param(1));
  if (!v) {
    return site.error(r, v.error());
  }
  return print_page(site, r, *v, true);
}

}  // namespace

void add_minutes_routes(std::vector<Route>& routes) {
  // Reading, and the chair's authorisation or return (app/ checks that the
  // reader is the sitting's chair): core::Permission::view_minutes.
  // Drafting, sending and addenda: the panel's administrators.
  const Rule reading{Access::signed_in, core::Permission::view_minutes};
  const Rule writing{Access::signed_in, core::Permission::write_minutes};
  routes.push_back({"GET", "/sittings/{id}/minutes", reading, minutes});
  routes.push_back({"GET", "/sittings/{id}/minutes/print", reading, print});
  routes.push_back(
      {"GET", "/sittings/{id}/minutes/children/{child}/print", reading, print_extract});
  routes.push_back({"POST", "/sittings/{id}/minutes", writing, save});
  routes.push_back({"POST", "/sittings/{id}/minutes/send", writing, send_minutes});
  routes.push_back({"POST", "/sittings/{id}/minutes/return", reading, send_minutes_back});
  routes.push_back({"POST", "/sittings/{id}/minutes/authorise", reading, authorise});
  routes.push_back({"POST", "/sittings/{id}/minutes/addenda", writing, addendum});
}

}  // namespace casepanel::web
