// A request to panel (a referral): what the practitioner writes and the
// rules it must meet before it is sent on. Its states and the moves between
// them are core/request_lifecycle.h.
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
#include "core/criterion_record.h"
#include "core/panel_type.h"
#include "core/request_lifecycle.h"
#include "core/result.h"

namespace casepanel::core {

// Support Panel 2.2: a criterion that needs a manager's authorisation before
// the request (immediate legal advice, proceedings or accommodation: the
// Service Manager) records who gave it, when and what was authorised.
struct Authorisation {
  std::string criterion_id;
  std::int64_t authorised_by = 0;    // a user holding the criterion's role
  bool authoriser_has_role = false;  // checked by app/ against the user's roles
  std::string date;                  // ISO date as entered
  std::string time;                  // "HH:MM" as entered, Europe/London
  std::string what;
};

// What a practitioner writes; validated before anything is stored.
struct RequestDraft {
  std::string panel_id;
  std::string request_type;           // panels with request types (CLAM)
  std::string came_into_care;         // ISO date; statutory request types
  std::vector<std::string> criteria;  // panels with entry criteria (Support)
  std::vector<Authorisation> authorisations;
  // Criteria claimed against the record (core/criterion_record.h) that the
  // practitioner confirmed: the record is out of date.
  std::vector<std::string> confirmed_against_record;
  // The children's records, read by app/ for the criteria that count months.
  std::vector<ChildOnRecord> children_on_record;
  std::string reason;
  std::string proposed_plan;
  std::string parallel_plan;
  std::string venue_preference;
  bool conference_call = false;
  int children = 1;
};

// The parts of a request's task list. `type` is the request type (CLAM) or the
// entry criteria (Support); papers are checked by core/papers.
enum class Section { children, type, details, attendance };
std::string_view section_id(Section s);  // "type"
std::optional<Section> section_from_id(std::string_view id);
// The section a form field belongs to ("reason" -> details).
Section section_of_field(std::string_view field);
// The form fields of an authorisation for a criterion: "auth_<id>_by" ...
std::string authorisation_field(std::string_view criterion_id, std::string_view part);

// Every problem at once, each naming its field, in the order of the form.
// `today` (Europe/London) bounds dates that cannot be in the future, and
// says whether a criterion that counts months is borne out by the record
// (one that is not must be confirmed: core/criterion_record.h).
Status validate_draft(const PanelType& panel, const RequestDraft& draft, Date today);
// Only the problems of one section.
Status validate_section(const PanelType& panel, const RequestDraft& draft, Date today,
                        Section section);

// CLAM: a statutory request type must be heard within N working days of the
// child coming into care; the date it must be heard by, if any.
std::optional<Date> statutory_due(const PanelType& panel, const Calendar& calendar,
                                  const RequestDraft& draft);
// Whether any chosen criterion sends the request to the next sitting.
bool must_go_to_next_sitting(const PanelType& panel, const RequestDraft& draft);
// The chosen criteria that need an authorisation recorded first.
std::vector<const EntryCriterion*> criteria_needing_authorisation(const PanelType& panel,
                                                                  const RequestDraft& draft);

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

// CLAM (Requests to Panel): "Practitioners will need to have a 3 way
// discussion/meeting with their Practice Manager and Group Manager who will
// make the decision and give permission to request a slot at Panel." The
// approval step that records it asks who took part and when.
struct ThreeWayDiscussionInput {
  std::string date;                          // ISO date as entered
  bool practice_manager_holds_role = false;  // checked by app/ against the user's roles
  bool group_manager_holds_role = false;
};
// Every problem at once, each naming its field: the date must be a real date,
// today or in the past (Europe/London); each manager must hold their role.
Status validate_three_way_discussion(const PanelType& panel, const ThreeWayDiscussionInput& in,
                                     Date today);

// CLAM: a statutory request not yet heard whose date to be heard by has
// passed. Once heard (or declined, withdrawn) it is no longer overdue.
bool statutory_overdue(std::optional<Date> due, RequestState state, Date today);

// Who last sent a draft back to its author.
enum class SentBackBy { nobody, approver, coordinator };
// What sending a completed draft does: to the first approval step, or
// straight to the coordinator where the panel has no steps or where the
// coordinator asked for more information (the approvals were given already).
RequestEvent send_event(const PanelType& panel, SentBackBy sent_back_by);
// What approving step `step_index` does: the next step, or the coordinator.
RequestEvent approval_event(const PanelType& panel, int step_index);

// Support Panel: a submitted request that missed a sitting's cut-off and has
// not been accepted late may be accepted for that sitting until it starts.
// `sitting_starts` is the sitting as planned, or as the schedule gives it.
Status check_late_acceptance(RequestState state, std::optional<Date> missed_cutoff,
                             Instant sitting_starts, Instant now);

}  // namespace casepanel::core
