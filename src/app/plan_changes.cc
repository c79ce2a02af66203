#include "app/plan_changes.h"

#include "app/audit_trail.h"
#include "app/notifications.h"
#include "app/scope.h"
#include "core/sittings.h"
#include "core/text.h"
#include "store/actions.h"
#include "store/children.h"
#include "store/decision_records.h"
#include "store/plan_changes.h"
#include "store/role_holders.h"
#include "store/significant_events.h"

namespace casepanel::app {
namespace {

using store::PlanChangeRecord;
using store::PlanChangeStatus;
using store::Tx;

std::string title_of(const Services& s, const std::string& panel_id, core::Role role) {
  const core::PanelType* p = s.panels.find(panel_id);
  return p ? p->title_of(role) : std::string(core::role_title(role));
}

PlanChangeLine plan_change_line_of(const Services& s, const PlanChangeRecord& c) {
  const core::PanelType* p = s.panels.find(c.panel_id);
  PlanChangeLine l;
  l.id = c.id;
  l.child = c.child + ", born " + core::long_date(c.child_born);
  l.panel = (p ? p->name : c.panel_id) + ", " + core::long_date(c.decided_on);
  l.proposal = c.proposal;
  l.reason = c.reason;
  l.proposed =
      "Proposed by " + c.proposed_by + " on " + core::long_date(core::london_date(c.proposed_at));
  const std::string title = title_of(s, c.panel_id, c.approver_role);
  l.waiting = c.status == PlanChangeStatus::proposed;
  switch (c.status) {
    case PlanChangeStatus::proposed:
      l.status = "Waiting for the " + title + "; until approved the panel's decision stands";
      break;
    case PlanChangeStatus::approved:
      l.status = "Approved by " + c.decided_by + " (" + title + "): " + c.decision_reasons;
      break;
    case PlanChangeStatus::refused:
      l.status = "Refused by " + c.decided_by + " (" + title + "): " + c.decision_reasons +
                 ". The panel's decision stands";
      break;
  }
  return l;
}

// A social worker or manager of the child's team.
bool proposes_for(Tx& tx, const Actor& a, std::int64_t team_id) {
  return (a.has(core::Role::social_worker) || a.has(core::Role::practice_manager) ||
          a.has(core::Role::group_manager)) &&
         team_in_scope(tx, a, team_id);
}

// The approver for this case: a line role is held above the case in line
// management (the role holder for the case); another role by any holder.
bool approves(Tx& tx, const Actor& a, const PlanChangeRecord& c) {
  if (!a.has(c.approver_role)) {
    return false;
  }
  if (c.approver_role == core::Role::practice_manager ||
      c.approver_role == core::Role::group_manager) {
    return team_in_scope(tx, a, c.team_id);
  }
  return true;
}

std::vector<std::int64_t> approvers(Tx& tx, const PlanChangeRecord& c) {
  if (c.approver_role == core::Role::practice_manager ||
      c.approver_role == core::Role::group_manager) {
    if (auto h = store::case_role_holder(tx, c.child_id, c.author_id, c.approver_role)) {
      return {h->id};
    }
    return {};
  }
  std::vector<std::int64_t> out;
  for (const store::RoleHolder& h : store::role_holders(tx, c.approver_role)) {
    out.push_back(h.id);
  }
  return out;
}

struct PlanChangeTarget {
  store::DecisionRecord record;
  const core::PanelType* panel = nullptr;
  std::int64_t team_id = 0;
};

// A record the actor may propose a change to; not found otherwise.
core::Result<PlanChangeTarget> changeable(Tx& tx, const Services& s, const Actor& a,
                                          std::int64_t decision_id) {
  auto d = store::find_decision(tx, decision_id);
  const auto team = d ? store::child_team(tx, d->child_id) : std::nullopt;
  if (!d || !team || !proposes_for(tx, a, *team)) {
    return core::Error::not_found();
  }
  const core::PanelType* p = s.panels.find(d->panel_id);
  if (p == nullptr || !p->change_of_plan_approval_by) {
    return core::Error::conflict("This panel does not take changes of plan after panel.");
  }
  return PlanChangeTarget{*d, p, *team};
}

core::Result<PlanChangeRecord> visible_plan_change(Tx& tx, const Actor& a, std::int64_t id) {
  auto c = store::find_plan_change(tx, id);
  if (!c ||
      !(proposes_for(tx, a, c->team_id) || approves(tx, a, *c) || a.has(core::Role::auditor))) {
    return core::Error::not_found();
  }
  return *c;
}

}  // namespace

core::Result<PlanChangeForm> plan_change_form(Services& s, const Actor& a,
                                              std::int64_t decision_id) {
  return s.db.write<PlanChangeForm>([&](Tx& tx) -> core::Result<PlanChangeForm> {
    const PlanChangeTarget t = TRY(changeable(tx, s, a, decision_id));
    PlanChangeForm f;
    f.record = record_view(s, t.record);
    f.approver_title = t.panel->title_of(*t.panel->change_of_plan_approval_by);
    for (const PlanChangeRecord& c : store::plan_changes_of_decision(tx, decision_id)) {
      f.changes.push_back(plan_change_line_of(s, c));
    }
    audit(tx, s, a, "decision.view", "child", t.record.child_id, {{"decision", decision_id}});
    return f;
  });
}

core::Result<std::int64_t> propose_plan_change(Services& s, const Actor& a,
                                               std::int64_t decision_id,
                                               const std::string& proposal,
                                               const std::string& reason) {
  return s.db.write<std::int64_t>([&](Tx& tx) -> core::Result<std::int64_t> {
    const PlanChangeTarget t = TRY(changeable(tx, s, a, decision_id));
    std::vector<core::FieldError> errors;
    if (core::blank(proposal)) {
      errors.push_back({"proposal", "Enter the alternative to the panel's plan"});
    }
    if (core::blank(reason)) {
      errors.push_back({"reason", "Enter what has changed, and why the plan should change"});
    }
    if (!errors.empty()) {
      return core::Error::invalid_fields(std::move(errors));
    }
    const std::int64_t id = store::add_plan_change(
        tx,
        {decision_id, proposal, reason, a.id, s.clock.now(), *t.panel->change_of_plan_approval_by});
    const auto c = store::find_plan_change(tx, id);
    for (std::int64_t person : approvers(tx, *c)) {
      queue_email(tx, s, person, "A change of plan waits for your approval",
                  t.panel->name + ": a change to a child's plan is proposed. See " +
                      link(s, "/plan-changes/" + std::to_string(id)));
    }
    audit(tx, s, a, "plan_change.propose", "child", t.record.child_id,
          {{"plan_change", id}, {"decision", decision_id}, {"proposal", proposal}});
    return id;
  });
}

core::Result<PlanChangeView> plan_change_view(Services& s, const Actor& a, std::int64_t id) {
  return s.db.write<PlanChangeView>([&](Tx& tx) -> core::Result<PlanChangeView> {
    const PlanChangeRecord c = TRY(visible_plan_change(tx, a, id));
    PlanChangeView v;
    v.line = plan_change_line_of(s, c);
    if (auto d = store::find_decision(tx, c.decision_id)) {
      v.record = record_view(s, *d);
    }
    v.may_decide = c.status == PlanChangeStatus::proposed && approves(tx, a, c);
    audit(tx, s, a, "plan_change.view", "child", c.child_id, {{"plan_change", id}});
    return v;
  });
}

core::Status decide_plan_change(Services& s, const Actor& a, std::int64_t id, bool approve,
                                const std::string& reasons) {
  return s.db.write<core::Done>([&](Tx& tx) -> core::Status {
    const PlanChangeRecord c = TRY(visible_plan_change(tx, a, id));
    if (!approves(tx, a, c)) {
      return core::Error::forbidden("Only the " + title_of(s, c.panel_id, c.approver_role) +
                                    " for this case approves a change of plan.");
    }
    if (core::blank(reasons)) {
      return core::Error::invalid("reasons", approve ? "Enter the reasons for the approval"
                                                     : "Enter the reasons for refusing");
    }
    if (!store::decide_plan_change(tx, id, approve, reasons, a.id, s.clock.now())) {
      return core::Error::conflict("This change of plan has already been decided.");
    }
    const core::PanelType* p = s.panels.find(c.panel_id);
    if (approve) {
      store::add_event(
          tx, {.child_id = c.child_id,
               .decision_id = c.decision_id,
               .item_id = std::nullopt,
               .kind = store::EventKind::change_of_plan,
               .summary = (p ? p->name : c.panel_id) + " decision of " +
                          core::long_date(c.decided_on) + ": change of plan approved by " + a.name +
                          ". " + c.proposal + " Why: " + c.reason + " Approval: " + reasons,
               .recorded_by = a.id,
               .recorded_at = s.clock.now()});
    }
    queue_email(
        tx, s, c.proposed_by_id, approve ? "Change of plan approved" : "Change of plan refused",
        std::string("The change of plan you proposed was ") + (approve ? "approved" : "refused") +
            ", with reasons. See " + link(s, "/plan-changes/" + std::to_string(id)));
    audit(tx, s, a, approve ? "plan_change.approve" : "plan_change.refuse", "child", c.child_id,
          {{"plan_change", id}, {"reasons", reasons}});
    return core::Done{};
  });
}

std::vector<PlanChangeLine> plan_changes_to_decide(Services& s, const Actor& a) {
  std::vector<PlanChangeLine> out;
  s.db.read_all([&](Tx& tx) {
    for (const PlanChangeRecord& c : store::proposed_plan_changes(tx)) {
      if (approves(tx, a, c)) {
        out.push_back(plan_change_line_of(s, c));
      }
    }
  });
  return out;
}

}  // namespace casepanel::app
