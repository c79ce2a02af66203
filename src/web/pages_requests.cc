// Requests to panel: starting one, the task list and its section forms,
// "check your answers", the approval steps and the coordinator's late
// acceptance.
#include <cctype>

#include "app/children.h"
#include "app/requests.h"
#include "core/cutoff.h"
#include "web/forms.h"
#include "web/site.h"
#include "web/view.h"

namespace casepanel::web {
namespace {

// Splits an ISO date (or what was typed) for a date input's three boxes.
void set_date_parts(Data& d, const std::string& prefix, const WebRequest& r,
                    const std::string& field, const std::string& stored, bool posted) {
  if (posted) {
    d.set(prefix + "day", r.field(field + "-day"));
    d.set(prefix + "month", r.field(field + "-month"));
    d.set(prefix + "year", r.field(field + "-year"));
  } else if (auto date = core::parse_iso_date(stored)) {
    d.set(prefix + "day", std::to_string(static_cast<unsigned>(date->day())));
    d.set(prefix + "month", std::to_string(static_cast<unsigned>(date->month())));
    d.set(prefix + "year", std::to_string(static_cast<int>(date->year())));
  }
}

std::string joined_names(const std::vector<app::NamedId>& children) {
  std::string out;
  for (const auto& c : children) {
    out += (out.empty() ? "" : ", ") + c.name;
  }
  return out;
}

Data people(const std::vector<app::NamedId>& list, std::int64_t selected) {
  Data out{Data::type::list};
  for (const auto& p : list) {
    Data x;
    x.set("id", str(p.id));
    x.set("name", p.name);
    set_flag(x, "selected", p.id == selected);
    out.push_back(x);
  }
  return out;
}

// --- Starting a request ---------------------------------------------------

WebResponse choose_panel_and_child(const Site& site, const WebRequest& r, const core::Error* e) {
  Data d;
  set_flag(d, "choosing", true);
  Data panels{Data::type::list};
  for (const auto& p : site.services().panels.all()) {
    Data x;
    x.set("id", p.id);
    x.set("name", p.name);
    x.set("council", p.council);
    set_flag(x, "checked", r.query_value("panel") == p.id);
    panels.push_back(x);
  }
  d.set("panels", panels);
  auto children = app::children_in_scope(site.services(), r.actor());
  if (!children) {
    return site.error(r, children.error());
  }
  Data list{Data::type::list};
  for (const auto& c : *children) {
    Data x;
    x.set("id", str(c.id));
    x.set("name", c.name + " (born " + c.date_of_birth + ", " + c.external_id + ")");
    set_flag(x, "selected", str(c.id) == r.query_value("child"));
    list.push_back(x);
  }
  d.set("children", list);
  if (e) {
    add_errors(d, *e);
  }
  return site.page(r, "request_new", "New request to panel", std::move(d));
}

// Which children: the child and their brothers and sisters.
WebResponse choose_children(const Site& site, const WebRequest& r, std::int64_t child_id,
                            const core::PanelType& panel, const core::Error* errors) {
  auto rec = app::child_record(site.services(), r.actor(), child_id);
  if (!rec) {
    return site.error(r, rec.error());
  }
  Data d;
  d.set("panel_id", panel.id);
  d.set("panel_name", panel.name);
  d.set("child_id", str(child_id));
  d.set("child_name", rec->child.name);
  d.set("extra_minutes", std::to_string(panel.extra_minutes_per_sibling));
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
  auto add = [&](std::int64_t id, const std::string& name, const std::string& born) {
    Data x;
    x.set("id", str(id));
    x.set("name", name + " (born " + born + ")");
    set_flag(x, "checked", is_chosen(id));
    children.push_back(x);
  };
  add(child_id, rec->child.name, rec->child.date_of_birth);
  for (const auto& s : rec->siblings) {
    add(s.id, s.name, s.date_of_birth);
  }
  d.set("children", children);
  set_flag(d, "has_siblings", !rec->siblings.empty());
  if (errors) {
    add_errors(d, *errors);
  }
  return site.page(r, "request_new", "Which children: request to " + panel.name, std::move(d));
}

WebResponse new_request(const Site& site, WebRequest& r) {
  const bool asked = !r.query_value("panel").empty() || !r.query_value("child").empty();
  const core::PanelType* panel = site.services().panels.find(r.query_value("panel"));
  const std::int64_t child = parse_id(r.query_value("child"));
  if (panel == nullptr || child == 0) {
    if (!asked) {
      return choose_panel_and_child(site, r, nullptr);
    }
    std::vector<core::FieldError> problems;
    if (panel == nullptr) {
      problems.push_back({"panel", "Select the panel"});
    }
    if (child == 0) {
      problems.push_back({"child", "Select the child"});
    }
    const core::Error e = core::Error::invalid_fields(std::move(problems));
    return choose_panel_and_child(site, r, &e);
  }
  return choose_children(site, r, child, *panel, nullptr);
}

WebResponse create(const Site& site, WebRequest& r) {
  std::vector<std::int64_t> children;
  for (const auto& c : r.fields("child_ids")) {
    if (std::int64_t id = parse_id(c)) {
      children.push_back(id);
    }
  }
  const std::string panel_id = r.field("panel_id");
  auto id = app::start_request(site.services(), r.actor(), panel_id, children);
  if (!id) {
    const core::PanelType* panel = site.services().panels.find(panel_id);
    if (id.error().kind != core::ErrorKind::invalid || panel == nullptr) {
      return site.error(r, id.error());
    }
    return choose_children(site, r, parse_id(r.field("child_id")), *panel, &id.error());
  }
  return WebResponse::redirect("/requests/" + str(*id));
}

// --- The section forms ----------------------------------------------------

// The section's fields as posted.
core::RequestDraft posted_draft(const WebRequest& r, const core::PanelType& panel) {
  core::RequestDraft d;
  d.panel_id = panel.id;
  d.request_type = r.field("request_type");
  d.came_into_care = date_field(r, "came_into_care");
  d.criteria = r.fields("criteria");
  for (const auto& c : panel.entry_criteria) {
    if (!c.authorisation_by) {
      continue;
    }
    core::Authorisation a;
    a.criterion_id = c.id;
    a.authorised_by = parse_id(r.field(core::authorisation_field(c.id, "by")));
    a.date = date_field(r, core::authorisation_field(c.id, "date"));
    a.time = r.field(core::authorisation_field(c.id, "time"));
    a.what = r.field(core::authorisation_field(c.id, "what"));
    d.authorisations.push_back(std::move(a));
  }
  d.reason = r.field("reason");
  d.proposed_plan = r.field("proposed_plan");
  d.parallel_plan = r.field("parallel_plan");
  d.venue_preference = r.field("venue_preference");
  d.conference_call = r.field("conference_call") == "yes";
  return d;
}

WebResponse section_form(const Site& site, const WebRequest& r, const core::Error* errors) {
  auto section = core::section_from_id(r.params.size() > 1 ? r.params[1] : "");
  auto v = app::draft_for_edit(site.services(), r.actor(), r.id_param());
  if (!v) {
    return site.error(r, v.error());
  }
  if (!section || *section == core::Section::children) {
    return site.not_found(r);
  }
  const core::PanelType& panel = *v->panel;
  const bool posted = errors != nullptr;
  const core::RequestDraft draft = posted ? posted_draft(r, panel) : v->draft;
  Data d;
  d.set("id", str(v->id));
  d.set("section", std::string(core::section_id(*section)));
  d.set("panel_name", panel.name);
  d.set("children_names", joined_names(v->children));
  std::string title;
  if (*section == core::Section::type && !panel.request_types.empty()) {
    title = "What is the request for?";
    set_flag(d, "request_types_section", true);
    Data types{Data::type::list};
    for (const auto& t : panel.request_types) {
      Data x;
      x.set("id", t.id);
      x.set("label", t.label);
      set_if(x, "hint", t.hint);
      set_flag(x, "checked", draft.request_type == t.id);
      if (t.statutory() && !d.get("statutory_type")) {
        d.set("statutory_type", true);
        std::string lower = t.label;
        lower[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(lower[0])));
        d.set("statutory_label_lower", "a " + lower);
        d.set("statutory_working_days", std::to_string(*t.heard_within_working_days));
      }
      types.push_back(x);
    }
    d.set("request_types", types);
    set_date_parts(
        d, "came_", r, "came_into_care",
        draft.came_into_care.empty() ? v->first_child_came_into_care : draft.came_into_care,
        posted);
  } else if (*section == core::Section::type) {
    title = "Which criteria apply to this case?";
    set_flag(d, "criteria_section", true);
    Data groups{Data::type::list};
    Data authorisations{Data::type::list};
    for (bool additional : {false, true}) {
      Data g;
      g.set("heading", additional ? "Additional criteria" : "Criteria");
      Data items{Data::type::list};
      for (const auto& c : panel.entry_criteria) {
        if (c.additional != additional) {
          continue;
        }
        Data x;
        x.set("id", c.id);
        x.set("label", c.label);
        set_if(x, "hint", c.hint);
        set_flag(
            x, "checked",
            std::find(draft.criteria.begin(), draft.criteria.end(), c.id) != draft.criteria.end());
        if (c.authorisation_by) {
          const core::Authorisation* au = nullptr;
          for (const auto& a : draft.authorisations) {
            if (a.criterion_id == c.id) {
              au = &a;
            }
          }
          Data a;
          a.set("criterion_id", c.id);
          a.set("criterion_label", c.label);
          a.set("title", panel.title_of(*c.authorisation_by));
          a.set("field_by", core::authorisation_field(c.id, "by"));
          a.set("field_date", core::authorisation_field(c.id, "date"));
          a.set("field_time", core::authorisation_field(c.id, "time"));
          a.set("field_what", core::authorisation_field(c.id, "what"));
          a.set("authorisers", people(v->authorisers, au ? au->authorised_by : 0));
          set_date_parts(a, "", r, core::authorisation_field(c.id, "date"), au ? au->date : "",
                         posted);
          a.set("time", au ? au->time : "");
          a.set("what", au ? au->what : "");
          if (errors) {
            for (const auto& f : errors->fields) {
              for (const char* part : {"by", "date", "time", "what"}) {
                if (f.field == core::authorisation_field(c.id, part)) {
                  a.set(std::string("error_") + part, f.message);
                }
              }
            }
          }
          authorisations.push_back(a);
        }
        items.push_back(x);
      }
      g.set("items", items);
      groups.push_back(g);
    }
    d.set("criteria_groups", groups);
    d.set("authorisations", authorisations);
  } else if (*section == core::Section::details) {
    title = "Reason and plans";
    set_flag(d, "details_section", true);
    d.set("reason", draft.reason);
    d.set("proposed_plan", draft.proposed_plan);
    d.set("parallel_plan", draft.parallel_plan);
    const core::RequestType* type = panel.request_type(v->draft.request_type);
    set_flag(d, "needs_parallel_plan", type && type->needs_parallel_plan);
  } else {
    title = panel.asks_venue_preference ? "Venue and attendance" : "Attendance";
    set_flag(d, "attendance_section", true);
    d.set("attendance_heading", title);
    set_flag(d, "asks_venue", panel.asks_venue_preference);
    set_flag(d, "asks_conference_call", panel.asks_conference_call);
    set_flag(d, "conference_call", draft.conference_call);
    Data venues{Data::type::list};
    for (const auto& ven : panel.venues) {
      Data x;
      x.set("id", ven.id);
      x.set("label", ven.name + " (" + ven.code + ")");
      set_flag(x, "checked", draft.venue_preference == ven.id);
      venues.push_back(x);
    }
    d.set("venues", venues);
  }
  if (errors) {
    add_errors(d, *errors);
  }
  return site.page(r, "request_section", title, std::move(d));
}

WebResponse edit_section(const Site& site, WebRequest& r) { return section_form(site, r, nullptr); }

WebResponse save_section(const Site& site, WebRequest& r) {
  auto section = core::section_from_id(r.params.size() > 1 ? r.params[1] : "");
  const core::PanelType* panel = nullptr;
  if (auto v = app::draft_for_edit(site.services(), r.actor(), r.id_param()); v) {
    panel = v->panel;
  } else {
    return site.error(r, v.error());
  }
  if (!section) {
    return site.not_found(r);
  }
  auto done = app::save_section(site.services(), r.actor(), r.id_param(), *section,
                                posted_draft(r, *panel));
  if (!done) {
    if (done.error().kind != core::ErrorKind::invalid) {
      return site.error(r, done.error());
    }
    return section_form(site, r, &done.error());
  }
  return WebResponse::redirect("/requests/" + str(r.id_param()));
}

// --- The request page, and "check your answers" ---------------------------

Data row(const std::string& key, std::vector<std::string> lines, const std::string& change) {
  Data x;
  x.set("key", key);
  std::string lower = key;
  if (!lower.empty()) {
    lower[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(lower[0])));
  }
  x.set("key_lower", lower);
  Data l{Data::type::list};
  for (auto& line : lines) {
    l.push_back(Data(std::move(line)));
  }
  x.set("lines", l);
  set_if(x, "change", change);
  return x;
}

WebResponse show_request(const Site& site, const WebRequest& r, bool checking,
                         const core::Error* errors) {
  auto v = app::request_view(site.services(), r.actor(), r.id_param());
  if (!v) {
    return site.error(r, v.error());
  }
  if (checking && (!v->can_edit || !v->ready_to_send) && !errors) {
    return WebResponse::redirect("/requests/" + str(v->id));
  }
  const core::PanelType* panel = site.services().panels.find(v->panel_id);
  Data d;
  d.set("id", str(v->id));
  d.set("panel_name", v->panel_name);
  d.set("children_names", [&] {
    std::string out;
    for (const auto& c : v->children) {
      out += (out.empty() ? "" : ", ") + c.name;
    }
    return out;
  }());
  d.set("state", v->state);
  d.set("state_label", v->state_label);
  const bool tasks = v->can_edit && !checking;
  std::string heading = v->request_type;
  if (tasks) {
    heading = "Your request to " + v->panel_name;
  } else if (checking) {
    heading = "Check your answers before sending your request";
  }
  d.set("heading", heading);
  set_if(d, "statutory_due", v->statutory_due);
  set_flag(d, "statutory_overdue", v->statutory_overdue);
  set_flag(d, "must_go_next", v->must_go_to_next_sitting);
  set_if(d, "cutoff_note", v->cutoff_note);
  set_if(d, "target_sitting", v->target_sitting);
  set_if(d, "missed_sitting", v->missed_sitting);
  set_if(d, "late_accepted", v->late_accepted);
  set_flag(d, "can_accept_late", v->can_accept_late);
  set_if(d, "waiting_for", v->waiting_for);
  set_flag(d, "checking", checking);
  if (checking) {
    d.set("send_label",
          panel && !panel->approval_steps.empty() ? "Send for approval" : "Send to the panel");
    std::string who;
    if (panel && !panel->approval_steps.empty()) {
      who = "your " + panel->title_of(panel->approval_steps.front().role);
    } else if (panel) {
      who = "the " + panel->title_of(core::Role::coordinator);
    }
    d.set("send_explanation",
          "By sending this request you confirm that, to the best of your "
          "knowledge, the details you are providing are correct. It goes to " +
              who + ", and you will be told when it moves on.");
  }
  set_flag(d, "show_tasks", tasks);
  if (tasks) {
    Data list{Data::type::list};
    for (const auto& t : v->tasks) {
      Data x;
      x.set("id", t.id);
      x.set("label", t.label);
      if (t.status != "Cannot start yet") {
        x.set("href", t.href);
      }
      x.set("status", t.status);
      set_flag(x, "completed", t.status == "Completed");
      x.set("tag_colour", t.status == "In progress" ? "light-blue" : "blue");
      list.push_back(x);
    }
    d.set("tasks", list);
  }
  set_flag(d, "show_summary", !tasks);
  if (!tasks) {
    const std::string base = "/requests/" + str(v->id) + "/edit/";
    const std::string type_change = checking ? base + "type" : "";
    const std::string details_change = checking ? base + "details" : "";
    const std::string attendance_change = checking ? base + "attendance" : "";
    Data rows{Data::type::list};
    Data kids = row("Children", {}, "");
    Data links{Data::type::list};
    for (const auto& c : v->children) {
      Data l;
      l.set("href", "/children/" + str(c.id));
      l.set("text", c.name);
      links.push_back(l);
    }
    kids.set("links", links);
    rows.push_back(kids);
    if (panel && !panel->request_types.empty()) {
      rows.push_back(row("Request type", {v->request_type}, type_change));
      if (!v->came_into_care.empty()) {
        rows.push_back(row("Came into care", {v->came_into_care}, type_change));
      }
    }
    if (panel && !panel->entry_criteria.empty()) {
      rows.push_back(row("Entry criteria", v->criteria, type_change));
      for (const auto& a : v->authorisations) {
        rows.push_back(
            row("Authorisation", {"By " + a.authorised_by + " on " + a.at, a.what}, type_change));
      }
    }
    rows.push_back(row("Reason", {v->reason}, details_change));
    rows.push_back(row("Proposed plan", {v->proposed_plan}, details_change));
    if (!v->parallel_plan.empty() || checking) {
      rows.push_back(row("Parallel plan", {v->parallel_plan.empty() ? "None" : v->parallel_plan},
                         details_change));
    }
    if (v->asks_venue) {
      rows.push_back(row("Preferred venue", {v->venue}, attendance_change));
    }
    if (v->asks_conference_call) {
      rows.push_back(
          row("Conference call needed", {v->conference_call ? "Yes" : "No"}, attendance_change));
    }
    if (v->has_papers) {
      Data papers = row("Papers", {}, checking ? "/requests/" + str(v->id) + "/papers" : "");
      Data plinks{Data::type::list};
      Data l;
      l.set("href", "/requests/" + str(v->id) + "/papers");
      l.set("text", "See the papers");
      plinks.push_back(l);
      papers.set("links", plinks);
      rows.push_back(papers);
    }
    if (!v->three_way_discussion.empty()) {
      rows.push_back(row("3-way discussion", {v->three_way_discussion}, ""));
    }
    rows.push_back(row("Requested by", {v->author}, ""));
    d.set("rows", rows);
  }
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
  set_flag(d, "can_approve", v->can_approve);
  set_if(d, "approve_label", v->approve_label);
  if (v->can_approve && v->records_three_way_discussion && panel) {
    set_flag(d, "records_three_way", true);
    d.set("pm_title", panel->title_of(core::Role::practice_manager));
    d.set("gm_title", panel->title_of(core::Role::group_manager));
    const bool posted = errors != nullptr;
    d.set("practice_managers",
          people(v->practice_managers,
                 posted ? parse_id(r.field("discussion_practice_manager")) : r.actor().id));
    d.set("group_managers",
          people(v->group_managers, posted ? parse_id(r.field("discussion_group_manager")) : 0));
    set_date_parts(d, "discussion_", r, "discussion_date", "", posted);
  }
  set_flag(d, "can_schedule", v->can_schedule);
  set_if(d, "hearing_date", v->hearing_date);
  set_if(d, "hearing_time", v->hearing_time);
  set_if(d, "hearing_venue", v->hearing_venue);
  if (v->sitting_id) {
    d.set("sitting_id", str(v->sitting_id));
  }
  if (errors) {
    add_errors(d, *errors);
    d.set("comments", r.field("comments"));
    d.set("late_reason", r.field("late_reason"));
    if (checking) {
      // The fields are on the section pages: link each problem there.
      Data list{Data::type::list};
      for (const auto& f : errors->fields) {
        Data item;
        const bool paper = f.field.rfind("paper", 0) == 0;
        item.set(
            "href",
            "/requests/" + str(v->id) +
                (paper ? "/papers#" + f.field
                       : "/edit/" + std::string(core::section_id(core::section_of_field(f.field))) +
                             "#" + f.field));
        item.set("message", f.message);
        list.push_back(item);
      }
      if (!errors->fields.empty()) {
        d.set("errors", list);
      }
    }
  }
  const std::string title = checking ? "Check your answers: request " + str(v->id)
                                     : "Request " + str(v->id) + ": " + v->panel_name;
  return site.page(r, "request", title, std::move(d));
}

WebResponse view(const Site& site, WebRequest& r) { return show_request(site, r, false, nullptr); }
WebResponse check(const Site& site, WebRequest& r) { return show_request(site, r, true, nullptr); }

WebResponse after(const Site& site, WebRequest& r, const core::Status& done, bool checking) {
  if (!done) {
    if (done.error().kind == core::ErrorKind::invalid) {
      return show_request(site, r, checking, &done.error());
    }
    return site.error(r, done.error());
  }
  return WebResponse::redirect("/requests/" + str(r.id_param()));
}

WebResponse send(const Site& site, WebRequest& r) {
  return after(site, r, app::send_for_approval(site.services(), r.actor(), r.id_param()), true);
}

WebResponse approve(const Site& site, WebRequest& r) {
  app::ApprovalInput in;
  in.comments = r.field("comments");
  in.discussion_date = date_field(r, "discussion_date");
  in.discussion_practice_manager = parse_id(r.field("discussion_practice_manager"));
  in.discussion_group_manager = parse_id(r.field("discussion_group_manager"));
  return after(site, r, app::approve_request(site.services(), r.actor(), r.id_param(), in), false);
}

WebResponse send_back(const Site& site, WebRequest& r) {
  return after(site, r,
               app::return_request(site.services(), r.actor(), r.id_param(), r.field("comments")),
               false);
}

WebResponse accept_late(const Site& site, WebRequest& r) {
  return after(site, r,
               app::accept_late(site.services(), r.actor(), r.id_param(), r.field("late_reason")),
               false);
}

}  // namespace

void add_request_routes(std::vector<Route>& routes) {
  const Rule drafting{Access::signed_in, core::Permission::draft_request};
  const Rule approving{Access::signed_in, core::Permission::approve_request};
  const Rule triaging{Access::signed_in, core::Permission::triage};
  routes.push_back({"GET", "/requests/new", drafting, new_request});
  routes.push_back({"POST", "/requests", drafting, create});
  routes.push_back(
      {"GET", "/requests/{id}", {Access::signed_in, core::Permission::view_requests}, view});
  routes.push_back({"GET", "/requests/{id}/edit/{section}", drafting, edit_section});
  routes.push_back({"POST", "/requests/{id}/edit/{section}", drafting, save_section});
  routes.push_back({"GET", "/requests/{id}/check", drafting, check});
  routes.push_back({"POST", "/requests/{id}/send", drafting, send});
  routes.push_back({"POST", "/requests/{id}/approve", approving, approve});
  routes.push_back({"POST", "/requests/{id}/return", approving, send_back});
  routes.push_back({"POST", "/requests/{id}/accept-late", triaging, accept_late});
}

}  // namespace casepanel::web
