// Submission cut-offs: when a request must reach the panel's administrator
// to be heard at a sitting, and which sitting a request sent now goes to.
//
// Support Panel 6: the request "will be sent to Panel Administrator by 4pm on
// the Thursday before Panel". The cut-off is the configured weekday and time
// (Europe/London) on the last such weekday strictly before the sitting's date.
// When that day is not a working day (Christmas Day on a Thursday, say), the
// administrator is not there to receive it: the cut-off moves back to the same
// time on the working day before. After the cut-off a request goes to the
// following sitting, unless the coordinator accepts it late (recorded, with a
// reason). A request that must go to the next sitting (Support Panel 2.2:
// immediate legal advice, proceedings or accommodation, authorised by the
// Service Manager) is not held back by the cut-off.
#pragma once

#include <optional>
#include <vector>

#include "core/calendar.h"
#include "core/panel_type.h"
#include "core/sittings.h"

namespace casepanel::core {

// The cut-off for a sitting on `sitting`; nullopt when the panel has none.
std::optional<Instant> submission_cutoff(const PanelType& panel, const Calendar& calendar,
                                         Date sitting);

struct TargetSitting {
  Sitting sitting;  // where the request goes
  // The earlier sitting whose cut-off it missed (the coordinator may accept
  // it late for that one); empty when it was in time.
  std::optional<Sitting> missed;
};

// Where a request that reaches the administrator at `arrives` goes, among
// `sittings` (in date order; cancelled ones left out). Only sittings that
// start after `arrives` count. nullopt when none is far enough ahead.
std::optional<TargetSitting> target_sitting(const PanelType& panel, const Calendar& calendar,
                                            const std::vector<Sitting>& sittings, Instant arrives,
                                            bool must_go_to_next_sitting);

// The date `months` whole months after `d` (the 31st becomes the month's last
// day when the month is shorter).
Date add_months(Date d, int months);

}  // namespace casepanel::core
