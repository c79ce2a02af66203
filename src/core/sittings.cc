#include "core/sittings.h"

#include <algorithm>
#include <array>

namespace casepanel::core {
namespace {

using std::chrono::days;
using std::chrono::sys_days;

// Index of a sitting in the rotation: whole scheduled periods since the anchor.
std::size_t rotation_index(const Schedule& s, sys_days day) {
  const long long weeks = (day - sys_days{s.rotation_anchor}).count() / 7;
  const long long period = weeks / std::max(1, s.every_weeks);
  const long long n = static_cast<long long>(s.venue_rotation.size());
  return static_cast<std::size_t>(((period % n) + n) % n);
}

bool on_cycle(const Schedule& s, sys_days day) {
  if (s.every_weeks <= 1) {
    return true;
  }
  const long long weeks = (day - sys_days{s.rotation_anchor}).count() / 7;
  return ((weeks % s.every_weeks) + s.every_weeks) % s.every_weeks == 0;
}

}  // namespace

std::vector<Sitting> sittings_from(const PanelType& panel, const Calendar& calendar, Date from,
                                   int count) {
  const Schedule& s = panel.schedule;
  std::vector<Sitting> out;
  sys_days day{from};
  day += (s.weekday - std::chrono::weekday{day});
  for (; static_cast<int>(out.size()) < count; day += days{7}) {
    if (!on_cycle(s, day)) {
      continue;
    }
    Sitting sitting{Date{day}, s.start, s.end, "", calendar.is_bank_holiday(Date{day}), {}};
    if (sitting.on_bank_holiday) {
      sitting.proposed_date = calendar.next_working_day(sitting.date);
    }
    if (!s.venue_rotation.empty()) {
      sitting.venue_id = s.venue_rotation[rotation_index(s, day)];
    }
    out.push_back(std::move(sitting));
  }
  return out;
}

std::optional<LocalTime> next_slot(const Sitting& sitting, int booked_minutes, int minutes) {
  const LocalTime start = sitting.start + std::chrono::minutes{booked_minutes};
  if (start + std::chrono::minutes{minutes} > sitting.end) {
    return std::nullopt;
  }
  return start;
}

}  // namespace casepanel::core

namespace casepanel::core {

std::string long_date(Date d) {
  static constexpr std::array<const char*, 12> kMonths = {
      "January", "February", "March",     "April",   "May",      "June",
      "July",    "August",   "September", "October", "November", "December"};
  return std::to_string(static_cast<unsigned>(d.day())) + ' ' +
         kMonths[static_cast<unsigned>(d.month()) - 1] + ' ' +
         std::to_string(static_cast<int>(d.year()));
}

std::optional<Instant> first_gap(const std::vector<Booking>& booked, Instant starts, Instant ends,
                                 int minutes) {
  Instant at = starts;
  for (const auto& [from, to] : booked) {
    if (at + std::chrono::minutes{minutes} <= from) {
      return at;
    }
    at = std::max(at, to);
  }
  if (at + std::chrono::minutes{minutes} <= ends) {
    return at;
  }
  return std::nullopt;
}

bool fits_at(const std::vector<Booking>& booked, Instant at, Instant starts, Instant ends,
             int minutes) {
  const Instant until = at + std::chrono::minutes{minutes};
  if (at < starts || until > ends) {
    return false;
  }
  return std::none_of(booked.begin(), booked.end(),
                      [&](const Booking& b) { return at < b.second && b.first < until; });
}

bool in_line_management(std::int64_t chair_id, std::int64_t worker_id,
                        const std::vector<std::int64_t>& chain) {
  return chair_id == worker_id || std::find(chain.begin(), chain.end(), chair_id) != chain.end();
}

}  // namespace casepanel::core
