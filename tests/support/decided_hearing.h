// A decided hearing for tests of what reads decisions (the API, the child's
// record): sw_a's CLAM request for `children`, approved, scheduled by the
// coordinator on the first CLAM sitting offered from 25 November 2026
// (Tuesday 1 December), and its decision recorded by the panel
// administrator at 14:00 that day: the first decision in the catalogue with
// its text, reasons, one action in 5 working days, and a permanency plan and
// review date where the panel asks for them. The clock is left at that time.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "support/world.h"

namespace casepanel::testing {

struct DecidedHearing {
  std::int64_t request_id = 0;
  std::int64_t sitting_id = 0;
  std::int64_t hearing_id = 0;
  std::string decision_option;  // the id of the decision recorded
};
DecidedHearing decided_hearing(TestWorld& w, const std::vector<std::int64_t>& children);

// sw_a's Support Panel request for child_a, approved by pm_a, scheduled at
// the first Support sitting offered from 24 November 2026 (Wednesday 2
// December) and recorded at 11:00 that day: progress to a Family Group
// Conference (which starts the FGC referral timescale, Support Panel 6.1),
// with one action for sw_a due in 5 working days. The clock is left there.
DecidedHearing fgc_hearing(TestWorld& w);

}  // namespace casepanel::testing
