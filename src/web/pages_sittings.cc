// Sittings and their agendas: the list, a sitting's page and printed copy,
// and the coordinator's changes (add, move, cancel, details, publish,
// attendance, a hearing's chair). Recording decisions is pages_decisions.cc,
// the triage queue pages_triage.cc. Thin: each handler parses, calls one app/
// function and renders or redirects.
#include <algorithm>
#include <map>

#include "app/display.h"
#include "app/minutes.h"
#include "app/presenters.h"
#include "app/sitting_changes.h"
#include "app/sittings.h"
#include "core/counted.h"
#include "web/confirmations.h"
#include "web/forms.h"
#include "web/request_form_parts.h"
#include "web/site.h"
#include "web/view.h"

namespace casepanel::web {

Data sitting_data(const app::SittingSummary& s) {
  Data d;
  d.set("id", str(s.id));
  d.set("panel", s.panel);
  d.set("date", s.date);
  d.set("start", s.start);
  d.set("end", s.end);
  d.set("venue", s.venue);
  d.set("booked", str(s.booked_minutes));
  d.set("capacity", str(s.capacity_minutes));
  d.set("free", str(s.capacity_minutes - s.booked_minutes));
  d.set("hearings", str(s.hearings));
  d.set("hearings_text", core::counted(s.hearings, "hearing", "hearings"));
  d.set("status", std::string(core::sitting_status_id(s.status)));
  set_flag(d, "on_bank_holiday", s.on_bank_holiday);
  set_if(d, "proposed_date", s.proposed_date);
  set_if(d, "iso_proposed_date", s.iso_proposed_date);
  d.set("venue_id", s.venue_id);
  set_if(d, "venue_address", s.venue_address);
  set_if(d, "room", s.room);
  set_if(d, "conference_details", s.conference_details);
  set_if(d, "cancel_reason", s.cancel_reason);
  set_if(d, "published", s.published);
  set_flag(d, "cancelled", s.status == core::SittingStatus::cancelled);
  d.set("status_label", std::string(core::sitting_status_label(s.status)));
  return d;
}

namespace {

// What each panel listed is for, once: a newcomer sees two panels' names.
struct PanelNotes {
  Data list{Data::type::list};
  std::vector<std::string> seen;
  void add(const app::SittingSummary& s) {
    if (s.panel_description.empty() ||
        std::find(seen.begin(), seen.end(), s.panel_id) != seen.end()) {
      return;
    }
    seen.push_back(s.panel_id);
    Data x;
    x.set("name", s.panel);
    x.set("description", s.panel_description);
    list.push_back(x);
  }
};

// The past sittings of the eight weeks before `until`, with links to the
// eight weeks before and, for an earlier page, after.
void add_past(Data& d, PanelNotes& notes, const std::vector<app::SittingSummary>& past,
              core::Date until, core::Date today) {
  Data rows{Data::type::list};
  for (const auto& s : past) {
    rows.push_back(sitting_data(s));
    notes.add(s);
  }
  d.set("recent", rows);
  set_flag(d, "has_recent", !past.empty());
  const auto shift = [&](int days) {
    return core::to_iso(core::Date{std::chrono::sys_days{until} + std::chrono::days{days}});
  };
  d.set("earlier_until", shift(-56));
  if (until < today) {
    const std::string later = shift(56);
    d.set("later_until",
          later < core::to_iso(today) ? "/sittings/past?until=" + later : "/sittings");
  }
  d.set("past_from", app::long_date(shift(-56)));
  d.set("past_to", app::long_date(shift(-1)));
}

WebResponse sittings(const Site& site, WebRequest& r) {
  auto list = app::upcoming_sittings(site.services(), r.actor());
  if (!list) {
    return site.error(r, list.error());
  }
  PanelNotes notes;
  Data rows{Data::type::list};
  for (const auto& s : *list) {
    rows.push_back(sitting_data(s));
    notes.add(s);
  }
  Data d;
  d.set("sittings", rows);
  set_flag(d, "has_upcoming", !list->empty());
  set_flag(d, "upcoming_page", true);
  const core::Date today = core::london_date(site.services().clock.now());
  auto recent = app::recent_sittings(site.services(), r.actor());
  add_past(d, notes, recent ? *recent : std::vector<app::SittingSummary>{}, today, today);
  d.set("past_heading", "The last eight weeks");
  set_flag(d, "has_panels", !notes.seen.empty());
  d.set("panels", notes.list);
  set_flag(d, "can_add", r.actor().may(core::Permission::manage_sittings));
  return site.page(r, "sittings", "Sittings", std::move(d));
}

// Earlier sittings, eight weeks a page: /sittings/past?until=YYYY-MM-DD
// lists those dated in the eight weeks before `until`. A missing, malformed or
// future date gives the eight weeks before today.
WebResponse past_sittings(const Site& site, WebRequest& r) {
  const core::Date today = core::london_date(site.services().clock.now());
  core::Date until = core::parse_iso_date(r.query_value("until")).value_or(today);
  if (today < until) {
    until = today;
  }
  auto past = app::recent_sittings(site.services(), r.actor(), until);
  if (!past) {
    return site.error(r, past.error());
  }
  PanelNotes notes;
  Data d;
  add_past(d, notes, *past, until, today);
  d.set("past_heading",
        "From " + d.get("past_from")->string_value() + " to " + d.get("past_to")->string_value());
  set_flag(d, "has_panels", !notes.seen.empty());
  d.set("panels", notes.list);
  return site.page(r, "sittings", "Past sittings", std::move(d));
}

// The attendance choices, with the one held selected.
Data attendance_options(core::Attendance held) {
  Data out{Data::type::list};
  for (const core::Attendance value : core::kAttendances) {
    Data o;
    o.set("value", std::string(core::attendance_id(value)));
    o.set("label", std::string(core::attendance_label(value)));
    set_flag(o, "selected", value == held);
    out.push_back(o);
  }
  return out;
}

void presenter_data(Data& x, const app::AgendaItem& item, bool can_record) {
  set_if(x, "presenter", item.presenter.name);
  x.set("presenter_attendance", std::string(core::attendance_label(item.presenter.attendance)));
  set_flag(x, "presenter_stand_in", item.presenter.stand_in);
  set_flag(x, "can_record_presenter", can_record && !item.presenter.name.empty());
  x.set("presenter_options", attendance_options(item.presenter.attendance));
}

void invitee_data(Data& x, const app::AgendaItem& item, bool can_invite) {
  std::string invited;
  for (const std::string& label : item.invited) {
    invited += (invited.empty() ? "" : ", ") + label;
  }
  set_if(x, "invited", invited);
  Data seats{Data::type::list};
  for (const core::Choice& seat : item.invitable) {
    Data o;
    o.set("seat_id", seat.id);
    o.set("label", seat.label);
    seats.push_back(o);
  }
  x.set("invitable", seats);
  set_flag(x, "can_invite", can_invite && !item.invitable.empty());
}

Data agenda_data(const app::SittingView& v) {
  const bool open = v.sitting.status == core::SittingStatus::planned ||
                    v.sitting.status == core::SittingStatus::held;
  Data chairs{Data::type::list};
  for (const auto& c : v.chairs) {
    Data o;
    o.set("id", str(c.id));
    o.set("name", c.name);
    chairs.push_back(o);
  }
  Data agenda{Data::type::list};
  for (const auto& item : v.agenda) {
    Data x;
    x.set("hearing_id", str(item.hearing_id));
    x.set("request_id", str(item.request_id));
    x.set("start", item.start);
    x.set("end", item.end);
    x.set("children", item.children);
    x.set("request_type", item.request_type);
    x.set("presenters", item.presenters);
    set_flag(x, "conference_call", item.conference_call);
    set_flag(x, "immediate", item.immediate);
    set_flag(x, "can_open_request", item.can_open_request);
    set_flag(x, "decided", item.decided);
    set_flag(x, "statutory", item.statutory);
    set_if(x, "statutory_breach", item.statutory_breach);
    set_if(x, "hearing_chair", item.chair);
    set_if(x, "chair_warning", item.chair_warning);
    set_flag(x, "can_record", v.can_record && !item.decided && item.chair_warning.empty());
    set_flag(x, "can_name_chair", v.can_manage && !item.chair_warning.empty());
    x.set("chairs", chairs);
    presenter_data(x, item, v.can_take_attendance && open);
    invitee_data(x, item, v.can_manage && open);
    agenda.push_back(x);
  }
  return agenda;
}

Data members_data(const std::vector<app::SittingMember>& members) {
  Data out{Data::type::list};
  for (const auto& m : members) {
    Data x;
    x.set("user_id", str(m.user_id));
    x.set("name", m.name);
    x.set("role_label", m.role_label);
    x.set("attendance", std::string(core::attendance_label(m.attendance)));
    x.set("options", attendance_options(m.attendance));
    out.push_back(x);
  }
  return out;
}

WebResponse sitting_page(const Site& site, const WebRequest& r, const std::string& view,
                         const core::Error* errors) {
  auto v = app::sitting_view(
      site.services(), r.actor(), r.id_param(),
      view == "sitting_print" ? app::SittingPage::print : app::SittingPage::agenda);
  if (!v) {
    return site.error(r, v.error());
  }
  Data d = sitting_data(v->sitting);
  set_if(d, "chair", v->chair);
  d.set("agenda", agenda_data(*v));
  set_flag(d, "has_agenda", !v->agenda.empty());
  set_flag(d, "has_statutory",
           std::any_of(v->agenda.begin(), v->agenda.end(),
                       [](const auto& item) { return item.statutory; }));
  d.set("members", members_data(v->members));
  set_flag(d, "has_members", !v->members.empty());
  // A cancelled sitting takes no attendance; others see the list only.
  set_flag(d, "can_take_attendance",
           v->can_take_attendance && v->sitting.status != core::SittingStatus::cancelled);
  d.set("quorum", v->quorum.summary);
  set_flag(d, "quorate", v->quorum.met);
  set_if(d, "minutes_status", app::minutes_status_line(site.services(), r.actor(), r.id_param()));
  const bool open = v->sitting.status == core::SittingStatus::planned;
  set_flag(d, "can_manage", v->can_manage && open);
  for (const char* field : {"start", "end", "venue_id", "reason", "late_reason", "cancel_reason"}) {
    set_if(d, "form_" + std::string(field), r.field(field));
  }
  // The move form starts at the proposed date, or what was posted.
  set_date_parts(d, "date_", r, "date", v->sitting.iso_proposed_date, r.method == "POST");
  if (errors) {
    add_errors(d, *errors);
  }
  return site.page(r, view, v->sitting.panel + ", " + v->sitting.date, std::move(d));
}

// The agenda and its printable page, kept in memory while nothing changes
// (web/page_cache.h).
WebResponse kept_sitting_page(const Site& site, const WebRequest& r, const std::string& view) {
  const app::SittingPage which =
      view == "sitting_print" ? app::SittingPage::print : app::SittingPage::agenda;
  return site.kept_page(
      r, [&] { return app::sitting_view_version(site.services(), r.actor(), r.id_param()); },
      [&] { return app::sitting_viewed_async(site.services(), r.actor(), r.id_param(), which); },
      [&] { return sitting_page(site, r, view, nullptr); });
}

WebResponse sitting(const Site& site, WebRequest& r) {
  return kept_sitting_page(site, r, "sitting");
}

WebResponse sitting_print(const Site& site, WebRequest& r) {
  return kept_sitting_page(site, r, "sitting_print");
}

// After a change to a sitting: its page, saying what was done (`done_key`,
// web/confirmations.h), or the page with the errors.
WebResponse after_change(const Site& site, WebRequest& r, const core::Status& done,
                         std::string_view done_key) {
  if (done) {
    return WebResponse::redirect(confirmed("/sittings/" + str(r.id_param()), done_key));
  }
  if (done.error().kind == core::ErrorKind::invalid) {
    return sitting_page(site, r, "sitting", &done.error());
  }
  return site.error(r, done.error());
}

app::SittingInput sitting_input(const WebRequest& r) {
  return {r.field("panel_id"),
          date_field(r, "date"),
          r.field("start"),
          r.field("end"),
          r.field("venue_id"),
          r.field("room"),
          r.field("conference_details")};
}

WebResponse move(const Site& site, WebRequest& r) {
  return after_change(site, r,
                      app::move_sitting(site.services(), r.actor(), r.id_param(), sitting_input(r),
                                        r.field("reason"), r.field("late_reason")),
                      "sitting_moved");
}

WebResponse cancel(const Site& site, WebRequest& r) {
  return after_change(
      site, r,
      app::cancel_sitting(site.services(), r.actor(), r.id_param(), r.field("cancel_reason")),
      "sitting_cancelled");
}

WebResponse details(const Site& site, WebRequest& r) {
  return after_change(site, r,
                      app::set_sitting_details(site.services(), r.actor(), r.id_param(),
                                               r.field("room"), r.field("conference_details")),
                      "sitting_details_saved");
}

WebResponse publish(const Site& site, WebRequest& r) {
  return after_change(site, r, app::publish_agenda(site.services(), r.actor(), r.id_param()),
                      "agenda_published");
}

WebResponse attendance(const Site& site, WebRequest& r) {
  std::map<std::int64_t, std::string> given;
  for (const auto& [name, value] : r.form) {
    if (name.rfind("attendance_", 0) == 0) {
      given[parse_id(name.substr(11))] = value;
    }
  }
  return after_change(site, r,
                      app::record_attendance(site.services(), r.actor(), r.id_param(), given),
                      "attendance_saved");
}

// After a change to one hearing: its sitting's page, saying what was done,
// or the page with the errors.
WebResponse after_hearing_change(const Site& site, WebRequest& r, const core::Status& done,
                                 std::string_view done_key) {
  const std::int64_t sitting = parse_id(r.field("sitting_id"));
  if (done) {
    return WebResponse::redirect(confirmed("/sittings/" + str(sitting), done_key));
  }
  if (done.error().kind == core::ErrorKind::invalid) {
    r.params = {str(sitting)};
    return sitting_page(site, r, "sitting", &done.error());
  }
  return site.error(r, done.error());
}

WebResponse presenter(const Site& site, WebRequest& r) {
  return after_hearing_change(
      site, r,
      app::record_presenter_attendance(site.services(), r.actor(), r.id_param(),
                                       r.field("presenter_attendance")),
      "presenter_saved");
}

WebResponse invite(const Site& site, WebRequest& r) {
  return after_hearing_change(
      site, r,
      app::invite_seat_to_hearing(site.services(), r.actor(), r.id_param(), r.field("seat_id")),
      "seat_invited");
}

WebResponse name_chair(const Site& site, WebRequest& r) {
  return after_hearing_change(site, r,
                              app::name_hearing_chair(site.services(), r.actor(), r.id_param(),
                                                      parse_id(r.field("chair_id"))),
                              "hearing_chair_named");
}

WebResponse new_sitting_page(const Site& site, const WebRequest& r, const core::Error* errors) {
  Data d;
  Data panels{Data::type::list};
  Data venues{Data::type::list};
  for (const auto& p : site.services().panels.all()) {
    Data x;
    x.set("id", p.id);
    x.set("name", p.name);
    set_flag(x, "selected", r.field("panel_id") == p.id);
    panels.push_back(x);
    for (const auto& v : p.venues) {
      Data o;
      o.set("id", v.id);
      o.set("name", v.name + " (" + p.name + ")");
      set_flag(o, "selected", r.field("venue_id") == v.id);
      venues.push_back(o);
    }
  }
  d.set("panels", panels);
  d.set("venues", venues);
  for (const char* field : {"start", "end", "room", "conference_details"}) {
    d.set(field, r.field(field));
  }
  set_date_parts(d, "date_", r, "date", "", true);
  if (errors) {
    add_errors(d, *errors);
  }
  return site.page(r, "sitting_new", "Add a sitting", std::move(d));
}

WebResponse new_sitting(const Site& site, WebRequest& r) {
  return new_sitting_page(site, r, nullptr);
}

WebResponse add(const Site& site, WebRequest& r) {
  auto id = app::add_sitting(site.services(), r.actor(), sitting_input(r));
  if (id) {
    return WebResponse::redirect("/sittings/" + str(*id));
  }
  if (id.error().kind == core::ErrorKind::invalid) {
    return new_sitting_page(site, r, &id.error());
  }
  return site.error(r, id.error());
}

}  // namespace

void add_sitting_routes(std::vector<Route>& routes) {
  // Adding, moving, cancelling and publishing sittings: the coordinators of
  // the sitting's panel (core/access.h; app/ checks the panel).
  const Rule triaging{Access::signed_in, core::Permission::manage_sittings};
  routes.push_back(
      {"GET", "/sittings", {Access::signed_in, core::Permission::view_sittings}, sittings});
  // Before /sittings/{id}, which would take "new" or "past" for an id.
  routes.push_back({"GET", "/sittings/new", triaging, new_sitting});
  routes.push_back({"GET",
                    "/sittings/past",
                    {Access::signed_in, core::Permission::view_sittings},
                    past_sittings});
  routes.push_back({"GET",
                    "/sittings/{id}",
                    {Access::signed_in, core::Permission::view_sittings},
                    sitting,
                    /*kept=*/true});
  routes.push_back({"GET",
                    "/sittings/{id}/print",
                    {Access::signed_in, core::Permission::view_sittings},
                    sitting_print,
                    /*kept=*/true});
  routes.push_back({"POST", "/sittings", triaging, add});
  routes.push_back({"POST", "/sittings/{id}/move", triaging, move});
  routes.push_back({"POST", "/sittings/{id}/cancel", triaging, cancel});
  routes.push_back({"POST", "/sittings/{id}/details", triaging, details});
  routes.push_back({"POST", "/sittings/{id}/publish", triaging, publish});
  // Attendance of members and presenters: the coordinator or the panel
  // administrator of the sitting's panel, which app/ checks (no one
  // permission names both).
  const Rule running{Access::signed_in, std::nullopt};
  routes.push_back({"POST", "/sittings/{id}/attendance", running, attendance});
  routes.push_back({"POST", "/hearings/{id}/presenter", running, presenter});
  routes.push_back({"POST", "/hearings/{id}/invite", triaging, invite});
  routes.push_back({"POST", "/hearings/{id}/chair", triaging, name_chair});
  add_decision_routes(routes);
  add_minutes_routes(routes);
}

}  // namespace casepanel::web
