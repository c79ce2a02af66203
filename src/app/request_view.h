// The request page: a request as the actor may see it, with what they may do
// to it now (change the draft, approve the step it waits at, accept it late,
// schedule it), its history of approvals and triage outcomes, and where it
// goes. Reading it is recorded in the audit log before the page is handed out.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "app/consultations.h"
#include "app/decision_view.h"
#include "app/named_id.h"
#include "app/services.h"
#include "core/request_lifecycle.h"
#include "core/result.h"
#include "core/task_list.h"
#include "store/requests.h"

namespace casepanel::app {

// One entry of the request's history: an approval step's outcome, or the
// coordinator's triage outcome.
struct ApprovalEntry {
  std::string step;  // the step's label, or "Coordinator's triage"
  std::string approver;
  store::HistoryOutcome outcome = store::HistoryOutcome::approved;
  // "Approved" | "Returned for changes" (by an approver, or by the
  // coordinator for more information) | "Declined"
  std::string outcome_label;
  std::string comments;
  std::string at;  // "2 December 2026 at 14:30"
};

struct TaskListItem {
  std::string id;     // "type", "details", "attendance", "papers", "check"
  std::string label;  // "Request type"
  std::string href;
  core::TaskStatus status = core::TaskStatus::not_started;
  std::string status_label;  // "Completed", "In progress", "Not yet started", "Cannot start yet"
};

struct AuthorisationEntry {
  std::string criterion;
  std::string authorised_by;
  std::string at;  // "2 December 2026 at 14:30"
  std::string what;
};

// A chosen criterion the children's records do not bear out (issue 14,
// item 8; core/criterion_record.h).
struct ClaimEntry {
  std::string criterion;            // label
  std::vector<std::string> record;  // per child: what the record shows, with the dates
  bool confirmed = false;           // the author confirmed the record is out of date
  std::string criterion_id;
};

struct RequestView {
  std::int64_t id = 0;
  std::string panel_id;
  std::string panel_name;
  core::RequestState state = core::RequestState::draft;
  std::string state_label;
  std::string request_type;           // label; for criteria panels, "Support Panel request"
  std::vector<std::string> criteria;  // labels
  std::vector<AuthorisationEntry> authorisations;
  std::vector<ClaimEntry> claims_against_record;
  std::string came_into_care;  // long date
  std::string reason;
  std::string proposed_plan;
  std::string parallel_plan;
  std::string venue;
  bool asks_venue = false;
  bool asks_conference_call = false;
  bool conference_call = false;
  std::string author;
  std::string statutory_due;  // long date, empty when not statutory
  bool statutory_overdue = false;
  bool must_go_to_next_sitting = false;
  std::vector<NamedId> children;
  // Each child's date of birth in words, in the order of `children`, so that
  // two children of one name can be told apart (issue 14, item 7).
  std::vector<std::string> children_born;
  // The reader may open the children's records (their social worker and
  // managers, oversight, the panel's staff); a consultee or member may not.
  bool may_open_children = false;
  std::vector<ApprovalEntry> approvals;
  std::string three_way_discussion;  // "On 20 November 2026, with A (PM) and B (GM)"
  std::vector<TaskListItem> tasks;   // drafts
  bool ready_to_send = false;
  std::string waiting_for;    // "Practice Manager: quality assurance" when awaiting
  bool can_edit = false;      // the author, in draft
  bool can_approve = false;   // the actor may act on the current step
  std::string approve_label;  // the step's label
  bool records_three_way_discussion = false;
  std::vector<NamedId> practice_managers;  // for the 3-way discussion form
  std::vector<NamedId> group_managers;
  bool can_schedule = false;  // coordinator, submitted
  // Cut-off (Support Panel): where it goes, or would go if it reached the
  // administrator now.
  std::string cutoff_note;
  std::string target_sitting;  // long date
  std::string missed_sitting;  // long date of the sitting whose cut-off it missed
  std::string late_accepted;   // "by X on D: reason"
  bool can_accept_late = false;
  std::string hearing_date;  // when scheduled
  std::string hearing_time;
  std::string hearing_venue;
  std::int64_t sitting_id = 0;
  bool heard = false;                 // heard or later: "Heard on", else "To be heard on"
  std::vector<RecordView> decisions;  // the records made at its hearing, child by child
  bool may_disagree = false;          // a member of that sitting may note a disagreement
  bool has_papers = false;            // the panel has a document checklist
  // Its referrals for consultation and the advice given (app/consultations.h).
  std::vector<ReferralSummary> consultations;
};
core::Result<RequestView> request_view(Services& s, const Actor& a, std::int64_t request_id);

}  // namespace casepanel::app
