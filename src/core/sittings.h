// Sittings generated from a panel type's schedule: the dates, times and
// venues of the next N sittings from a date. A sitting on a bank holiday (or
// one of the organisation's own closures) is kept but flagged, with the next
// working day proposed instead: the coordinator decides whether to move it.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/calendar.h"
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

// The first `count` sittings on or after `from`.
std::vector<Sitting> sittings_from(const PanelType& panel, const Calendar& calendar, Date from,
                                   int count);

// When a hearing of `minutes` can start in a sitting whose hearings already
// take `booked_minutes`; nullopt when it would run past the end.
std::optional<LocalTime> next_slot(const Sitting& sitting, int booked_minutes, int minutes);

}  // namespace casepanel::core
