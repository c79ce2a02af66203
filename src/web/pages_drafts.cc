// Requests to panel: starting one, and the task list's section forms.
#include "web/pages_drafts.h"

#include <algorithm>

#include "app/children.h"
#include "app/display.h"
#include "app/requests.h"
#include "core/counted.h"
#include "web/forms.h"
#include "web/request_form_parts.h"
#include "web/view.h"

namespace casepanel::web {
namespace {

// --- Starting a request ---------------------------------------------------

Data panel_choices(const Site& site, const WebRequest& r) {
  Data panels{Data::type::list};
  for (const auto& p : site.services().panels.all()) {
    Data x;
    x.set("id", p.id);
    x.set("name", p.name);
    x.set("council", p.council);
    set_if(x, "description", p.description);
    set_flag(x, "checked", r.query_value("panel") == p.id);
    panels.push_back(x);
  }
  return panels;
}

WebResponse choose_panel_and_child(const Site& site, const WebRequest& r, const core::Error* e) {
  Data d;
  set_flag(d, "choosing", true);
  d.set("panels", panel_choices(site, r));
  auto children = app::children_in_scope(site.services(), r.actor());
  if (!children) {
    return site.error(r, children.error());
  }
  Data list{Data::type::list};
  for (const auto& c : *children) {
    Data x;
    x.set("id", str(c.id));
    x.set("name",
          c.name + " (born " + app::long_date(c.date_of_birth) + ", " + c.external_id + ")");
    set_flag(x, "selected", str(c.id) == r.query_value("child"));
    list.push_back(x);
  }
  d.set("children", list);
  if (e) {
    add_errors(d, *e);
  }
  return site.page(r, "request_new", "New request to panel", std::move(d));
}

// Whether a child's box is ticked: the child asked about at first, what was
// posted after a problem.
bool child_chosen(const WebRequest& r, std::int64_t id, std::int64_t child_id, bool posted) {
  if (!posted) {
    return id == child_id;
  }
  const auto chosen = r.fields("child_ids");
  return std::any_of(chosen.begin(), chosen.end(),
                     [&](const std::string& c) { return parse_id(c) == id; });
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
  d.set("extra_minutes", core::counted(panel.extra_minutes_per_sibling, "minute", "minutes"));
  Data children{Data::type::list};
  auto add = [&](std::int64_t id, const std::string& name, const std::string& born) {
    Data x;
    x.set("id", str(id));
    x.set("name", name + " (born " + app::long_date(born) + ")");
    set_flag(x, "checked", child_chosen(r, id, child_id, errors != nullptr));
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

// --- The section forms ----------------------------------------------------

// The authorisation a criterion needs, as posted or stored.
core::Authorisation posted_authorisation(const WebRequest& r, const core::EntryCriterion& c) {
  core::Authorisation a;
  a.criterion_id = c.id;
  a.authorised_by = parse_id(r.field(core::authorisation_field(c.id, "by")));
  a.date = date_field(r, core::authorisation_field(c.id, "date"));
  a.time = r.field(core::authorisation_field(c.id, "time"));
  a.what = r.field(core::authorisation_field(c.id, "what"));
  return a;
}

// The section's fields as posted.
core::RequestDraft posted_draft(const WebRequest& r, const core::PanelType& panel) {
  core::RequestDraft d;
  d.panel_id = panel.id;
  d.request_type = r.field("request_type");
  d.came_into_care = date_field(r, "came_into_care");
  d.criteria = r.fields("criteria");
  for (const auto& c : panel.entry_criteria) {
    if (c.authorisation_by) {
      d.authorisations.push_back(posted_authorisation(r, c));
    }
    if (c.after_months && r.field(core::record_confirmation_field(c.id)) == "yes") {
      d.confirmed_against_record.push_back(c.id);
    }
  }
  d.reason = r.field("reason");
  d.proposed_plan = r.field("proposed_plan");
  d.parallel_plan = r.field("parallel_plan");
  d.venue_preference = r.field("venue_preference");
  d.conference_call = r.field("conference_call") == "yes";
  return d;
}

// What one section form shows: the draft as posted (after a problem) or as
// stored, and the problems.
struct SectionForm {
  const WebRequest& r;
  const app::DraftView& v;
  const core::PanelType& panel;
  const core::RequestDraft& draft;
  const core::Error* errors;
  bool posted() const { return errors != nullptr; }
};

// CLAM: the request types, and the date of coming into care for a statutory one.
std::string request_type_section(Data& d, const SectionForm& f) {
  set_flag(d, "request_types_section", true);
  Data types{Data::type::list};
  bool asked_came_into_care = false;
  for (const auto& t : f.panel.request_types) {
    Data x;
    x.set("id", t.id);
    x.set("label", t.label);
    set_if(x, "hint", t.hint);
    set_flag(x, "checked", f.draft.request_type == t.id);
    // Issue 14, item 16: the date of coming into care is asked under the
    // statutory type that needs it (one date field: under the first).
    if (t.statutory() && !asked_came_into_care) {
      asked_came_into_care = true;
      set_flag(x, "asks_came_into_care", true);
      x.set("working_days",
            core::counted(*t.heard_within_working_days, "working day", "working days"));
    }
    types.push_back(x);
  }
  d.set("request_types", types);
  const std::string& came = f.draft.came_into_care;
  set_date_parts(d, "came_", f.r, "came_into_care",
                 came.empty() ? f.v.first_child_came_into_care : came, f.posted());
  return "What is the request for?";
}

// Support Panel 2.2: the authorisation form of a criterion that needs one.
Data authorisation_form(const SectionForm& f, const core::EntryCriterion& c) {
  const core::Authorisation* au = nullptr;
  for (const auto& a : f.draft.authorisations) {
    au = a.criterion_id == c.id ? &a : au;
  }
  Data a;
  a.set("criterion_id", c.id);
  a.set("criterion_label", c.label);
  a.set("title", f.panel.title_of(*c.authorisation_by));
  for (const char* part : {"by", "date", "time", "what"}) {
    a.set(std::string("field_") + part, core::authorisation_field(c.id, part));
  }
  a.set("authorisers", people(f.v.authorisers, au ? au->authorised_by : 0));
  set_date_parts(a, "", f.r, core::authorisation_field(c.id, "date"), au ? au->date : "",
                 f.posted());
  a.set("time", au ? au->time : "");
  a.set("what", au ? au->what : "");
  for (const auto& e : f.errors ? f.errors->fields : std::vector<core::FieldError>{}) {
    for (const char* part : {"by", "date", "time", "what"}) {
      if (e.field == core::authorisation_field(c.id, part)) {
        a.set(std::string("error_") + part, e.message);
      }
    }
  }
  return a;
}

bool has(const std::vector<std::string>& list, const std::string& id) {
  return std::find(list.begin(), list.end(), id) != list.end();
}

// Issue 14, item 8: under a criterion the record does not bear out, what the
// record shows, with the dates, and the practitioner's confirmation.
void add_record_check(Data& x, const SectionForm& f, const core::EntryCriterion& c) {
  Data lines{Data::type::list};
  for (const auto& claim : f.v.claims_against_record) {
    if (claim.criterion_id == c.id) {
      lines.push_back(Data(claim.text));
    }
  }
  if (lines.is_empty_list()) {
    return;
  }
  const std::string field = core::record_confirmation_field(c.id);
  x.set("record", lines);
  x.set("confirm_field", field);
  set_flag(x, "confirm_checked",
           f.posted() ? f.r.field(field) == "yes" : has(f.draft.confirmed_against_record, c.id));
  for (const auto& e : f.errors ? f.errors->fields : std::vector<core::FieldError>{}) {
    if (e.field == field) {
      x.set("error_confirm", e.message);
    }
  }
}

// A criterion, with what it asks under it (issue 14, item 16): the record's
// dates to confirm, the authorisation to record.
Data criterion_item(const SectionForm& f, const core::EntryCriterion& c) {
  Data x;
  x.set("id", c.id);
  x.set("label", c.label);
  set_if(x, "hint", c.hint);
  set_flag(x, "checked", has(f.draft.criteria, c.id));
  add_record_check(x, f, c);
  if (c.authorisation_by) {
    x.set("authorisation", authorisation_form(f, c));
  }
  set_flag(x, "conditional", x.get("record") || c.authorisation_by);
  return x;
}

// Support Panel: the entry criteria, then the additional criteria.
std::string criteria_section(Data& d, const SectionForm& f) {
  set_flag(d, "criteria_section", true);
  const bool one = f.panel.request_type_selection == core::Selection::one;
  d.set("criteria_kind", one ? "radios" : "checkboxes");
  d.set("criteria_input", one ? "radio" : "checkbox");
  d.set("criteria_hint", one ? "Select one." : "Select all that apply.");
  Data groups{Data::type::list};
  for (bool additional : {false, true}) {
    Data g;
    g.set("heading", additional ? "Additional criteria" : "Criteria");
    Data items{Data::type::list};
    for (const auto& c : f.panel.entry_criteria) {
      if (c.additional != additional) {
        continue;
      }
      items.push_back(criterion_item(f, c));
    }
    g.set("items", items);
    groups.push_back(g);
  }
  d.set("criteria_groups", groups);
  return "Which criteria apply to this case?";
}

std::string details_section(Data& d, const SectionForm& f) {
  set_flag(d, "details_section", true);
  d.set("reason", f.draft.reason);
  d.set("proposed_plan", f.draft.proposed_plan);
  d.set("parallel_plan", f.draft.parallel_plan);
  const core::RequestType* type = f.panel.request_type(f.v.draft.request_type);
  set_flag(d, "needs_parallel_plan", type && type->needs_parallel_plan);
  return "Reason and plans";
}

std::string attendance_section(Data& d, const SectionForm& f) {
  const std::string title = f.panel.asks_venue_preference ? "Venue and attendance" : "Attendance";
  set_flag(d, "attendance_section", true);
  d.set("attendance_heading", title);
  set_flag(d, "asks_venue", f.panel.asks_venue_preference);
  set_flag(d, "asks_conference_call", f.panel.asks_conference_call);
  set_flag(d, "conference_call", f.draft.conference_call);
  Data venues{Data::type::list};
  for (const auto& ven : f.panel.venues) {
    Data x;
    x.set("id", ven.id);
    x.set("label", ven.name + " (" + ven.code + ")");
    set_flag(x, "checked", f.draft.venue_preference == ven.id);
    venues.push_back(x);
  }
  d.set("venues", venues);
  return title;
}

// The section's fields; returns the page title.
std::string section_fields(Data& d, core::Section section, const SectionForm& f) {
  switch (section) {
    case core::Section::type:
      return f.panel.request_types.empty() ? criteria_section(d, f) : request_type_section(d, f);
    case core::Section::details:
      return details_section(d, f);
    default:
      return attendance_section(d, f);
  }
}

std::optional<core::Section> section_param(const WebRequest& r) {
  return core::section_from_id(r.params.size() > 1 ? r.params[1] : "");
}

WebResponse section_form(const Site& site, const WebRequest& r, const core::Error* errors) {
  auto section = section_param(r);
  auto v = app::draft_for_edit(site.services(), r.actor(), r.id_param());
  if (!v) {
    return site.error(r, v.error());
  }
  if (!section || *section == core::Section::children) {
    return site.not_found(r);
  }
  const core::PanelType& panel = *v->panel;
  const core::RequestDraft draft = errors ? posted_draft(r, panel) : v->draft;
  Data d;
  d.set("id", str(v->id));
  d.set("section", std::string(core::section_id(*section)));
  d.set("panel_name", panel.name);
  d.set("children_names", joined_names(v->children));
  const std::string title = section_fields(d, *section, {r, *v, panel, draft, errors});
  if (errors) {
    add_errors(d, *errors);
  }
  return site.page(r, "request_section", title, std::move(d));
}

}  // namespace

WebResponse new_request_page(const Site& site, WebRequest& r) {
  // Issue 14, item 18: the form always sends "child" (its select), so a
  // "Continue" with nothing chosen is answered with the problems rather than
  // the same empty form; a first visit sends neither.
  const bool asked = r.query.count("panel") > 0 || r.query.count("child") > 0;
  const core::PanelType* panel = site.services().panels.find(r.query_value("panel"));
  const std::int64_t child = parse_id(r.query_value("child"));
  if (panel != nullptr && child != 0) {
    return choose_children(site, r, child, *panel, nullptr);
  }
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

WebResponse create_request_page(const Site& site, WebRequest& r) {
  std::vector<std::int64_t> children;
  for (const auto& c : r.fields("child_ids")) {
    if (std::int64_t id = parse_id(c)) {
      children.push_back(id);
    }
  }
  const std::string panel_id = r.field("panel_id");
  auto id = app::start_request(site.services(), r.actor(), panel_id, children);
  if (id) {
    return WebResponse::redirect("/requests/" + str(*id));
  }
  const core::PanelType* panel = site.services().panels.find(panel_id);
  if (id.error().kind != core::ErrorKind::invalid || panel == nullptr) {
    return site.error(r, id.error());
  }
  return choose_children(site, r, parse_id(r.field("child_id")), *panel, &id.error());
}

WebResponse edit_section_page(const Site& site, WebRequest& r) {
  return section_form(site, r, nullptr);
}

WebResponse save_section_page(const Site& site, WebRequest& r) {
  auto section = section_param(r);
  auto v = app::draft_for_edit(site.services(), r.actor(), r.id_param());
  if (!v) {
    return site.error(r, v.error());
  }
  if (!section) {
    return site.not_found(r);
  }
  auto done = app::save_section(site.services(), r.actor(), r.id_param(), *section,
                                posted_draft(r, *v->panel));
  if (done) {
    return WebResponse::redirect("/requests/" + str(r.id_param()));
  }
  if (done.error().kind != core::ErrorKind::invalid) {
    return site.error(r, done.error());
  }
  return section_form(site, r, &done.error());
}

}  // namespace casepanel::web
