// Demo history: the repository the demo council (app/demo.h) writes through,
// one row at a time, for what no use case can write: people and teams made
// in bulk with a shared password, and a past (sittings held, requests
// approved and decided, actions done) dated weeks or years before the
// clock's now. Rows are store/history_rows.h; each insert returns the new id.
//
// Every function takes the caller's open transaction; none commits. What
// could later merge with the aggregates' own repositories: requests,
// approvals and papers (store/requests.*), sittings, hearings and decisions
// (store/sittings.*, store/hearings.*, store/decisions.*).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/role.h"
#include "store/database.h"
#include "store/history_rows.h"

namespace casepanel::store::history {

// Whether any user exists: demo data goes only into an empty database.
bool has_users(Tx& tx);

struct UserRow {
  std::string email{};
  std::string name{};
  std::string job_title{};
  std::string password_hash{};
  std::optional<std::int64_t> team_id{};
  std::optional<std::int64_t> line_manager_id{};
  core::Instant created_at{};
  std::vector<core::Role> roles{};
};
std::int64_t insert_user(Tx& tx, const UserRow& user);
std::int64_t insert_locality(Tx& tx, const std::string& name);
std::int64_t insert_team(Tx& tx, const std::string& name, const std::string& kind,
                         std::int64_t locality_id);
void set_team_manager(Tx& tx, std::int64_t team_id, std::int64_t manager_id);

std::int64_t insert_sibling_group(Tx& tx, const std::string& name);
std::int64_t insert_child(Tx& tx, const ChildRow& row);

std::int64_t insert_sitting(Tx& tx, const SittingRow& row);

std::int64_t insert_request(Tx& tx, const RequestRow& row);
void add_request_child(Tx& tx, std::int64_t request_id, std::int64_t child_id);
void add_request_criterion(Tx& tx, std::int64_t request_id, const std::string& criterion_id);
void insert_approval(Tx& tx, const ApprovalRow& row);
void insert_paper(Tx& tx, const PaperRow& row);
// When the request was last changed, and sent on (nullopt: not yet).
void set_request_times(Tx& tx, std::int64_t request_id, std::optional<core::Instant> submitted_at,
                       core::Instant updated_at);
// When the coordinator triaged it (store::mark_triaged).
void set_request_triaged(Tx& tx, std::int64_t request_id, core::Instant triaged_at);
// The sitting its cut-off sent it to, sent in time (store::mark_submitted).
void set_request_target(Tx& tx, std::int64_t request_id, core::Date sitting);

std::int64_t insert_hearing(Tx& tx, const HearingRow& row);
std::int64_t insert_decision(Tx& tx, const DecisionRow& row);
void insert_action(Tx& tx, const ActionRow& row);
void insert_discussion(Tx& tx, const DiscussionRow& row);

// Opens the returns to panel that the decisions' review dates set (demo rows
// come in bulk, not through the use case): "heard" where the child has a
// later record at the same panel, "closed" where the request is closed
// (as if a progress update was accepted), "due" otherwise.
void open_returns(Tx& tx);
// Sets the review date of the author's latest record of a child not heard
// again since (a decided request) to `due`, and opens its return: the demo's
// "review due next week". False when the author has no such record.
bool move_review(Tx& tx, std::int64_t author_id, core::Date due);

// Rows per table, for the demo's summary.
struct Counts {
  int users = 0;
  int children = 0;
  int requests = 0;
  int sittings = 0;
  int hearings = 0;
  int decisions = 0;
  int actions = 0;
};
Counts count_rows(Tx& tx);

}  // namespace casepanel::store::history
