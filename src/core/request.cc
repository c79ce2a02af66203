#include "core/request.h"
#include "core/time_entry.h"

#include <algorithm>
#include <array>
#include <utility>

namespace casepanel::core {
namespace {

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

std::string_view section_id(Section s) {
  switch (s) {
    case Section::children:
      return "children";
    case Section::type:
      return "type";
    case Section::details:
      return "details";
    case Section::attendance:
      return "attendance";
  }
  return "type";
}

std::optional<Section> section_from_id(std::string_view id) {
  for (Section s : {Section::children, Section::type, Section::details, Section::attendance}) {
    if (section_id(s) == id) {
      return s;
    }
  }
  return std::nullopt;
}

Section section_of_field(std::string_view field) {
  if (field == "children") {
    return Section::children;
  }
  if (field == "reason" || field == "proposed_plan" || field == "parallel_plan") {
    return Section::details;
  }
  if (field == "venue_preference" || field == "conference_call") {
    return Section::attendance;
  }
  return Section::type;
}

std::string authorisation_field(std::string_view criterion_id, std::string_view part) {
  return "auth_" + std::string(criterion_id) + "_" + std::string(part);
}

std::vector<const EntryCriterion*> criteria_needing_authorisation(const PanelType& panel,
                                                                  const RequestDraft& d) {
  std::vector<const EntryCriterion*> out;
  for (const EntryCriterion& c : panel.entry_criteria) {
    if (c.authorisation_by &&
        std::find(d.criteria.begin(), d.criteria.end(), c.id) != d.criteria.end()) {
      out.push_back(&c);
    }
  }
  return out;
}

bool must_go_to_next_sitting(const PanelType& panel, const RequestDraft& d) {
  for (const std::string& id : d.criteria) {
    const EntryCriterion* c = panel.entry_criterion(id);
    if (c != nullptr && c->must_go_to_next_sitting) {
      return true;
    }
  }
  return false;
}

std::optional<Date> statutory_due(const PanelType& panel, const Calendar& calendar,
                                  const RequestDraft& d) {
  const RequestType* type = panel.request_type(d.request_type);
  const auto came = parse_iso_date(d.came_into_care);
  if (type == nullptr || !type->statutory() || !came) {
    return std::nullopt;
  }
  return calendar.add_working_days(*came, *type->heard_within_working_days);
}

namespace {

// CLAM: the request type, and for a statutory one the date of coming into care.
const RequestType* check_request_type(std::vector<FieldError>& problems, const PanelType& panel,
                                      const RequestDraft& d, Date today) {
  if (panel.request_types.empty()) {
    return nullptr;
  }
  const RequestType* type = panel.request_type(d.request_type);
  if (type == nullptr) {
    problems.push_back({"request_type", "Select the type of request"});
    return nullptr;
  }
  if (!type->statutory()) {
    return type;
  }
  const auto came = parse_iso_date(d.came_into_care);
  if (d.came_into_care.empty()) {
    problems.push_back({"came_into_care", "Enter the date the child came into care"});
  } else if (!came) {
    problems.push_back({"came_into_care", "The date the child came into care must be a real date"});
  } else if (std::chrono::sys_days{*came} > std::chrono::sys_days{today}) {
    problems.push_back(
        {"came_into_care", "The date the child came into care must be today or in the past"});
  }
  return type;
}

// Support Panel 2.2: who authorised a criterion, when, and what.
void check_authorisation(std::vector<FieldError>& problems, const PanelType& panel,
                         const RequestDraft& d, const EntryCriterion& c, Date today) {
  const Authorisation* a = nullptr;
  for (const Authorisation& x : d.authorisations) {
    a = x.criterion_id == c.id ? &x : a;
  }
  const std::string who = panel.title_of(*c.authorisation_by);
  if (a == nullptr || a->authorised_by == 0 || !a->authoriser_has_role) {
    problems.push_back(
        {authorisation_field(c.id, "by"), "Select the " + who + " who authorised it"});
  }
  const auto date = a ? parse_iso_date(a->date) : std::nullopt;
  if (!date) {
    problems.push_back({authorisation_field(c.id, "date"),
                        "Enter the date the " + who + " authorised it, as a real date"});
  } else if (std::chrono::sys_days{*date} > std::chrono::sys_days{today}) {
    problems.push_back({authorisation_field(c.id, "date"),
                        "The date of the authorisation must be today or in the past"});
  }
  if (a == nullptr || !parse_time_entered(a->time)) {
    problems.push_back({authorisation_field(c.id, "time"),
                        "Enter the time of the authorisation, like 2:30pm or 14:30"});
  }
  require_text(problems, authorisation_field(c.id, "what"), a ? a->what : std::string(),
               "Enter what the " + who + " authorised");
}

// Issue 14, item 8: a criterion the record does not bear out is sent only
// once the practitioner confirms it (the record is out of date).
void check_claims_against_record(std::vector<FieldError>& problems, const PanelType& panel,
                                 const RequestDraft& d, Date today) {
  std::vector<std::string> named;
  for (const auto& claim : claims_against_record(panel, d.criteria, d.children_on_record, today)) {
    const auto& confirmed = d.confirmed_against_record;
    if (std::find(confirmed.begin(), confirmed.end(), claim.criterion_id) != confirmed.end() ||
        std::find(named.begin(), named.end(), claim.criterion_id) != named.end()) {
      continue;
    }
    named.push_back(claim.criterion_id);
    problems.push_back({record_confirmation_field(claim.criterion_id),
                        "The record does not show “" +
                            panel.entry_criterion(claim.criterion_id)->label +
                            "”: confirm that it applies, or unselect it"});
  }
}

// Support Panel: the entry criteria, each known, and their authorisations.
void check_criteria(std::vector<FieldError>& problems, const PanelType& panel,
                    const RequestDraft& d, Date today) {
  if (panel.entry_criteria.empty()) {
    return;
  }
  const bool unknown = std::any_of(d.criteria.begin(), d.criteria.end(), [&](const auto& id) {
    return panel.entry_criterion(id) == nullptr;
  });
  if (d.criteria.empty() || unknown) {
    problems.push_back({"criteria", panel.request_type_selection == Selection::one
                                        ? "Select the criterion that applies to this case"
                                        : "Select the criteria that apply to this case"});
  } else if (d.criteria.size() > 1 && panel.request_type_selection == Selection::one) {
    problems.push_back({"criteria", "Select only one criterion"});
  }
  for (const EntryCriterion* c : criteria_needing_authorisation(panel, d)) {
    check_authorisation(problems, panel, d, *c, today);
  }
  check_claims_against_record(problems, panel, d, today);
}

void check_plans(std::vector<FieldError>& problems, const RequestType* type,
                 const RequestDraft& d) {
  require_text(problems, "reason", d.reason, "Enter the reason for the request");
  require_text(problems, "proposed_plan", d.proposed_plan, "Enter the proposed plan");
  if (type != nullptr && type->needs_parallel_plan) {
    require_text(problems, "parallel_plan", d.parallel_plan, "Enter the parallel plan");
  } else if (d.parallel_plan.size() > kMaxText) {
    problems.push_back({"parallel_plan", "Keep this to 20,000 characters or fewer"});
  }
}

}  // namespace

Status validate_draft(const PanelType& panel, const RequestDraft& d, Date today) {
  std::vector<FieldError> problems;
  const RequestType* type = check_request_type(problems, panel, d, today);
  check_criteria(problems, panel, d, today);
  check_plans(problems, type, d);
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

Status validate_section(const PanelType& panel, const RequestDraft& draft, Date today,
                        Section section) {
  auto all = validate_draft(panel, draft, today);
  if (all) {
    return all;
  }
  std::vector<FieldError> mine;
  for (const FieldError& f : all.error().fields) {
    if (section_of_field(f.field) == section) {
      mine.push_back(f);
    }
  }
  if (mine.empty()) {
    return ok_status();
  }
  return Error::invalid_fields(std::move(mine));
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

namespace {

bool after_today(Date d, Date today) {
  return std::chrono::sys_days{d} > std::chrono::sys_days{today};
}

}  // namespace

Status validate_three_way_discussion(const PanelType& panel, const ThreeWayDiscussionInput& in,
                                     Date today) {
  std::vector<FieldError> problems;
  const auto date = parse_iso_date(in.date);
  if (!date) {
    problems.push_back(
        {"discussion_date", "Enter the date of the 3-way discussion, as a real date"});
  } else if (after_today(*date, today)) {
    problems.push_back(
        {"discussion_date", "The date of the 3-way discussion must be today or in the past"});
  }
  if (!in.practice_manager_holds_role) {
    problems.push_back(
        {"discussion_practice_manager",
         "Select the " + panel.title_of(Role::practice_manager) + " in the discussion"});
  }
  if (!in.group_manager_holds_role) {
    problems.push_back(
        {"discussion_group_manager",
         "Select the " + panel.title_of(Role::group_manager) + " in the discussion"});
  }
  if (!problems.empty()) {
    return Error::invalid_fields(std::move(problems));
  }
  return ok_status();
}

bool statutory_overdue(std::optional<Date> due, RequestState state, Date today) {
  // Still to be heard: every state from which the panel may yet hear it.
  const bool to_be_heard = state == RequestState::draft ||
                           state == RequestState::awaiting_approval ||
                           state == RequestState::submitted || state == RequestState::scheduled;
  return due && to_be_heard && std::chrono::sys_days{*due} < std::chrono::sys_days{today};
}

RequestEvent send_event(const PanelType& panel, SentBackBy sent_back_by) {
  if (panel.approval_steps.empty() || sent_back_by == SentBackBy::coordinator) {
    return RequestEvent::send_without_approval;
  }
  return RequestEvent::send;
}

RequestEvent approval_event(const PanelType& panel, int step_index) {
  const bool last = step_index + 1 >= static_cast<int>(panel.approval_steps.size());
  return last ? RequestEvent::approve_last_step : RequestEvent::approve_step;
}

Status check_late_acceptance(RequestState state, std::optional<Date> missed_cutoff,
                             Instant sitting_starts, Instant now) {
  if (state != RequestState::submitted || !missed_cutoff) {
    return Error::conflict("This request did not miss a cut-off");
  }
  if (sitting_starts <= now) {
    return Error::conflict("The sitting it missed has already started");
  }
  return ok_status();
}

}  // namespace casepanel::core
