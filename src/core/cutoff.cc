#include "core/cutoff.h"

namespace casepanel::core {

using std::chrono::days;
using std::chrono::sys_days;

std::optional<Instant> submission_cutoff(const PanelType& panel, const Calendar& calendar,
                                         Date sitting) {
  const SubmissionDeadline& rule = panel.deadline;
  if (rule.kind != DeadlineKind::weekday_before_sitting) {
    return std::nullopt;
  }
  sys_days day = sys_days{sitting} - days{1};
  day -= (std::chrono::weekday{day} - rule.weekday);  // weekday difference is 0..6
  while (!calendar.is_working_day(Date{day})) {
    day -= days{1};
  }
  return london_to_utc(Date{day}, rule.time);
}

std::optional<TargetSitting> target_sitting(const PanelType& panel, const Calendar& calendar,
                                            const std::vector<Sitting>& sittings, Instant arrives,
                                            bool must_go_to_next_sitting) {
  std::optional<Sitting> missed;
  for (const Sitting& s : sittings) {
    if (london_to_utc(s.date, s.start) <= arrives) {
      continue;
    }
    if (must_go_to_next_sitting) {
      return TargetSitting{s, std::nullopt};
    }
    const auto cutoff = submission_cutoff(panel, calendar, s.date);
    if (!cutoff || arrives <= *cutoff) {
      return TargetSitting{s, missed};
    }
    if (!missed) {
      missed = s;
    }
  }
  return std::nullopt;
}

Date add_months(Date d, int months) {
  const std::chrono::year_month ym =
      std::chrono::year_month{d.year(), d.month()} + std::chrono::months{months};
  const std::chrono::day last =
      std::chrono::year_month_day_last{ym.year(), std::chrono::month_day_last{ym.month()}}.day();
  return Date{ym.year(), ym.month(), std::min(d.day(), last)};
}

}  // namespace casepanel::core
