// Recording decisions at a hearing: the form (the children still without a
// decision, the panel's catalogue, who may own an action) and its POST. Thin:
// each handler parses, calls one app/ function and renders or redirects.
#include "app/decisions.h"
#include "web/site.h"
#include "web/view.h"

namespace casepanel::web {
namespace {

WebResponse decision_page(const Site& site, const WebRequest& r, const core::Error* errors) {
  auto f = app::decision_form(site.services(), r.actor(), r.id_param());
  if (!f) {
    return site.error(r, f.error());
  }
  Data d;
  d.set("hearing_id", str(f->hearing_id));
  d.set("sitting_id", str(f->sitting_id));
  d.set("sitting", f->sitting);
  Data children{Data::type::list};
  for (const auto& c : f->children) {
    Data x;
    x.set("id", str(c.id));
    x.set("name", c.name);
    set_flag(x, "checked", r.field("child_id") == str(c.id) || f->children.size() == 1);
    children.push_back(x);
  }
  d.set("children", children);
  set_flag(d, "all_decided", f->children.empty());
  Data decisions{Data::type::list};
  for (const auto& c : f->decisions) {
    Data x;
    x.set("id", c.id);
    x.set("label", c.label);
    set_if(x, "hint", c.hint);
    set_flag(x, "checked", r.field("decision_type") == c.id);
    decisions.push_back(x);
  }
  d.set("decisions", decisions);
  Data owners{Data::type::list};
  for (const auto& o : f->owners) {
    Data x;
    x.set("id", str(o.id));
    x.set("name", o.name);
    set_flag(x, "selected", r.field("action_owner_id") == str(o.id));
    owners.push_back(x);
  }
  d.set("owners", owners);
  for (const char* field :
       {"decided", "reasons", "review_date", "action", "action_due_working_days"}) {
    d.set(field, r.field(field));
  }
  if (errors) {
    add_errors(d, *errors);
  }
  return site.page(r, "decision", "Record a decision", std::move(d));
}

WebResponse decision_form(const Site& site, WebRequest& r) {
  return decision_page(site, r, nullptr);
}

WebResponse record(const Site& site, WebRequest& r) {
  app::DecisionInput in;
  in.child_id = parse_id(r.field("child_id"));
  in.decision_type = r.field("decision_type");
  in.summary = r.field("decided");
  in.reasons = r.field("reasons");
  in.review_date = r.field("review_date");
  in.action = r.field("action");
  in.action_owner_id = parse_id(r.field("action_owner_id"));
  in.action_due_working_days = r.field("action_due_working_days");
  auto done = app::record_decision(site.services(), r.actor(), r.id_param(), in);
  if (!done) {
    if (done.error().kind == core::ErrorKind::invalid) {
      return decision_page(site, r, &done.error());
    }
    return site.error(r, done.error());
  }
  auto f = app::decision_form(site.services(), r.actor(), r.id_param());
  if (f && !f->children.empty()) {
    return WebResponse::redirect("/hearings/" + str(r.id_param()) + "/decision");
  }
  return WebResponse::redirect("/sittings/" + (f ? str(f->sitting_id) : std::string()));
}

}  // namespace

void add_decision_routes(std::vector<Route>& routes) {
  const Rule recording{Access::signed_in, core::Permission::record_decision};
  routes.push_back({"GET", "/hearings/{id}/decision", recording, decision_form});
  routes.push_back({"POST", "/hearings/{id}/decision", recording, record});
}

}  // namespace casepanel::web
