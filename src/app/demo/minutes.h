// The demo's minutes (app/minutes.h): each past sitting's minutes in one of
// their states, so that every state can be seen: the latest sitting's are a
// draft, the one before is with the chair, the third is authorised with an
// addendum, and older ones are authorised. Fictional text only.
#pragma once

#include <cstdint>

#include "app/services.h"
#include "core/clock.h"
#include "store/database.h"

namespace casepanel::app::demo {

enum class MinutesStage { draft, with_chair, authorised, authorised_with_addendum };

// How far a past sitting's minutes have got: `from_latest` is 0 for the
// latest past sitting, 1 for the one before ...
MinutesStage minutes_stage(std::size_t from_latest);

struct DemoMinutes {
  std::int64_t sitting_id = 0;
  MinutesStage stage = MinutesStage::draft;
  std::int64_t administrator = 0;
  std::int64_t chair = 0;       // when the sitting names none
  core::Instant drafted_at;     // the draft saved
  core::Instant authorised_at;  // sent an hour before; the addendum a day after
};
// Writes the minutes of a held sitting whose records are written.
void write_minutes(store::Tx& tx, const Services& s, const DemoMinutes& m);

}  // namespace casepanel::app::demo
