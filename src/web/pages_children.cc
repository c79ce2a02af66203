// "Children" (the people a person may see) and one child's record.
#include "app/children.h"
#include "app/display.h"
#include "core/counted.h"
#include "web/decision_parts.h"
#include "web/site.h"
#include "web/view.h"

namespace casepanel::web {
namespace {

// kainjow's data has no way to move a value into a list or an object:
// push_back and set copy their argument, and a copy of a list or object is
// deep. A child's record has hundreds of rows, so its lists are built in
// place instead: the list is set empty, reserved to its final size (growing
// it would copy every element again, as data's move constructor is not
// noexcept) and each item is appended empty and then filled.
Data& list_in(Data& parent, const std::string& key, std::size_t size) {
  Data& list = parent[key] = Data(Data::type::list);
  // The list belongs to `list`, which is not const: list_value() only lacks
  // a non-const overload.
  const_cast<kainjow::mustache::list&>(list.list_value()).reserve(size);
  return list;
}

Data& append(Data& list) {
  list.push_back(Data{});
  return const_cast<Data&>(list.list_value().back());
}

void fill_child_row(Data& d, const app::ChildSummary& c) {
  d.set("id", str(c.id));
  d.set("external_id", c.external_id);
  d.set("name", c.name);
  d.set("date_of_birth", app::long_date(c.date_of_birth));
  d.set("team", c.team);
  d.set("legal_status", c.legal_status);
  d.set("allocated_worker", c.allocated_worker);
}

WebResponse list(const Site& site, WebRequest& r) {
  auto children = app::children_in_scope(site.services(), r.actor());
  if (!children) {
    return site.error(r, children.error());
  }
  Data data;
  Data& rows = list_in(data, "children", children->size());
  for (const auto& c : *children) {
    fill_child_row(append(rows), c);
  }
  data.set("count", core::counted(children->size(), "child", "children"));
  const std::string heading = children_heading(r.actor());
  data.set("heading", heading);
  return site.page(r, "children", heading, std::move(data));
}

// A list of the record's rows under `key`, each filled in place, and `flag`
// set when it has any.
template <typename Row, typename Fill>
void set_rows(Data& d, const std::string& key, const std::string& flag,
              const std::vector<Row>& rows, Fill fill) {
  Data& list = list_in(d, key, rows.size());
  for (const Row& row : rows) {
    fill(append(list), row);
  }
  set_flag(d, flag, !rows.empty());
}

void fill_request(Data& x, const app::ChildRequest& q) {
  x.set("id", str(q.id));
  x.set("panel", q.panel);
  x.set("request_type", q.request_type);
  x.set("state_label", q.state_label);
  x.set("created_at", q.created_at);
}

void fill_hearing(Data& x, const app::ChildHearing& h) {
  x.set("panel", h.panel);
  x.set("date", h.date);
  x.set("start", h.start);
  x.set("venue", h.venue);
  x.set("request_id", str(h.request_id));
}

void fill_event(Data& x, const app::ChildEvent& e) {
  x.set("date", e.date);
  x.set("kind", e.kind);
  x.set("summary", e.summary);
  x.set("recorded_by", e.recorded_by);
}

void fill_action(Data& x, const app::ChildAction& act) {
  x.set("description", act.description);
  x.set("owner", act.owner);
  x.set("due_date", act.due_date);
  x.set("status", act.status);
}

void fill_discussion(Data& x, const app::ChildDiscussion& dis) {
  x.set("criterion", dis.criterion);
  x.set("discussed_on", dis.discussed_on);
  x.set("outcome", dis.outcome);
  x.set("arguments", dis.arguments);
  x.set("recorded_by", dis.recorded_by);
}

void fill_panel(Data& x, const core::PanelType& p) {
  x.set("id", p.id);
  x.set("name", p.name);
}

WebResponse built_record(const Site& site, const WebRequest& r) {
  auto rec = app::child_record(site.services(), r.actor(), r.id_param());
  if (!rec) {
    return site.error(r, rec.error());
  }
  Data d;
  fill_child_row(d, rec->child);
  d.set("gender", rec->gender);
  d.set("ethnicity", rec->ethnicity);
  d.set("disability", rec->disability);
  set_if(d, "came_into_care", rec->came_into_care);
  set_if(d, "cp_plan_start", rec->cp_plan_start);
  set_if(d, "case_opened", rec->case_opened);
  set_rows(d, "siblings", "has_siblings", rec->siblings, fill_child_row);
  set_rows(d, "requests", "has_requests", rec->requests, fill_request);
  set_rows(d, "hearings", "has_hearings", rec->hearings, fill_hearing);
  set_flag(d, "has_decisions", !rec->decisions.empty());
  d.set("decision_records", render_records(site, rec->decisions,
                                           {.sitting = true, .change_plan = rec->may_change_plan}));
  set_rows(d, "events", "has_events", rec->events, fill_event);
  set_rows(d, "actions", "has_actions", rec->actions, fill_action);
  set_rows(d, "discussions", "has_discussions", rec->discussions, fill_discussion);
  if (r.actor().may(core::Permission::draft_request)) {
    set_rows(d, "panels", "has_panels", site.services().panels.all(), fill_panel);
    d.set("can_request", true);
    d.set("child_id", str(rec->child.id));
  }
  return site.page(r, "child", rec->child.name, std::move(d));
}

// Kept in memory while nothing changes (web/page_cache.h).
WebResponse record(const Site& site, WebRequest& r) {
  return site.kept_page(
      r, [&] { return app::child_record_version(site.services(), r.actor(), r.id_param()); },
      [&] { return app::child_record_viewed_async(site.services(), r.actor(), r.id_param()); },
      [&] { return built_record(site, r); });
}

}  // namespace

void add_children_routes(std::vector<Route>& routes) {
  routes.push_back(
      {"GET", "/children", {Access::signed_in, core::Permission::view_children}, list});
  routes.push_back({"GET",
                    "/children/{id}",
                    {Access::signed_in, core::Permission::view_children},
                    record,
                    /*kept=*/true});
}

}  // namespace casepanel::web
