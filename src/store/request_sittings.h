// The sittings as a request sees them: the planned sittings of its panel it
// could go to, the sitting on a date whose cut-off it missed, and the hearing
// it has been given. Reads only; the sittings' own repository writes them.
//
// Every function takes the caller's open transaction; none commits.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/calendar.h"
#include "core/clock.h"
#include "store/database.h"

namespace casepanel::store {

struct PlannedSitting {
  std::int64_t id = 0;
  core::Date date;
  core::Instant starts_at;
  core::Instant ends_at;
  std::string venue_id;
};
// The panel's sittings not cancelled that start after `after`, soonest
// first, at most `limit`.
std::vector<PlannedSitting> planned_sittings_after(Tx& tx, const std::string& panel_id,
                                                   core::Instant after, int limit);
// The panel's earliest sitting on a date that is not cancelled.
std::optional<PlannedSitting> planned_sitting_on(Tx& tx, const std::string& panel_id,
                                                 core::Date date);

// The slot a request has on a sitting's agenda.
struct RequestHearing {
  std::int64_t sitting_id = 0;
  core::Instant starts_at;
  std::string venue_id;  // the sitting's venue
  std::int64_t hearing_id = 0;
};
std::optional<RequestHearing> request_hearing(Tx& tx, std::int64_t request_id);

}  // namespace casepanel::store
