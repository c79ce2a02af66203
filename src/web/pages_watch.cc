// Watch lists (Support Panel 2.1, 2.2) and recording a discussion about
// taking a child to panel.
#include "app/children.h"
#include "app/watch.h"
#include "web/confirmations.h"
#include "web/forms.h"
#include "web/site.h"
#include "web/view.h"

namespace casepanel::web {
namespace {

Data watched(const std::vector<app::WatchedChild>& children, const app::WatchList& list) {
  Data out{Data::type::list};
  for (const auto& c : children) {
    Data x;
    x.set("id", str(c.id));
    x.set("name", c.name);
    x.set("team", c.team);
    x.set("since", c.since);
    x.set("months", std::to_string(c.months));
    set_if(x, "last_discussed", c.last_discussed);
    set_if(x, "last_outcome", c.last_outcome);
    if (c.open_request_id) {
      x.set("open_request_id", str(c.open_request_id));
    }
    x.set("panel_id", list.panel_id);
    x.set("criterion_id", list.criterion_id);
    set_flag(x, "may_record", list.may_record);
    out.push_back(x);
  }
  return out;
}

WebResponse watch(const Site& site, WebRequest& r) {
  auto lists = app::watch_lists(site.services(), r.actor());
  if (!lists) {
    return site.error(r, lists.error());
  }
  Data d;
  Data all{Data::type::list};
  for (const auto& l : *lists) {
    Data x;
    x.set("panel_name", l.panel_name);
    x.set("criterion_id", l.criterion_id);
    x.set("label", l.label);
    set_if(x, "hint", l.hint);
    set_if(x, "considered_by", l.considered_by);
    x.set("not_discussed", watched(l.not_discussed, l));
    x.set("discussed", watched(l.discussed, l));
    set_flag(x, "has_not_discussed", !l.not_discussed.empty());
    set_flag(x, "has_discussed", !l.discussed.empty());
    x.set("count", std::to_string(l.not_discussed.size()));
    all.push_back(x);
  }
  d.set("lists", all);
  return site.page(r, "watch", "Watch lists", std::move(d));
}

WebResponse discussion_form(const Site& site, const WebRequest& r, const core::Error* errors) {
  const std::int64_t child_id = r.id_param();
  auto rec = app::child_record(site.services(), r.actor(), child_id);
  if (!rec) {
    return site.error(r, rec.error());
  }
  const std::string panel_id = errors ? r.field("panel_id") : r.query_value("panel");
  const std::string criterion_id = errors ? r.field("criterion_id") : r.query_value("criterion");
  const core::PanelType* panel = site.services().panels.find(panel_id);
  const core::EntryCriterion* criterion = panel ? panel->entry_criterion(criterion_id) : nullptr;
  if (criterion == nullptr) {
    return site.not_found(r);
  }
  if (const core::Status allowed = app::may_record_discussion(r.actor(), *panel, *criterion);
      !allowed) {
    return site.error(r, allowed.error());
  }
  Data d;
  d.set("child_id", str(child_id));
  d.set("child_name", rec->child.name);
  d.set("panel_id", panel->id);
  d.set("panel_name", panel->name);
  d.set("criterion_id", criterion->id);
  d.set("criterion", criterion->label);
  if (errors) {
    d.set("day", r.field("discussed_on-day"));
    d.set("month", r.field("discussed_on-month"));
    d.set("year", r.field("discussed_on-year"));
    d.set("arguments", r.field("arguments"));
    set_flag(d, "refer", r.field("outcome") == "refer");
    set_flag(d, "not_now", r.field("outcome") == "not_now");
    add_errors(d, *errors);
  }
  return site.page(r, "discussion", "Record a discussion: " + rec->child.name, std::move(d));
}

WebResponse new_discussion(const Site& site, WebRequest& r) {
  return discussion_form(site, r, nullptr);
}

WebResponse create_discussion(const Site& site, WebRequest& r) {
  app::DiscussionInput in;
  in.panel_id = r.field("panel_id");
  in.criterion_id = r.field("criterion_id");
  in.discussed_on = date_field(r, "discussed_on");
  in.outcome = r.field("outcome");
  in.arguments = r.field("arguments");
  auto done = app::record_discussion(site.services(), r.actor(), r.id_param(), in);
  if (!done) {
    if (done.error().kind != core::ErrorKind::invalid) {
      return site.error(r, done.error());
    }
    return discussion_form(site, r, &done.error());
  }
  if (in.outcome == "refer") {
    return WebResponse::redirect(confirmed("/children/" + str(r.id_param()), "discussion_saved"));
  }
  return WebResponse::redirect(confirmed("/watch", "discussion_saved"));
}

}  // namespace

void add_watch_routes(std::vector<Route>& routes) {
  const Rule managing{Access::signed_in, core::Permission::approve_request};
  routes.push_back({"GET", "/watch", managing, watch});
  routes.push_back({"GET", "/children/{id}/discussions/new", managing, new_discussion});
  routes.push_back({"POST", "/children/{id}/discussions", managing, create_discussion});
}

}  // namespace casepanel::web
