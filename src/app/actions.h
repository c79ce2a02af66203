// Actions after panel (issue 13, docs/after-panel.md): "My actions" for
// whoever owns one, the escalations that told them, the timescales their
// panel names them to record (the FGC referral received), a practice or
// group manager's team view, one action's page with its escalation steps,
// and closing an action as done (with evidence) or not done (with the
// reason). core/follow_up.h has the rules; store/actions.h the rows.
//
// Every read that names a child is audited; every close is one transaction
// with its audit event.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "app/papers.h"
#include "app/services.h"
#include "core/follow_up.h"
#include "core/result.h"
#include "store/actions.h"

namespace casepanel::app {

struct ActionLine {
  std::int64_t id = 0;
  std::int64_t child_id = 0;
  std::string child;       // "First Last"
  std::string child_born;  // "4 March 2015"
  std::string team;
  std::string panel;
  std::string what;  // the action, or the timescale's label
  bool timescale = false;
  std::string owner;
  core::Date due;
  core::ActionStatus status = core::ActionStatus::open;
  bool overdue = false;
  int escalation_level = 0;
  std::string last_step;  // "Escalated to the Group Manager (Gita Manager), 14 December 2026"
  std::string closed;     // "Done 9 December 2026 by Sam Worker"
};

struct MyActions {
  std::vector<ActionLine> open;
  std::vector<ActionLine> closed;
  std::vector<ActionLine> escalated_to_me;
  std::vector<ActionLine> to_record;  // timescales the panel names the actor to record
};
core::Result<MyActions> my_actions(Services& s, const Actor& a);

// What the home page says of them, without naming a child (so not audited).
struct ActionCounts {
  int open = 0;
  int overdue = 0;
  int escalated_to_me = 0;
  int to_record = 0;
};
ActionCounts action_counts(Services& s, const Actor& a);

struct TeamActions {
  std::string team;
  std::vector<ActionLine> open;
  std::vector<ActionLine> closed;  // in the last 90 days
};
// The actions of the children of the teams in the actor's line management.
core::Result<std::vector<TeamActions>> team_actions(Services& s, const Actor& a);

struct EscalationLine {
  std::string day;    // "10 December 2026"
  std::string to;     // "Team Manager / Practice Supervisor: Pat Alpha", or "nobody holds ..."
  std::string label;  // what the step is
};
struct ActionPage {
  ActionLine line;
  store::FollowUpRecord record;
  std::vector<EscalationLine> steps;
  bool may_close = false;
  bool asks_date = false;  // a timescale recorded by a named role: "received on"
  std::string closes_as;   // "Record the referral as received"
};
core::Result<ActionPage> action_view(Services& s, const Actor& a, std::int64_t id);

// Closes an open action as done or not done, with an optional evidence file
// (checked and kept as papers are: app/papers.h). Errors: not_found (out of
// scope), forbidden (may see it but not close it), conflict (already
// closed), invalid (fields of core::check_completion, or "evidence_file").
core::Status close_action(Services& s, const Actor& a, std::int64_t id,
                          const core::CompletionEntry& entry, const Upload& file = {});

// Closing the loop: a decided request moves to closed once its actions are
// done or closed, no return to panel is open and nothing awaits a final
// decision (core/request_lifecycle.h `close`). Called in the transaction of
// whatever may have finished it, and by the daily job for all (request 0).
// Returns how many it closed.
int close_finished_requests(store::Tx& tx, const Services& s, const Actor& a,
                            std::int64_t request_id = 0);

// The evidence file, for download (audited as "action.evidence_download").
core::Result<PaperFile> action_evidence_file(Services& s, const Actor& a, std::int64_t id);

}  // namespace casepanel::app
