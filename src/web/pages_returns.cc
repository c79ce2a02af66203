// Return to panel: one return's page (what the panel decided, when the
// child is due back), starting the review request, sending a progress update
// instead (Support Panel 6) and considering it. Thin: each handler parses,
// calls one app/ function (app/returns.h) and renders or redirects. Who may
// act is the use case's question (the author, a manager of the case, the
// person the panel names to consider updates), so the routes ask only that
// someone is signed in.
#include "app/returns.h"
#include "web/site.h"
#include "web/view.h"

namespace casepanel::web {
namespace {

WebResponse show_return(const Site& site, const WebRequest& r, const core::Error* errors) {
  auto v = app::return_view(site.services(), r.actor(), r.id_param());
  if (!v) {
    return site.error(r, v.error());
  }
  const app::ReturnLine& l = v->line;
  Data d;
  d.set("id", str(l.id));
  d.set("child_id", str(l.child_id));
  d.set("child", l.child);
  d.set("child_born", l.child_born);
  d.set("panel", l.panel);
  d.set("due", l.due);
  d.set("decided_on", l.decided_on);
  d.set("decision", v->decision);
  set_flag(d, "overdue", l.overdue);
  set_flag(d, "update_sent", l.update_sent);
  set_if(d, "progress_update", l.progress_update);
  set_if(d, "update_by", l.update_by);
  if (l.request_id) {
    d.set("request_id", str(*l.request_id));
    d.set("request_state", l.request_state);
  }
  set_flag(d, "may_send", v->may_send);
  set_flag(d, "may_consider", v->may_consider);
  set_flag(d, "may_start", v->may_start);
  d.set("consider_title", v->consider_title);
  d.set("form_update", r.field("update"));
  d.set("form_note", r.field("note"));
  if (errors) {
    add_errors(d, *errors);
  }
  return site.page(r, "return", "Return to panel: " + l.child, std::move(d));
}

WebResponse view_return(const Site& site, WebRequest& r) { return show_return(site, r, nullptr); }

WebResponse after_return(const Site& site, const WebRequest& r, const core::Status& done,
                         const std::string& to) {
  if (!done) {
    if (done.error().kind == core::ErrorKind::invalid) {
      return show_return(site, r, &done.error());
    }
    return site.error(r, done.error());
  }
  return WebResponse::redirect(to);
}

WebResponse start(const Site& site, WebRequest& r) {
  auto id = app::start_review(site.services(), r.actor(), r.id_param());
  if (!id) {
    return site.error(r, id.error());
  }
  return WebResponse::redirect("/requests/" + str(*id));
}

WebResponse update(const Site& site, WebRequest& r) {
  return after_return(
      site, r,
      app::send_progress_update(site.services(), r.actor(), r.id_param(), r.field("update")),
      "/returns/" + str(r.id_param()));
}

WebResponse consider(const Site& site, WebRequest& r) {
  if (r.field("decision").empty()) {
    const core::Error e = core::Error::invalid("decision", "Select whether you accept the update");
    return show_return(site, r, &e);
  }
  return after_return(
      site, r,
      app::consider_progress_update(site.services(), r.actor(), r.id_param(),
                                    r.field("decision") == "accept", r.field("note")),
      "/");
}

}  // namespace

void add_return_routes(std::vector<Route>& routes) {
  const Rule signed_in{Access::signed_in, {}};
  routes.push_back({"GET", "/returns/{id}", signed_in, view_return});
  routes.push_back({"POST", "/returns/{id}/review", signed_in, start});
  routes.push_back({"POST", "/returns/{id}/update", signed_in, update});
  routes.push_back({"POST", "/returns/{id}/consider", signed_in, consider});
}

}  // namespace casepanel::web
