#include "core/request.h"

#include <array>
#include <utility>

namespace casepanel::core {
namespace {

struct StateName {
  RequestState state;
  std::string_view id;
  std::string_view label;
};
constexpr std::array<StateName, 9> kStates{{
    {RequestState::draft, "draft", "Draft"},
    {RequestState::awaiting_approval, "awaiting_approval", "Awaiting approval"},
    {RequestState::submitted, "submitted", "Submitted"},
    {RequestState::scheduled, "scheduled", "Scheduled"},
    {RequestState::heard, "heard", "Heard"},
    {RequestState::decided, "decided", "Decided"},
    {RequestState::closed, "closed", "Closed"},
    {RequestState::declined, "declined", "Declined"},
    {RequestState::withdrawn, "withdrawn", "Withdrawn"},
}};

constexpr std::size_t kMaxText = 20000;

void require_text(std::vector<FieldError>& out, std::string_view field, const std::string& value,
                  std::string message) {
  if (value.find_first_not_of(" \t\r\n") == std::string::npos) {
    out.push_back({std::string(field), std::move(message)});
  } else if (value.size() > kMaxText) {
    out.push_back({std::string(field), "Keep this to 20,000 characters or fewer"});
  }
}

}  // namespace

std::string_view state_id(RequestState s) {
  for (const auto& n : kStates) {
    if (n.state == s) {
      return n.id;
    }
  }
  return "draft";
}

std::optional<RequestState> state_from_id(std::string_view id) {
  for (const auto& n : kStates) {
    if (n.id == id) {
      return n.state;
    }
  }
  return std::nullopt;
}

std::string_view state_label(RequestState s) {
  for (const auto& n : kStates) {
    if (n.state == s) {
      return n.label;
    }
  }
  return "Draft";
}

Status validate_draft(const PanelType& panel, const RequestDraft& d) {
  std::vector<FieldError> problems;
  const RequestType* type = nullptr;
  if (!panel.request_types.empty()) {
    type = panel.request_type(d.request_type);
    if (type == nullptr) {
      problems.push_back({"request_type", "Select the type of request"});
    }
  }
  require_text(problems, "reason", d.reason, "Enter the reason for the request");
  require_text(problems, "proposed_plan", d.proposed_plan, "Enter the proposed plan");
  if (type != nullptr && type->needs_parallel_plan) {
    require_text(problems, "parallel_plan", d.parallel_plan, "Enter the parallel plan");
  } else if (d.parallel_plan.size() > kMaxText) {
    problems.push_back({"parallel_plan", "Keep this to 20,000 characters or fewer"});
  }
  if (panel.asks_venue_preference && panel.venue(d.venue_preference) == nullptr) {
    problems.push_back({"venue_preference", "Select the venue you would prefer"});
  }
  if (d.children < 1) {
    problems.push_back({"children", "Select at least one child"});
  }
  if (!problems.empty()) {
    return Error::invalid_fields(std::move(problems));
  }
  return ok_status();
}

Result<const ApprovalStep*> approval_step_for(const PanelType& panel, const ApprovalCheck& c) {
  if (c.state != RequestState::awaiting_approval) {
    return Error::conflict("This request is not waiting for approval");
  }
  if (c.step_index < 0 || c.step_index >= static_cast<int>(panel.approval_steps.size())) {
    return Error::conflict("This request has no approval step left");
  }
  const ApprovalStep& step = panel.approval_steps[static_cast<std::size_t>(c.step_index)];
  if (c.approver_id == c.author_id) {
    return Error::forbidden("You cannot approve a request you wrote");
  }
  if (c.approver_roles.count(step.role) == 0) {
    return Error::forbidden("This step needs a " + panel.title_of(step.role));
  }
  if (!c.approver_manages_team) {
    return Error::forbidden("This request is not in your line management");
  }
  return &step;
}

}  // namespace casepanel::core
