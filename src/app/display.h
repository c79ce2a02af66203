// How the use cases put dates, times and labels in words for a page or an
// email: long dates ("12 March 2026"), Europe/London times of stored UTC
// instants, a request type's label, and whether typed text is blank.
// Pure functions of their arguments (and the system tzdata, core/calendar.h).
#pragma once

#include <string>

#include "core/calendar.h"
#include "core/panel_type.h"

namespace casepanel::app {

// Whether typed text is empty or only spaces and line breaks.
bool blank(const std::string& text);

// "12 March 2026" from "2026-03-12"; the input unchanged when not a date
// (an empty optional date column stays "").
std::string long_date(const std::string& iso_date);
// The Europe/London time of day ("13:30") and long date ("12 March 2026")
// of a stored UTC instant ("2026-03-12T13:30:00Z").
std::string london_hh_mm(const std::string& iso_utc);
std::string london_long_date(const std::string& iso_utc);
// "at 11:05 on 2 December 2026", in London time.
std::string at_time_on(core::Instant t);
// A stored UTC instant ("2026-03-12T13:30:00Z", core::parse_iso_utc). Text
// that is not one means a broken database or a bug, not an expected path:
// throws std::runtime_error naming the value (never 1 January 1970).
core::Instant parse_utc(const std::string& iso_utc);

// A request type's label from its panel; the panel's name + " request" where
// the panel asks for criteria rather than a type.
std::string request_type_label(const core::PanelType* panel, const std::string& type);

}  // namespace casepanel::app
