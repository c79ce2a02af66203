// Recording a hearing: the record form (the children still without a
// record, the panel's decisions and outcomes, its permanency plans, actions)
// and its POST; correcting one child's record on the day. Thin: each handler
// parses, calls one app/ function and renders or redirects.
#include <algorithm>
#include <map>

#include "app/decisions.h"
#include "web/confirmations.h"
#include "web/decision_form_parts.h"
#include "web/decision_parts.h"
#include "web/site.h"
#include "web/view.h"

namespace casepanel::web {
namespace {

// What a field shows: the posted value, else the saved one; "error:FIELD"
// gives the field's error.
FieldValue field_values(const WebRequest& r, const core::Error* errors,
                        const std::map<std::string, std::string>* saved) {
  return [&r, errors, saved](const std::string& field) -> std::string {
    if (field.rfind("error:", 0) == 0) {
      if (errors) {
        for (const core::FieldError& e : errors->fields) {
          if (e.field == field.substr(6)) {
            return e.message;
          }
        }
      }
      return "";
    }
    if (saved) {
      auto it = saved->find(field);
      return it == saved->end() ? std::string() : it->second;
    }
    return r.field(field);
  };
}

Data children_data(const app::DecisionForm& f, const WebRequest& r, bool posted) {
  const std::vector<std::string> chosen = r.fields("child_id");
  Data list{Data::type::list};
  for (const app::ChildChoice& c : f.children) {
    Data x;
    x.set("id", str(c.id));
    x.set("name", c.name);
    const bool checked = posted ? std::find(chosen.begin(), chosen.end(), str(c.id)) != chosen.end()
                                : true;  // a sibling group: all of them, by default
    set_flag(x, "checked", checked);
    list.push_back(x);
  }
  return list;
}

WebResponse decision_page(const Site& site, const WebRequest& r, const core::Error* errors) {
  auto f = app::decision_form(site.services(), r.actor(), r.id_param());
  if (!f) {
    return site.error(r, f.error());
  }
  Data d;
  const bool posted = r.method == "POST";
  fill_decision_form(d, *f, field_values(r, errors, nullptr), r.fields("item"));
  d.set("children", children_data(*f, r, posted));
  set_flag(d, "several_children", f->children.size() > 1);
  set_flag(d, "all_decided", f->children.empty());
  set_flag(d, "show_form", !f->children.empty());
  d.set("action_url", "/hearings/" + str(f->hearing_id) + "/decision");
  d.set("submit", "Save the record");
  d.set("heading", "Record the hearing");
  set_flag(d, "has_recorded", !f->recorded.empty());
  d.set("recorded_records",
        render_records(site, f->recorded,
                       {.child = true, .correct = f->may_correct, .disagree = f->may_disagree}));
  if (errors) {
    add_errors(d, *errors);
  }
  return site.page(r, "decision", "Record the hearing", std::move(d));
}

WebResponse decision_form(const Site& site, WebRequest& r) {
  return decision_page(site, r, nullptr);
}

WebResponse record_decision(const Site& site, WebRequest& r) {
  auto done = app::record_decision(site.services(), r.actor(), r.id_param(), decision_entry(r));
  if (!done) {
    if (done.error().kind == core::ErrorKind::invalid) {
      return decision_page(site, r, &done.error());
    }
    return site.error(r, done.error());
  }
  return WebResponse::redirect(
      confirmed("/hearings/" + str(r.id_param()) + "/decision", "decision_recorded"));
}

WebResponse correction_page(const Site& site, const WebRequest& r, const core::Error* errors) {
  auto f = app::correction_form(site.services(), r.actor(), r.id_param());
  if (!f) {
    return site.error(r, f.error());
  }
  std::map<std::string, std::string> saved;
  std::vector<std::string> items;
  for (const auto& [field, value] : f->fields) {
    if (field == "item") {
      items.push_back(value);
    } else {
      saved[field] = value;
    }
  }
  const bool posted = r.method == "POST";
  Data d;
  fill_decision_form(d, f->form, field_values(r, errors, posted ? nullptr : &saved),
                     posted ? r.fields("item") : items);
  d.set("correcting", true);
  d.set("show_form", true);
  d.set("child_name", f->record.child + ", " + f->record.child_born);
  d.set("action_url", "/decisions/" + str(r.id_param()) + "/correct");
  d.set("submit", "Save the correction");
  d.set("heading", "Correct the record");
  d.set("recorded_records", render_records(site, {f->record}, {.child = true}));
  d.set("has_recorded", true);
  if (errors) {
    add_errors(d, *errors);
  }
  return site.page(r, "decision", "Correct the record", std::move(d));
}

WebResponse correction_form(const Site& site, WebRequest& r) {
  return correction_page(site, r, nullptr);
}

WebResponse correct(const Site& site, WebRequest& r) {
  auto done = app::correct_decision(site.services(), r.actor(), r.id_param(), decision_entry(r));
  if (!done) {
    if (done.error().kind == core::ErrorKind::invalid) {
      return correction_page(site, r, &done.error());
    }
    return site.error(r, done.error());
  }
  auto f = app::correction_form(site.services(), r.actor(), r.id_param());
  return WebResponse::redirect(
      confirmed(f ? "/hearings/" + str(f->form.hearing_id) + "/decision" : std::string("/"),
                "decision_corrected"));
}

}  // namespace

void add_decision_routes(std::vector<Route>& routes) {
  const Rule recording{Access::signed_in, core::Permission::record_decision};
  routes.push_back({"GET", "/hearings/{id}/decision", recording, decision_form});
  routes.push_back({"POST", "/hearings/{id}/decision", recording, record_decision});
  routes.push_back({"GET", "/decisions/{id}/correct", recording, correction_form});
  routes.push_back({"POST", "/decisions/{id}/correct", recording, correct});
  add_recommendation_routes(routes);
}

}  // namespace casepanel::web
