// Actions after panel (app/actions.h, core/follow_up.h): the panel's actions
// and the timescales decisions started, each with its child, owner and the
// hearing that decided it; closing one as done (with evidence) or not done
// (with the reason); the escalation steps taken on it, each recorded once;
// and who holds a role for a child's case through line management.
//
// Every function takes the caller's open transaction; none commits.
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/calendar.h"
#include "core/clock.h"
#include "core/follow_up.h"
#include "core/role.h"
#include "store/database.h"
#include "store/role_holders.h"

namespace casepanel::store {

struct FollowUpRecord {
  std::int64_t id = 0;
  std::int64_t decision_id = 0;
  std::int64_t request_id = 0;
  std::int64_t sitting_id = 0;
  std::string panel_id;
  core::Date hearing;  // the sitting's date
  std::int64_t child_id = 0;
  std::string child;  // "First Last"
  core::Date child_born;
  std::int64_t team_id = 0;
  std::string team;
  std::string kind;  // "action", or a timescale id
  std::string started_by;
  std::string description;
  std::int64_t owner_id = 0;
  std::string owner;
  core::Date due;
  core::ActionStatus status = core::ActionStatus::open;
  int escalation_level = 0;  // steps taken
  std::string evidence;
  std::string legal_document_at;
  std::optional<core::Date> done_on;
  std::string not_done_reason;
  std::optional<core::Instant> closed_at;
  std::string closed_by;  // name
  std::string evidence_file_name;
  std::string evidence_stored_name;
  std::string evidence_media_type;
  std::string evidence_sha256;
  core::Instant created_at;

  core::TrackedAction tracked() const { return {kind, started_by, hearing, due}; }
};

std::optional<FollowUpRecord> find_follow_up(Tx& tx, std::int64_t id);
// Open first (soonest due), then the closed ones, most recently closed first.
std::vector<FollowUpRecord> follow_ups_owned(Tx& tx, std::int64_t owner_id);
// Every follow-up of the children of these teams (a manager's team view):
// open ones, and those closed on or after `closed_since`.
std::vector<FollowUpRecord> follow_ups_of_teams(Tx& tx, const std::vector<std::int64_t>& team_ids,
                                                core::Instant closed_since);
// Every open follow-up, for the escalation job, by id.
std::vector<FollowUpRecord> open_follow_ups(Tx& tx);
// Open follow-ups of these kinds (timescales a role records) on these panels.
std::vector<FollowUpRecord> open_follow_ups_of_kind(Tx& tx, const std::string& panel_id,
                                                    const std::string& kind);
// Open follow-ups with an escalation step that told this person.
std::vector<FollowUpRecord> follow_ups_escalated_to(Tx& tx, std::int64_t user_id);

struct ActionClosing {
  core::ActionStatus status = core::ActionStatus::done;  // done or not_done
  std::string evidence;
  std::string legal_document_at;
  std::optional<core::Date> done_on;
  std::string not_done_reason;
  std::string file_name;  // the evidence file, if any ("" for none)
  std::string stored_name;
  std::string media_type;
  std::int64_t bytes = 0;
  std::string sha256;
  std::int64_t by = 0;
  core::Instant at;
};
// Closes an open follow-up; false when it is not open (someone closed it
// first).
bool close_follow_up(Tx& tx, std::int64_t id, const ActionClosing& c);

// Closes as not done the open timescales a decision on this record started,
// when a correction removes that decision; how many.
int close_started_timescales(Tx& tx, std::int64_t decision_id, const std::string& started_by,
                             const std::string& reason, std::int64_t by, core::Instant at);

struct EscalationRecord {
  std::int64_t action_id = 0;
  std::string ladder_id;
  int step = 0;
  core::Date step_day;
  core::Role role = core::Role::practice_manager;
  std::string label;
  std::optional<std::int64_t> notified_id;
  std::string notified;  // name; "" when nobody holds the role for the case
  core::Instant recorded_at;
};
// Records the step unless it is already recorded (by another run or
// instance): true when this call recorded it. Raises the action's level.
bool record_escalation(Tx& tx, const EscalationRecord& e);
std::vector<EscalationRecord> escalations_of(Tx& tx, std::int64_t action_id);
// The steps already taken on open actions, as "action/ladder/step" keys: the
// job skips them without a transaction each.
std::set<std::string> steps_taken_on_open_actions(Tx& tx);
std::string step_key(std::int64_t action_id, const std::string& ladder_id, int step);

// Who holds `role` for a child's case: the first active holder going up from
// the allocated worker (`worker_id`) and the manager of the child's team
// through users.line_manager_id (the worker, then their and the team
// manager's managers, and so on). Nullopt when nobody does.
std::optional<PersonContact> case_role_holder(Tx& tx, std::int64_t child_id, std::int64_t worker_id,
                                              core::Role role);

}  // namespace casepanel::store
