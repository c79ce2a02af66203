#include "core/seat_quorum.h"

#include <map>

namespace casepanel::core {

SeatCount count_seats(const std::vector<SeatPlace>& places) {
  struct Seat {
    bool expected = false;
    bool present = false;
  };
  std::map<std::string, Seat> seats;
  SeatCount out;
  int unseated = 0;
  for (const SeatPlace& p : places) {
    out.recorded = out.recorded || p.attendance != Attendance::expected;
    if (!p.counts_to_quorum) {
      continue;
    }
    // A person without a seat is a seat of their own.
    const std::string key = p.seat_id.empty() ? "\n" + std::to_string(unseated++) : p.seat_id;
    Seat& seat = seats[key];
    seat.present = seat.present || attends(p.attendance);
    seat.expected = seat.expected || attends(p.attendance) || p.attendance == Attendance::expected;
  }
  for (const auto& entry : seats) {
    out.expected += entry.second.expected ? 1 : 0;
    out.present += entry.second.present ? 1 : 0;
  }
  return out;
}

}  // namespace casepanel::core
