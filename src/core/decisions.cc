#include "core/decisions.h"

#include <charconv>
#include <chrono>
#include <set>

#include "core/sittings.h"
#include "core/text.h"

namespace casepanel::core {
namespace {

using Problems = std::vector<FieldError>;

bool after(Date a, Date b) { return std::chrono::sys_days{a} > std::chrono::sys_days{b}; }

std::optional<int> working_days(const std::string& typed) {
  int days = 0;
  auto [end, ec] = std::from_chars(typed.data(), typed.data() + typed.size(), days);
  if (ec != std::errc{} || end != typed.data() + typed.size() || days < 1 ||
      days > kLongestActionWorkingDays) {
    return std::nullopt;
  }
  return days;
}

// The items are from the panel's catalogue, once each, at least one; each
// has its text. Returns whether one of them brings the child back to panel.
bool check_items(const PanelType& panel, const DecisionEntry& in, Problems& problems) {
  if (in.items.empty()) {
    const char* what = panel.decisions.empty()  ? "Select at least one outcome"
                       : panel.outcomes.empty() ? "Select at least one decision"
                                                : "Select at least one decision or outcome";
    problems.push_back({"items", what});
  }
  std::set<std::string> seen;
  bool returns = false;
  for (const ItemEntry& item : in.items) {
    const std::string field = item_field(item.kind, item.option_id);
    const Choice* option = item_option(panel, item.kind, item.option_id);
    if (option == nullptr || !seen.insert(field).second) {
      problems.push_back(
          {"items", "Select decisions and outcomes from the panel's list, once each"});
      continue;
    }
    if (blank(item.detail)) {
      problems.push_back({field, "Enter what the panel decided: " + option->label});
    }
    returns = returns || panel.returns_to_panel(item.option_id);
  }
  return returns;
}

void check_plan(const PanelType& panel, const PlanEntry& plan, std::string_view name, bool required,
                Problems& problems) {
  const std::string prefix(name);
  if (plan.plan_id.empty() && blank(plan.timeframe) && plan.owner_id == 0 && !required) {
    return;
  }
  if (panel.permanency_plan(plan.plan_id) == nullptr) {
    problems.push_back({prefix + "_plan", required ? "Select the permanency plan"
                                                   : "Select the parallel plan, or leave all "
                                                     "three parallel plan answers empty"});
  }
  if (blank(plan.timeframe)) {
    problems.push_back(
        {prefix + "_timeframe", "Enter the timeframe for the " +
                                    std::string(required ? "permanency" : "parallel") + " plan"});
  }
  if (plan.owner_id == 0) {
    problems.push_back(
        {prefix + "_owner_id", "Select who is responsible for the " +
                                   std::string(required ? "permanency" : "parallel") + " plan"});
  }
}

void check_action(const ActionEntry& in, std::size_t i, Date sitting_date,
                  std::vector<CheckedAction>& out, Problems& problems) {
  if (blank(in.description)) {
    if (in.owner_id != 0 || !in.due_working_days.empty() || !in.due_date.empty()) {
      problems.push_back({action_field(i, "description"), "Enter what must be done"});
    }
    return;
  }
  CheckedAction a;
  a.description = in.description;
  a.owner_id = in.owner_id;
  if (in.owner_id == 0) {
    problems.push_back({action_field(i, "owner_id"), "Select who owns the action"});
  }
  if (!in.due_date.empty()) {
    a.due_date = parse_iso_date(in.due_date);
    if (!a.due_date || !after(*a.due_date, sitting_date)) {
      problems.push_back({action_field(i, "due_date"),
                          "Enter a due date after the sitting on " + long_date(sitting_date)});
    }
  } else {
    a.due_working_days = working_days(in.due_working_days);
    if (!a.due_working_days) {
      problems.push_back({action_field(i, "due_working_days"),
                          "Enter the working days to complete it, from 1 to 260, or a due date"});
    }
  }
  out.push_back(std::move(a));
}

}  // namespace

std::string_view item_kind_id(ItemKind k) {
  return k == ItemKind::decision ? "decision" : "outcome";
}

std::optional<ItemKind> item_kind_from_id(std::string_view id) {
  if (id == "decision") {
    return ItemKind::decision;
  }
  if (id == "outcome") {
    return ItemKind::outcome;
  }
  return std::nullopt;
}

std::string_view final_status_id(FinalStatus s) {
  switch (s) {
    case FinalStatus::final:
      return "final";
    case FinalStatus::awaiting:
      return "awaiting";
    case FinalStatus::agreed:
      return "agreed";
    case FinalStatus::otherwise:
      return "otherwise";
  }
  return "final";
}

std::optional<FinalStatus> final_status_from_id(std::string_view id) {
  for (FinalStatus s :
       {FinalStatus::final, FinalStatus::awaiting, FinalStatus::agreed, FinalStatus::otherwise}) {
    if (final_status_id(s) == id) {
      return s;
    }
  }
  return std::nullopt;
}

const Choice* item_option(const PanelType& panel, ItemKind kind, std::string_view option_id) {
  if (kind == ItemKind::decision) {
    return panel.decision(option_id);
  }
  return panel.outcome(option_id);
}

std::string item_field(ItemKind kind, std::string_view option_id) {
  return "detail-" + std::string(item_kind_id(kind)) + "-" + std::string(option_id);
}

std::string action_field(std::size_t i, std::string_view part) {
  return "action-" + std::to_string(i) + "-" + std::string(part);
}

Result<CheckedDecision> check_decision(const PanelType& panel, const DecisionEntry& in,
                                       Date sitting_date) {
  Problems problems;
  CheckedDecision out;
  if (in.child_ids.empty()) {
    problems.push_back({"child_id", "Select the children this record is for"});
  }
  out.returns_to_panel = check_items(panel, in, problems);
  if (blank(in.reasons)) {
    problems.push_back({"reasons", "Enter the reasons for the decisions"});
  }
  if (panel.permanency.asked()) {
    check_plan(panel, in.permanency, "permanency", true, problems);
    if (panel.permanency.parallel_plan) {
      check_plan(panel, in.parallel, "parallel", false, problems);
    }
  }
  if (!in.review_date.empty()) {
    out.review_date = parse_iso_date(in.review_date);
    if (!out.review_date || !after(*out.review_date, sitting_date)) {
      problems.push_back({"review_date",
                          "Enter the review date as a real date after the sitting "
                          "on " +
                              long_date(sitting_date) + ", like 2027-03-31"});
    }
  } else if (out.returns_to_panel) {
    problems.push_back(
        {"review_date", "Enter the review date: the child returns to panel by then"});
  }
  for (std::size_t i = 0; i < in.actions.size(); ++i) {
    check_action(in.actions[i], i, sitting_date, out.actions, problems);
  }
  if (!problems.empty()) {
    return Error::invalid_fields(std::move(problems));
  }
  return out;
}

Status may_record_decision(SittingStatus status, Date sitting_date, Date today) {
  if (status == SittingStatus::cancelled) {
    return Error::conflict("This sitting is cancelled: no decision can be recorded at it");
  }
  if (after(sitting_date, today)) {
    return Error::conflict("This hearing is on " + long_date(sitting_date) +
                           ": its decision can be recorded from that day");
  }
  return Done{};
}

Status may_correct_decision(Date sitting_date, Date today, bool minutes_authorised) {
  if (minutes_authorised) {
    return Error::conflict(
        "The minutes of this sitting are authorised: add an addendum to the minutes instead");
  }
  if (sitting_date != today) {
    return Error::conflict("A record can be corrected on the day of its sitting only (" +
                           long_date(sitting_date) + "): add an addendum to the minutes instead");
  }
  return Done{};
}

Status check_final_decision(const FinalEntry& in) {
  Problems problems;
  if (!in.agree && blank(in.decided)) {
    problems.push_back({"decided", "Enter the final decision"});
  }
  if (blank(in.reasons)) {
    problems.push_back({"reasons", "Enter the reasons for the final decision"});
  }
  if (!problems.empty()) {
    return Error::invalid_fields(std::move(problems));
  }
  return Done{};
}

}  // namespace casepanel::core
