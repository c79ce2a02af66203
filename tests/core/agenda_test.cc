// Tests for the proposed agenda (core/agenda.h), one table per rule. The
// sittings are the CLAM Panel's: Tuesdays 13:30-17:00 (14 slots of 15
// minutes), Horsham (chn) and Worthing (chd) in turn, from 1 December 2026.
#include "core/agenda.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

namespace casepanel::core {
namespace {

Date day(std::string_view iso) { return parse_iso_date(iso).value(); }

Instant london(std::string_view iso_date, std::string_view hh_mm) {
  return london_to_utc(day(iso_date), parse_hh_mm(hh_mm).value());
}

const std::vector<Venue> kVenues = {
    {.id = "chn", .code = "CHN", .name = "Horsham", .address = ""},
    {.id = "chd", .code = "CHD", .name = "Worthing", .address = ""},
};

// Hearings already booked, as London times on the sitting's date.
using Booked = std::vector<std::pair<const char*, const char*>>;
const Booked kFull = {{"13:30", "17:00"}};
const Booked kRoomForOne = {{"13:30", "16:45"}};
const Booked kRoomForTwo = {{"13:30", "16:30"}};

AgendaSitting sitting(std::int64_t id, const char* iso, const char* venue, const char* from,
                      const char* to, const Booked& booked = {}) {
  AgendaSitting s{.id = id,
                  .date = day(iso),
                  .starts = london(iso, from),
                  .ends = london(iso, to),
                  .venue_id = venue,
                  .booked = {}};
  for (const auto& [start, end] : booked) {
    s.booked.emplace_back(london(iso, start), london(iso, end));
  }
  return s;
}

// The CLAM Panel's Tuesday sittings, numbered 1 to 4 in date order.
AgendaSitting horsham_1_dec(const Booked& b = {}) {
  return sitting(1, "2026-12-01", "chn", "13:30", "17:00", b);
}
AgendaSitting worthing_8_dec(const Booked& b = {}) {
  return sitting(2, "2026-12-08", "chd", "13:30", "17:00", b);
}
AgendaSitting horsham_15_dec(const Booked& b = {}) {
  return sitting(3, "2026-12-15", "chn", "13:30", "17:00", b);
}
AgendaSitting worthing_22_dec(const Booked& b = {}) {
  return sitting(4, "2026-12-22", "chd", "13:30", "17:00", b);
}

struct Expected {
  std::int64_t request = 0;
  std::int64_t sitting = 0;
  const char* at = "";  // London time
  const char* note = "";
};

struct Case {
  const char* what;
  std::vector<AgendaRequest> requests;
  std::vector<AgendaSitting> sittings;
  std::vector<Expected> placed;  // in agenda order
  std::vector<Unplaced> unplaced = {};
};

// One line per placement and per unplaced request, so that a failure shows
// the whole proposal.
std::vector<std::string> lines(const ProposedAgenda& agenda) {
  std::vector<std::string> out;
  for (const Placement& p : agenda.placements) {
    out.push_back("request " + std::to_string(p.request_id) + " in sitting " +
                  std::to_string(p.sitting_id) + " at " + to_hh_mm(london_time_of_day(p.starts)) +
                  " for " + std::to_string(p.minutes) + (p.note.empty() ? "" : ": " + p.note));
  }
  for (const Unplaced& u : agenda.unplaced) {
    out.push_back("request " + std::to_string(u.request_id) + " unplaced: " + u.reason);
  }
  return out;
}

std::vector<std::string> lines(const Case& c) {
  std::vector<std::string> out;
  for (const Expected& e : c.placed) {
    const auto r = std::find_if(c.requests.begin(), c.requests.end(),
                                [&](const AgendaRequest& r) { return r.id == e.request; });
    const int minutes = r == c.requests.end() ? 0 : r->minutes;
    out.push_back("request " + std::to_string(e.request) + " in sitting " +
                  std::to_string(e.sitting) + " at " + e.at + " for " + std::to_string(minutes) +
                  (*e.note ? std::string(": ") + e.note : ""));
  }
  for (const Unplaced& u : c.unplaced) {
    out.push_back("request " + std::to_string(u.request_id) + " unplaced: " + u.reason);
  }
  return out;
}

void check(const std::vector<Case>& cases) {
  for (const Case& c : cases) {
    SCOPED_TRACE(c.what);
    EXPECT_EQ(lines(propose_agenda(c.requests, c.sittings, kVenues)), lines(c));
  }
}

TEST(Agenda, ConsidersRequestsInTheProceduresOrder) {
  check({
      {.what = "an emergency review goes before ordinary requests sent earlier",
       .requests = {{.id = 1, .minutes = 15, .submitted_at = london("2026-11-16", "09:00")},
                    {.id = 2, .minutes = 15, .submitted_at = london("2026-11-17", "09:00")},
                    {.id = 3,
                     .minutes = 15,
                     .statutory_due = day("2026-12-01"),
                     .submitted_at = london("2026-11-24", "09:00")}},
       .sittings = {horsham_1_dec(kRoomForTwo), worthing_8_dec()},
       .placed = {{.request = 3, .sitting = 1, .at = "16:30"},
                  {.request = 1, .sitting = 1, .at = "16:45"},
                  {.request = 2, .sitting = 2, .at = "13:30"}}},
      {.what = "the earlier statutory date first, whoever sent theirs first",
       .requests = {{.id = 1,
                     .minutes = 15,
                     .statutory_due = day("2026-12-08"),
                     .submitted_at = london("2026-11-16", "09:00")},
                    {.id = 2,
                     .minutes = 15,
                     .statutory_due = day("2026-12-01"),
                     .submitted_at = london("2026-11-24", "09:00")}},
       .sittings = {horsham_1_dec(kRoomForOne), worthing_8_dec()},
       .placed = {{.request = 2, .sitting = 1, .at = "16:45"},
                  {.request = 1, .sitting = 2, .at = "13:30"}}},
      {.what = "next-sitting requests, then reviews, then the rest",
       .requests = {{.id = 1, .minutes = 15, .submitted_at = london("2026-11-16", "09:00")},
                    {.id = 2,
                     .minutes = 15,
                     .review_due = day("2026-12-15"),
                     .submitted_at = london("2026-11-17", "09:00")},
                    {.id = 3,
                     .minutes = 15,
                     .must_go_to_next_sitting = true,
                     .submitted_at = london("2026-11-30", "09:00")}},
       .sittings = {horsham_1_dec(kRoomForTwo), worthing_8_dec()},
       .placed = {{.request = 3, .sitting = 1, .at = "16:30"},
                  {.request = 2, .sitting = 1, .at = "16:45"},
                  {.request = 1, .sitting = 2, .at = "13:30"}}},
      {.what = "reviews: the earlier review date first",
       .requests = {{.id = 1,
                     .minutes = 15,
                     .review_due = day("2026-12-15"),
                     .submitted_at = london("2026-11-16", "09:00")},
                    {.id = 2,
                     .minutes = 15,
                     .review_due = day("2026-12-01"),
                     .submitted_at = london("2026-11-20", "09:00")}},
       .sittings = {horsham_1_dec(kRoomForOne), worthing_8_dec()},
       .placed = {{.request = 2, .sitting = 1, .at = "16:45"},
                  {.request = 1, .sitting = 2, .at = "13:30"}}},
      {.what = "the rest by time of submission, not by id",
       .requests = {{.id = 4, .minutes = 15, .submitted_at = london("2026-11-20", "10:00")},
                    {.id = 5, .minutes = 15, .submitted_at = london("2026-11-20", "09:59")}},
       .sittings = {horsham_1_dec(kRoomForOne), worthing_8_dec()},
       .placed = {{.request = 5, .sitting = 1, .at = "16:45"},
                  {.request = 4, .sitting = 2, .at = "13:30"}}},
      {.what = "sent at the same moment: the lower id first",
       .requests = {{.id = 7, .minutes = 15, .submitted_at = london("2026-11-20", "09:00")},
                    {.id = 6, .minutes = 15, .submitted_at = london("2026-11-20", "09:00")}},
       .sittings = {horsham_1_dec(kRoomForOne), worthing_8_dec()},
       .placed = {{.request = 6, .sitting = 1, .at = "16:45"},
                  {.request = 7, .sitting = 2, .at = "13:30"}}},
  });
}

TEST(Agenda, FitsHearingsIntoTheFirstGapLongEnough) {
  check({
      {.what = "an empty sitting fills from 13:30, back to back",
       .requests = {{.id = 1, .minutes = 15, .submitted_at = london("2026-11-16", "09:00")},
                    {.id = 2, .minutes = 30, .submitted_at = london("2026-11-17", "09:00")},
                    {.id = 3, .minutes = 15, .submitted_at = london("2026-11-18", "09:00")}},
       .sittings = {horsham_1_dec()},
       .placed = {{.request = 1, .sitting = 1, .at = "13:30"},
                  {.request = 2, .sitting = 1, .at = "13:45"},
                  {.request = 3, .sitting = 1, .at = "14:15"}}},
      {.what = "a full sitting sends the request to the next",
       .requests = {{.id = 1, .minutes = 15, .submitted_at = london("2026-11-16", "09:00")}},
       .sittings = {horsham_1_dec(kFull), worthing_8_dec()},
       .placed = {{.request = 1, .sitting = 2, .at = "13:30"}}},
      {.what = "a sibling group of three (45 minutes) does not fit a 30-minute gap; a pair does",
       .requests = {{.id = 1, .minutes = 45, .submitted_at = london("2026-11-16", "09:00")},
                    {.id = 2, .minutes = 30, .submitted_at = london("2026-11-17", "09:00")}},
       .sittings = {horsham_1_dec(kRoomForTwo), worthing_8_dec()},
       .placed = {{.request = 2, .sitting = 1, .at = "16:30"},
                  {.request = 1, .sitting = 2, .at = "13:30"}}},
      {.what = "existing bookings (in any order) leave gaps that are used in turn",
       .requests = {{.id = 1, .minutes = 30, .submitted_at = london("2026-11-16", "09:00")},
                    {.id = 2, .minutes = 15, .submitted_at = london("2026-11-17", "09:00")}},
       .sittings = {horsham_1_dec({{"14:15", "15:00"}, {"13:30", "14:00"}})},
       .placed = {{.request = 2, .sitting = 1, .at = "14:00"},
                  {.request = 1, .sitting = 1, .at = "15:00"}}},
      {.what = "a booking off the 15-minute grid: the next hearing follows it directly",
       .requests = {{.id = 1, .minutes = 15, .submitted_at = london("2026-11-16", "09:00")}},
       .sittings = {horsham_1_dec({{"13:30", "13:50"}})},
       .placed = {{.request = 1, .sitting = 1, .at = "13:50"}}},
      {.what = "a hearing must end by 17:00: 10 minutes left is not enough for 15",
       .requests = {{.id = 1, .minutes = 15, .submitted_at = london("2026-11-16", "09:00")}},
       .sittings = {horsham_1_dec({{"13:30", "16:50"}}), worthing_8_dec()},
       .placed = {{.request = 1, .sitting = 2, .at = "13:30"}}},
      {.what = "the last 15 minutes are used: a hearing may end at 17:00",
       .requests = {{.id = 1, .minutes = 15, .submitted_at = london("2026-11-16", "09:00")}},
       .sittings = {horsham_1_dec(kRoomForOne), worthing_8_dec()},
       .placed = {{.request = 1, .sitting = 1, .at = "16:45"}}},
      {.what = "not before the cut-off's target sitting, though an earlier one is empty",
       .requests = {{.id = 1,
                     .minutes = 15,
                     .submitted_at = london("2026-11-30", "09:00"),
                     .earliest = day("2026-12-08")}},
       .sittings = {horsham_1_dec(), worthing_8_dec()},
       .placed = {{.request = 1, .sitting = 2, .at = "13:30"}}},
      {.what = "sittings given out of order are still filled soonest first",
       .requests = {{.id = 1, .minutes = 15, .submitted_at = london("2026-11-16", "09:00")}},
       .sittings = {worthing_8_dec(), horsham_1_dec()},
       .placed = {{.request = 1, .sitting = 1, .at = "13:30"}}},
      {.what = "a review heard after its review date says so",
       .requests = {{.id = 1,
                     .minutes = 15,
                     .review_due = day("2026-12-01"),
                     .submitted_at = london("2026-11-16", "09:00")}},
       .sittings = {horsham_1_dec(kFull), worthing_8_dec()},
       .placed = {{.request = 1,
                   .sitting = 2,
                   .at = "13:30",
                   .note = "After its review date of 1 December 2026"}}},
  });
}

TEST(Agenda, FourteenFifteenMinuteHearingsFillATuesday) {
  std::vector<AgendaRequest> requests;
  for (int i = 1; i <= 15; ++i) {
    requests.push_back({.id = i,
                        .minutes = 15,
                        .submitted_at = london("2026-11-16", "09:00") + std::chrono::minutes{i}});
  }
  const ProposedAgenda agenda =
      propose_agenda(requests, {horsham_1_dec(), worthing_8_dec()}, kVenues);
  ASSERT_EQ(agenda.placements.size(), 15u);
  EXPECT_TRUE(agenda.unplaced.empty());
  for (int i = 0; i < 14; ++i) {
    SCOPED_TRACE(i);
    EXPECT_EQ(agenda.placements[i].sitting_id, 1);
    EXPECT_EQ(agenda.placements[i].starts,
              london("2026-12-01", "13:30") + std::chrono::minutes{15 * i});
  }
  EXPECT_EQ(to_iso_london(agenda.placements[13].starts), "2026-12-01T16:45:00+00:00");
  EXPECT_EQ(agenda.placements[14].request_id, 15);
  EXPECT_EQ(agenda.placements[14].sitting_id, 2);
  EXPECT_EQ(to_iso_london(agenda.placements[14].starts), "2026-12-08T13:30:00+00:00");
}

TEST(Agenda, HonoursTheVenuePreference) {
  check({
      {.what = "Worthing preferred: an empty Horsham sitting is passed over",
       .requests = {{.id = 1,
                     .minutes = 15,
                     .submitted_at = london("2026-11-16", "09:00"),
                     .venue_preference = "chd"}},
       .sittings = {horsham_1_dec(), worthing_8_dec()},
       .placed = {{.request = 1, .sitting = 2, .at = "13:30"}}},
      {.what = "no preference: the first sitting, wherever it is",
       .requests = {{.id = 1, .minutes = 15, .submitted_at = london("2026-11-16", "09:00")}},
       .sittings = {worthing_8_dec(), horsham_1_dec()},
       .placed = {{.request = 1, .sitting = 1, .at = "13:30"}}},
      {.what = "Worthing preferred and full: the next Worthing sitting, not Horsham",
       .requests = {{.id = 1,
                     .minutes = 15,
                     .submitted_at = london("2026-11-16", "09:00"),
                     .venue_preference = "chd"}},
       .sittings = {horsham_1_dec(), worthing_8_dec(kFull), horsham_15_dec(), worthing_22_dec()},
       .placed = {{.request = 1, .sitting = 4, .at = "13:30"}}},
      {.what = "statutory: at its preferred venue when that is in time, though another is sooner",
       .requests = {{.id = 1,
                     .minutes = 15,
                     .statutory_due = day("2026-12-08"),
                     .submitted_at = london("2026-11-27", "09:00"),
                     .venue_preference = "chd"}},
       .sittings = {horsham_1_dec(), worthing_8_dec()},
       .placed = {{.request = 1, .sitting = 2, .at = "13:30"}}},
      {.what = "statutory: at the other venue, with a note, when its own has no room in time",
       .requests = {{.id = 1,
                     .minutes = 15,
                     .statutory_due = day("2026-12-08"),
                     .submitted_at = london("2026-11-27", "09:00"),
                     .venue_preference = "chn"}},
       .sittings = {horsham_1_dec(kFull), worthing_8_dec(), horsham_15_dec()},
       .placed = {{.request = 1,
                   .sitting = 2,
                   .at = "13:30",
                   .note = "At Worthing: no Horsham sitting on or before its statutory date of "
                           "8 December 2026 has room"}}},
  });
}

TEST(Agenda, NeverPutsAStatutoryRequestAfterItsDateWhileASittingHasRoom) {
  check({
      {.what = "in time at the other venue, not after the date at its own",
       .requests = {{.id = 1,
                     .minutes = 45,
                     .statutory_due = day("2026-12-14"),
                     .submitted_at = london("2026-11-27", "09:00"),
                     .venue_preference = "chn"}},
       .sittings = {horsham_1_dec(kRoomForTwo), worthing_8_dec(), horsham_15_dec()},
       .placed = {{.request = 1,
                   .sitting = 2,
                   .at = "13:30",
                   .note = "At Worthing: no Horsham sitting on or before its statutory date of "
                           "14 December 2026 has room"}}},
      {.what = "after its date, with a note, when nothing on or before it has room",
       .requests = {{.id = 1,
                     .minutes = 15,
                     .statutory_due = day("2026-12-01"),
                     .submitted_at = london("2026-11-24", "09:00")}},
       .sittings = {horsham_1_dec(kFull), worthing_8_dec()},
       .placed = {{.request = 1,
                   .sitting = 2,
                   .at = "13:30",
                   .note = "After its statutory date of 1 December 2026: no sitting on or before "
                           "it has room"}}},
      {.what = "after its date, with a note, when there is no sitting on or before it",
       .requests = {{.id = 1,
                     .minutes = 15,
                     .statutory_due = day("2026-11-30"),
                     .submitted_at = london("2026-11-24", "09:00")}},
       .sittings = {horsham_1_dec(), worthing_8_dec()},
       .placed = {{.request = 1,
                   .sitting = 1,
                   .at = "13:30",
                   .note = "After its statutory date of 30 November 2026: there is no sitting on "
                           "or before it"}}},
      {.what = "after its date, the soonest sitting with room at any venue, and says so",
       .requests = {{.id = 1,
                     .minutes = 15,
                     .statutory_due = day("2026-12-01"),
                     .submitted_at = london("2026-11-24", "09:00"),
                     .venue_preference = "chn"}},
       .sittings = {horsham_1_dec(kFull), worthing_8_dec(), horsham_15_dec()},
       .placed = {{.request = 1,
                   .sitting = 2,
                   .at = "13:30",
                   .note = "After its statutory date of 1 December 2026: no sitting on or before "
                           "it has room. At Worthing, not Horsham: the earliest sitting with "
                           "room"}}},
  });
}

TEST(Agenda, SendsANextSittingRequestToTheNextSitting) {
  check({
      {.what = "the next sitting, at whatever venue, with a note about the preference",
       .requests = {{.id = 1,
                     .minutes = 15,
                     .must_go_to_next_sitting = true,
                     .submitted_at = london("2026-11-27", "09:00"),
                     .venue_preference = "chd"}},
       .sittings = {horsham_1_dec(), worthing_8_dec()},
       .placed = {{.request = 1,
                   .sitting = 1,
                   .at = "13:30",
                   .note = "At Horsham, not Worthing: it must go to the next sitting"}}},
      {.what = "the next sitting is full: the one after, with a note",
       .requests = {{.id = 1,
                     .minutes = 30,
                     .must_go_to_next_sitting = true,
                     .submitted_at = london("2026-11-27", "09:00")}},
       .sittings = {horsham_1_dec(kRoomForOne), worthing_8_dec()},
       .placed = {{.request = 1,
                   .sitting = 2,
                   .at = "13:30",
                   .note = "The next sitting, on 1 December 2026, does not have 30 minutes "
                           "free"}}},
      {.what = "the next sitting counts from the cut-off's target",
       .requests = {{.id = 1,
                     .minutes = 15,
                     .must_go_to_next_sitting = true,
                     .submitted_at = london("2026-12-02", "09:00"),
                     .earliest = day("2026-12-08")}},
       .sittings = {horsham_1_dec(), worthing_8_dec()},
       .placed = {{.request = 1, .sitting = 2, .at = "13:30"}}},
      {.what = "two sittings on the next date: the preferred venue's, though later in the day",
       .requests = {{.id = 1,
                     .minutes = 15,
                     .must_go_to_next_sitting = true,
                     .submitted_at = london("2026-11-27", "09:00"),
                     .venue_preference = "chn"}},
       .sittings = {sitting(9, "2026-12-01", "chd", "09:30", "12:00"), horsham_1_dec()},
       .placed = {{.request = 1, .sitting = 1, .at = "13:30"}}},
      {.what = "two sittings on the next date, no preference: the morning one",
       .requests = {{.id = 1,
                     .minutes = 15,
                     .must_go_to_next_sitting = true,
                     .submitted_at = london("2026-11-27", "09:00")}},
       .sittings = {sitting(9, "2026-12-01", "chd", "09:30", "12:00"), horsham_1_dec()},
       .placed = {{.request = 1, .sitting = 9, .at = "09:30"}}},
  });
}

TEST(Agenda, SaysWhyARequestCannotBePlaced) {
  check({
      {.what = "no room at the preferred venue, though the other has room",
       .requests = {{.id = 1,
                     .minutes = 45,
                     .submitted_at = london("2026-11-16", "09:00"),
                     .venue_preference = "chn"}},
       .sittings = {horsham_1_dec(kRoomForTwo), worthing_8_dec(), horsham_15_dec(kRoomForTwo)},
       .placed = {},
       .unplaced = {{.request_id = 1, .reason = "No sitting at Horsham has 45 minutes free"}}},
      {.what = "every sitting full",
       .requests = {{.id = 1, .minutes = 30, .submitted_at = london("2026-11-16", "09:00")}},
       .sittings = {horsham_1_dec(kRoomForOne), worthing_8_dec(kRoomForOne)},
       .placed = {},
       .unplaced = {{.request_id = 1, .reason = "No sitting has 30 minutes free"}}},
      {.what = "a statutory request with nowhere to go, from its cut-off target",
       .requests = {{.id = 1,
                     .minutes = 15,
                     .statutory_due = day("2026-12-08"),
                     .submitted_at = london("2026-11-27", "09:00"),
                     .venue_preference = "chn",
                     .earliest = day("2026-12-01")}},
       .sittings = {horsham_1_dec(kFull), worthing_8_dec(kFull)},
       .placed = {},
       .unplaced = {{.request_id = 1,
                     .reason = "No sitting on or after 1 December 2026 has 15 minutes free"}}},
      {.what = "longer than any sitting",
       .requests = {{.id = 1, .minutes = 240, .submitted_at = london("2026-11-16", "09:00")}},
       .sittings = {horsham_1_dec(), worthing_8_dec()},
       .placed = {},
       .unplaced = {{.request_id = 1, .reason = "Longer (240 minutes) than any sitting"}}},
      {.what = "no sitting after the cut-off's target",
       .requests = {{.id = 1,
                     .minutes = 15,
                     .submitted_at = london("2026-12-20", "09:00"),
                     .earliest = day("2027-01-05")}},
       .sittings = {horsham_1_dec(), worthing_8_dec()},
       .placed = {},
       .unplaced = {{.request_id = 1, .reason = "No sitting on or after 5 January 2027"}}},
      {.what = "no sittings at all",
       .requests = {{.id = 1, .minutes = 15, .submitted_at = london("2026-11-16", "09:00")}},
       .sittings = {},
       .placed = {},
       .unplaced = {{.request_id = 1, .reason = "There is no sitting to put it in"}}},
      {.what = "no hearing length",
       .requests = {{.id = 1, .minutes = 0, .submitted_at = london("2026-11-16", "09:00")}},
       .sittings = {horsham_1_dec()},
       .placed = {},
       .unplaced = {{.request_id = 1, .reason = "It has no hearing length"}}},
      {.what = "unplaced requests are listed in order of consideration",
       .requests = {{.id = 1, .minutes = 30, .submitted_at = london("2026-11-16", "09:00")},
                    {.id = 2,
                     .minutes = 30,
                     .statutory_due = day("2026-12-01"),
                     .submitted_at = london("2026-11-24", "09:00")}},
       .sittings = {horsham_1_dec(kRoomForOne)},
       .placed = {},
       .unplaced = {{.request_id = 2, .reason = "No sitting has 30 minutes free"},
                    {.request_id = 1, .reason = "No sitting has 30 minutes free"}}},
  });
}

// Pure: the order requests and sittings arrive in makes no difference.
TEST(Agenda, TheSameRequestsGiveTheSameAgendaInAnyOrder) {
  std::vector<AgendaRequest> requests = {
      {.id = 1, .minutes = 30, .submitted_at = london("2026-11-16", "09:00")},
      {.id = 2,
       .minutes = 15,
       .statutory_due = day("2026-12-08"),
       .submitted_at = london("2026-11-27", "09:00"),
       .venue_preference = "chd"},
      {.id = 3,
       .minutes = 45,
       .review_due = day("2026-12-01"),
       .submitted_at = london("2026-11-10", "09:00")},
      {.id = 4, .minutes = 15, .submitted_at = london("2026-11-16", "09:00")},
      {.id = 5,
       .minutes = 15,
       .must_go_to_next_sitting = true,
       .submitted_at = london("2026-11-30", "09:00")},
  };
  std::vector<AgendaSitting> sittings = {horsham_1_dec({{"13:30", "16:00"}}),
                                         worthing_8_dec(kRoomForTwo)};
  const std::vector<std::string> expected = {
      "request 5 in sitting 1 at 16:00 for 15",
      "request 3 in sitting 1 at 16:15 for 45",
      "request 2 in sitting 2 at 16:30 for 15",
      "request 4 in sitting 2 at 16:45 for 15",
      "request 1 unplaced: No sitting has 30 minutes free",
  };
  ASSERT_EQ(lines(propose_agenda(requests, sittings, kVenues)), expected);
  std::reverse(requests.begin(), requests.end());
  std::reverse(sittings.begin(), sittings.end());
  EXPECT_EQ(lines(propose_agenda(requests, sittings, kVenues)), expected);
}

}  // namespace
}  // namespace casepanel::core
