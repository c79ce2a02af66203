// Scheduling a submitted request into a sitting by hand: the coordinator
// picks the sitting and, if they like, the time. The hearing takes the
// panel's minutes for its children and must fit in a free gap of a planned
// sitting of the request's panel that has not started; a request that missed
// a sitting's cut-off goes to a later one (core/cutoff.h).
#pragma once

#include <cstdint>
#include <string>

#include "app/services.h"
#include "core/result.h"

namespace casepanel::app {

// Schedules into a sitting. `start` ("HH:MM", Europe/London) picks the slot;
// empty takes the first free one. The hearing must fit in a free gap.
// A statutory request heard after its date (core/statutory.h) is refused
// unless `late_reason` says why; the reason is kept on the hearing, audited
// and shown on the agenda and in triage.
core::Status schedule_request(Services& s, const Actor& a, std::int64_t request_id,
                              std::int64_t sitting_id, const std::string& start = "",
                              const std::string& late_reason = "");

}  // namespace casepanel::app
