#include "store/children.h"

#include <stdexcept>

#include "store/kept_reads.h"
#include "store/typed_columns.h"

namespace casepanel::store {
namespace {

constexpr const char* kSummarySelect =
    "SELECT c.id, c.external_id, c.first_name || ' ' || c.last_name, c.date_of_birth, t.name, "
    "c.legal_status, u.name";
constexpr const char* kSummaryFrom =
    " FROM children c JOIN teams t ON t.id = c.team_id "
    "LEFT JOIN users u ON u.id = c.allocated_worker_id ";

ChildSummaryRecord summary_of(const Row& r) {
  const std::int64_t id = r.integer(0);
  return {.id = id,
          .external_id = r.text(1),
          .name = r.text(2),
          .date_of_birth = date_column(r, 3, {"children", id, "date_of_birth"}),
          .team = r.text(4),
          .legal_status = r.text(5),
          .allocated_worker = r.optional_text(6)};
}

std::vector<ChildSummaryRecord> summaries(Tx& tx, const std::string& where, const Params& params) {
  std::vector<ChildSummaryRecord> out;
  for (const Row& r : tx.query(std::string(kSummarySelect) + kSummaryFrom + where, params)) {
    out.push_back(summary_of(r));
  }
  return out;
}

const char* months_column(MonthsFrom from) {
  switch (from) {
    case MonthsFrom::child_protection_plan_start:
      return "c.cp_plan_start";
    case MonthsFrom::came_into_care:
      return "c.came_into_care";
    case MonthsFrom::case_opened:
      break;
  }
  return "c.case_opened";
}

DiscussionOutcome outcome_column(const Row& r, std::size_t i, ColumnAt at) {
  return enum_column(r, i, at, outcome_from_id);
}

}  // namespace

std::vector<ChildSummaryRecord> all_children(Tx& tx) {
  return summaries(tx, "ORDER BY c.last_name, c.first_name, c.id", {});
}

std::vector<ChildSummaryRecord> children_of(Tx& tx, const std::vector<std::int64_t>& team_ids,
                                            const std::vector<std::int64_t>& child_ids) {
  // Both lists are bound (an empty IN list is not SQL): -1 is no id.
  std::vector<std::int64_t> teams = team_ids;
  std::vector<std::int64_t> ids = child_ids;
  teams.push_back(-1);
  ids.push_back(-1);
  Params params(teams.begin(), teams.end());
  params.insert(params.end(), ids.begin(), ids.end());
  return summaries(tx,
                   "WHERE c.team_id IN (" + placeholders(1, teams.size()) + ") OR c.id IN (" +
                       placeholders(static_cast<int>(teams.size()) + 1, ids.size()) +
                       ") ORDER BY c.last_name, c.first_name, c.id",
                   params);
}

std::optional<ChildDetailsRecord> find_child(Tx& tx, std::int64_t child_id) {
  auto r = tx.query_one(std::string(kSummarySelect) +
                            ", c.gender, c.ethnicity, c.disability, c.came_into_care, "
                            "c.cp_plan_start, c.case_opened, c.sibling_group_id" +
                            kSummaryFrom + "WHERE c.id = $1",
                        {child_id});
  if (!r) {
    return std::nullopt;
  }
  return ChildDetailsRecord{
      .summary = summary_of(*r),
      .gender = r->text(7),
      .ethnicity = r->text(8),
      .disability = r->text(9),
      .came_into_care = optional_date_column(*r, 10, {"children", child_id, "came_into_care"}),
      .cp_plan_start = optional_date_column(*r, 11, {"children", child_id, "cp_plan_start"}),
      .case_opened = optional_date_column(*r, 12, {"children", child_id, "case_opened"}),
      .sibling_group_id = r->optional_integer(13)};
}

std::vector<ChildSummaryRecord> siblings(Tx& tx, std::int64_t group_id, std::int64_t child_id) {
  return summaries(tx, "WHERE c.sibling_group_id = $1 AND c.id <> $2 ORDER BY c.date_of_birth",
                   {group_id, child_id});
}

std::optional<std::int64_t> child_team(Tx& tx, std::int64_t child_id) {
  // An access check's fact: kept at the content version (store/kept_reads.h).
  auto r = kept_query_one(tx, "SELECT team_id FROM children WHERE id = $1", {child_id});
  if (!r) {
    return std::nullopt;
  }
  return r->integer(0);
}

std::vector<ChildRequestRecord> child_request_history(Tx& tx, std::int64_t child_id) {
  std::vector<ChildRequestRecord> out;
  for (const Row& r :
       tx.query("SELECT r.id, r.panel_id, r.request_type, r.state, r.created_at FROM requests r "
                "JOIN request_children rc ON rc.request_id = r.id WHERE rc.child_id = $1 "
                "ORDER BY r.created_at DESC, r.id DESC",
                {child_id})) {
    const std::int64_t id = r.integer(0);
    const std::optional<core::RequestState> state = core::state_from_id(r.text(3));
    if (!state) {
      throw std::runtime_error("requests " + std::to_string(id) + ": unknown state \"" + r.text(3) +
                               "\"");
    }
    out.push_back({.id = id,
                   .panel_id = r.text(1),
                   .request_type = r.text(2),
                   .state = request_state(id, r.text(3)),
                   .created_at = instant_column(r, 4, {"requests", id, "created_at"})});
  }
  return out;
}

std::vector<ChildHearingRecord> child_hearings(Tx& tx, std::int64_t child_id) {
  std::vector<ChildHearingRecord> out;
  for (const Row& r :
       tx.query("SELECT m.id, m.panel_id, h.starts_at, m.venue_id, h.request_id FROM hearings h "
                "JOIN sittings m ON m.id = h.sitting_id JOIN request_children rc "
                "ON rc.request_id = h.request_id WHERE rc.child_id = $1 ORDER BY h.starts_at DESC",
                {child_id})) {
    out.push_back(
        {.sitting_id = r.integer(0),
         .panel_id = r.text(1),
         .starts_at = instant_column(r, 2, {"sittings", r.integer(0), "hearings.starts_at"}),
         .venue_id = r.text(3),
         .request_id = r.integer(4)});
  }
  return out;
}

std::vector<ChildActionRecord> child_actions(Tx& tx, std::int64_t child_id) {
  std::vector<ChildActionRecord> out;
  for (const Row& r :
       tx.query("SELECT a.id, a.description, u.name, a.due_date, a.status FROM actions a "
                "JOIN users u ON u.id = a.owner_id WHERE a.child_id = $1 ORDER BY a.due_date DESC",
                {child_id})) {
    out.push_back({.description = r.text(1),
                   .owner = r.text(2),
                   .due_date = date_column(r, 3, {"actions", r.integer(0), "due_date"}),
                   .status = r.text(4)});
  }
  return out;
}

std::vector<WatchCandidate> watch_candidates(Tx& tx, const WatchQuery& q) {
  if (q.team_ids.empty()) {
    return {};
  }
  const std::string column = months_column(q.from);
  // Parameters are numbered in order of appearance (store/database.h).
  Params params{q.criterion_id, q.criterion_id, q.panel_id, core::to_iso(q.before)};
  params.insert(params.end(), q.team_ids.begin(), q.team_ids.end());
  const std::string sql =
      "SELECT c.id, c.first_name || ' ' || c.last_name, t.name, " + column +
      ", t.kind, "
      "(SELECT MAX(d.discussed_on) FROM child_discussions d WHERE d.child_id = c.id AND "
      " d.criterion_id = $1), "
      "(SELECT d.outcome FROM child_discussions d WHERE d.child_id = c.id AND "
      " d.criterion_id = $2 ORDER BY d.discussed_on DESC, d.id DESC LIMIT 1), "
      "(SELECT MAX(r.id) FROM requests r JOIN request_children rc ON rc.request_id = r.id "
      " WHERE rc.child_id = c.id AND r.panel_id = $3 AND r.state IN ('draft', "
      " 'awaiting_approval', 'submitted', 'scheduled')) "
      "FROM children c JOIN teams t ON t.id = c.team_id WHERE " +
      column + " < $4 AND c.team_id IN (" + placeholders(5, q.team_ids.size()) + ") ORDER BY " +
      column + ", c.id";
  std::vector<WatchCandidate> out;
  for (const Row& r : tx.query(sql, params)) {
    const std::int64_t id = r.integer(0);
    std::optional<DiscussionOutcome> outcome;
    if (!r.is_null(6)) {
      outcome = outcome_column(r, 6, {"children", id, "child_discussions.outcome"});
    }
    out.push_back({.id = id,
                   .name = r.text(1),
                   .team = r.text(2),
                   .team_kind = r.text(4),
                   .since = date_column(r, 3, {"children", id, column.c_str()}),
                   .last_discussed = optional_date_column(r, 5, {"children", id, "discussed_on"}),
                   .last_outcome = outcome,
                   .open_request_id = r.optional_integer(7)});
  }
  return out;
}

std::int64_t insert_discussion(Tx& tx, const NewDiscussion& d) {
  return tx.insert(
      "INSERT INTO child_discussions (child_id, criterion_id, discussed_on, outcome, arguments, "
      "recorded_by, recorded_at) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
      {d.child_id, d.criterion_id, core::to_iso(d.discussed_on), std::string(outcome_id(d.outcome)),
       d.arguments, d.recorded_by, core::to_iso_utc(d.recorded_at)});
}

std::vector<DiscussionRecord> child_discussions(Tx& tx, std::int64_t child_id) {
  std::vector<DiscussionRecord> out;
  for (const Row& r : tx.query("SELECT d.id, d.criterion_id, d.discussed_on, d.outcome, "
                               "d.arguments, u.name FROM child_discussions d JOIN users u ON "
                               "u.id = d.recorded_by WHERE d.child_id = $1 "
                               "ORDER BY d.discussed_on DESC, d.id DESC",
                               {child_id})) {
    const std::int64_t id = r.integer(0);
    out.push_back({.criterion_id = r.text(1),
                   .discussed_on = date_column(r, 2, {"child_discussions", id, "discussed_on"}),
                   .outcome = outcome_column(r, 3, {"child_discussions", id, "outcome"}),
                   .arguments = r.text(4),
                   .recorded_by = r.text(5)});
  }
  return out;
}

std::string_view outcome_id(DiscussionOutcome o) {
  return o == DiscussionOutcome::refer ? "refer" : "not_now";
}

std::optional<DiscussionOutcome> outcome_from_id(std::string_view id) {
  if (id == "refer") {
    return DiscussionOutcome::refer;
  }
  if (id == "not_now") {
    return DiscussionOutcome::not_now;
  }
  return std::nullopt;
}

std::vector<std::string> request_child_names(Tx& tx, std::int64_t request_id) {
  std::vector<std::string> out;
  for (const Row& r : tx.query("SELECT c.first_name || ' ' || c.last_name FROM children c "
                               "JOIN request_children rc ON rc.child_id = c.id "
                               "WHERE rc.request_id = $1 ORDER BY c.date_of_birth",
                               {request_id})) {
    out.push_back(r.text(0));
  }
  return out;
}

int request_child_count(Tx& tx, std::int64_t request_id) {
  return static_cast<int>(
      tx.query_one("SELECT COUNT(*) FROM request_children WHERE request_id = $1", {request_id})
          ->integer(0));
}

std::vector<HeardChild> sitting_child_names(Tx& tx, std::int64_t sitting_id) {
  std::vector<HeardChild> out;
  for (const Row& r : tx.query("SELECT h.request_id, c.first_name || ' ' || c.last_name "
                               "FROM hearings h JOIN request_children rc "
                               "ON rc.request_id = h.request_id JOIN children c "
                               "ON c.id = rc.child_id WHERE h.sitting_id = $1 "
                               "ORDER BY h.request_id, c.date_of_birth, c.id",
                               {sitting_id})) {
    out.push_back({r.integer(0), r.text(1)});
  }
  return out;
}

}  // namespace casepanel::store
