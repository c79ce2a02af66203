// Reading sittings from the sittings table, for the sittings and triage use
// cases (internal to app/).
#pragma once

#include <string>

#include "app/sittings.h"

namespace casepanel::app {

// Columns for sitting_of; append "WHERE ..." and "ORDER BY ...".
extern const char* const kSittingColumns;

SittingSummary sitting_of(const Services& s, const store::Row& r);
int minutes_between(const std::string& from_utc, const std::string& to_utc);
// Today's date in Europe/London, ISO.
std::string today(const Services& s);

}  // namespace casepanel::app
