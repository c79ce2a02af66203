// The demo's sittings: planned from each panel's schedule; past ones held,
// each hearing a few requests whose decisions and actions are recorded.
#include "core/sittings.h"
#include "app/demo/builder.h"
#include "app/demo/minutes.h"
#include "app/demo/writing.h"
#include "core/follow_up.h"
#include "store/demo_history.h"

namespace casepanel::app::demo {

using core::Date;
using core::Instant;
using core::RequestState;
using core::Role;
using std::chrono::days;
using std::chrono::minutes;
using std::chrono::sys_days;
namespace history = store::history;

std::vector<Sitting> Builder::sittings_of(const core::PanelType& panel, Date from, Date until) {
  std::vector<Sitting> out;
  const int weeks = days_from(from, until) / 7 + 2;
  for (const core::Sitting& sit : core::sittings_from(panel, s_.calendar, from, weeks)) {
    if (sys_days{sit.date} >= sys_days{until}) {
      break;
    }
    Sitting x;
    x.panel = &panel;
    x.date = sit.date;
    x.starts = core::london_to_utc(sit.date, sit.start);
    x.ends = core::london_to_utc(sit.date, sit.end);
    x.venue = sit.venue_id;
    x.on_bank_holiday = sit.on_bank_holiday;
    x.proposed_date = sit.proposed_date;
    out.push_back(std::move(x));
  }
  return out;
}

// A held sitting's agenda was published three working days before it.
std::optional<Instant> Builder::published(const Sitting& sit, history::SittingStatus status) const {
  if (status != history::SittingStatus::held) {
    return std::nullopt;
  }
  return stamp(working_days_before(sit.date, 3), 10 * 60);
}

// The two chairs take alternate calendar weeks (Monday to Sunday), whatever
// the day the demo is made: chair@ has the week of Monday 16 November 2026.
std::int64_t Builder::insert_sitting(Sitting& sit, history::SittingStatus status) {
  const auto monday_weeks = (sys_days{sit.date}.time_since_epoch().count() + 3) / 7;
  const std::int64_t chair = council_.chairs[static_cast<std::size_t>(monday_weeks % 2)];
  sit.chair = chair;
  return history::insert_sitting(tx_, {.panel_id = sit.panel->id,
                                       .sitting_date = sit.date,
                                       .starts_at = sit.starts,
                                       .ends_at = sit.ends,
                                       .venue_id = sit.venue,
                                       .status = status,
                                       .chair_id = chair,
                                       .schedule_slot = sit.starts,
                                       .proposed_date = sit.proposed_date,
                                       .published_at = published(sit, status)});
}

std::int64_t Builder::add_hearing(Sitting& sit, std::int64_t request, int children,
                                  history::HearingStatus status) {
  const int length = sit.panel->hearing_minutes(std::max(1, children));
  const Instant starts = sit.starts + minutes{sit.booked};
  sit.booked += length;
  // Sent weeks ahead, so in time for its sitting's cut-off (Support Panel 6),
  // where the panel has one: the review's cut-off compliance counts it.
  if (sit.panel->deadline.kind != core::DeadlineKind::none) {
    history::set_request_target(tx_, request, sit.date);
  }
  return history::insert_hearing(tx_, {.sitting_id = sit.id,
                                       .request_id = request,
                                       .starts_at = starts,
                                       .minutes = length,
                                       .status = status});
}

void Builder::decide(const Sitting& sit, std::int64_t hearing, Instant decided_at,
                     const std::vector<std::size_t>& kids, RequestState request_state) {
  const core::PanelType& panel = *sit.panel;
  if (panel.decisions.empty()) {
    return;
  }
  const Instant recorded = before_now(decided_at);
  for (std::size_t k : kids) {
    const Child& child = children_[k];
    const core::DecisionOption& option = panel.decisions[static_cast<std::size_t>(
        random_.uniform(0, static_cast<int>(panel.decisions.size()) - 1))];
    const bool review = option.id == panel.return_to_panel.applies_to || random_.chance(25);
    history::DecisionRow row{.hearing_id = hearing, .child_id = child.id};
    row.decision_type = option.id;
    row.summary = random_.one_of(kDecisionSummaries);
    row.reasons = random_.one_of(kDecisionReasons);
    if (panel.permanency.asked()) {
      const auto& plans = panel.permanency.plans;
      row.permanency_plan =
          plans[static_cast<std::size_t>(random_.uniform(0, static_cast<int>(plans.size()) - 1))]
              .id;
      row.permanency_timeframe = random_.one_of(kPlanTimeframes);
      row.permanency_owner_id = child.worker;
    }
    row.review_date = review ? std::optional<Date>(plus_days(sit.date, 84)) : std::nullopt;
    row.final_role = option.final_decision_by;
    // The chair decided the older recommendations the day after; the last
    // month's still wait for them.
    if (row.final_role && days_from(sit.date, today_) < -28) {
      row.final_by = sit.chair;
      row.final_reasons = "The placement has been stable and meets the child's needs.";
    }
    row.event = panel.name + ": " + option.label + ". " + row.summary;
    row.recorded_by = council_.login.at(Role::panel_admin);
    row.recorded_at = recorded;
    const std::int64_t decision = history::insert_decision(tx_, row);
    add_actions(sit, decision, child, recorded, request_state);
    add_timescales(sit, decision, child, recorded, option.id);
  }
}

void Builder::add_timescales(const Sitting& sit, std::int64_t decision, const Child& child,
                             Instant recorded, const std::string& option_id) {
  for (const core::StartedTimescale& t :
       core::timescales_started(*sit.panel, s_.calendar, option_id, sit.date)) {
    // Only those whose days are over: an open one would change the tasks
    // the demo's people find.
    if (sys_days{t.due} >= sys_days{today_}) {
      continue;
    }
    const bool late = (timescales_seen_++ % 4) == 3;
    const Date met = late ? add_working_days(t.due, 1) : working_day_on_or_before(t.due);
    if (sys_days{met} >= sys_days{today_}) {
      continue;
    }
    history::insert_action(tx_, {.decision_id = decision,
                                 .child_id = child.id,
                                 .description = t.timescale->label,
                                 .owner_id = child.worker,
                                 .due_date = t.due,
                                 .status = history::ActionStatus::done,
                                 .completed_at = stamp(met, 15 * 60),
                                 .created_at = recorded,
                                 .evidence = "Referral received by the FGC service.",
                                 .closed_by = council_.login.at(Role::panel_admin),
                                 .kind = t.timescale->id,
                                 .started_by = option_id,
                                 .done_on = met});
  }
}

// Older requests are closed with every action done; recent ones have a mix
// of open, done and overdue actions (one in three past due is open).
void Builder::add_actions(const Sitting& sit, std::int64_t decision, const Child& child,
                          Instant recorded, RequestState request_state) {
  const bool demo_worker = child.worker == council_.login.at(Role::social_worker);
  int count = std::array<int, 6>{0, 1, 1, 2, 2, 3}[static_cast<std::size_t>(random_.uniform(0, 5))];
  count = std::max(count, demo_worker ? 2 : 0);
  for (int a = 0; a < count; ++a) {
    const std::int64_t owner = a % 2 == 0 ? child.worker : council_.teams[child.team].manager;
    const Date due = add_working_days(sit.date, random_.one_of(kActionWorkingDays));
    bool done = true;
    if (request_state != RequestState::closed) {
      if (sys_days{due} < sys_days{today_}) {
        done = (overdue_seen_++ % 3) != 0;
      } else {
        done = (upcoming_seen_++ % 4) == 0;
      }
      if (demo_worker && a == 0) {
        done = false;  // social_worker@ always has an open action or two
      }
    }
    std::optional<Instant> completed;
    if (done) {
      const Date last = std::min(sys_days{due}, sys_days{today_} - days{1});
      const int span = std::max(1, days_from(sit.date, last));
      completed = stamp(working_day_on_or_before(plus_days(sit.date, random_.uniform(1, span))),
                        14 * 60 + random_.uniform(0, 120));
    }
    // One closed action in eight was not done, with the reason recorded.
    const bool not_done = done && (closed_seen_++ % 8) == 7;
    history::insert_action(tx_,
                           {.decision_id = decision,
                            .child_id = child.id,
                            .description = random_.one_of(kActions),
                            .owner_id = owner,
                            .due_date = due,
                            .status = !done      ? history::ActionStatus::open
                                      : not_done ? history::ActionStatus::not_done
                                                 : history::ActionStatus::done,
                            .completed_at = completed,
                            .created_at = recorded,
                            .evidence = done && !not_done ? random_.one_of(kActionEvidence) : "",
                            .not_done_reason = not_done ? random_.one_of(kNotDoneReasons) : "",
                            .closed_by = done ? std::optional<std::int64_t>(owner) : std::nullopt});
  }
}

// The children a past sitting could have heard: open before it, and in care
// by then for the CLAM Panel, never in care for the Support Panel.
std::vector<std::size_t> Builder::past_pool(const core::PanelType& panel, const Sitting& sit,
                                            const std::set<std::size_t>& protect) const {
  std::vector<std::size_t> pool;
  for (std::size_t c = 0; c < children_.size(); ++c) {
    const Child& child = children_[c];
    if (protect.count(c) || sys_days{child.case_opened} >= sys_days{sit.date}) {
      continue;
    }
    const bool cared = child.came_into_care && sys_days{*child.came_into_care} < sys_days{sit.date};
    if ((panel.id == "clam" && !cared) || (panel.id == "support" && child.came_into_care)) {
      continue;
    }
    pool.push_back(c);
  }
  return pool;
}

std::optional<std::size_t> Builder::pick_from(const std::vector<std::size_t>& pool,
                                              const std::set<std::size_t>& heard) {
  std::optional<std::size_t> pick;
  for (int tries = 0; tries < 20 && !pool.empty() && !pick; ++tries) {
    const std::size_t c =
        pool[static_cast<std::size_t>(random_.uniform(0, static_cast<int>(pool.size()) - 1))];
    if (!heard.count(c)) {
      pick = c;
    }
  }
  return pick;
}

// Past sittings are held: each hears up to four requests (children picked from
// the pool, with their siblings), records decisions and actions. The latest
// sitting's minutes are a draft (its requests are heard), the one before's
// with the chair, older ones authorised (app/demo/minutes.h); requests
// heard before the latest are decided, and those over five weeks old closed.
void Builder::hold_past_sittings(const core::PanelType& panel, std::vector<Sitting>& past,
                                 const std::set<std::size_t>& protect, const PastForcing& forcing) {
  for (std::size_t i = 0; i < past.size(); ++i) {
    Sitting& sit = past[i];
    const bool latest = i + 1 == past.size();
    const int age = days_from(sit.date, today_);
    const RequestState state = age <= 35 ? RequestState::decided : RequestState::closed;
    const std::vector<std::size_t> pool = past_pool(panel, sit, protect);
    // Who is heard, in agenda order, within the sitting's time.
    std::set<std::size_t> heard;
    std::vector<std::pair<std::vector<std::size_t>, std::string>> agenda;
    const std::vector<std::size_t> write_up =
        latest && forcing.write_up ? with_siblings(*forcing.write_up) : std::vector<std::size_t>{};
    int booked = sit.booked +
                 (write_up.empty() ? 0 : panel.hearing_minutes(static_cast<int>(write_up.size())));
    for (int h = 0; h < (write_up.empty() ? 4 : 3); ++h) {
      std::optional<std::size_t> pick;
      std::string type = request_type_for(panel, false);
      if (h == 0 && forcing.first.count(i)) {
        pick = forcing.first.at(i);
        if (forcing.type.count(i)) {
          type = forcing.type.at(i);
        }
      } else {
        pick = pick_from(pool, heard);
      }
      if (!pick) {
        break;
      }
      std::vector<std::size_t> kids = with_siblings(*pick);
      booked += panel.hearing_minutes(static_cast<int>(kids.size()));
      if (booked > sit.capacity()) {
        break;
      }
      heard.insert(kids.begin(), kids.end());
      agenda.emplace_back(std::move(kids), type);
    }
    if (!write_up.empty()) {
      agenda.emplace_back(write_up, request_type_for(panel, false));
    }
    // At the latest sitting the note taker has the last hearing still to
    // write up (it may be recorded after the day): scheduled, no record yet.
    for (std::size_t h = 0; h < agenda.size(); ++h) {
      const bool to_write_up = latest && h + 1 == agenda.size();
      hear_past(sit, agenda[h].first, agenda[h].second,
                to_write_up ? RequestState::scheduled : state);
    }
    write_minutes(tx_, s_,
                  {.sitting_id = sit.id,
                   .stage = minutes_stage(past.size() - 1 - i),
                   .administrator = council_.login.at(core::Role::panel_admin),
                   .chair = council_.chairs[0],
                   .drafted_at = stamp(add_working_days(sit.date, 1), 10 * 60),
                   .authorised_at = stamp(add_working_days(sit.date, 2), 12 * 60)});
  }
}

// A request for the children heard at a past sitting, with its decisions
// unless it is still scheduled (its record not yet written up).
void Builder::hear_past(Sitting& sit, const std::vector<std::size_t>& kids, const std::string& type,
                        RequestState state) {
  const core::PanelType& panel = *sit.panel;
  const int length = panel.hearing_minutes(static_cast<int>(kids.size()));
  RequestPlan plan{.panel = &panel, .children = kids, .state = state, .request_type = type};
  plan.created = plus_days(sit.date, -21);
  plan.until = sit.starts - std::chrono::hours{2};
  const Child& first = children_[kids.front()];
  if (const core::RequestType* t = panel.request_type(type);
      t && t->heard_within_working_days && first.came_into_care) {
    plan.statutory_due = add_working_days(*first.came_into_care, *t->heard_within_working_days);
    plan.created = *first.came_into_care;
  }
  const std::int64_t request = add_request(plan);
  const Instant starts = sit.starts + minutes{sit.booked};
  const bool recorded = state != RequestState::scheduled;
  const std::int64_t hearing =
      add_hearing(sit, request, static_cast<int>(kids.size()),
                  recorded ? history::HearingStatus::heard : history::HearingStatus::scheduled);
  if (recorded) {
    decide(sit, hearing, starts + minutes{length}, kids, state);
  }
}

}  // namespace casepanel::app::demo
