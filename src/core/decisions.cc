#include "core/decisions.h"

#include <charconv>
#include <vector>

#include "core/sittings.h"

namespace casepanel::core {
namespace {

bool blank(const std::string& text) {
  return text.find_first_not_of(" \t\r\n") == std::string::npos;
}

std::optional<int> working_days(const std::string& typed) {
  int days = 0;
  auto [end, ec] = std::from_chars(typed.data(), typed.data() + typed.size(), days);
  if (ec != std::errc{} || end != typed.data() + typed.size() || days < 1 ||
      days > kLongestActionWorkingDays) {
    return std::nullopt;
  }
  return days;
}

void check_action(const DecisionEntry& in, CheckedDecision& out,
                  std::vector<FieldError>& problems) {
  if (in.action_owner_id == 0) {
    problems.push_back({"action_owner_id", "Select who owns the action"});
  }
  out.action_due_working_days = working_days(in.action_due_working_days);
  if (!out.action_due_working_days) {
    problems.push_back(
        {"action_due_working_days", "Enter the working days to complete it, from 1 to 260"});
  }
}

}  // namespace

Result<CheckedDecision> check_decision(const DecisionEntry& in) {
  std::vector<FieldError> problems;
  CheckedDecision out;
  if (in.child_id == 0) {
    problems.push_back({"child_id", "Select the child this decision is for"});
  }
  if (in.decision_type.empty()) {
    problems.push_back({"decision_type", "Select the decision"});
  }
  if (blank(in.summary)) {
    problems.push_back({"decided", "Enter what the panel decided"});
  }
  if (blank(in.reasons)) {
    problems.push_back({"reasons", "Enter the reasons for the decision"});
  }
  if (!in.review_date.empty()) {
    out.review_date = parse_iso_date(in.review_date);
    if (!out.review_date) {
      problems.push_back({"review_date", "Enter the review date as a real date, like 2027-03-31"});
    }
  }
  if (!blank(in.action)) {
    check_action(in, out, problems);
  }
  if (!problems.empty()) {
    return Error::invalid_fields(std::move(problems));
  }
  return out;
}

Status may_record_decision(SittingStatus status, Date sitting_date, Date today) {
  if (status == SittingStatus::cancelled) {
    return Error::conflict("This sitting is cancelled: no decision can be recorded at it");
  }
  if (std::chrono::sys_days{sitting_date} > std::chrono::sys_days{today}) {
    return Error::conflict("This hearing is on " + long_date(sitting_date) +
                           ": its decision can be recorded from that day");
  }
  return Done{};
}

}  // namespace casepanel::core
