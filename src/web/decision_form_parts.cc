#include "web/decision_form_parts.h"

#include <algorithm>

#include "web/forms.h"
#include "web/view.h"

namespace casepanel::web {
namespace {

std::int64_t id_of(const std::string& text) {
  std::int64_t n = 0;
  for (char c : text) {
    if (c < '0' || c > '9' || n > 1'000'000'000'000) {
      return 0;
    }
    n = n * 10 + (c - '0');
  }
  return n;
}

// "decision:fgc" -> the item, its text from its own field.
std::optional<core::ItemEntry> item_of(const WebRequest& r, const std::string& value) {
  const std::size_t colon = value.find(':');
  if (colon == std::string::npos) {
    return std::nullopt;
  }
  const auto kind = core::item_kind_from_id(value.substr(0, colon));
  if (!kind) {
    return std::nullopt;
  }
  const std::string option = value.substr(colon + 1);
  return core::ItemEntry{*kind, option, r.field(core::item_field(*kind, option))};
}

Data options(const std::vector<core::Choice>& choices, const std::string& chosen) {
  Data list{Data::type::list};
  for (const core::Choice& c : choices) {
    Data x;
    x.set("id", c.id);
    x.set("label", c.label);
    set_if(x, "hint", c.hint);
    set_flag(x, "checked", c.id == chosen);
    list.push_back(x);
  }
  return list;
}

Data people(const std::vector<app::NamedId>& owners, const std::string& chosen) {
  Data list{Data::type::list};
  for (const app::NamedId& o : owners) {
    Data x;
    x.set("id", str(o.id));
    x.set("name", o.name);
    set_flag(x, "selected", str(o.id) == chosen);
    list.push_back(x);
  }
  return list;
}

template <typename Option>
Data items(const std::vector<Option>& catalogue, core::ItemKind kind, const FieldValue& value,
           const std::vector<std::string>& chosen) {
  Data list{Data::type::list};
  for (const Option& c : catalogue) {
    const std::string key = std::string(core::item_kind_id(kind)) + ":" + c.id;
    const std::string field = core::item_field(kind, c.id);
    Data x;
    x.set("value", key);
    x.set("field", field);
    x.set("label", c.label);
    set_if(x, "hint", c.hint);
    x.set("detail", value(field));
    set_if(x, "error", value("error:" + field));
    set_flag(x, "checked", std::find(chosen.begin(), chosen.end(), key) != chosen.end());
    list.push_back(x);
  }
  return list;
}

void set_date_parts(Data& x, const std::string& prefix, const std::string& iso) {
  if (iso.size() == 10 && iso[4] == '-' && iso[7] == '-') {
    x.set(prefix + "_year", iso.substr(0, 4));
    x.set(prefix + "_month", iso.substr(5, 2));
    x.set(prefix + "_day", iso.substr(8, 2));
  }
}

Data action_lines(const app::DecisionForm& f, const FieldValue& value) {
  Data list{Data::type::list};
  for (std::size_t i = 0; i < kActionLines; ++i) {
    Data x;
    x.set("n", str(static_cast<std::int64_t>(i)));
    x.set("number", str(static_cast<std::int64_t>(i + 1)));
    x.set("description", value(core::action_field(i, "description")));
    x.set("owners", people(f.owners, value(core::action_field(i, "owner_id"))));
    x.set("due_working_days", value(core::action_field(i, "due_working_days")));
    x.set("due_day", value(core::action_field(i, "due_date") + "-day"));
    x.set("due_month", value(core::action_field(i, "due_date") + "-month"));
    x.set("due_year", value(core::action_field(i, "due_date") + "-year"));
    for (const char* part : {"description", "owner_id", "due_working_days", "due_date"}) {
      set_if(x, std::string("error_") + part, value("error:" + core::action_field(i, part)));
    }
    list.push_back(x);
  }
  return list;
}

}  // namespace

core::DecisionEntry decision_entry(const WebRequest& r) {
  core::DecisionEntry in;
  for (const std::string& c : r.fields("child_id")) {
    if (const std::int64_t id = id_of(c); id != 0) {
      in.child_ids.push_back(id);
    }
  }
  for (const std::string& v : r.fields("item")) {
    if (auto item = item_of(r, v)) {
      in.items.push_back(std::move(*item));
    } else {
      in.items.push_back({core::ItemKind::decision, v, ""});  // core reports it
    }
  }
  in.reasons = r.field("reasons");
  in.permanency = {r.field("permanency_plan"), r.field("permanency_timeframe"),
                   id_of(r.field("permanency_owner_id"))};
  in.parallel = {r.field("parallel_plan"), r.field("parallel_timeframe"),
                 id_of(r.field("parallel_owner_id"))};
  in.review_date = date_field(r, "review_date");
  for (std::size_t i = 0; i < kActionLines; ++i) {
    in.actions.push_back({r.field(core::action_field(i, "description")),
                          id_of(r.field(core::action_field(i, "owner_id"))),
                          r.field(core::action_field(i, "due_working_days")),
                          date_field(r, core::action_field(i, "due_date"))});
  }
  return in;
}

void fill_decision_form(Data& d, const app::DecisionForm& f, const FieldValue& value,
                        const std::vector<std::string>& chosen_items) {
  d.set("hearing_id", str(f.hearing_id));
  d.set("sitting_id", str(f.sitting_id));
  d.set("sitting", f.sitting);
  set_if(d, "request_type", f.request_type);
  if (!f.decisions.empty()) {
    d.set("decisions", items(f.decisions, core::ItemKind::decision, value, chosen_items));
    d.set("has_decisions", true);
  }
  if (!f.outcomes.empty()) {
    d.set("outcomes", items(f.outcomes, core::ItemKind::outcome, value, chosen_items));
    d.set("has_outcomes", true);
  }
  d.set("reasons", value("reasons"));
  if (!f.plans.empty()) {
    d.set("asks_permanency", true);
    d.set("permanency_plans", options(f.plans, value("permanency_plan")));
    d.set("permanency_timeframe", value("permanency_timeframe"));
    d.set("permanency_owners", people(f.owners, value("permanency_owner_id")));
  }
  if (f.asks_parallel_plan) {
    d.set("asks_parallel", true);
    set_if(d, "parallel_plan_hint", f.parallel_plan_hint);
    d.set("parallel_plans", options(f.plans, value("parallel_plan")));
    d.set("parallel_timeframe", value("parallel_timeframe"));
    d.set("parallel_owners", people(f.owners, value("parallel_owner_id")));
  }
  set_if(d, "returns_to_panel", f.returns_to_panel);
  const std::string review = value("review_date");
  if (!review.empty()) {
    set_date_parts(d, "review", review);
  } else {
    d.set("review_day", value("review_date-day"));
    d.set("review_month", value("review_date-month"));
    d.set("review_year", value("review_date-year"));
  }
  d.set("actions", action_lines(f, value));
}

}  // namespace casepanel::web
