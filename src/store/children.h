// Children: the repository for children's records as the use cases read
// them (app/children.h, app/watch.h, app/scope.h): the list and one child's
// details, their siblings and history (requests, hearings, decisions,
// actions), the discussions of going to panel kept for a watch list, and the
// names of the children a request or a sitting is about.
//
// Dates come out as core::Date, instants as core::Instant and states as
// enums; an unreadable one throws (store/typed_columns.h). Every function
// takes the caller's open transaction; none commits.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/calendar.h"
#include "core/request.h"
#include "store/database.h"

namespace casepanel::store {

struct ChildSummaryRecord {
  std::int64_t id = 0;
  std::string external_id;
  std::string name;  // "First Last"
  core::Date date_of_birth;
  std::string team;
  std::string legal_status;
  std::optional<std::string> allocated_worker;
};

struct ChildDetailsRecord {
  ChildSummaryRecord summary;
  std::string gender;
  std::string ethnicity;
  std::string disability;
  std::optional<core::Date> came_into_care;
  std::optional<core::Date> cp_plan_start;
  std::optional<core::Date> case_opened;
  std::optional<std::int64_t> sibling_group_id;
};

// Every child, by surname, first name and id.
std::vector<ChildSummaryRecord> all_children(Tx& tx);
// The children of these teams and these ids, in the same order.
std::vector<ChildSummaryRecord> children_of(Tx& tx, const std::vector<std::int64_t>& team_ids,
                                            const std::vector<std::int64_t>& child_ids);
std::optional<ChildDetailsRecord> find_child(Tx& tx, std::int64_t child_id);
// The other children of a sibling group, eldest first.
std::vector<ChildSummaryRecord> siblings(Tx& tx, std::int64_t group_id, std::int64_t child_id);
// The team a child belongs to; nullopt when there is no such child.
std::optional<std::int64_t> child_team(Tx& tx, std::int64_t child_id);

struct ChildRequestRecord {
  std::int64_t id = 0;
  std::string panel_id;
  std::string request_type;
  core::RequestState state = core::RequestState::draft;
  core::Instant created_at;
};
struct ChildHearingRecord {
  std::int64_t sitting_id = 0;
  std::string panel_id;
  core::Instant starts_at;
  std::string venue_id;
  std::int64_t request_id = 0;
};
struct ChildActionRecord {
  std::string description;
  std::string owner;
  core::Date due_date;
  std::string status;
};
// A child's history, newest first.
std::vector<ChildRequestRecord> child_request_history(Tx& tx, std::int64_t child_id);
std::vector<ChildHearingRecord> child_hearings(Tx& tx, std::int64_t child_id);
std::vector<ChildActionRecord> child_actions(Tx& tx, std::int64_t child_id);

// Keeping watch (app/watch.h). A criterion's months count from one of the
// child's dates.
enum class MonthsFrom { case_opened, came_into_care, child_protection_plan_start };
enum class DiscussionOutcome { refer, not_now };
struct WatchCandidate {
  std::int64_t id = 0;
  std::string name;
  std::string team;
  std::string team_kind;
  core::Date since;
  std::optional<core::Date> last_discussed;
  std::optional<DiscussionOutcome> last_outcome;
  std::optional<std::int64_t> open_request_id;  // under way for the panel
};
struct WatchQuery {
  std::string panel_id;
  std::string criterion_id;
  MonthsFrom from = MonthsFrom::case_opened;
  core::Date before;  // the date counted from is before this one
  std::vector<std::int64_t> team_ids;
};
// The children of these teams whose date is before `before`, oldest first.
std::vector<WatchCandidate> watch_candidates(Tx& tx, const WatchQuery& q);

struct DiscussionRecord {
  std::string criterion_id;
  core::Date discussed_on;
  DiscussionOutcome outcome = DiscussionOutcome::not_now;
  std::string arguments;
  std::string recorded_by;  // the person's name
};
struct NewDiscussion {
  std::int64_t child_id = 0;
  std::string criterion_id;
  core::Date discussed_on;
  DiscussionOutcome outcome = DiscussionOutcome::not_now;
  std::string arguments;
  std::int64_t recorded_by = 0;
  core::Instant recorded_at;
};
std::int64_t insert_discussion(Tx& tx, const NewDiscussion& d);
// A child's discussions, newest first.
std::vector<DiscussionRecord> child_discussions(Tx& tx, std::int64_t child_id);
std::string_view outcome_id(DiscussionOutcome o);  // "refer" | "not_now"
std::optional<DiscussionOutcome> outcome_from_id(std::string_view id);

// The names ("First Last") of a request's children, eldest first.
std::vector<std::string> request_child_names(Tx& tx, std::int64_t request_id);
int request_child_count(Tx& tx, std::int64_t request_id);
// The children of every request heard at a sitting, by request then eldest
// first.
struct HeardChild {
  std::int64_t request_id = 0;
  std::string name;
};
std::vector<HeardChild> sitting_child_names(Tx& tx, std::int64_t sitting_id);

}  // namespace casepanel::store
