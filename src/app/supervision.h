// Supervision (Support Panel 6.1): "Panel decisions need to be discussed and
// progress reviewed in Supervision to ensure they are completed ... The
// locality Service Manager to monitor actions through supervision with the
// Team Manager." CLAM: the Practice Manager makes sure the agreed actions
// are progressed.
//
// A practice or group manager's view of the children of the teams in their
// line management with anything outstanding after panel (open, overdue and
// escalated actions, returns to panel, changes of plan and final decisions
// awaited), by team and by each child's allocated worker, printable; the
// manager records that a case was discussed in supervision, with a note.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "app/services.h"
#include "core/result.h"

namespace casepanel::app {

struct SupervisionChild {
  std::int64_t child_id = 0;
  std::string child;
  std::string child_born;
  std::vector<std::string> outstanding;  // "2 open actions", "1 overdue" ...
  bool overdue = false;
  bool escalated = false;
  std::string discussed;  // "Discussed on 3 December 2026: note", or ""
};
struct SupervisionWorker {
  std::string worker;  // "Unallocated" when none
  std::vector<SupervisionChild> children;
};
struct SupervisionTeam {
  std::string team;
  std::vector<SupervisionWorker> workers;
};
// Audited as "supervision.view" with how many children it shows.
core::Result<std::vector<SupervisionTeam>> supervision(Services& s, const Actor& a);

// Records that the child's case was discussed in supervision (field "note").
core::Status record_supervision(Services& s, const Actor& a, std::int64_t child_id,
                                const std::string& note);

}  // namespace casepanel::app
