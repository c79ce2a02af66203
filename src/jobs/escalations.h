// The escalation job: climbs every ladder of every open action on the clock
// (core/follow_up.h has when each step acts; the panel files say who).
//
// For each open action, each step due on or before the day that is not yet
// recorded is, in order, in its own short transaction:
//
//   due step --(action still open? holder for the case?)--> escalations row
//                                                            + email queued
//                                                            + audit event
//
// The row's key (action, ladder, step) makes each step happen once: a second
// run, a restart or another instance finds it recorded and does nothing.
// Days of downtime are caught up on the next run, in the order the steps
// fell due, each dated by the day it fell due. A step no one holds the role
// for is recorded with nobody told, and reported.
//
// `casepanel escalations run --as-of DATE` runs it once for a day; `serve`
// runs EscalationWorker, which runs it for today (Europe/London) at start
// and then every interval.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/services.h"
#include "core/calendar.h"
#include "jobs/periodic.h"

namespace casepanel::jobs {

struct EscalationTaken {
  std::int64_t action_id = 0;
  std::int64_t child_id = 0;
  std::string panel_id;
  std::string ladder_id;
  int step = 0;      // from 1
  int of_steps = 0;  // the ladder's length
  core::Date day;    // the day the step fell due
  std::string role;  // the role's id
  std::optional<std::int64_t> told_id;
  std::string told;  // the name; "" when nobody holds the role for the case

  // "2026-12-10 action 42 (child 7): support/fgc_referral step 1 of 2 ->
  // practice_manager Pat Alpha (user 3)"; names no child.
  std::string to_line() const;
};

// Takes every step due on or before `as_of` that is not yet recorded.
std::vector<EscalationTaken> run_escalations(app::Services& s, core::Date as_of);

class EscalationWorker {
 public:
  EscalationWorker(app::Services& s, std::chrono::seconds interval);
  ~EscalationWorker();
  EscalationWorker(const EscalationWorker&) = delete;
  EscalationWorker& operator=(const EscalationWorker&) = delete;

  void start() { periodic_.start(); }
  void stop() { periodic_.stop(); }

 private:
  void escalate();

  app::Services& services_;
  Periodic periodic_;
};

}  // namespace casepanel::jobs
