// Reading what a panel decides and what follows from a panel file: decisions
// and outcomes, statutory timescales, escalation ladders, and [after_panel].
#include <algorithm>
#include <string>

#include "core/panel_toml.h"

namespace casepanel::core::panel_toml {

namespace {

bool is_decision_or_outcome(const PanelType& p, const std::string& id) {
  return p.decision_or_outcome(id) != nullptr;
}

void read_escalation_steps(TableReader& ladder_reader, EscalationLadder& ladder) {
  int previous = -1;
  ladder_reader.each_table("steps", [&](TableReader& r) {
    EscalationStep s{.after_working_days = 0, .role = Role::practice_manager, .label = {}};
    bool has_days = r.integer("after_working_days", s.after_working_days, Need::required);
    require_not_negative(r, "after_working_days", s.after_working_days, has_days);
    if (has_days && s.after_working_days <= previous) {
      r.problem("after_working_days", "steps go in order: " + std::to_string(s.after_working_days) +
                                          " is not after the previous step's " +
                                          std::to_string(previous));
    }
    previous = has_days ? s.after_working_days : previous;
    r.role("role", s.role, Need::required);
    r.text("label", s.label, Need::optional);
    ladder.steps.push_back(std::move(s));
  });
  if (ladder.steps.empty()) {
    ladder_reader.problem("steps", "a ladder needs at least one step ([[escalations.steps]])");
  }
}

}  // namespace

void read_decisions(TableReader& root, PanelType& p) {
  IdSet ids;
  root.each_table("decisions", [&](TableReader& r) {
    DecisionOption d;
    read_choice(r, d, ids);
    r.role("final_decision_by", d.final_decision_by);
    p.decisions.push_back(std::move(d));
  });
  IdSet outcome_ids;
  root.each_table("outcomes", [&](TableReader& r) {
    Choice o;
    read_choice(r, o, outcome_ids);
    if (p.decision(o.id)) {
      r.problem("id", quoted(o.id) +
                          " is already the id of a decision: outcomes and decisions "
                          "need different ids");
    }
    p.outcomes.push_back(std::move(o));
  });
  if (p.decisions.empty() && p.outcomes.empty()) {
    root.problem("decisions",
                 "a panel needs [[decisions]] or [[outcomes]] (or both): without them no "
                 "hearing can be recorded");
  }
}

// [permanency]: the plans a decision record offers, and whether it asks for
// a parallel plan.
void read_permanency(TableReader& root, PanelType& p) {
  root.with_table("permanency", Need::optional, [&](TableReader& r) {
    Permanency& plan = p.permanency;
    r.flag("parallel_plan", plan.parallel_plan);
    r.text("parallel_plan_hint", plan.parallel_plan_hint, Need::optional);
    IdSet ids;
    r.each_table("plans", [&](TableReader& pr) {
      Choice c;
      read_choice(pr, c, ids);
      plan.plans.push_back(std::move(c));
    });
    if (plan.plans.empty()) {
      r.problem("plans", "list the plans a child's permanency may take ([[permanency.plans]])");
    }
  });
}

void read_timescales(TableReader& root, PanelType& p) {
  IdSet ids;
  root.each_table("timescales", [&](TableReader& r) {
    Timescale t;
    read_choice(r, t, ids);
    bool has_days = r.integer("working_days", t.working_days, Need::required);
    require_positive(r, "working_days", t.working_days, has_days);
    if (r.text("from", t.from, Need::required) &&
        !(t.from == "came_into_care" || t.from == "hearing" || t.from == "request_submitted")) {
      r.problem("from", quoted(t.from) +
                            " is not allowed: use came_into_care, hearing or request_submitted");
    }
    if (r.text("applies_to", t.applies_to, Need::optional)) {
      if (!is_decision_or_outcome(p, t.applies_to)) {
        r.problem("applies_to", quoted(t.applies_to) + " is not the id of a decision or outcome");
      } else if (t.from != "hearing") {
        r.problem("applies_to",
                  "a timescale a decision starts counts from the hearing: set "
                  "from = \"hearing\"");
      }
    }
    r.role("recorded_by", t.recorded_by);
    if (t.recorded_by && t.applies_to.empty()) {
      r.problem("recorded_by", "only a timescale a decision starts (applies_to) is recorded");
    }
    p.timescales.push_back(std::move(t));
  });
}

void read_escalations(TableReader& root, PanelType& p) {
  IdSet ids;
  root.each_table("escalations", [&](TableReader& r) {
    EscalationLadder l;
    read_choice(r, l, ids);
    if (r.text("applies_to", l.applies_to, Need::required) && l.applies_to != "any_action" &&
        !is_decision_or_outcome(p, l.applies_to)) {
      r.problem("applies_to", quoted(l.applies_to) +
                                  " is not the id of a decision or outcome, nor \"any_action\"");
    }
    if (r.text("from", l.from, Need::required) && l.from != "hearing" && l.from != "action_due") {
      r.problem("from", quoted(l.from) + " is not allowed: use \"hearing\" or \"action_due\"");
    }
    const bool tracked =
        l.applies_to == "any_action" ||
        std::any_of(p.timescales.begin(), p.timescales.end(),
                    [&](const Timescale& t) { return t.applies_to == l.applies_to; });
    if (!l.applies_to.empty() && is_decision_or_outcome(p, l.applies_to) && !tracked) {
      r.problem("applies_to", "a ladder for " + quoted(l.applies_to) +
                                  " climbs while its timescale is open: add a [[timescales]] "
                                  "with applies_to = " +
                                  quoted(l.applies_to));
    }
    read_escalation_steps(r, l);
    p.escalations.push_back(std::move(l));
  });
}

// [after_panel]: how a child comes back to panel, and who approves a change of plan.
void read_after_panel(TableReader& root, PanelType& p) {
  root.with_table("after_panel", Need::optional, [&](TableReader& r) {
    ReturnToPanel& back = p.return_to_panel;
    if (r.text("return_to_panel", back.applies_to, Need::optional) &&
        !is_decision_or_outcome(p, back.applies_to)) {
      r.problem("return_to_panel",
                quoted(back.applies_to) + " is not the id of a decision or outcome");
    }
    r.role("progress_update_to", back.progress_update_to);
    r.role("change_of_plan_approval_by", p.change_of_plan_approval_by);
  });
}

}  // namespace casepanel::core::panel_toml
