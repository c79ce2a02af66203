#include "web/decision_parts.h"

#include "web/view.h"

namespace casepanel::web {
namespace {

Data disagreement_data(const app::DisagreementView& g, const RecordLinks& links) {
  Data x;
  x.set("id", str(g.id));
  x.set("member", g.member);
  x.set("why", g.why);
  x.set("recorded", g.recorded);
  set_flag(x, "resolved", g.resolved);
  set_if(x, "waiting_for", g.awaiting);
  set_if(x, "agreed_outcome", g.agreed_outcome);
  set_if(x, "agreed_reasons", g.agreed_reasons);
  set_if(x, "resolved_line", g.resolved_line);
  set_flag(x, "can_resolve", links.resolve && !g.resolved);
  return x;
}

Data item_data(const app::ItemView& it, const RecordLinks& links) {
  Data x;
  x.set("id", str(it.id));
  x.set("label", it.label);
  x.set("term", it.kind == core::ItemKind::outcome ? "Outcome: " + it.label : it.label);
  x.set("detail", it.detail);
  set_flag(x, "recommendation", it.recommendation);
  set_if(x, "final_line", it.final_line);
  set_flag(x, "is_awaiting", it.final_status == core::FinalStatus::awaiting);
  set_flag(x, "otherwise", it.final_status == core::FinalStatus::otherwise);
  set_if(x, "final_detail", it.final_detail);
  set_if(x, "final_reasons", it.final_reasons);
  set_flag(x, "can_decide", links.final && it.final_status == core::FinalStatus::awaiting);
  set_flag(x, "can_disagree", links.disagree);
  Data list{Data::type::list};
  for (const app::DisagreementView& g : it.disagreements) {
    list.push_back(disagreement_data(g, links));
  }
  if (!it.disagreements.empty()) {
    x.set("disagreements", list);
  }
  return x;
}

// The decisions, then the outcomes, as one list of rows.
Data items_data(const app::RecordView& v, const RecordLinks& links) {
  Data list{Data::type::list};
  for (const auto* items : {&v.decisions, &v.outcomes}) {
    for (const app::ItemView& it : *items) {
      list.push_back(item_data(it, links));
    }
  }
  return list;
}

void set_plan(Data& x, const std::string& key, const app::PlanView& p) {
  if (p.label.empty()) {
    return;
  }
  Data plan;
  plan.set("label", p.label);
  set_if(plan, "timeframe", p.timeframe);
  set_if(plan, "owner", p.owner);
  x.set(key, plan);
}

}  // namespace

Data record_data(const app::RecordView& v, const RecordLinks& links) {
  Data x;
  x.set("id", str(v.id));
  x.set("hearing_id", str(v.hearing_id));
  x.set("child_id", str(v.child_id));
  x.set("child", v.child);
  x.set("child_born", v.child_born);
  x.set("sitting_id", str(v.sitting_id));
  x.set("panel", v.panel);
  x.set("date", v.date);
  set_flag(x, "show_child", links.child);
  set_flag(x, "show_sitting", links.sitting);
  x.set("items", items_data(v, links));
  x.set("reasons", v.reasons);
  set_plan(x, "permanency", v.permanency);
  set_plan(x, "parallel", v.parallel);
  set_if(x, "review_date", v.review_date);
  Data actions{Data::type::list};
  for (const app::ActionView& a : v.actions) {
    Data y;
    y.set("description", a.description);
    y.set("owner", a.owner);
    y.set("due", a.due);
    y.set("status", a.status);
    actions.push_back(y);
  }
  if (!v.actions.empty()) {
    x.set("actions", actions);
    x.set("has_actions", true);
  }
  x.set("recorded", v.recorded);
  set_if(x, "corrected", v.corrected);
  set_flag(x, "record_awaiting", v.awaiting);
  set_flag(x, "can_correct", links.correct);
  set_flag(x, "can_change_plan", links.change_plan && v.offers_plan_change);
  return x;
}

std::string render_records(const Site& site, const std::vector<app::RecordView>& records,
                           const RecordLinks& links) {
  Data list{Data::type::list};
  for (const app::RecordView& v : records) {
    list.push_back(record_data(v, links));
  }
  Data d;
  d.set("records", list);
  return site.fragment("decision_records", d);
}

}  // namespace casepanel::web
