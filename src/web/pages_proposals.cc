// The proposed agenda: each panel's placements and the requests that fit
// nowhere, and accepting a panel's proposal whole. Thin: each handler parses,
// calls one app/ function and renders or redirects.
#include "app/proposals.h"
#include "web/confirmations.h"
#include "web/site.h"
#include "web/view.h"

namespace casepanel::web {
namespace {

Data slots_data(const std::vector<app::ProposedSlot>& slots) {
  Data out{Data::type::list};
  for (const auto& slot : slots) {
    Data o;
    o.set("request_id", str(slot.request_id));
    o.set("children", slot.children);
    o.set("request_type", slot.request_type);
    set_flag(o, "statutory", slot.statutory);
    set_flag(o, "immediate", slot.immediate);
    o.set("sitting", slot.sitting);
    o.set("start", slot.start);
    o.set("end", slot.end);
    set_if(o, "note", slot.note);
    set_if(o, "breach", slot.breach);
    out.push_back(o);
  }
  return out;
}

Data unplaced_data(const std::vector<app::UnplacedRequest>& unplaced) {
  Data out{Data::type::list};
  for (const auto& u : unplaced) {
    Data o;
    o.set("request_id", str(u.request_id));
    o.set("children", u.children);
    o.set("reason", u.reason);
    out.push_back(o);
  }
  return out;
}

WebResponse proposal_page(const Site& site, const WebRequest& r, const core::Error* errors) {
  auto proposals = app::propose_agendas(site.services(), r.actor());
  if (!proposals) {
    return site.error(r, proposals.error());
  }
  Data panels{Data::type::list};
  for (const auto& p : *proposals) {
    Data x;
    x.set("panel_id", p.panel_id);
    x.set("panel", p.panel);
    x.set("slots", slots_data(p.slots));
    set_flag(x, "has_slots", !p.slots.empty());
    x.set("unplaced", unplaced_data(p.unplaced));
    set_flag(x, "has_unplaced", !p.unplaced.empty());
    set_flag(x, "breaches", p.breaches);
    if (errors && r.field("panel_id") == p.panel_id) {
      x.set("late_reason", r.field("late_reason"));
      for (const core::FieldError& e : errors->fields) {
        if (e.field == "late_reason") {
          x.set("error_late_reason", e.message);
        }
      }
    }
    panels.push_back(x);
  }
  Data d;
  d.set("panels", panels);
  set_flag(d, "has_panels", !proposals->empty());
  if (errors) {
    // Each panel's form has its own reason box: the summary links to it.
    core::Error named = *errors;
    for (core::FieldError& e : named.fields) {
      if (e.field == "late_reason") {
        e.field = "late_reason-" + r.field("panel_id");
      }
    }
    add_errors(d, named);
  }
  return site.page(r, "proposal", "Proposed agenda", std::move(d));
}

WebResponse proposal(const Site& site, WebRequest& r) { return proposal_page(site, r, nullptr); }

WebResponse accept(const Site& site, WebRequest& r) {
  auto done = app::accept_proposed_agenda(site.services(), r.actor(), r.field("panel_id"),
                                          r.field("late_reason"));
  if (done) {
    return WebResponse::redirect(confirmed("/sittings", "agenda_accepted"));
  }
  if (done.error().kind == core::ErrorKind::invalid ||
      done.error().kind == core::ErrorKind::conflict) {
    return proposal_page(site, r, &done.error());
  }
  return site.error(r, done.error());
}

}  // namespace

void add_proposal_routes(std::vector<Route>& routes) {
  // Reading the proposal: coordinators and oversight; accepting it: coordinators.
  routes.push_back(
      {"GET", "/triage/proposal", {Access::signed_in, core::Permission::view_triage}, proposal});
  routes.push_back(
      {"POST", "/triage/proposal", {Access::signed_in, core::Permission::triage}, accept});
}

}  // namespace casepanel::web
