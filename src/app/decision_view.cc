#include "app/decision_view.h"

#include "app/display.h"
#include "core/follow_up.h"
#include "core/sittings.h"

namespace casepanel::app {
namespace {

std::string date_of(core::Date d) { return core::long_date(d); }

std::string role_title(const core::PanelType* panel, core::Role r) {
  return panel ? panel->title_of(r) : std::string(core::role_title(r));
}

PlanView plan_view(const core::PanelType* panel, const store::PlanRecord& p) {
  const core::Choice* c = panel ? panel->permanency_plan(p.plan_id) : nullptr;
  return {c ? c->label : p.plan_id, p.timeframe, p.owner};
}

DisagreementView disagreement_view(const core::PanelType* panel,
                                   const store::DisagreementRecord& g) {
  DisagreementView v;
  v.id = g.id;
  v.member = g.member;
  v.why = g.why;
  v.recorded = "Recorded by " + g.recorded_by + " " + at_time_on(g.recorded_at);
  v.resolved = g.agreed_outcome.has_value();
  if (v.resolved) {
    v.agreed_outcome = *g.agreed_outcome;
    v.agreed_reasons = g.agreed_reasons;
    v.resolved_line = "Agreed with the " + role_title(panel, g.resolve_role) + " by " +
                      g.resolved_by + (g.resolved_at ? " " + at_time_on(*g.resolved_at) : "");
  } else {
    v.awaiting = "Awaiting the " + role_title(panel, g.resolve_role);
  }
  return v;
}

ItemView item_view(const core::PanelType* panel, const std::string& panel_id, const Services& s,
                   const store::ItemRecord& it,
                   const std::vector<store::DisagreementRecord>& disagreements) {
  ItemView v;
  v.id = it.id;
  v.kind = it.kind;
  v.option_id = it.option_id;
  v.label = item_label(s, panel_id, it.kind, it.option_id);
  v.detail = it.detail;
  v.recommendation = it.final_role.has_value();
  v.final_status = it.final_status;
  v.final_detail = it.final_detail;
  v.final_reasons = it.final_reasons;
  const std::string who = it.final_role ? role_title(panel, *it.final_role) : std::string();
  const std::string at = it.final_at ? " " + at_time_on(*it.final_at) : std::string();
  switch (it.final_status) {
    case core::FinalStatus::final:
      break;
    case core::FinalStatus::awaiting:
      v.final_line = "Awaiting the " + who + "'s final decision";
      break;
    case core::FinalStatus::agreed:
      v.final_line = "Recommendation agreed by the " + who + ", " + it.final_by + at;
      break;
    case core::FinalStatus::otherwise:
      v.final_line = "The " + who + ", " + it.final_by + ", decided otherwise" + at;
      break;
  }
  for (const store::DisagreementRecord& g : disagreements) {
    if (g.item_id == it.id) {
      v.disagreements.push_back(disagreement_view(panel, g));
    }
  }
  return v;
}

}  // namespace

std::string item_label(const Services& s, const std::string& panel_id, core::ItemKind kind,
                       const std::string& option_id) {
  const core::PanelType* panel = s.panels.find(panel_id);
  const core::Choice* c = panel ? core::item_option(*panel, kind, option_id) : nullptr;
  return c ? c->label : option_id;
}

RecordView record_view(const Services& s, const store::DecisionRecord& d) {
  const core::PanelType* panel = s.panels.find(d.panel_id);
  RecordView v;
  v.id = d.id;
  v.hearing_id = d.hearing_id;
  v.child_id = d.child_id;
  v.child = d.child;
  v.child_born = "born " + date_of(d.child_born);
  v.sitting_id = d.sitting_id;
  v.panel = panel ? panel->name : d.panel_id;
  v.date = date_of(d.sitting_date);
  v.offers_plan_change = panel && panel->change_of_plan_approval_by.has_value();
  for (const store::ItemRecord& it : d.items) {
    ItemView item = item_view(panel, d.panel_id, s, it, d.disagreements);
    v.awaiting = v.awaiting || item.final_status == core::FinalStatus::awaiting;
    for (const DisagreementView& g : item.disagreements) {
      v.awaiting = v.awaiting || !g.resolved;
    }
    (it.kind == core::ItemKind::decision ? v.decisions : v.outcomes).push_back(std::move(item));
  }
  v.reasons = d.reasons;
  if (!d.permanency.plan_id.empty()) {
    v.permanency = plan_view(panel, d.permanency);
  }
  if (!d.parallel.plan_id.empty()) {
    v.parallel = plan_view(panel, d.parallel);
  }
  v.review_date = d.review_date ? date_of(*d.review_date) : std::string();
  for (const store::ActionRecord& a : d.actions) {
    v.actions.push_back(
        {a.id, a.description, a.owner, date_of(a.due), core::action_status_words(a.status)});
  }
  v.recorded = "Recorded by " + d.recorded_by + " " + at_time_on(d.recorded_at);
  if (d.corrected_at) {
    v.corrected = "Corrected by " + d.corrected_by + " " + at_time_on(*d.corrected_at);
  }
  return v;
}

std::vector<RecordView> record_views(const Services& s,
                                     const std::vector<store::DecisionRecord>& records) {
  std::vector<RecordView> out;
  out.reserve(records.size());
  for (const store::DecisionRecord& d : records) {
    out.push_back(record_view(s, d));
  }
  return out;
}

}  // namespace casepanel::app
