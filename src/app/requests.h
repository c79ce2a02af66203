// Requests to panel, from the practitioner's draft through the managers'
// approvals to the coordinator's queue. The approval steps come from the
// panel type's configuration; nobody approves their own request, and an
// approver must hold the step's role and manage the request's team.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "app/services.h"
#include "core/request.h"
#include "core/result.h"

namespace casepanel::app {

struct NamedId {
  std::int64_t id = 0;
  std::string name;
};

// Starts an empty draft for one child or a sibling group (the form's first
// page); the author then completes the task list section by section.
core::Result<std::int64_t> start_request(Services& s, const Actor& a, const std::string& panel_id,
                                         const std::vector<std::int64_t>& child_ids);
// A whole draft at once (demo data, tests, machine clients): validated whole,
// every section completed.
core::Result<std::int64_t> create_request(Services& s, const Actor& a,
                                          const std::vector<std::int64_t>& child_ids,
                                          const core::RequestDraft& draft);

// A draft as stored, for the section forms.
struct DraftView {
  std::int64_t id = 0;
  const core::PanelType* panel = nullptr;
  core::RequestDraft draft;
  std::vector<NamedId> children;
  std::vector<NamedId> authorisers;        // who may authorise (the criteria's role)
  std::string first_child_came_into_care;  // ISO, from the child's record
};
core::Result<DraftView> draft_for_edit(Services& s, const Actor& a, std::int64_t request_id);
// Saves one section of the author's draft (only that section's fields of
// `input` are read). Invalid input changes nothing and names each field.
core::Status save_section(Services& s, const Actor& a, std::int64_t request_id,
                          core::Section section, const core::RequestDraft& input);

// Sends the completed draft on: to the first approval step, or straight to
// the coordinator when the panel has none. Every problem is named.
core::Status send_for_approval(Services& s, const Actor& a, std::int64_t request_id);

struct ApprovalInput {
  std::string comments;
  // CLAM: the 3-way discussion (date, Practice Manager, Group Manager), at a
  // step that records it.
  std::string discussion_date;  // ISO date as entered
  std::int64_t discussion_practice_manager = 0;
  std::int64_t discussion_group_manager = 0;
};
core::Status approve_request(Services& s, const Actor& a, std::int64_t request_id,
                             const ApprovalInput& input);
core::Status return_request(Services& s, const Actor& a, std::int64_t request_id,
                            const std::string& comments);
// Support Panel: the coordinator accepts a request that missed a sitting's
// cut-off for that sitting, with a reason that is recorded.
core::Status accept_late(Services& s, const Actor& a, std::int64_t request_id,
                         const std::string& reason);

struct ApprovalEntry {
  std::string step;
  std::string approver;
  std::string outcome;  // "approved" | "returned"
  std::string comments;
  std::string at;
};

struct TaskListItem {
  std::string id;     // "type", "details", "attendance", "papers", "check"
  std::string label;  // "Request type"
  std::string href;
  std::string status;  // "Completed", "In progress", "Not yet started", "Cannot start yet"
};

struct AuthorisationEntry {
  std::string criterion;
  std::string authorised_by;
  std::string at;  // "2 December 2026 at 14:30"
  std::string what;
};

struct RequestView {
  std::int64_t id = 0;
  std::string panel_id;
  std::string panel_name;
  std::string state;
  std::string state_label;
  std::string request_type;           // label; for criteria panels, "Support Panel request"
  std::vector<std::string> criteria;  // labels
  std::vector<AuthorisationEntry> authorisations;
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
  std::vector<ApprovalEntry> approvals;
  std::string three_way_discussion;  // "On 20 November 2026 with A (PM) and B (GM)"
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
  bool has_papers = false;  // the panel has a document checklist
};
core::Result<RequestView> request_view(Services& s, const Actor& a, std::int64_t request_id);

struct TaskItem {
  std::int64_t request_id = 0;
  std::string children;
  std::string panel;
  std::string request_type;
  std::string detail;
};
struct Tasks {
  std::vector<TaskItem> drafts;
  std::vector<TaskItem> returned;
  std::vector<TaskItem> awaiting_my_approval;
};
core::Result<Tasks> my_tasks(Services& s, const Actor& a);

}  // namespace casepanel::app
