// The large council, for benchmarks: 5,000 children, 50,000 hearings and
// 200,000 actions. Past sittings are held three weekdays a week per panel
// going back about eleven years, fourteen hearings each; every request is
// for one child. This file plans the sittings and the children; their rows
// go in through store/bulk_load.h with ids chosen here (large_history.cc
// writes the history).
#include <cstdio>

#include "app/demo/builder.h"
#include "app/demo/large.h"
#include "store/bulk_load.h"

namespace casepanel::app::demo {

using core::Date;
using core::Instant;
using std::chrono::days;
using std::chrono::minutes;
using std::chrono::sys_days;
namespace history = store::history;

// The next eight weeks' sittings; the benchmark's (kBenchAgendas) are the
// bench panel's first ones not on a bank holiday.
void Builder::plan_large_future(LargePlan& plan) {
  const core::PanelType* bench_panel = s_.panels.find("clam");
  if (bench_panel == nullptr && !s_.panels.all().empty()) {
    bench_panel = &s_.panels.all().front();
  }
  for (const core::PanelType& panel : s_.panels.all()) {
    for (Sitting& sit : sittings_of(panel, today_, plus_days(today_, 57))) {
      if (&panel == bench_panel && plan.bench.size() < kBenchAgendas.size() &&
          !sit.on_bank_holiday) {
        plan.bench.push_back(plan.future.size());
      }
      plan.future.push_back(std::move(sit));
    }
  }
}

// Past sittings on each panel's weekday and the next two working weekdays,
// going back week by week until they hold `hearings`; oldest first.
void Builder::plan_large_past(LargePlan& plan, int hearings) {
  const sys_days today{today_};
  const sys_days monday = today - days{std::chrono::weekday{today}.iso_encoding() - 1};
  int room = 0;
  for (int week = 0; room < hearings && !s_.panels.all().empty(); ++week) {
    for (const core::PanelType& panel : s_.panels.all()) {
      const unsigned own = panel.schedule.weekday.iso_encoding();
      for (unsigned n = 0; n < 3 && room < hearings; ++n) {
        const unsigned weekday = ((own > 5 ? 1 : own) - 1 + n) % 5 + 1;
        const Date date{monday - days{7 * week} + days{weekday - 1}};
        if (sys_days{date} >= today || s_.calendar.is_bank_holiday(date)) {
          continue;
        }
        plan.past.push_back(large_sitting(panel, date));
        room += kHearingsPerSitting;
      }
    }
  }
  std::sort(plan.past.begin(), plan.past.end(), [](const Sitting& a, const Sitting& b) {
    return a.starts < b.starts || (a.starts == b.starts && a.panel->id < b.panel->id);
  });
  plan.oldest_hearings = hearings - kHearingsPerSitting * (static_cast<int>(plan.past.size()) - 1);
}

Sitting Builder::large_sitting(const core::PanelType& panel, Date date) const {
  Sitting sit;
  sit.panel = &panel;
  sit.date = date;
  sit.starts = core::london_to_utc(date, panel.schedule.start);
  sit.ends = core::london_to_utc(date, panel.schedule.end);
  // The venue rotation counts scheduled periods from the anchor, as
  // core::sittings_from does.
  const auto& rotation = panel.schedule.venue_rotation;
  if (!rotation.empty()) {
    const long long weeks = (sys_days{date} - sys_days{panel.schedule.rotation_anchor}).count() / 7;
    const long long period = weeks / std::max(1, panel.schedule.every_weeks);
    const long long size = static_cast<long long>(rotation.size());
    sit.venue = rotation[static_cast<std::size_t>(((period % size) + size) % size)];
  }
  return sit;
}

// Which child each past hearing is for, oldest first. Children are heard in
// cohorts (child k around the k-th part of the timeline, so each has a year
// or so of history); children 0, 1 and 2 are the benchmark's histories
// (kBenchHistories), each heard evenly over its days, first at its sittings.
void Builder::assign_large_hearings(LargePlan& plan) {
  const int total = plan.oldest_hearings +
                    kHearingsPerSitting * std::max(0, static_cast<int>(plan.past.size()) - 1);
  std::array<int, kBenchHistories.size()> heard{};
  for (std::size_t i = 0; i < plan.past.size(); ++i) {
    const int n = i == 0 ? plan.oldest_hearings : kHearingsPerSitting;
    std::set<int> here;
    for (int h = 0; h < n; ++h) {
      int child = -1;
      for (std::size_t b = 0; b < kBenchHistories.size() && child < 0; ++b) {
        const BenchHistory& history = kBenchHistories[b];
        const sys_days due =
            sys_days{today_} - days{history.days} +
            days{static_cast<long long>(history.days) * heard[b] / history.hearings};
        if (!here.count(static_cast<int>(b)) && heard[b] < history.hearings &&
            sys_days{plan.past[i].date} >= due) {
          child = static_cast<int>(b);
          ++heard[b];
        }
      }
      const long long index = static_cast<long long>(plan.hearing_child.size());
      const int centre = static_cast<int>(index * (kLargeChildren - 1) / std::max(1, total));
      for (int tries = 0; child < 0 || (here.count(child) && tries < 50); ++tries) {
        child = std::clamp(centre + random_.uniform(-250, 250),
                           static_cast<int>(kBenchHistories.size()), kLargeChildren - 1);
      }
      here.insert(child);
      plan.hearing_sitting.push_back(i);
      plan.hearing_child.push_back(static_cast<std::size_t>(child));
    }
  }
}

// Children whose dates fit their history (case opened before the first
// hearing, born before that, 17 at most); a few sibling pairs and triples.
void Builder::make_large_children(const LargePlan& plan) {
  std::vector<std::optional<Date>> first_heard(kLargeChildren);
  for (std::size_t h = 0; h < plan.hearing_child.size(); ++h) {
    auto& first = first_heard[plan.hearing_child[h]];
    if (!first) {
      first = plan.past[plan.hearing_sitting[h]].date;
    }
  }
  const int oldest = 17 * 365 + 300;
  for (std::size_t k = 0; k < static_cast<std::size_t>(kLargeChildren); ++k) {
    // The benchmark's child is social_worker@'s, so the journeys can open it.
    const std::size_t team = k == 0 ? 0 : static_cast<std::size_t>(random_.uniform(0, 99));
    const auto& workers = council_.teams[team].workers;
    Child c = random_child(team,
                           workers[k == 0 ? 0
                                          : static_cast<std::size_t>(random_.uniform(
                                                0, static_cast<int>(workers.size()) - 1))],
                           "");
    c.legal_status = k == 0 ? "Care Order"
                            : random_.one_of(std::array<const char*, 6>{
                                  "Child in Need", "Child Protection Plan", "Section 20",
                                  "Care Order", "Interim Care Order", "Placement Order"});
    c.case_opened = first_heard[k] ? plus_days(*first_heard[k], -random_.uniform(14, 200))
                                   : plus_days(today_, -random_.uniform(14, 1000));
    const int open_ago = days_from(c.case_opened, today_);
    c.date_of_birth = plus_days(
        today_,
        -(k == 0 ? 16 * 365 + 100 : random_.uniform(std::min(oldest, open_ago + 1), oldest)));
    c.came_into_care.reset();
    c.cp_plan_start.reset();
    if (in_care(c.legal_status)) {
      c.came_into_care = plus_days(c.case_opened, random_.uniform(0, std::min(90, open_ago)));
    } else if (c.legal_status == "Child Protection Plan") {
      c.cp_plan_start = plus_days(c.case_opened, random_.uniform(0, std::min(120, open_ago)));
    }
    children_.push_back(std::move(c));
  }
  make_large_sibling_groups();
}

// Every twentieth child is the eldest of a sibling pair (every sixtieth of
// three): neighbours in the timeline, so heard in the same years.
void Builder::make_large_sibling_groups() {
  for (std::size_t k = 20; k + 2 < children_.size(); k += 20) {
    const std::size_t size = k % 60 == 0 ? 3 : 2;
    groups_.emplace_back();
    for (std::size_t i = 0; i < size; ++i) {
      Child& c = children_[k + i];
      if (i > 0) {
        c.last_name = children_[k].last_name;
        c.team = children_[k].team;
        c.worker = children_[k].worker;
        c.ethnicity = children_[k].ethnicity;
      }
      c.sibling_group = static_cast<int>(groups_.size() - 1);
      groups_.back().push_back(k + i);
    }
  }
}

void Builder::load_large_children(history::BulkLoad& load, const history::FirstIds& ids) {
  for (std::size_t g = 0; g < groups_.size(); ++g) {
    load.add_sibling_group(ids.sibling_group + static_cast<std::int64_t>(g),
                           children_[groups_[g].front()].last_name + " siblings");
  }
  for (std::size_t i = 0; i < children_.size(); ++i) {
    Child& c = children_[i];
    c.id = ids.child + static_cast<std::int64_t>(i);
    const std::optional<std::int64_t> group =
        c.sibling_group < 0 ? std::nullopt : std::optional(ids.sibling_group + c.sibling_group);
    load.add(child_row(c, 100 + i, group));
  }
}

// Past sittings were held, their minutes authorised two working days later;
// a sitting runs on past its end when fourteen hearings need longer.
void Builder::load_large_sittings(history::BulkLoad& load, LargePlan& plan,
                                  const history::FirstIds& ids) {
  std::int64_t id = ids.sitting;
  for (std::size_t i = 0; i < plan.past.size(); ++i) {
    Sitting& sit = plan.past[i];
    sit.id = id++;
    const int n = i == 0 ? plan.oldest_hearings : kHearingsPerSitting;
    const Instant ends =
        std::max(sit.ends, sit.starts + minutes{n * sit.panel->hearing_minutes(1)});
    load.add(history::SittingRow{
        .id = sit.id,
        .panel_id = sit.panel->id,
        .sitting_date = sit.date,
        .starts_at = sit.starts,
        .ends_at = ends,
        .venue_id = sit.venue,
        .status = history::SittingStatus::held,
        .chair_id = council_.chairs[i % 2],
        .published_at = published(sit, history::SittingStatus::held),
        .minutes_authorised_at = cached_stamp(add_working_days(sit.date, 2), 12 * 60),
        .minutes_drafted_by = council_.login.at(core::Role::panel_admin)});
  }
  for (std::size_t i = 0; i < plan.future.size(); ++i) {
    Sitting& sit = plan.future[i];
    sit.id = id++;
    // The benchmark's agendas run on as long as their hearings need.
    const auto bench = std::find(plan.bench.begin(), plan.bench.end(), i);
    const int n = bench == plan.bench.end() ? 0 : kBenchAgendas[bench - plan.bench.begin()];
    load.add(history::SittingRow{
        .id = sit.id,
        .panel_id = sit.panel->id,
        .sitting_date = sit.date,
        .starts_at = sit.starts,
        .ends_at = std::max(sit.ends, sit.starts + minutes{n * sit.panel->hearing_minutes(1)}),
        .venue_id = sit.venue,
        .status = history::SittingStatus::planned,
        .chair_id = council_.chairs[0]});
  }
}

// How many actions each decision gets: two to six, four on average, adding
// up to exactly kLargeActions.
std::vector<int> Builder::large_action_counts(std::size_t decisions) {
  std::vector<int> out(decisions);
  long long sum = 0;
  for (int& a : out) {
    a = std::array<int, 6>{2, 3, 4, 4, 5, 6}[static_cast<std::size_t>(random_.uniform(0, 5))];
    sum += a;
  }
  while (sum != kLargeActions && decisions > 0) {
    int& a = out[static_cast<std::size_t>(random_.uniform(0, static_cast<int>(decisions) - 1))];
    if (sum < kLargeActions && a < 8) {
      ++a;
      ++sum;
    } else if (sum > kLargeActions && a > 1) {
      --a;
      --sum;
    }
  }
  return out;
}

}  // namespace casepanel::app::demo
