// The coordinator's triage: the queue and one request's triage page
// (schedule at a time, ask for information, decline, refer for
// consultation); the proposed agenda is pages_proposals.cc. Thin: each handler parses, calls one
// app/ function and renders or redirects.
#include <algorithm>

#include "app/returns.h"
#include "app/sittings.h"
#include "app/triage.h"
#include "core/counted.h"
#include "web/confirmations.h"
#include "web/site.h"
#include "web/view.h"

namespace casepanel::web {
namespace {

Data triage_item_data(const Site& site, const app::TriageItem& q) {
  Data x;
  x.set("request_id", str(q.request_id));
  x.set("panel", q.panel);
  x.set("children", q.children);
  x.set("request_type", q.request_type);
  x.set("submitted", q.submitted);
  set_if(x, "statutory_due", q.statutory_due);
  set_flag(x, "overdue", q.overdue);
  set_if(x, "review_due", q.review_due);
  set_if(x, "cutoff_status", q.cutoff_status);
  set_flag(x, "late", q.late);
  set_flag(x, "immediate", q.immediate);
  set_if(x, "venue_preference", q.venue_preference);
  set_if(x, "papers", q.papers);
  set_flag(x, "papers_incomplete", !q.papers_complete);
  set_if(x, "consultation", q.consultation);
  set_if(x, "consultation_answer", q.consultation_answer);
  set_if(x, "consultation_advice", q.consultation_advice);
  set_flag(x, "consultation_suggested", q.consultation_suggested);
  x.set("minutes", str(q.minutes));
  Data options{Data::type::list};
  for (const auto& s : q.sittings) {
    Data o = sitting_data(s);
    const bool after_triage =
        std::count(q.sittings_after_deadline.begin(), q.sittings_after_deadline.end(), s.id) > 0;
    o.set("label", s.date + ", " + s.start + " at " + s.venue + " (" +
                       str(s.capacity_minutes - s.booked_minutes) + " minutes free)" +
                       (after_triage ? ": after the statutory deadline" : ""));
    options.push_back(o);
  }
  x.set("sittings", options);
  set_flag(x, "has_sittings", !q.sittings.empty());
  set_flag(x, "sittings_after_deadline", !q.sittings_after_deadline.empty());
  Data consultations{Data::type::list};
  for (const auto& c : q.consultations) {
    Data o;
    o.set("id", c.id);
    o.set("label", c.label);
    consultations.push_back(o);
  }
  x.set("consultations", consultations);
  set_flag(x, "has_consultations", !q.consultations.empty());
  x.set("facts", site.fragment("triage_facts", x));
  return x;
}

WebResponse queue_page(const Site& site, const WebRequest& r, const core::Error* errors) {
  auto queue = app::triage_queue(site.services(), r.actor());
  if (!queue) {
    return site.error(r, queue.error());
  }
  Data items{Data::type::list};
  for (const auto& q : *queue) {
    items.push_back(triage_item_data(site, q));
  }
  Data d;
  d.set("items", items);
  d.set("count", core::counted(static_cast<std::int64_t>(queue->size()), "submitted request",
                               "submitted requests"));
  set_flag(d, "has_items", !queue->empty());
  Data back{Data::type::list};
  const std::vector<app::ReturnLine> returns = app::returns_for_triage(site.services(), r.actor());
  for (const app::ReturnLine& l : returns) {
    Data x;
    x.set("child", l.child);
    x.set("child_born", l.child_born);
    x.set("panel", l.panel);
    x.set("due", l.due);
    set_flag(x, "overdue", l.overdue);
    x.set("status", l.update_sent  ? "A progress update waits to be considered"
                    : l.request_id ? "Review request being drafted"
                                   : "No review request yet");
    back.push_back(x);
  }
  d.set("returns", back);
  set_flag(d, "has_returns", !returns.empty());
  if (errors) {
    add_errors(d, *errors);
  }
  return site.page(r, "triage", "Triage", std::move(d));
}

WebResponse queue(const Site& site, WebRequest& r) { return queue_page(site, r, nullptr); }

// One request's triage page, with the fields as typed when a form failed.
WebResponse request_page(const Site& site, const WebRequest& r, const core::Error* errors) {
  auto queue = app::triage_queue(site.services(), r.actor(), r.id_param());
  if (!queue) {
    return site.error(r, queue.error());
  }
  for (const auto& q : *queue) {
    if (q.request_id != r.id_param()) {
      continue;
    }
    Data d = triage_item_data(site, q);
    for (const char* field : {"start", "late_reason", "message", "decline_reason",
                              "consultation_note", "consultation_id"}) {
      d.set(field, r.field(field));
    }
    if (errors) {
      add_errors(d, *errors);
    }
    return site.page(r, "triage_request", "Triage: " + q.children, std::move(d));
  }
  return site.error(r, core::Error::not_found("This request is not waiting in the queue"));
}

WebResponse request(const Site& site, WebRequest& r) { return request_page(site, r, nullptr); }

// After an action: the queue, or the request's triage page with the errors.
WebResponse after_triage(const Site& site, WebRequest& r, const core::Status& done,
                         std::string_view key) {
  if (done) {
    return WebResponse::redirect(confirmed("/triage", key));
  }
  if (done.error().kind == core::ErrorKind::invalid) {
    return request_page(site, r, &done.error());
  }
  return site.error(r, done.error());
}

WebResponse schedule(const Site& site, WebRequest& r) {
  auto done = app::schedule_request(site.services(), r.actor(), r.id_param(),
                                    parse_id(r.field("sitting_id")), r.field("start"),
                                    r.field("late_reason"));
  if (done) {
    return WebResponse::redirect(confirmed("/requests/" + str(r.id_param()), "scheduled"));
  }
  return after_triage(site, r, done, "scheduled");
}

WebResponse ask(const Site& site, WebRequest& r) {
  return after_triage(
      site, r,
      app::ask_for_information(site.services(), r.actor(), r.id_param(), r.field("message")),
      "information_asked");
}

WebResponse decline(const Site& site, WebRequest& r) {
  return after_triage(
      site, r,
      app::decline_request(site.services(), r.actor(), r.id_param(), r.field("decline_reason")),
      "declined");
}

WebResponse refer(const Site& site, WebRequest& r) {
  return after_triage(
      site, r,
      app::refer_for_consultation(site.services(), r.actor(), r.id_param(),
                                  r.field("consultation_id"), r.field("consultation_note")),
      "referred");
}

}  // namespace

void add_triage_routes(std::vector<Route>& routes) {
  // Reading the queue: coordinators and oversight; acting on it: coordinators.
  const Rule reading{Access::signed_in, core::Permission::view_triage};
  const Rule triaging{Access::signed_in, core::Permission::triage};
  routes.push_back({"GET", "/triage", reading, queue});
  add_proposal_routes(routes);
  routes.push_back({"GET", "/requests/{id}/triage", reading, request});
  routes.push_back({"POST", "/requests/{id}/schedule", triaging, schedule});
  routes.push_back({"POST", "/requests/{id}/ask-information", triaging, ask});
  routes.push_back({"POST", "/requests/{id}/decline", triaging, decline});
  routes.push_back({"POST", "/requests/{id}/refer", triaging, refer});
}

}  // namespace casepanel::web
