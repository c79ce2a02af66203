// Changes of plan after panel (Support Panel 6.1): proposing one against a
// decision record, and approving or refusing it. Thin: each handler parses,
// calls one app/ function (app/plan_changes.h) and renders or redirects. Who
// may act is the use case's question (the child's team proposes; the role
// the panel names approves), so the routes ask only for a session.
#include "app/plan_changes.h"
#include "web/decision_parts.h"
#include "web/site.h"
#include "web/view.h"

namespace casepanel::web {
namespace {

Data plan_change_line_data(const app::PlanChangeLine& l) {
  Data x;
  x.set("id", str(l.id));
  x.set("child", l.child);
  x.set("panel", l.panel);
  x.set("proposal", l.proposal);
  x.set("reason", l.reason);
  x.set("proposed", l.proposed);
  x.set("status", l.status);
  set_flag(x, "waiting", l.waiting);
  return x;
}

WebResponse form_page(const Site& site, const WebRequest& r, const core::Error* errors) {
  auto f = app::plan_change_form(site.services(), r.actor(), r.id_param());
  if (!f) {
    return site.error(r, f.error());
  }
  Data d;
  d.set("decision_id", str(r.id_param()));
  d.set("child", f->record.child + ", " + f->record.child_born);
  d.set("child_id", str(f->record.child_id));
  d.set("approver", f->approver_title);
  d.set("record", render_records(site, {f->record}, {.sitting = true}));
  Data list{Data::type::list};
  for (const app::PlanChangeLine& l : f->changes) {
    list.push_back(plan_change_line_data(l));
  }
  d.set("changes", list);
  set_flag(d, "has_changes", !f->changes.empty());
  d.set("form_proposal", r.field("proposal"));
  d.set("form_reason", r.field("reason"));
  if (errors) {
    add_errors(d, *errors);
  }
  return site.page(r, "plan_change_new", "Propose a change of plan", std::move(d));
}

WebResponse form(const Site& site, WebRequest& r) { return form_page(site, r, nullptr); }

WebResponse propose(const Site& site, WebRequest& r) {
  auto id = app::propose_plan_change(site.services(), r.actor(), r.id_param(), r.field("proposal"),
                                     r.field("reason"));
  if (!id) {
    if (id.error().kind == core::ErrorKind::invalid) {
      return form_page(site, r, &id.error());
    }
    return site.error(r, id.error());
  }
  return WebResponse::redirect("/plan-changes/" + str(*id));
}

WebResponse view_page(const Site& site, const WebRequest& r, const core::Error* errors) {
  auto v = app::plan_change_view(site.services(), r.actor(), r.id_param());
  if (!v) {
    return site.error(r, v.error());
  }
  Data d = plan_change_line_data(v->line);
  d.set("record", render_records(site, {v->record}, {.sitting = true}));
  set_flag(d, "may_decide", v->may_decide);
  d.set("form_reasons", r.field("reasons"));
  if (errors) {
    add_errors(d, *errors);
  }
  return site.page(r, "plan_change", "Change of plan", std::move(d));
}

WebResponse view_plan_change(const Site& site, WebRequest& r) {
  return view_page(site, r, nullptr);
}

WebResponse decide(const Site& site, WebRequest& r) {
  if (r.field("decision").empty()) {
    const core::Error e = core::Error::invalid("decision", "Select whether you approve the change");
    return view_page(site, r, &e);
  }
  auto done = app::decide_plan_change(site.services(), r.actor(), r.id_param(),
                                      r.field("decision") == "approve", r.field("reasons"));
  if (!done) {
    if (done.error().kind == core::ErrorKind::invalid) {
      return view_page(site, r, &done.error());
    }
    return site.error(r, done.error());
  }
  return WebResponse::redirect("/plan-changes/" + str(r.id_param()));
}

}  // namespace

void add_plan_change_routes(std::vector<Route>& routes) {
  const Rule signed_in{Access::signed_in, {}};
  routes.push_back({"GET", "/decisions/{id}/change-plan", signed_in, form});
  routes.push_back({"POST", "/decisions/{id}/change-plan", signed_in, propose});
  routes.push_back({"GET", "/plan-changes/{id}", signed_in, view_plan_change});
  routes.push_back({"POST", "/plan-changes/{id}/decide", signed_in, decide});
}

}  // namespace casepanel::web
