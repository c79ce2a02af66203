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

core::Result<std::int64_t> create_request(Services& s, const Actor& a,
                                          const std::vector<std::int64_t>& child_ids,
                                          const core::RequestDraft& draft);
core::Status send_for_approval(Services& s, const Actor& a, std::int64_t request_id);
core::Status approve_request(Services& s, const Actor& a, std::int64_t request_id,
                             const std::string& comments);
core::Status return_request(Services& s, const Actor& a, std::int64_t request_id,
                            const std::string& comments);

struct ApprovalEntry {
  std::string step;
  std::string approver;
  std::string outcome;  // "approved" | "returned"
  std::string comments;
  std::string at;
};

struct RequestView {
  std::int64_t id = 0;
  std::string panel_id;
  std::string panel_name;
  std::string state;
  std::string state_label;
  std::string request_type;
  std::string reason;
  std::string proposed_plan;
  std::string parallel_plan;
  std::string venue;
  bool conference_call = false;
  std::string author;
  std::string statutory_due;  // long date, empty when not statutory
  std::vector<NamedId> children;
  std::vector<ApprovalEntry> approvals;
  std::string waiting_for;    // "Practice Manager: quality assurance" when awaiting
  bool can_send = false;      // the author, in draft
  bool can_approve = false;   // the actor may act on the current step
  std::string approve_label;  // the step's label
  bool can_schedule = false;  // coordinator, submitted
  std::string hearing_date;   // when scheduled
  std::string hearing_time;
  std::string hearing_venue;
  std::int64_t meeting_id = 0;
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
