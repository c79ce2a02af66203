// A request to panel (a referral) and the rules of its life:
//
//   draft -> awaiting_approval (one step per configured approver) -> submitted
//   submitted -> scheduled | draft (more information needed) | declined | withdrawn
//   scheduled -> heard -> decided (minutes authorised) -> closed
//
// Pure functions: given the request as it is and who acts, say what may
// happen next. app/ applies the answer in one transaction.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/access.h"
#include "core/panel_type.h"
#include "core/result.h"

namespace casepanel::core {

enum class RequestState {
  draft,
  awaiting_approval,
  submitted,
  scheduled,
  heard,
  decided,
  closed,
  declined,
  withdrawn,
};
std::string_view state_id(RequestState s);
std::optional<RequestState> state_from_id(std::string_view id);
std::string_view state_label(RequestState s);  // "Awaiting approval"

// What a practitioner writes; validated before anything is stored.
struct RequestDraft {
  std::string panel_id;
  std::string request_type;
  std::string reason;
  std::string proposed_plan;
  std::string parallel_plan;
  std::string venue_preference;
  bool conference_call = false;
  int children = 1;
};
// Every problem at once, each naming its field, in the order of the form.
Status validate_draft(const PanelType& panel, const RequestDraft& draft);

struct ApprovalCheck {
  RequestState state;
  int step_index;  // the approval step reached (0-based)
  std::int64_t author_id;
  std::int64_t approver_id;
  Roles approver_roles;
  bool approver_manages_team;  // the team is within the approver's line management
};
// The step the approver may act on now, or why not.
Result<const ApprovalStep*> approval_step_for(const PanelType& panel, const ApprovalCheck& c);

}  // namespace casepanel::core
