// Guarding the statutory date (issue 12, section 7). CLAM: a retrospective
// review for a child who came into care on an unplanned emergency basis
// "must be presented to panel within 7 working days of coming into care"
// (RequestType::heard_within_working_days; core::statutory_due works out the
// date). Scheduling a hearing, or moving its sitting, so that the request
// would be heard after that date is refused unless the coordinator gives a
// reason; the reason is kept on the hearing and shown on the agenda and in
// triage as a breach.
//
// The procedure says nothing about a sitting that cannot be held in time (no
// sitting before the date, say): the software does not forbid it, because a
// child must still be heard, but it makes the breach visible and recorded.
// Pure functions; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/calendar.h"
#include "core/result.h"

namespace casepanel::core {

// Whether a request due by `due` (none: not statutory) is heard after it when
// heard on `heard_on`. A hearing on the due date itself is in time.
bool heard_after_deadline(std::optional<Date> due, Date heard_on);

// The check the coordinator's scheduling and moving make: in time, or late
// with a reason (not blank, at most kMaxLateReasonChars bytes), else an error on the
// field "late_reason" naming both dates.
inline constexpr std::size_t kMaxLateReasonChars = 2000;
Status check_statutory_date(std::optional<Date> due, Date heard_on, std::string_view late_reason);

// The red tag on the agenda and the triage card:
// "Heard after the statutory deadline of 9 December 2026: <reason>" (no
// colon when there is no reason: a hearing placed before the guard existed).
std::string late_hearing_tag(Date due, std::string_view reason);

}  // namespace casepanel::core
