// "Children" (the people a person may see) and one child's record.
#include "app/children.h"
#include "web/site.h"
#include "web/view.h"

namespace casepanel::web {
namespace {

Data child_row(const app::ChildSummary& c) {
  Data d;
  d.set("id", str(c.id));
  d.set("external_id", c.external_id);
  d.set("name", c.name);
  d.set("date_of_birth", c.date_of_birth);
  d.set("team", c.team);
  d.set("legal_status", c.legal_status);
  d.set("allocated_worker", c.allocated_worker);
  return d;
}

WebResponse list(const Site& site, WebRequest& r) {
  auto children = app::children_in_scope(site.services(), r.actor());
  if (!children) {
    return site.error(r, children.error());
  }
  Data rows{Data::type::list};
  for (const auto& c : *children) {
    rows.push_back(child_row(c));
  }
  Data data;
  data.set("children", rows);
  data.set("count", str(static_cast<std::int64_t>(children->size())));
  return site.page(r, "children", "Children", std::move(data));
}

WebResponse record(const Site& site, WebRequest& r) {
  auto rec = app::child_record(site.services(), r.actor(), r.id_param());
  if (!rec) {
    return site.error(r, rec.error());
  }
  Data d = child_row(rec->child);
  d.set("gender", rec->gender);
  d.set("ethnicity", rec->ethnicity);
  d.set("disability", rec->disability);
  set_if(d, "came_into_care", rec->came_into_care);
  set_if(d, "cp_plan_start", rec->cp_plan_start);
  set_if(d, "case_opened", rec->case_opened);
  Data siblings{Data::type::list};
  for (const auto& s : rec->siblings) {
    siblings.push_back(child_row(s));
  }
  d.set("siblings", siblings);
  set_flag(d, "has_siblings", !rec->siblings.empty());
  Data requests{Data::type::list};
  for (const auto& q : rec->requests) {
    Data x;
    x.set("id", str(q.id));
    x.set("panel", q.panel);
    x.set("request_type", q.request_type);
    x.set("state_label", q.state_label);
    x.set("created_at", q.created_at);
    requests.push_back(x);
  }
  d.set("requests", requests);
  set_flag(d, "has_requests", !rec->requests.empty());
  Data hearings{Data::type::list};
  for (const auto& h : rec->hearings) {
    Data x;
    x.set("panel", h.panel);
    x.set("date", h.date);
    x.set("start", h.start);
    x.set("venue", h.venue);
    x.set("request_id", str(h.request_id));
    hearings.push_back(x);
  }
  d.set("hearings", hearings);
  set_flag(d, "has_hearings", !rec->hearings.empty());
  Data decisions{Data::type::list};
  for (const auto& dec : rec->decisions) {
    Data x;
    x.set("date", dec.date);
    x.set("panel", dec.panel);
    x.set("decision", dec.decision);
    x.set("summary", dec.summary);
    x.set("reasons", dec.reasons);
    set_if(x, "review_date", dec.review_date);
    set_flag(x, "recommendation", dec.recommendation);
    decisions.push_back(x);
  }
  d.set("decisions", decisions);
  set_flag(d, "has_decisions", !rec->decisions.empty());
  Data actions{Data::type::list};
  for (const auto& act : rec->actions) {
    Data x;
    x.set("description", act.description);
    x.set("owner", act.owner);
    x.set("due_date", act.due_date);
    x.set("status", act.status);
    actions.push_back(x);
  }
  d.set("actions", actions);
  set_flag(d, "has_actions", !rec->actions.empty());
  if (r.actor().may(core::Permission::draft_request)) {
    Data panels{Data::type::list};
    for (const auto& p : site.services().panels.all()) {
      Data x;
      x.set("id", p.id);
      x.set("name", p.name);
      panels.push_back(x);
    }
    d.set("panels", panels);
    d.set("can_request", true);
    d.set("child_id", str(rec->child.id));
  }
  return site.page(r, "child", rec->child.name, std::move(d));
}

}  // namespace

void add_children_routes(std::vector<Route>& routes) {
  routes.push_back(
      {"GET", "/children", {Access::signed_in, core::Permission::view_children}, list});
  routes.push_back(
      {"GET", "/children/{id}", {Access::signed_in, core::Permission::view_children}, record});
}

}  // namespace casepanel::web
