// After the record: a recommendation's final decision, a disagreement noted
// at panel, and its agreed outcome. Thin: each handler parses, calls one
// app/ function and renders or redirects. Who may act is the use case's
// question (the person the configuration names for this hearing), so the
// routes ask only that someone is signed in.
#include "app/recommendations.h"
#include "web/decision_parts.h"
#include "web/site.h"
#include "web/view.h"

namespace casepanel::web {
namespace {

enum class Mode { final, disagree, resolve };

struct ModeText {
  const char* title;
  const char* action;  // the form's path after the id
  const char* base;    // "/decision-items/" or "/disagreements/"
};

ModeText text_of(Mode m) {
  switch (m) {
    case Mode::final:
      return {"Make the final decision", "/final", "/decision-items/"};
    case Mode::disagree:
      return {"Record a disagreement", "/disagree", "/decision-items/"};
    case Mode::resolve:
      return {"Record the agreed outcome", "/resolve", "/disagreements/"};
  }
  return {"", "", ""};
}

core::Result<app::ItemForm> form_for(const Site& site, const WebRequest& r, Mode m) {
  switch (m) {
    case Mode::final:
      return app::final_decision_form(site.services(), r.actor(), r.id_param());
    case Mode::disagree:
      return app::disagreement_form(site.services(), r.actor(), r.id_param());
    case Mode::resolve:
      return app::resolution_form(site.services(), r.actor(), r.id_param());
  }
  return core::Error::not_found();
}

WebResponse item_page(const Site& site, const WebRequest& r, Mode m, const core::Error* errors) {
  auto f = form_for(site, r, m);
  if (!f) {
    return site.error(r, f.error());
  }
  const ModeText t = text_of(m);
  Data d;
  d.set("title", t.title);
  d.set("action_url", t.base + str(r.id_param()) + t.action);
  d.set("item_label", f->item_label);
  d.set("item_detail", f->item_detail);
  d.set("decider", f->decider);
  d.set("child", f->record.child + ", " + f->record.child_born);
  d.set("record", render_records(site, {f->record}, {.child = true, .sitting = true}));
  set_flag(d, "final", m == Mode::final);
  set_flag(d, "disagree", m == Mode::disagree);
  set_flag(d, "resolve", m == Mode::resolve);
  set_flag(d, "own", f->own);
  if (f->own && !f->members.empty()) {
    d.set("own_id", str(f->members.front().id));
    d.set("own_name", f->members.front().name);
  }
  set_flag(d, "agree", r.field("agree") != "no");
  set_flag(d, "otherwise", r.field("agree") == "no");
  Data members{Data::type::list};
  for (const app::NamedId& p : f->members) {
    Data x;
    x.set("id", str(p.id));
    x.set("name", p.name);
    set_flag(x, "selected", r.field("member_id") == str(p.id));
    members.push_back(x);
  }
  d.set("members", members);
  for (const char* field : {"decided", "reasons", "why", "agreed_outcome"}) {
    d.set(field, r.field(field));
  }
  if (errors) {
    add_errors(d, *errors);
  }
  return site.page(r, "recommendation", t.title, std::move(d));
}

WebResponse done_or_errors(const Site& site, const WebRequest& r, Mode m,
                           const core::Status& done) {
  if (!done) {
    if (done.error().kind == core::ErrorKind::invalid) {
      return item_page(site, r, m, &done.error());
    }
    return site.error(r, done.error());
  }
  return WebResponse::redirect("/");
}

WebResponse final_form(const Site& site, WebRequest& r) {
  return item_page(site, r, Mode::final, nullptr);
}
WebResponse final_post(const Site& site, WebRequest& r) {
  const core::FinalEntry entry{r.field("agree") != "no", r.field("decided"), r.field("reasons")};
  if (r.field("agree").empty()) {
    const core::Error e =
        core::Error::invalid("agree", "Select whether you agree with the recommendation");
    return item_page(site, r, Mode::final, &e);
  }
  return done_or_errors(
      site, r, Mode::final,
      app::record_final_decision(site.services(), r.actor(), r.id_param(), entry));
}

WebResponse disagree_form(const Site& site, WebRequest& r) {
  return item_page(site, r, Mode::disagree, nullptr);
}
WebResponse disagree_post(const Site& site, WebRequest& r) {
  const app::DisagreementEntry entry{parse_id(r.field("member_id")), r.field("why")};
  return done_or_errors(site, r, Mode::disagree,
                        app::record_disagreement(site.services(), r.actor(), r.id_param(), entry));
}

WebResponse resolve_form(const Site& site, WebRequest& r) {
  return item_page(site, r, Mode::resolve, nullptr);
}
WebResponse resolve_post(const Site& site, WebRequest& r) {
  const app::ResolutionEntry entry{r.field("agreed_outcome"), r.field("reasons")};
  return done_or_errors(site, r, Mode::resolve,
                        app::resolve_disagreement(site.services(), r.actor(), r.id_param(), entry));
}

}  // namespace

void add_recommendation_routes(std::vector<Route>& routes) {
  const Rule anyone{Access::signed_in, {}};
  routes.push_back({"GET", "/decision-items/{id}/final", anyone, final_form});
  routes.push_back({"POST", "/decision-items/{id}/final", anyone, final_post});
  routes.push_back({"GET", "/decision-items/{id}/disagree", anyone, disagree_form});
  routes.push_back({"POST", "/decision-items/{id}/disagree", anyone, disagree_post});
  routes.push_back({"GET", "/disagreements/{id}/resolve", anyone, resolve_form});
  routes.push_back({"POST", "/disagreements/{id}/resolve", anyone, resolve_post});
}

}  // namespace casepanel::web
