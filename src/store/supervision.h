// Supervision (app/supervision.h, Support Panel 6.1): for the children of
// some teams, what is outstanding after panel (open, overdue and escalated
// actions, returns due, changes of plan and final decisions awaited), and
// the notes managers make when they discuss a case in supervision.
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

struct SupervisionRow {
  std::int64_t child_id = 0;
  std::string child;
  core::Date child_born;
  std::string team;
  std::optional<std::int64_t> worker_id;
  std::string worker;  // the allocated worker's name; "" when unallocated
  int open_actions = 0;
  int overdue_actions = 0;
  int escalated_actions = 0;
  std::optional<core::Date> return_due;  // the earliest open return to panel
  int plan_changes_waiting = 0;
  int final_decisions_awaited = 0;
  std::optional<core::Instant> discussed_at;  // the last supervision note
  std::string last_note;
  bool outstanding() const {
    return open_actions > 0 || return_due || plan_changes_waiting > 0 ||
           final_decisions_awaited > 0;
  }
};
// The children of these teams, by team, worker and name.
std::vector<SupervisionRow> supervision_rows(Tx& tx, const std::vector<std::int64_t>& team_ids,
                                             core::Date today);

// The note is kept with the child's allocated worker at the time.
std::int64_t add_supervision_note(Tx& tx, std::int64_t child_id, const std::string& note,
                                  std::int64_t by, core::Instant at);

}  // namespace casepanel::store
