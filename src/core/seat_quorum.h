// Counting a sitting's quorum by seats (issue 12 section 1): a seat is one
// place on the panel ([[members]]), held by a person and their deputies. The
// quorum counts seats, not people: two deputies standing in for one seat
// count once, and a seat whose Member.counts_to_quorum is false (by default
// the note taker's and the coordinator's) never counts.
//
// A seat is present when anyone sitting in it attends in person or by
// conference call, and expected when anyone in it is expected or present.
// People with no seat (rows stored before seats existed: an empty seat id)
// each count as a seat of their own.
//
// Pure: values in, values out; safe from any thread.
#pragma once

#include <string>
#include <vector>

#include "core/sitting_status.h"

namespace casepanel::core {

struct SeatPlace {
  std::string seat_id;  // "" for a person stored without a seat
  bool counts_to_quorum = true;
  Attendance attendance = Attendance::expected;
};

struct SeatCount {
  int expected = 0;       // counted seats somebody is expected in or attends
  int present = 0;        // counted seats somebody attends
  bool recorded = false;  // anybody's attendance is other than expected
};
SeatCount count_seats(const std::vector<SeatPlace>& places);

}  // namespace casepanel::core
