// History rows: the typed rows of a council's past as it is loaded in one go
// rather than lived through the use cases (the demo councils, later an
// import): children, sittings, requests with their children, criteria,
// approvals and papers, hearings, decisions, actions and watch-list
// discussions. Dates are core::Date and times core::Instant, what may be NULL
// is std::optional, states are enums; store/ turns them into columns.
//
// Two writers take these rows: store/demo_history.h one at a time, the
// database choosing ids, and store/bulk_load.h many at a time, the caller
// choosing ids (the `id` members are read only there).
//
// The status enums here are the values the demo writes; they could merge
// with the core enums of the sittings and hearings repositories
// (core::SittingStatus, core::HearingStatus) once those exist.
//
// Plain values: safe to copy and share.
#pragma once

#include "core/sitting_status.h"
#include "store/children.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/calendar.h"
#include "core/clock.h"
#include "core/follow_up.h"
#include "core/request.h"
#include "store/database.h"

namespace casepanel::store::history {

// The statuses the demo's history writes: core's own (core/sitting_status.h).
using SittingStatus = core::SittingStatus;
using HearingStatus = core::HearingStatus;
enum class ApprovalOutcome { approved, returned };
using ActionStatus = core::ActionStatus;
using DiscussionOutcome = store::DiscussionOutcome;  // store/children.h

struct ChildRow {
  std::int64_t id = 0;  // bulk loads only
  std::string external_id{};
  std::string first_name{};
  std::string last_name{};
  core::Date date_of_birth{};
  std::string gender{};
  std::string ethnicity{};
  std::string disability{};
  std::string legal_status{};
  std::optional<core::Date> came_into_care{};
  std::optional<core::Date> cp_plan_start{};
  core::Date case_opened{};
  std::int64_t allocated_worker_id = 0;
  std::int64_t team_id = 0;
  std::optional<std::int64_t> sibling_group_id{};
};

struct SittingRow {
  std::int64_t id = 0;  // bulk loads only
  std::string panel_id{};
  core::Date sitting_date{};
  core::Instant starts_at{};
  core::Instant ends_at{};
  std::string venue_id{};
  SittingStatus status = SittingStatus::planned;
  std::int64_t chair_id = 0;
  std::optional<core::Instant> schedule_slot{};
  std::optional<core::Date> proposed_date{};
  std::optional<core::Instant> published_at{};  // the agenda's; a held sitting's was
  std::optional<core::Instant> minutes_authorised_at{};
  // Bulk loads: with minutes_authorised_at, the panel administrator who
  // drafted the minutes; the loader writes their authorised minutes row
  // (drafted the day before, authorised by the chair, with no frozen text:
  // the minutes page reads what was recorded).
  std::optional<std::int64_t> minutes_drafted_by{};
};

struct RequestRow {
  std::int64_t id = 0;  // bulk loads only
  std::string panel_id{};
  core::RequestState state = core::RequestState::draft;
  std::string request_type{};  // "" for a panel with entry criteria
  std::string reason{};
  std::string proposed_plan{};
  std::string parallel_plan{};
  bool conference_call = false;
  std::string venue_preference{};
  std::int64_t approval_step = 0;
  std::int64_t author_id = 0;
  std::int64_t team_id = 0;
  std::optional<core::Date> statutory_due{};
  core::Instant created_at{};
  std::optional<core::Instant> submitted_at{};
  core::Instant updated_at{};
  std::optional<core::Instant> triaged_at{};  // the coordinator's decision (store/requests.h)
  // The sitting its cut-off sent it to (panels with a cut-off only).
  std::optional<core::Date> target_sitting{};
};

struct ApprovalRow {
  std::int64_t id = 0;  // bulk loads only
  std::int64_t request_id = 0;
  std::string step_id{};
  std::int64_t approver_id = 0;
  ApprovalOutcome outcome = ApprovalOutcome::approved;
  std::string comments{};
  core::Instant at{};
};

// A paper is a stored file (its name in the uploads folder) or the reason a
// document was not provided.
struct PaperFile {
  std::string file_name{};
  std::string stored_name{};
  std::string media_type{};
  std::int64_t bytes = 0;
  std::string sha256{};
};
struct PaperRow {
  std::int64_t request_id = 0;
  std::string document_id{};
  std::optional<PaperFile> file{};  // nullopt: not provided, see reason
  std::string reason{};
  std::int64_t added_by = 0;
  core::Instant added_at{};
};

struct HearingRow {
  std::int64_t id = 0;  // bulk loads only
  std::int64_t sitting_id = 0;
  std::int64_t request_id = 0;
  core::Instant starts_at{};
  int minutes = 0;
  HearingStatus status = HearingStatus::scheduled;
};

// A decision record with its one decision (the demo records one a child),
// written as a row of `decisions`, one of `decision_items` and the
// significant event on the child's record.
struct DecisionRow {
  std::int64_t id = 0;  // bulk loads only
  std::int64_t hearing_id = 0;
  std::int64_t child_id = 0;
  std::string decision_type{};
  std::string summary{};
  std::string reasons{};
  std::string permanency_plan{};  // a [permanency] plan id, or empty
  std::string permanency_timeframe{};
  std::optional<std::int64_t> permanency_owner_id{};
  std::optional<core::Date> review_date{};
  std::optional<core::Role> final_role{};  // a recommendation, awaiting this role
  std::optional<std::int64_t> final_by{};  // ... or agreed by this person
  std::string final_reasons{};
  std::string event{};  // the significant event's words
  std::int64_t recorded_by = 0;
  core::Instant recorded_at{};
};

struct ActionRow {
  std::int64_t id = 0;  // bulk loads only
  std::int64_t decision_id = 0;
  std::int64_t child_id = 0;
  std::string description{};
  std::int64_t owner_id = 0;
  core::Date due_date{};
  ActionStatus status = ActionStatus::open;
  std::optional<core::Instant> completed_at{};
  core::Instant created_at{};
  std::string evidence{};         // what was done, when done
  std::string not_done_reason{};  // why not, when closed as not done
  std::optional<std::int64_t> closed_by{};
  // A timescale a decision started (core/follow_up.h): its id and the
  // decision's; "action" and "" for an ordinary action.
  std::string kind = "action";
  std::string started_by{};
  std::optional<core::Date> done_on{};  // the day recorded as done
};

struct DiscussionRow {
  std::int64_t child_id = 0;
  std::string criterion_id{};
  core::Date discussed_on{};
  DiscussionOutcome outcome = DiscussionOutcome::not_now;
  std::string arguments{};
  std::int64_t recorded_by = 0;
  core::Instant recorded_at{};
};

// A table's columns (without `id`) and a row's values in that order, for
// the two writers.
struct Columns {
  const char* table{};
  std::vector<std::string> names{};
};
const Columns& child_columns();
const Columns& sitting_columns();
const Columns& request_columns();
const Columns& approval_columns();
const Columns& hearing_columns();
const Columns& decision_columns();
const Columns& decision_item_columns();   // rows without ids, after their decision
const Columns& decision_event_columns();  // likewise
const Columns& action_columns();
const Columns& minutes_columns();  // keyed by the sitting: rows without ids
Params values(const ChildRow& r);
Params values(const SittingRow& r);
Params values(const RequestRow& r);
Params values(const ApprovalRow& r);
Params values(const HearingRow& r);
Params values(const DecisionRow& r);
Params item_values(const DecisionRow& r, std::int64_t decision_id);
Params event_values(const DecisionRow& r, std::int64_t decision_id);
Params values(const ActionRow& r);
Params minutes_values(const SittingRow& r);  // its authorised minutes

enum class WithId { no, yes };
// INSERT INTO table ([id,] columns) VALUES ($1, ...), ($n, ...) for `rows`
// rows, parameters numbered in order across the rows.
std::string insert_sql(const Columns& c, std::size_t rows, WithId with_id);

}  // namespace casepanel::store::history
