// Sittings: making a panel's sittings from its schedule, the sittings a
// panel will hold next, and the list of upcoming sittings a person may see.
// The agenda of one sitting is app/agenda_view.h, recording decisions at a
// hearing app/decisions.h (included here for the pages that use all three);
// the coordinator's triage queue is app/triage.h and changes to sittings
// app/sitting_changes.h.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/services.h"
#include "core/result.h"
#include "core/sitting_status.h"

namespace casepanel::app {

// Creates the sittings of every panel type for `count` scheduled dates from
// `from`, skipping those that exist. Returns how many were created.
int ensure_sittings(Services& s, core::Date from, int count);

struct SittingSummary {
  std::int64_t id = 0;
  std::string panel_id;
  std::string panel;  // its name
  std::string panel_description;
  std::string date;  // long form
  std::string iso_date;
  std::string start;
  std::string end;
  std::string venue;
  int booked_minutes = 0;
  int capacity_minutes = 0;
  int hearings = 0;
  core::SittingStatus status = core::SittingStatus::planned;
  bool on_bank_holiday = false;
  std::string proposed_date;      // long form: on a bank holiday, the date proposed instead
  std::string iso_proposed_date;  // YYYY-MM-DD, or empty
  std::string venue_id;
  std::string venue_address;  // from the panel's file; empty when it gives none
  std::string room;
  std::string conference_details;
  std::string cancel_reason;
  std::string published;  // long date the agenda was published, empty when not yet
};

// The next `count` sittings of a panel on or after `from`: those in the
// database as the coordinator left them (moved, added; not cancelled), and
// beyond them what the schedule gives. A sitting on a bank holiday is flagged.
struct PlannedSitting {
  core::Date date;
  std::string start;  // HH:MM Europe/London
  std::string end;
  std::string venue;  // the venue's name; empty when the panel has none
  bool on_bank_holiday = false;
};
std::vector<PlannedSitting> planned_sittings(Services& s, const core::PanelType& panel,
                                             core::Date from, int count);

core::Result<std::vector<SittingSummary>> upcoming_sittings(Services& s, const Actor& a);
// The sittings of the eight weeks before `until` (today when not given) the
// person may see, the latest first: where the note taker writes up records
// and minutes after the day, and, eight weeks at a time, the earlier ones.
core::Result<std::vector<SittingSummary>> recent_sittings(
    Services& s, const Actor& a, std::optional<core::Date> until = std::nullopt);

}  // namespace casepanel::app

#include "app/agenda_view.h"
#include "app/decisions.h"
