// The coordinator's triage queue, sittings and their agendas, and recording
// decisions at a hearing.
#include "app/sittings.h"
#include "app/triage.h"
#include "web/site.h"
#include "web/view.h"

namespace casepanel::web {
namespace {

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
  d.set("status", s.status);
  set_flag(d, "on_bank_holiday", s.on_bank_holiday);
  return d;
}

WebResponse triage_page(const Site& site, const WebRequest& r, const core::Error* errors) {
  auto queue = app::triage_queue(site.services(), r.actor());
  if (!queue) {
    return site.error(r, queue.error());
  }
  Data items{Data::type::list};
  for (const auto& q : *queue) {
    Data x;
    x.set("request_id", str(q.request_id));
    x.set("panel", q.panel);
    x.set("children", q.children);
    x.set("request_type", q.request_type);
    x.set("submitted", q.submitted);
    set_if(x, "statutory_due", q.statutory_due);
    set_if(x, "cutoff_status", q.cutoff_status);
    set_flag(x, "late", q.late);
    set_if(x, "venue_preference", q.venue_preference);
    x.set("minutes", str(q.minutes));
    Data options{Data::type::list};
    for (const auto& s : q.sittings) {
      Data o = sitting_data(s);
      o.set("label", s.date + ", " + s.start + " at " + s.venue + " (" +
                         str(s.capacity_minutes - s.booked_minutes) + " minutes free)");
      options.push_back(o);
    }
    x.set("sittings", options);
    set_flag(x, "has_sittings", !q.sittings.empty());
    items.push_back(x);
  }
  Data d;
  d.set("items", items);
  d.set("count", str(static_cast<std::int64_t>(queue->size())));
  set_flag(d, "has_items", !queue->empty());
  if (errors) {
    add_errors(d, *errors);
  }
  return site.page(r, "triage", "Triage", std::move(d));
}

WebResponse triage(const Site& site, WebRequest& r) { return triage_page(site, r, nullptr); }

WebResponse schedule(const Site& site, WebRequest& r) {
  auto done = app::schedule_request(site.services(), r.actor(), r.id_param(),
                                    parse_id(r.field("meeting_id")));
  if (!done) {
    if (done.error().kind == core::ErrorKind::invalid) {
      return triage_page(site, r, &done.error());
    }
    return site.error(r, done.error());
  }
  return WebResponse::redirect("/requests/" + str(r.id_param()));
}

WebResponse sittings(const Site& site, WebRequest& r) {
  auto list = app::upcoming_sittings(site.services(), r.actor());
  if (!list) {
    return site.error(r, list.error());
  }
  Data rows{Data::type::list};
  for (const auto& s : *list) {
    rows.push_back(sitting_data(s));
  }
  Data d;
  d.set("sittings", rows);
  return site.page(r, "sittings", "Sittings", std::move(d));
}

WebResponse sitting(const Site& site, WebRequest& r) {
  auto v = app::sitting_view(site.services(), r.actor(), r.id_param());
  if (!v) {
    return site.error(r, v.error());
  }
  Data d = sitting_data(v->sitting);
  Data agenda{Data::type::list};
  for (const auto& item : v->agenda) {
    Data x;
    x.set("hearing_id", str(item.hearing_id));
    x.set("request_id", str(item.request_id));
    x.set("start", item.start);
    x.set("end", item.end);
    x.set("children", item.children);
    x.set("request_type", item.request_type);
    x.set("presenters", item.presenters);
    set_flag(x, "conference_call", item.conference_call);
    set_flag(x, "decided", item.decided);
    set_flag(x, "can_record", v->can_record && !item.decided);
    agenda.push_back(x);
  }
  d.set("agenda", agenda);
  set_flag(d, "has_agenda", !v->agenda.empty());
  return site.page(r, "sitting", v->sitting.panel + ", " + v->sitting.date, std::move(d));
}

WebResponse decision_page(const Site& site, const WebRequest& r, const core::Error* errors) {
  auto f = app::decision_form(site.services(), r.actor(), r.id_param());
  if (!f) {
    return site.error(r, f.error());
  }
  Data d;
  d.set("hearing_id", str(f->hearing_id));
  d.set("meeting_id", str(f->meeting_id));
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
  return WebResponse::redirect("/sittings/" + (f ? str(f->meeting_id) : std::string()));
}

}  // namespace

void add_sitting_routes(std::vector<Route>& routes) {
  const Rule triaging{Access::signed_in, core::Permission::triage};
  const Rule recording{Access::signed_in, core::Permission::record_decision};
  routes.push_back({"GET", "/triage", triaging, triage});
  routes.push_back({"POST", "/requests/{id}/schedule", triaging, schedule});
  routes.push_back(
      {"GET", "/sittings", {Access::signed_in, core::Permission::view_sittings}, sittings});
  routes.push_back(
      {"GET", "/sittings/{id}", {Access::signed_in, core::Permission::view_sittings}, sitting});
  routes.push_back({"GET", "/hearings/{id}/decision", recording, decision_form});
  routes.push_back({"POST", "/hearings/{id}/decision", recording, record});
}

}  // namespace casepanel::web
