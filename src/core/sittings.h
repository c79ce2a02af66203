// Sittings generated from a panel type's schedule: the dates, times and
// venues of the next N sittings from a date. A sitting on a bank holiday (or
// one of the organisation's own closures) is kept but flagged, with the next
// working day proposed instead: the coordinator decides whether to move it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/calendar.h"
#include "core/clock.h"
#include "core/panel_type.h"

namespace casepanel::core {

struct Sitting {
  Date date;
  LocalTime start;
  LocalTime end;
  std::string venue_id;  // empty when the panel has no venues
  bool on_bank_holiday = false;
  std::optional<Date> proposed_date;  // set when on_bank_holiday: the next working day
};

// "1 December 2026": a date as notes and messages write it.
std::string long_date(Date d);

// A hearing already on a sitting's agenda, as [start, end).
using Booking = std::pair<Instant, Instant>;
// The first start from `starts` where `minutes` fit between the bookings
// (sorted by start) and end by `ends`; nullopt when there is no such gap.
std::optional<Instant> first_gap(const std::vector<Booking>& booked, Instant starts, Instant ends,
                                 int minutes);
// Whether `minutes` from `at` lie within [starts, ends) and overlap no booking.
bool fits_at(const std::vector<Booking>& booked, Instant at, Instant starts, Instant ends,
             int minutes);

// Support Panel 4.1: the chair is "independent of the line management of the
// case". Whether `chair_id` is the case's worker or in the worker's chain of
// line managers (nearest first).
bool in_line_management(std::int64_t chair_id, std::int64_t worker_id,
                        const std::vector<std::int64_t>& chain);

// The first `count` sittings on or after `from`.
std::vector<Sitting> sittings_from(const PanelType& panel, const Calendar& calendar, Date from,
                                   int count);

// When a hearing of `minutes` can start in a sitting whose hearings already
// take `booked_minutes`; nullopt when it would run past the end.
std::optional<LocalTime> next_slot(const Sitting& sitting, int booked_minutes, int minutes);

}  // namespace casepanel::core
