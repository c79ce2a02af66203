// A sitting as the pages show it (SittingSummary), made from the store's
// record, for the sittings, agenda and triage use cases (internal to app/).
#pragma once

#include <string>

#include "app/sittings.h"
#include "store/sittings.h"

namespace casepanel::app {

SittingSummary sitting_summary(const Services& s, const store::SittingRecord& r);
// "Horsham (CHN)": a venue by name and code; the id when the panel has no
// such venue.
std::string venue_label(const core::PanelType* panel, const std::string& venue_id);
// "13:30": an instant's Europe/London time of day.
std::string london_time(core::Instant t);
// Today's date in Europe/London.
core::Date today(const Services& s);

}  // namespace casepanel::app
