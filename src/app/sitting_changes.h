// The coordinator's changes to the schedule of sittings: add a sitting, move
// one (its hearings go with it, keeping their order and gaps), cancel one
// (its hearings go back to the triage queue), set its room and conference
// call, and publish its agenda to the members. Everyone concerned is told
// (app/hearing_notices.h), in the same transaction as the change.
//
// Only people who may triage (the coordinator, administrators) change
// sittings. Every change is one transaction with its audit event. A sitting
// that has started, been held or cancelled cannot be changed.
#pragma once

#include <cstdint>
#include <string>

#include "app/services.h"
#include "core/result.h"

namespace casepanel::app {

// A sitting's when and where, as typed. Errors name these fields: "date",
// "start", "end", "venue_id", "room", "conference_details".
struct SittingInput {
  std::string panel_id;  // adding only
  std::string date;      // YYYY-MM-DD
  std::string start;     // HH:MM, Europe/London
  std::string end;
  std::string venue_id;  // one of the panel's venues; empty when it has none
  std::string room;
  std::string conference_details;
};

core::Result<std::int64_t> add_sitting(Services& s, const Actor& a, const SittingInput& in);

// Moves a sitting to a new date and times (and venue). Its hearings keep
// their places relative to the start; refused when they would no longer fit.
// `reason` is told to the people concerned. A move that would hear a
// statutory request after its date (core/statutory.h) is refused unless
// `late_reason` says why; it is kept on each such hearing and audited.
core::Status move_sitting(Services& s, const Actor& a, std::int64_t sitting_id,
                          const SittingInput& in, const std::string& reason,
                          const std::string& late_reason = "");

// Cancels a sitting: its hearings are removed and their requests go back to
// the triage queue. The reason is required.
core::Status cancel_sitting(Services& s, const Actor& a, std::int64_t sitting_id,
                            const std::string& reason);

// The room and the conference-call details (phone number, link).
core::Status set_sitting_details(Services& s, const Actor& a, std::int64_t sitting_id,
                                 const std::string& room, const std::string& conference_details);

// Publishes the agenda: members are sent the sitting's invitation, and the
// agenda shows when it was published. Publishing again after changes sends
// an update.
core::Status publish_agenda(Services& s, const Actor& a, std::int64_t sitting_id);

}  // namespace casepanel::app
