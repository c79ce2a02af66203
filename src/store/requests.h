// Requests: the repository for the request aggregate. A request row with its
// children (request_children), entry criteria (request_criteria), managers'
// authorisations (request_authorisations) and history (approvals); its
// referrals for consultation are store/consultations.h. All the SQL behind a request's
// own tables lives here; app/ applies the rules (core/request.h,
// core/request_lifecycle.h) and writes through these functions.
//
// Fail closed: a row whose state casepanel does not know, or whose date or
// time does not parse, is a broken database. Reading it throws
// std::runtime_error naming the table, the id and the value (store/stored_values.h);
// it is never read as a draft or as 1 January 1970.
//
// The history (table `approvals`) holds the managers' approval steps and the
// coordinator's triage outcomes alike:
//   approved          an approval step was approved
//   returned          an approver returned it to the author for changes
//   more_information  the coordinator needs more (stored, as it always was,
//                     as outcome 'returned' at step 'triage')
//   declined          the coordinator declined it (step 'triage')
//
// Every function takes the caller's open transaction; none commits.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/calendar.h"
#include "core/clock.h"
#include "core/request_lifecycle.h"
#include "store/database.h"

namespace casepanel::store {

// Support Panel: the coordinator accepted a request that missed a cut-off.
struct LateAcceptance {
  std::int64_t by = 0;
  core::Instant at;
  std::string reason;
};

// CLAM: the 3-way discussion recorded at the approval step that asks for it.
struct ThreeWayDiscussion {
  core::Date on;
  std::int64_t practice_manager_id = 0;
  std::int64_t group_manager_id = 0;
};

enum class ConferenceCall { not_needed, needed };

// One request as stored (table requests).
struct RequestRecord {
  std::int64_t id = 0;
  std::string panel_id;
  core::RequestState state = core::RequestState::draft;
  int approval_step = 0;  // the panel's approval step reached (0-based)
  std::int64_t author_id = 0;
  std::int64_t team_id = 0;
  std::string request_type;                  // "" until chosen, and on panels with entry criteria
  std::optional<core::Date> came_into_care;  // statutory request types only
  std::string reason;
  std::string proposed_plan;
  std::string parallel_plan;
  std::string venue_preference;  // a venue id, "" when none
  ConferenceCall conference_call = ConferenceCall::not_needed;
  std::optional<core::Date> statutory_due;
  bool must_go_to_next_sitting = false;
  std::optional<core::Date> target_sitting;  // the sitting it goes to (cut-off panels)
  std::optional<core::Date> missed_cutoff;   // the sitting whose cut-off it missed
  std::optional<LateAcceptance> late_accepted;
  std::optional<ThreeWayDiscussion> three_way;
  std::vector<std::string> sections_done;  // section ids ("type", "details" ...)
  core::Instant created_at;
  core::Instant updated_at;
  std::optional<core::Instant> submitted_at;
};

std::optional<RequestRecord> find_request(Tx& tx, std::int64_t id);
// The author's requests in a state, least recently changed first.
std::vector<RequestRecord> requests_of_author(Tx& tx, std::int64_t author_id,
                                              core::RequestState state);
// Every request in a state, least recently changed first.
std::vector<RequestRecord> requests_in_state(Tx& tx, core::RequestState state);

// A new draft for these children; returns its id.
struct NewRequest {
  std::string panel_id;
  std::int64_t author_id = 0;
  std::int64_t team_id = 0;
  std::vector<std::int64_t> child_ids;
};
std::int64_t insert_request(Tx& tx, const NewRequest& request, core::Instant at);

// The state changes: app/ asks core::next_state first.
void set_request_state(Tx& tx, std::int64_t id, core::RequestState state, core::Instant at);
// As set_request_state, also setting the approval step reached.
void set_request_state(Tx& tx, std::int64_t id, core::RequestState state, int approval_step,
                       core::Instant at);
// Reached the coordinator: submitted, when, and (cut-off panels) where it goes.
struct Submission {
  std::optional<core::Date> target_sitting;
  std::optional<core::Date> missed_cutoff;
};
// (Sent anew, it waits for triage again: triaged_at is cleared.)
void mark_submitted(Tx& tx, std::int64_t id, const Submission& submission, core::Instant at);
// The coordinator's triage decision on the request as last submitted: given a
// slot, asked for more information, or declined (app/triage_common.h). The
// first decision counts: a request whose sitting is cancelled and which is
// given a new slot keeps the day it was first triaged.
void mark_triaged(Tx& tx, std::int64_t id, core::Instant at);
// The coordinator accepts it late: it goes to the sitting whose cut-off it missed.
void accept_late(Tx& tx, std::int64_t id, const LateAcceptance& late);
void record_three_way_discussion(Tx& tx, std::int64_t id, const ThreeWayDiscussion& discussion);

// The draft's sections.
struct RequestTypeFields {
  std::string request_type;
  std::optional<core::Date> came_into_care;
  std::optional<core::Date> statutory_due;
  bool must_go_to_next_sitting = false;
};
void write_request_type(Tx& tx, std::int64_t id, const RequestTypeFields& fields);
void write_details(Tx& tx, std::int64_t id, const std::string& reason,
                   const std::string& proposed_plan, const std::string& parallel_plan);
void write_attendance(Tx& tx, std::int64_t id, const std::string& venue_preference,
                      ConferenceCall conference_call);
void set_sections_done(Tx& tx, std::int64_t id, const std::vector<std::string>& sections,
                       core::Instant at);

// Entry criteria (Support Panel), by id.
std::vector<std::string> request_criteria(Tx& tx, std::int64_t id);
void replace_criteria(Tx& tx, std::int64_t id, const std::vector<std::string>& criteria);
// The criteria the author confirmed although the child's record did not bear
// them out (core/criterion_record.h); replace_criteria clears the marks.
std::vector<std::string> criteria_confirmed_against_record(Tx& tx, std::int64_t id);
void confirm_against_record(Tx& tx, std::int64_t id, const std::vector<std::string>& criteria);

// Support Panel 2.2: who authorised a criterion, when and what.
struct AuthorisationRecord {
  std::string criterion_id;
  std::int64_t authorised_by = 0;
  std::string authorised_by_name;  // read only
  core::Instant at;
  std::string what;
};
std::vector<AuthorisationRecord> request_authorisations(Tx& tx, std::int64_t id);
void replace_authorisations(Tx& tx, std::int64_t id, const std::vector<AuthorisationRecord>& list,
                            std::int64_t recorded_by, core::Instant at);

// The children a request is for, eldest first.
struct RequestChild {
  std::int64_t id = 0;
  std::string name;
  std::optional<core::Date> came_into_care;
  core::Date born{};
};
std::vector<RequestChild> request_children(Tx& tx, std::int64_t id);
// The teams of these children (one entry per child found).
std::vector<std::int64_t> teams_of_children(Tx& tx, const std::vector<std::int64_t>& child_ids);
// Whether any paper has been added to the request yet.
bool request_has_papers(Tx& tx, std::int64_t id);

// The history (table approvals).
enum class HistoryOutcome { approved, returned, more_information, declined };
inline constexpr std::string_view kTriageStep = "triage";
struct RequestHistoryEntry {
  std::int64_t id = 0;
  std::int64_t request_id = 0;
  std::string step_id;  // an approval step's id, or kTriageStep
  std::int64_t approver_id = 0;
  std::string approver_name;  // read only
  HistoryOutcome outcome = HistoryOutcome::approved;
  std::string comments;
  core::Instant at;
};
// What a use case appends to the history.
struct NewHistoryEntry {
  std::int64_t request_id = 0;
  std::string step_id;  // an approval step's id, or kTriageStep
  std::int64_t approver_id = 0;
  HistoryOutcome outcome = HistoryOutcome::approved;
  std::string comments;
  core::Instant at;
};
// Appends an entry; returns its id.
std::int64_t add_history(Tx& tx, const NewHistoryEntry& entry);
// Oldest first.
std::vector<RequestHistoryEntry> request_history(Tx& tx, std::int64_t id);
std::optional<RequestHistoryEntry> last_history(Tx& tx, std::int64_t id);

}  // namespace casepanel::store
