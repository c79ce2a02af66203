// The PanelType model: lookups by id and the rules that need no file. Reading
// and checking a panel file is in core/panel_toml*.cc.
#include "core/panel_type.h"

#include <algorithm>
#include <array>

namespace casepanel::core {

namespace {

constexpr std::array<std::string_view, 7> kWeekdayNames = {
    "Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};

template <typename T>
const T* find_by_id(const std::vector<T>& items, std::string_view id) {
  auto it = std::find_if(items.begin(), items.end(), [&](const T& x) { return x.id == id; });
  return it == items.end() ? nullptr : &*it;
}

}  // namespace

std::string_view weekday_name(std::chrono::weekday d) {
  return d.ok() ? kWeekdayNames[d.c_encoding()] : std::string_view("not a weekday");
}

std::string PanelType::Problem::to_string() const {
  std::string out = source + ":";
  if (line > 0) {
    out += std::to_string(line) + ":";
  }
  out += " ";
  if (!field.empty()) {
    out += field + ": ";
  }
  return out + message;
}

std::string PanelType::title_of(Role r) const {
  for (const auto& [role, title] : role_titles) {
    if (role == r) {
      return title;
    }
  }
  return std::string(role_title(r));
}

const RequestType* PanelType::request_type(std::string_view id) const {
  return find_by_id(request_types, id);
}

const EntryCriterion* PanelType::entry_criterion(std::string_view id) const {
  return find_by_id(entry_criteria, id);
}

const DecisionOption* PanelType::decision(std::string_view id) const {
  return find_by_id(decisions, id);
}

const Choice* PanelType::outcome(std::string_view id) const { return find_by_id(outcomes, id); }

const Choice* PanelType::decision_or_outcome(std::string_view id) const {
  const Choice* c = decision(id);
  return c ? c : outcome(id);
}

const Venue* PanelType::venue(std::string_view id) const { return find_by_id(venues, id); }

const Choice* PanelType::permanency_plan(std::string_view id) const {
  return find_by_id(permanency.plans, id);
}

const Member* PanelType::seat(std::string_view id) const { return find_by_id(members, id); }

bool PanelType::returns_to_panel(std::string_view decision_or_outcome_id) const {
  return !return_to_panel.applies_to.empty() &&
         return_to_panel.applies_to == decision_or_outcome_id;
}

// CLAM: a 15 minute slot for each child, and 15 more for each additional sibling.
int PanelType::hearing_minutes(int children) const {
  return slot_minutes + extra_minutes_per_sibling * std::max(0, children - 1);
}

}  // namespace casepanel::core
