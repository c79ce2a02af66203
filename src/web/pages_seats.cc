// A panel's seats (issue 12 section 1): the administrator's page listing each
// seat of the panel's [[members]] with its holders and deputies, with forms
// to add and remove them. Thin: each handler parses, calls one app/ function
// (app/seats.h) and renders or redirects. The page names staff only.
#include "app/seats.h"
#include "core/counted.h"
#include "web/site.h"
#include "web/view.h"

namespace casepanel::web {
namespace {

std::string panel_param(const WebRequest& r) { return r.params.empty() ? "" : r.params[0]; }

Data seat_data(const app::SeatView& seat) {
  Data x;
  x.set("id", seat.id);
  x.set("label", seat.label);
  x.set("role", seat.role_title);
  set_flag(x, "as_relevant", seat.as_relevant);
  set_flag(x, "not_counted", !seat.counts_to_quorum);
  Data people{Data::type::list};
  for (const app::SeatPerson& p : seat.people) {
    Data o;
    o.set("user_id", str(p.id));  // not "id": the seat's id is read inside the list
    o.set("name", p.name);
    set_flag(o, "deputy", p.part == store::SeatPart::deputy);
    people.push_back(o);
  }
  x.set("people", people);
  set_flag(x, "has_people", !seat.people.empty());
  Data candidates{Data::type::list};
  for (const app::NamedId& c : seat.candidates) {
    Data o;
    o.set("id", str(c.id));
    o.set("name", c.name);
    candidates.push_back(o);
  }
  x.set("candidates", candidates);
  set_flag(x, "has_candidates", !seat.candidates.empty());
  return x;
}

WebResponse seats_page(const Site& site, const WebRequest& r, const core::Error* errors) {
  auto seats = app::panel_seats(site.services(), r.actor(), panel_param(r));
  if (!seats) {
    return site.error(r, seats.error());
  }
  Data d;
  d.set("panel_id", seats->panel_id);
  d.set("panel", seats->panel_name);
  d.set("quorum", core::counted(seats->quorum, "seat", "seats"));
  Data list{Data::type::list};
  for (const app::SeatView& seat : seats->seats) {
    list.push_back(seat_data(seat));
  }
  d.set("seats", list);
  if (errors) {
    add_errors(d, *errors);
  }
  return site.page(r, "seats", "Seats: " + seats->panel_name, std::move(d));
}

WebResponse get_seats(const Site& site, WebRequest& r) { return seats_page(site, r, nullptr); }

WebResponse get_panels(const Site& site, WebRequest& r) {
  auto panels = app::panel_summaries(site.services(), r.actor());
  if (!panels) {
    return site.error(r, panels.error());
  }
  Data list{Data::type::list};
  for (const app::PanelSummary& p : *panels) {
    Data x;
    x.set("id", p.id);
    x.set("name", p.name);
    x.set("council", p.council);
    set_if(x, "description", p.description);
    x.set("seats", core::counted(p.seats, "seat", "seats"));
    x.set("held", str(p.seats_held));
    list.push_back(x);
  }
  Data d;
  d.set("panels", list);
  return site.page(r, "panels", "Panels", std::move(d));
}

WebResponse after_seat_change(const Site& site, WebRequest& r, const core::Status& done) {
  if (done) {
    return WebResponse::redirect("/panels/" + panel_param(r) + "/seats");
  }
  if (done.error().kind == core::ErrorKind::invalid) {
    return seats_page(site, r, &done.error());
  }
  return site.error(r, done.error());
}

WebResponse post_add(const Site& site, WebRequest& r) {
  const store::SeatPart part =
      r.field("part") == "deputy" ? store::SeatPart::deputy : store::SeatPart::holder;
  return after_seat_change(
      site, r,
      app::assign_seat(site.services(), r.actor(), panel_param(r), r.field("seat_id"),
                       parse_id(r.field("user_id")), part));
}

WebResponse post_remove(const Site& site, WebRequest& r) {
  return after_seat_change(site, r,
                           app::remove_from_seat(site.services(), r.actor(), panel_param(r),
                                                 r.field("seat_id"), parse_id(r.field("user_id"))));
}

}  // namespace

void add_seat_routes(std::vector<Route>& routes) {
  // The administrator only (core/access.h: people_admin); app/ checks again.
  const Rule administering{Access::signed_in, core::Permission::administer};
  routes.push_back({"GET", "/panels", administering, get_panels});
  routes.push_back({"GET", "/panels/{id}/seats", administering, get_seats});
  routes.push_back({"POST", "/panels/{id}/seats", administering, post_add});
  routes.push_back({"POST", "/panels/{id}/seats/remove", administering, post_remove});
}

}  // namespace casepanel::web
