// Requests to panel: the practitioner's form, the request's page and the
// approval steps.
#include "app/children.h"
#include "app/requests.h"
#include "web/site.h"
#include "web/view.h"

namespace casepanel::web {
namespace {

// The request form, filled from what was posted (or empty), with any errors.
WebResponse request_form(const Site& site, const WebRequest& r, std::int64_t child_id,
                         const std::string& panel_id, const core::Error* errors) {
  const core::PanelType* panel = site.services().panels.find(panel_id);
  if (panel == nullptr) {
    return site.not_found(r);
  }
  auto rec = app::child_record(site.services(), r.actor(), child_id);
  if (!rec) {
    return site.error(r, rec.error());
  }
  Data d;
  d.set("panel_id", panel->id);
  d.set("panel_name", panel->name);
  d.set("child_id", str(child_id));
  d.set("child_name", rec->child.name);
  const auto chosen = r.fields("child_ids");
  auto is_chosen = [&](std::int64_t id) {
    if (!errors) {
      return id == child_id;
    }
    for (const auto& c : chosen) {
      if (parse_id(c) == id) {
        return true;
      }
    }
    return false;
  };
  Data children{Data::type::list};
  Data me;
  me.set("id", str(child_id));
  me.set("name", rec->child.name + " (born " + rec->child.date_of_birth + ")");
  set_flag(me, "checked", is_chosen(child_id));
  children.push_back(me);
  for (const auto& s : rec->siblings) {
    Data x;
    x.set("id", str(s.id));
    x.set("name", s.name + " (born " + s.date_of_birth + ")");
    set_flag(x, "checked", is_chosen(s.id));
    children.push_back(x);
  }
  d.set("children", children);
  set_flag(d, "has_siblings", !rec->siblings.empty());
  Data types{Data::type::list};
  for (const auto& t : panel->request_types) {
    Data x;
    x.set("id", t.id);
    x.set("label", t.label);
    set_if(x, "hint", t.hint);
    set_flag(x, "checked", r.field("request_type") == t.id);
    set_flag(x, "statutory", t.statutory());
    types.push_back(x);
  }
  d.set("request_types", types);
  set_flag(d, "has_request_types", !panel->request_types.empty());
  Data venues{Data::type::list};
  for (const auto& v : panel->venues) {
    Data x;
    x.set("id", v.id);
    x.set("label", v.name + " (" + v.code + ")");
    set_flag(x, "checked", r.field("venue_preference") == v.id);
    venues.push_back(x);
  }
  d.set("venues", venues);
  set_flag(d, "asks_venue", panel->asks_venue_preference);
  set_flag(d, "asks_conference_call", panel->asks_conference_call);
  set_flag(d, "conference_call", r.field("conference_call") == "yes");
  d.set("reason", r.field("reason"));
  d.set("proposed_plan", r.field("proposed_plan"));
  d.set("parallel_plan", r.field("parallel_plan"));
  if (errors) {
    add_errors(d, *errors);
  }
  return site.page(r, "request_new", "New request to " + panel->name, std::move(d));
}

WebResponse new_request(const Site& site, WebRequest& r) {
  return request_form(site, r, parse_id(r.query_value("child")), r.query_value("panel"), nullptr);
}

WebResponse create(const Site& site, WebRequest& r) {
  core::RequestDraft draft;
  draft.panel_id = r.field("panel_id");
  draft.request_type = r.field("request_type");
  draft.reason = r.field("reason");
  draft.proposed_plan = r.field("proposed_plan");
  draft.parallel_plan = r.field("parallel_plan");
  draft.venue_preference = r.field("venue_preference");
  draft.conference_call = r.field("conference_call") == "yes";
  std::vector<std::int64_t> children;
  for (const auto& c : r.fields("child_ids")) {
    if (std::int64_t id = parse_id(c)) {
      children.push_back(id);
    }
  }
  auto id = app::create_request(site.services(), r.actor(), children, draft);
  if (!id) {
    if (id.error().kind != core::ErrorKind::invalid) {
      return site.error(r, id.error());
    }
    return request_form(site, r, parse_id(r.field("child_id")), draft.panel_id, &id.error());
  }
  return WebResponse::redirect("/requests/" + str(*id));
}

WebResponse show_request(const Site& site, const WebRequest& r, const core::Error* errors) {
  auto v = app::request_view(site.services(), r.actor(), r.id_param());
  if (!v) {
    return site.error(r, v.error());
  }
  Data d;
  d.set("id", str(v->id));
  d.set("panel_name", v->panel_name);
  d.set("state", v->state);
  d.set("state_label", v->state_label);
  d.set("request_type", v->request_type);
  d.set("reason", v->reason);
  d.set("proposed_plan", v->proposed_plan);
  set_if(d, "parallel_plan", v->parallel_plan);
  set_if(d, "venue", v->venue);
  d.set("conference_call", v->conference_call ? "Yes" : "No");
  d.set("author", v->author);
  set_if(d, "statutory_due", v->statutory_due);
  Data children{Data::type::list};
  for (const auto& c : v->children) {
    Data x;
    x.set("id", str(c.id));
    x.set("name", c.name);
    children.push_back(x);
  }
  d.set("children", children);
  Data approvals{Data::type::list};
  for (const auto& ap : v->approvals) {
    Data x;
    x.set("step", ap.step);
    x.set("approver", ap.approver);
    x.set("outcome", ap.outcome == "approved" ? "Approved" : "Returned for changes");
    set_if(x, "comments", ap.comments);
    x.set("at", ap.at);
    approvals.push_back(x);
  }
  d.set("approvals", approvals);
  set_flag(d, "has_approvals", !v->approvals.empty());
  set_if(d, "waiting_for", v->waiting_for);
  set_flag(d, "can_send", v->can_send);
  set_flag(d, "can_approve", v->can_approve);
  set_if(d, "approve_label", v->approve_label);
  set_flag(d, "can_schedule", v->can_schedule);
  set_if(d, "hearing_date", v->hearing_date);
  set_if(d, "hearing_time", v->hearing_time);
  set_if(d, "hearing_venue", v->hearing_venue);
  if (v->meeting_id) {
    d.set("meeting_id", str(v->meeting_id));
  }
  if (errors) {
    add_errors(d, *errors);
    d.set("comments", r.field("comments"));
  }
  return site.page(r, "request", "Request " + str(v->id) + ": " + v->panel_name, std::move(d));
}

WebResponse view(const Site& site, WebRequest& r) { return show_request(site, r, nullptr); }

WebResponse after(const Site& site, WebRequest& r, const core::Status& done) {
  if (!done) {
    if (done.error().kind == core::ErrorKind::invalid) {
      return show_request(site, r, &done.error());
    }
    return site.error(r, done.error());
  }
  return WebResponse::redirect("/requests/" + str(r.id_param()));
}

WebResponse send(const Site& site, WebRequest& r) {
  return after(site, r, app::send_for_approval(site.services(), r.actor(), r.id_param()));
}

WebResponse approve(const Site& site, WebRequest& r) {
  return after(site, r,
               app::approve_request(site.services(), r.actor(), r.id_param(), r.field("comments")));
}

WebResponse send_back(const Site& site, WebRequest& r) {
  return after(site, r,
               app::return_request(site.services(), r.actor(), r.id_param(), r.field("comments")));
}

}  // namespace

void add_request_routes(std::vector<Route>& routes) {
  const Rule drafting{Access::signed_in, core::Permission::draft_request};
  const Rule approving{Access::signed_in, core::Permission::approve_request};
  routes.push_back({"GET", "/requests/new", drafting, new_request});
  routes.push_back({"POST", "/requests", drafting, create});
  routes.push_back({"GET", "/requests/{id}", {Access::signed_in, {}}, view});
  routes.push_back({"POST", "/requests/{id}/send", drafting, send});
  routes.push_back({"POST", "/requests/{id}/approve", approving, approve});
  routes.push_back({"POST", "/requests/{id}/return", approving, send_back});
}

}  // namespace casepanel::web
