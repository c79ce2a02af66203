#include "core/follow_up.h"

#include <algorithm>

#include "core/text.h"

namespace casepanel::core {

std::string_view action_status_id(ActionStatus s) {
  switch (s) {
    case ActionStatus::open:
      return "open";
    case ActionStatus::done:
      return "done";
    case ActionStatus::not_done:
      return "not_done";
  }
  return "open";
}

std::optional<ActionStatus> action_status_from_id(std::string_view id) {
  for (ActionStatus s : {ActionStatus::open, ActionStatus::done, ActionStatus::not_done}) {
    if (action_status_id(s) == id) {
      return s;
    }
  }
  return std::nullopt;
}

std::string action_status_words(std::string_view id) {
  return action_status_from_id(id) == ActionStatus::not_done ? "not done" : std::string(id);
}

bool ladder_applies(const EscalationLadder& ladder, const TrackedAction& a) {
  if (ladder.applies_to == "any_action") {
    return a.kind == kPanelAction;
  }
  return a.kind != kPanelAction && a.started_by == ladder.applies_to;
}

Date step_day(const Calendar& c, Date from, int after_working_days) {
  return c.next_working_day(c.add_working_days(from, after_working_days));
}

std::vector<StepDue> steps_due(const PanelType& p, const Calendar& c, const TrackedAction& a,
                               Date as_of) {
  std::vector<StepDue> out;
  for (const EscalationLadder& l : p.escalations) {
    if (!ladder_applies(l, a)) {
      continue;
    }
    const Date from = l.from == "hearing" ? a.hearing : a.due;
    for (std::size_t i = 0; i < l.steps.size(); ++i) {
      const Date day = step_day(c, from, l.steps[i].after_working_days);
      if (day <= as_of) {
        out.push_back({&l, static_cast<int>(i), day});
      }
    }
  }
  // Ladders are in file order and steps in day order within a ladder, so a
  // stable sort by day keeps "then ladder, then step".
  std::stable_sort(out.begin(), out.end(),
                   [](const StepDue& x, const StepDue& y) { return x.day < y.day; });
  return out;
}

std::vector<StartedTimescale> timescales_started(const PanelType& p, const Calendar& c,
                                                 std::string_view option_id, Date hearing) {
  std::vector<StartedTimescale> out;
  for (const Timescale& t : p.timescales) {
    if (!t.applies_to.empty() && t.applies_to == option_id) {
      out.push_back({&t, c.add_working_days(hearing, t.working_days)});
    }
  }
  return out;
}

Result<CheckedCompletion> check_completion(const CompletionEntry& in, bool asks_date, Date hearing,
                                           Date today) {
  if (!in.done) {
    if (blank(in.not_done_reason)) {
      return Error::invalid("not_done_reason", "Enter why it was not done");
    }
    return CheckedCompletion{ActionStatus::not_done, std::nullopt};
  }
  std::vector<FieldError> errors;
  std::optional<Date> met;
  if (asks_date) {
    met = parse_iso_date(in.met_on);
    if (!met) {
      errors.push_back({"met_on", "Enter the date it was received as a real date"});
    } else if (*met > today) {
      errors.push_back({"met_on", "The date it was received must be today or in the past"});
    } else if (*met < hearing) {
      errors.push_back({"met_on", "The date it was received cannot be before the panel"});
    }
  } else if (blank(in.evidence)) {
    errors.push_back({"evidence", "Enter what was done and its outcome"});
  }
  if (in.legal && blank(in.legal_document_at)) {
    errors.push_back({"legal_document_at", "Enter where the legal document is held"});
  }
  if (!errors.empty()) {
    return Error::invalid_fields(std::move(errors));
  }
  return CheckedCompletion{ActionStatus::done, met};
}

const Timescale* timescale_of(const PanelType& p, std::string_view kind) {
  for (const Timescale& t : p.timescales) {
    if (t.id == kind) {
      return &t;
    }
  }
  return nullptr;
}

}  // namespace casepanel::core
