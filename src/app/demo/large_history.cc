// The large council's history: a one-child request through every approval
// step for each past hearing, its decision and actions, and the benchmark
// sitting's fourteen hearings, all loaded in bulk with ids chosen here.
#include "app/demo/builder.h"
#include "app/demo/large.h"
#include "app/demo/writing.h"
#include "store/bulk_load.h"
#include "store/settings.h"

namespace casepanel::app::demo {

using core::Date;
using core::Instant;
using core::RequestState;
using core::Role;
using std::chrono::days;
using std::chrono::minutes;
using std::chrono::sys_days;
namespace history = store::history;

class Builder::LargeHistory {
 public:
  LargeHistory(Builder& d, history::BulkLoad& load, const history::FirstIds& ids)
      : d_(d),
        load_(load),
        request_id_(ids.request),
        hearing_id_(ids.hearing),
        decision_id_(ids.decision),
        action_id_(ids.action),
        approval_id_(ids.approval) {}

  // A one-child request through every approval step, and its hearing.
  std::int64_t hear(Sitting& sit, const Child& child, RequestState state,
                    history::HearingStatus hearing_status, Instant* starts) {
    const core::PanelType& panel = *sit.panel;
    const Team& team = d_.council_.teams[child.team];
    const std::int64_t id = request_id_++;
    request(sit, child, team, state, id);
    load_.add_request_child(id, child.id);
    for (std::size_t k = 0; k < panel.approval_steps.size(); ++k) {
      const core::ApprovalStep& step = panel.approval_steps[k];
      load_.add(history::ApprovalRow{
          .id = approval_id_++,
          .request_id = id,
          .step_id = step.id,
          .approver_id = d_.approver_for(step.role, team),
          .outcome = history::ApprovalOutcome::approved,
          .comments = "Agreed.",
          .at = d_.cached_stamp(plus_days(sit.date, -20 + static_cast<int>(k)), 11 * 60)});
    }
    const int length = panel.hearing_minutes(1);
    *starts = sit.starts + minutes{sit.booked};
    sit.booked += length;
    const std::int64_t hearing = hearing_id_++;
    load_.add(history::HearingRow{.id = hearing,
                                  .sitting_id = sit.id,
                                  .request_id = id,
                                  .starts_at = *starts,
                                  .minutes = length,
                                  .status = hearing_status});
    return hearing;
  }

  // The decision for the hearing's child, and `count` actions.
  void decide(const Sitting& sit, std::int64_t hearing, Instant starts, const Child& child,
              RequestState state, int count) {
    const core::PanelType& panel = *sit.panel;
    if (panel.decisions.empty()) {
      return;
    }
    const core::DecisionOption& option = panel.decisions[static_cast<std::size_t>(
        d_.random_.uniform(0, static_cast<int>(panel.decisions.size()) - 1))];
    const std::int64_t decision = decision_id_++;
    const Instant recorded = starts + minutes{panel.hearing_minutes(1)};
    const bool review = option.id == panel.return_to_panel.applies_to || d_.random_.chance(25);
    history::DecisionRow row{.id = decision, .hearing_id = hearing, .child_id = child.id};
    row.decision_type = option.id;
    row.summary = d_.random_.one_of(kDecisionSummaries);
    row.reasons = d_.random_.one_of(kDecisionReasons);
    row.review_date = review ? std::optional<Date>(plus_days(sit.date, 84)) : std::nullopt;
    row.final_role = option.final_decision_by;
    row.event = panel.name + ": " + option.label + ". " + row.summary;
    row.recorded_by = d_.council_.login.at(Role::panel_admin);
    row.recorded_at = recorded;
    load_.add(row);
    for (int a = 0; a < count; ++a) {
      action(sit, decision, child, state == RequestState::closed, a, recorded);
    }
  }

 private:
  void request(const Sitting& sit, const Child& child, const Team& team, RequestState state,
               std::int64_t id) {
    const core::PanelType& panel = *sit.panel;
    const Instant created = d_.cached_stamp(plus_days(sit.date, -21), 10 * 60);
    const Instant submitted = d_.cached_stamp(plus_days(sit.date, -9), 15 * 60);
    std::string venue;
    if (panel.asks_venue_preference && !panel.venues.empty()) {
      venue = panel.venues[static_cast<std::size_t>(id) % panel.venues.size()].id;
    }
    const std::string type = d_.request_type_for(panel, false);
    const core::RequestType* t = panel.request_type(type);
    history::RequestRow row{.id = id, .panel_id = panel.id, .state = state, .request_type = type};
    row.reason = d_.text_reason(panel);
    row.proposed_plan = d_.random_.one_of(kPlans);
    row.parallel_plan = t && t->needs_parallel_plan ? std::string(d_.random_.one_of(kParallelPlans))
                                                    : std::string();
    row.venue_preference = venue;
    row.approval_step = static_cast<std::int64_t>(panel.approval_steps.size());
    row.author_id = child.worker;
    row.team_id = team.id;
    row.created_at = created;
    row.submitted_at = submitted;
    row.updated_at = submitted;
    // The coordinator gave it its slot one to three days after it arrived
    // (from the id, so that the random draws, and so the rest of the demo,
    // are those of a demo made before triage was recorded).
    row.triaged_at = d_.cached_stamp(plus_days(sit.date, -8 + static_cast<int>(id % 3)), 11 * 60);
    // Sent nine days ahead: in time for the sitting's cut-off, if it has one.
    if (panel.deadline.kind != core::DeadlineKind::none) {
      row.target_sitting = sit.date;
    }
    load_.add(row);
  }

  // Closed requests and long-past actions are done; recent ones are a mix.
  void action(const Sitting& sit, std::int64_t decision, const Child& child, bool closed, int a,
              Instant recorded) {
    const sys_days today{d_.today_};
    const Date due = d_.add_working_days(
        sit.date, kActionWorkingDays[static_cast<std::size_t>(a) % kActionWorkingDays.size()]);
    bool done = closed || sys_days{due} < today - days{30};
    if (!done) {
      done = sys_days{due} < today ? (d_.overdue_seen_++ % 3) != 0 : (d_.upcoming_seen_++ % 4) == 0;
    }
    std::optional<Instant> completed;
    if (done) {
      const Date last = std::min(sys_days{due}, today - days{1});
      completed = d_.cached_stamp(d_.working_day_on_or_before(plus_days(last, -(a % 3))), 15 * 60);
    }
    load_.add(history::ActionRow{
        .id = action_id_++,
        .decision_id = decision,
        .child_id = child.id,
        .description = d_.random_.one_of(kActions),
        .owner_id = a % 2 == 0 ? child.worker : d_.council_.teams[child.team].manager,
        .due_date = due,
        .status = done ? history::ActionStatus::done : history::ActionStatus::open,
        .completed_at = completed,
        .created_at = recorded});
  }

  Builder& d_;
  history::BulkLoad& load_;
  std::int64_t request_id_, hearing_id_, decision_id_, action_id_, approval_id_;
};

// The benchmark's agendas (kBenchAgendas): one-child hearings at the bench
// panel's next sittings, for children drawn from the whole council.
void Builder::hear_bench_sittings(LargePlan& plan, LargeHistory& past) {
  for (std::size_t b = 0; b < plan.bench.size(); ++b) {
    Sitting& sit = plan.future[plan.bench[b]];
    std::set<int> chosen;
    while (static_cast<int>(chosen.size()) < kBenchAgendas[b]) {
      chosen.insert(random_.uniform(static_cast<int>(kBenchHistories.size()), kLargeChildren - 1));
    }
    for (int k : chosen) {
      Instant starts;
      past.hear(sit, children_[static_cast<std::size_t>(k)], RequestState::scheduled,
                history::HearingStatus::scheduled, &starts);
    }
    const std::string n = std::to_string(kBenchAgendas[b]);
    store::put_setting(tx_, "bench_sitting_" + n + "_id", std::to_string(sit.id));
    if (b == 0) {
      store::put_setting(tx_, "bench_sitting_id", std::to_string(sit.id));
    }
  }
}

DemoSummary Builder::large() {
  ensure_empty();
  write_settings(DemoScale::large);
  build_council(kLargeLayout);
  note("council", {{"localities", kLargeLayout.localities}, {"teams", council_.teams.size()}});
  LargePlan plan;
  plan_large_future(plan);
  int agenda_hearings = 0;
  for (std::size_t b = 0; b < plan.bench.size(); ++b) {
    agenda_hearings += kBenchAgendas[b];
  }
  plan_large_past(plan, kLargeHearings - agenda_hearings);
  assign_large_hearings(plan);
  make_large_children(plan);
  const history::FirstIds ids = history::first_ids(tx_);
  history::BulkLoad load(tx_);
  load_large_children(load, ids);
  note("children", {{"children", children_.size()}, {"sibling_groups", groups_.size()}});
  load_large_sittings(load, plan, ids);
  note("sittings", {{"sittings", plan.past.size() + plan.future.size()}});
  LargeHistory past(*this, load, ids);
  const std::vector<int> actions = large_action_counts(plan.hearing_child.size());
  for (std::size_t h = 0; h < plan.hearing_child.size(); ++h) {
    Sitting& sit = plan.past[plan.hearing_sitting[h]];
    const Child& child = children_[plan.hearing_child[h]];
    const RequestState state =
        days_from(sit.date, today_) > 90 ? RequestState::closed : RequestState::decided;
    Instant starts;
    const std::int64_t hearing =
        past.hear(sit, child, state, history::HearingStatus::heard, &starts);
    past.decide(sit, hearing, starts, child, state, actions[h]);
  }
  hear_bench_sittings(plan, past);
  load.finish();
  history::open_returns(tx_);
  for (std::size_t b = 0; b < kBenchHistories.size(); ++b) {
    store::put_setting(tx_, "bench_child_" + std::to_string(kBenchHistories[b].years) + "y_id",
                       std::to_string(children_[b].id));
  }
  store::put_setting(tx_, "bench_child_id", std::to_string(children_.front().id));
  const DemoSummary made = summary();
  note("history", {{"requests", made.requests},
                   {"hearings", made.hearings},
                   {"decisions", made.decisions},
                   {"actions", made.actions}});
  return made;
}

}  // namespace casepanel::app::demo
