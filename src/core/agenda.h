// Proposed agenda: which submitted request goes into which sitting, at what
// time. The coordinator sees the proposal and accepts or changes it; nothing
// here books anything. Values in, values out: propose_agenda reads no clock
// and no store, and the same input always gives the same proposal.
//
// The rules, in the order they apply:
//
// 1. Order of consideration. Requests are placed one at a time, in this order:
//    a. statutory requests, earliest statutory date first (CLAM: an emergency
//       retrospective review "must be presented to panel within 7 working days
//       of coming into care");
//    b. requests that must go to the next sitting (Support Panel 2.2:
//       immediate legal advice, proceedings or accommodation);
//    c. return-to-panel reviews, earliest review date first;
//    d. everything else.
//    Within each group, earlier submission first, then the lower request id.
//    A request with both a statutory date and "next sitting" is in group a
//    and follows both rules.
//
// 2. Where a request fits. Only sittings on or after the request's `earliest`
//    date count (the cut-off's target sitting; see core/cutoff.h). Within a
//    sitting a hearing takes the first gap from the start that is long enough
//    for all its minutes (a sibling group is heard in one piece), so hearings
//    run back to back from the start. A hearing must end by the sitting's end.
//    Existing bookings are respected; they need not be on a 15-minute grid.
//
// 3. Which sitting:
//    - statutory: the earliest sitting with room on or before its statutory
//      date at its preferred venue; failing that, at any venue on or before
//      the date (with a note); failing that, the earliest sitting with room
//      after the date, at any venue (with a note the coordinator must see).
//      It is never put after its date while a sitting on or before it has
//      room, and never behind an ordinary request, because group a goes first.
//    - next sitting: the first sitting on or after `earliest`, whatever its
//      venue (the procedure's "next Support Panel" outranks a preference; a
//      preferred venue is used only when two sittings share that date). When
//      that sitting has no room, the earliest later sitting with room, with a
//      note saying the next sitting was full.
//    - review and ordinary: the earliest sitting with room, only at the
//      preferred venue when there is one. A review heard after its review date
//      gets a note.
//
// 4. A request that fits nowhere is listed as unplaced with the reason in
//    plain English ("No sitting at Horsham has 45 minutes free").
//
// The caller leaves out cancelled sittings and decides about sittings on bank
// holidays (core/sittings.h flags them). Dates in notes and reasons are
// written in full ("1 December 2026"); venues by name when `venues` knows the
// id, else by id.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/calendar.h"
#include "core/clock.h"
#include "core/panel_type.h"

namespace casepanel::core {

struct AgendaRequest {
  std::int64_t id = 0;
  // Hearing length: PanelType::hearing_minutes(children), so a sibling group
  // of three at CLAM is 45.
  int minutes = 0;
  // Must be heard on or before this date (core::statutory_due).
  std::optional<Date> statutory_due{};
  // Support Panel 2.2: must be presented to the next sitting.
  bool must_go_to_next_sitting = false;
  // A return-to-panel review: the review date the panel set.
  std::optional<Date> review_due{};
  Instant submitted_at{};
  std::string venue_preference{};  // a venue id; empty: any venue
  // Not before a sitting on this date (the cut-off's target sitting); empty: any.
  std::optional<Date> earliest{};
};

struct AgendaSitting {
  std::int64_t id = 0;
  Date date{};
  Instant starts{};
  Instant ends{};
  std::string venue_id{};  // empty when the panel has no venues
  // Hearings already on the agenda, as [start, end) in any order.
  std::vector<std::pair<Instant, Instant>> booked{};
};

struct Placement {
  std::int64_t request_id = 0;
  std::int64_t sitting_id = 0;
  Instant starts{};
  int minutes = 0;
  // Why it is not where the rules would first put it, for the coordinator:
  // "At Worthing: no Horsham sitting on or before its statutory date of
  // 1 December 2026 has room". Empty when there is nothing to say.
  std::string note{};
};

struct Unplaced {
  std::int64_t request_id = 0;
  std::string reason{};  // "No sitting has 30 minutes free"
};

struct ProposedAgenda {
  // In agenda order: by sitting start, then sitting id, then time.
  std::vector<Placement> placements{};
  // In order of consideration (rule 1).
  std::vector<Unplaced> unplaced{};
};

ProposedAgenda propose_agenda(const std::vector<AgendaRequest>& requests,
                              const std::vector<AgendaSitting>& sittings,
                              const std::vector<Venue>& venues);

}  // namespace casepanel::core
