// Consultation before panel (issue 14, item 4): the consultee's list of the
// referrals made to them, one referral with what they need of the request,
// and their advice. Thin: each handler parses, calls one app/ function
// (app/consultations.h) and renders or redirects. The routes ask for the
// permission to answer a consultation; which referral is the actor's is the
// use case's question (anyone else's is not found).
#include "app/consultations.h"
#include "web/site.h"
#include "web/view.h"

namespace casepanel::web {
namespace {

Data lines_data(const std::vector<app::ConsultationLine>& lines) {
  Data list_consultations{Data::type::list};
  for (const app::ConsultationLine& l : lines) {
    Data x;
    x.set("id", str(l.id));
    x.set("panel", l.panel);
    x.set("children", l.children);
    x.set("request_type", l.request_type);
    x.set("referred", l.referred);
    set_if(x, "advised", l.advised);
    list_consultations.push_back(x);
  }
  return list_consultations;
}

WebResponse list_consultations(const Site& site, WebRequest& r) {
  auto mine = app::my_consultations(site.services(), r.actor());
  if (!mine) {
    return site.error(r, mine.error());
  }
  Data d;
  d.set("waiting", lines_data(mine->waiting));
  d.set("waiting_count", str(static_cast<std::int64_t>(mine->waiting.size())));
  set_flag(d, "has_waiting", !mine->waiting.empty());
  d.set("answered", lines_data(mine->answered));
  set_flag(d, "has_answered", !mine->answered.empty());
  return site.page(r, "consultations", "Consultations", std::move(d));
}

WebResponse referral_page(const Site& site, const WebRequest& r, const core::Error* errors) {
  auto v = app::consultation_view(site.services(), r.actor(), r.id_param());
  if (!v) {
    return site.error(r, v.error());
  }
  Data d;
  d.set("id", str(v->id));
  d.set("request_id", str(v->request_id));
  d.set("panel", v->panel);
  d.set("label", v->label);
  d.set("with", v->with);
  Data children{Data::type::list};
  for (const app::ConsultationChild& c : v->children) {
    Data x;
    x.set("name", c.name);
    x.set("born", c.born);
    children.push_back(x);
  }
  d.set("children", children);
  d.set("children_label", v->children.size() == 1 ? "Child" : "Children");
  d.set("request_type", v->request_type);
  d.set("note", v->note);
  d.set("referred_by", v->referred_by);
  d.set("referred_on", v->referred_on);
  set_flag(d, "may_read_papers", v->may_read_papers);
  set_flag(d, "answered", v->answered);
  set_if(d, "advice", v->advice);
  set_if(d, "advised_by", v->advised_by);
  set_if(d, "advised_on", v->advised_on);
  d.set("form_advice", r.field("advice"));
  if (errors) {
    add_errors(d, *errors);
  }
  return site.page(r, "consultation", "Consultation", std::move(d));
}

WebResponse referral(const Site& site, WebRequest& r) { return referral_page(site, r, nullptr); }

WebResponse advise(const Site& site, WebRequest& r) {
  auto done = app::give_advice(site.services(), r.actor(), r.id_param(), r.field("advice"));
  if (!done) {
    if (done.error().kind == core::ErrorKind::invalid) {
      return referral_page(site, r, &done.error());
    }
    return site.error(r, done.error());
  }
  return WebResponse::redirect("/consultations/" + str(r.id_param()));
}

}  // namespace

void add_consultation_routes(std::vector<Route>& routes) {
  const Rule consulted{Access::signed_in, core::Permission::answer_consultation};
  routes.push_back({"GET", "/consultations", consulted, list_consultations});
  routes.push_back({"GET", "/consultations/{id}", consulted, referral});
  routes.push_back({"POST", "/consultations/{id}/advice", consulted, advise});
}

}  // namespace casepanel::web
