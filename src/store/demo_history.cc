// One-row inserts of the demo's history. The statements for the history
// tables are built from their columns (store/history_rows.h), so the demo
// and the bulk loader write the same columns the same way.
#include "store/demo_history.h"

#include "store/returns.h"

namespace casepanel::store::history {

namespace {

enum class Returning { no, yes };

std::string one_row_sql(const Columns& c, Returning returning) {
  const std::string sql = insert_sql(c, 1, WithId::no);
  return returning == Returning::yes ? sql + " RETURNING id" : sql;
}

template <typename Row>
std::int64_t insert_returning(Tx& tx, const Columns& c, const Row& row) {
  return tx.insert(one_row_sql(c, Returning::yes), values(row));
}

int count(Tx& tx, const char* table) {
  return static_cast<int>(tx.query_one(std::string("SELECT COUNT(*) FROM ") + table)->integer(0));
}

}  // namespace

bool has_users(Tx& tx) { return tx.query_one("SELECT 1 FROM users LIMIT 1").has_value(); }

std::int64_t insert_user(Tx& tx, const UserRow& u) {
  const std::int64_t id = tx.insert(
      "INSERT INTO users (email, name, job_title, password_hash, team_id, line_manager_id, "
      "created_at) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
      {u.email, u.name, u.job_title, u.password_hash, nullable(u.team_id),
       nullable(u.line_manager_id), core::to_iso_utc(u.created_at)});
  for (core::Role r : u.roles) {
    tx.exec("INSERT INTO user_roles (user_id, role) VALUES ($1, $2)",
            {id, std::string(core::role_id(r))});
  }
  return id;
}

std::int64_t insert_locality(Tx& tx, const std::string& name) {
  return tx.insert("INSERT INTO localities (name) VALUES ($1) RETURNING id", {name});
}

std::int64_t insert_team(Tx& tx, const std::string& name, const std::string& kind,
                         std::int64_t locality_id) {
  return tx.insert("INSERT INTO teams (name, kind, locality_id) VALUES ($1, $2, $3) RETURNING id",
                   {name, kind, locality_id});
}

void set_team_manager(Tx& tx, std::int64_t team_id, std::int64_t manager_id) {
  tx.exec("UPDATE teams SET manager_id = $1 WHERE id = $2", {manager_id, team_id});
}

std::int64_t insert_sibling_group(Tx& tx, const std::string& name) {
  return tx.insert("INSERT INTO sibling_groups (name) VALUES ($1) RETURNING id", {name});
}

std::int64_t insert_child(Tx& tx, const ChildRow& row) {
  return insert_returning(tx, child_columns(), row);
}

std::int64_t insert_sitting(Tx& tx, const SittingRow& row) {
  return insert_returning(tx, sitting_columns(), row);
}

std::int64_t insert_request(Tx& tx, const RequestRow& row) {
  return insert_returning(tx, request_columns(), row);
}

void add_request_child(Tx& tx, std::int64_t request_id, std::int64_t child_id) {
  tx.exec("INSERT INTO request_children (request_id, child_id) VALUES ($1, $2)",
          {request_id, child_id});
}

void add_request_criterion(Tx& tx, std::int64_t request_id, const std::string& criterion_id) {
  tx.exec("INSERT INTO request_criteria (request_id, criterion_id) VALUES ($1, $2)",
          {request_id, criterion_id});
}

void insert_approval(Tx& tx, const ApprovalRow& row) {
  tx.exec(one_row_sql(approval_columns(), Returning::no), values(row));
}

void insert_paper(Tx& tx, const PaperRow& p) {
  const std::string at = core::to_iso_utc(p.added_at);
  if (!p.file) {
    tx.exec(
        "INSERT INTO request_papers (request_id, document_id, kind, reason, added_by, added_at) "
        "VALUES ($1, $2, 'not_provided', $3, $4, $5)",
        {p.request_id, p.document_id, p.reason, p.added_by, at});
    return;
  }
  const PaperFile& f = *p.file;
  tx.exec(
      "INSERT INTO request_papers (request_id, document_id, kind, file_name, stored_name, "
      "media_type, bytes, sha256, added_by, added_at) "
      "VALUES ($1, $2, 'file', $3, $4, $5, $6, $7, $8, $9)",
      {p.request_id, p.document_id, f.file_name, f.stored_name, f.media_type, f.bytes, f.sha256,
       p.added_by, at});
}

void set_request_times(Tx& tx, std::int64_t request_id, std::optional<core::Instant> submitted_at,
                       core::Instant updated_at) {
  tx.exec("UPDATE requests SET submitted_at = $1, updated_at = $2 WHERE id = $3",
          {submitted_at ? Value{core::to_iso_utc(*submitted_at)} : Value{nullptr},
           core::to_iso_utc(updated_at), request_id});
}

void set_request_triaged(Tx& tx, std::int64_t request_id, core::Instant triaged_at) {
  tx.exec("UPDATE requests SET triaged_at = $1 WHERE id = $2",
          {core::to_iso_utc(triaged_at), request_id});
}

void set_request_target(Tx& tx, std::int64_t request_id, core::Date sitting) {
  tx.exec("UPDATE requests SET target_sitting_date = $1 WHERE id = $2",
          {core::to_iso(sitting), request_id});
}

std::int64_t insert_hearing(Tx& tx, const HearingRow& row) {
  return insert_returning(tx, hearing_columns(), row);
}

std::int64_t insert_decision(Tx& tx, const DecisionRow& row) {
  const std::int64_t id = insert_returning(tx, decision_columns(), row);
  tx.exec(one_row_sql(decision_item_columns(), Returning::no), item_values(row, id));
  tx.exec(one_row_sql(decision_event_columns(), Returning::no), event_values(row, id));
  return id;
}

void insert_action(Tx& tx, const ActionRow& row) {
  tx.exec(one_row_sql(action_columns(), Returning::no), values(row));
}

void insert_discussion(Tx& tx, const DiscussionRow& d) {
  tx.exec(
      "INSERT INTO child_discussions (child_id, criterion_id, discussed_on, outcome, arguments, "
      "recorded_by, recorded_at) VALUES ($1, $2, $3, $4, $5, $6, $7)",
      {d.child_id, d.criterion_id, core::to_iso(d.discussed_on), std::string(outcome_id(d.outcome)),
       d.arguments, d.recorded_by, core::to_iso_utc(d.recorded_at)});
}

void open_returns(Tx& tx) {
  tx.exec(
      "INSERT INTO panel_returns (decision_id, child_id, panel_id, due_date, status, created_at) "
      "SELECT d.id, d.child_id, s.panel_id, d.review_date, CASE "
      "WHEN EXISTS (SELECT 1 FROM decisions d2 JOIN hearings h2 ON h2.id = d2.hearing_id "
      "JOIN sittings s2 ON s2.id = h2.sitting_id WHERE d2.child_id = d.child_id AND "
      "s2.panel_id = s.panel_id AND s2.sitting_date > s.sitting_date) THEN 'heard' "
      "WHEN r.state = 'closed' THEN 'closed' ELSE 'due' END, d.recorded_at "
      "FROM decisions d JOIN hearings h ON h.id = d.hearing_id "
      "JOIN sittings s ON s.id = h.sitting_id JOIN requests r ON r.id = h.request_id "
      "WHERE d.review_date IS NOT NULL AND NOT EXISTS (SELECT 1 FROM panel_returns pr WHERE "
      "pr.decision_id = d.id)");
}

bool move_review(Tx& tx, std::int64_t author_id, core::Date due) {
  // The author's latest record of a child not heard since at that panel.
  const auto r = tx.query_one(
      "SELECT d.id, d.child_id, s.panel_id, d.recorded_at FROM decisions d "
      "JOIN hearings h ON h.id = d.hearing_id JOIN sittings s ON s.id = h.sitting_id "
      "JOIN requests r ON r.id = h.request_id WHERE r.author_id = $1 AND r.state = 'decided' "
      "AND NOT EXISTS (SELECT 1 FROM decisions d2 JOIN hearings h2 ON h2.id = d2.hearing_id "
      "JOIN sittings s2 ON s2.id = h2.sitting_id WHERE d2.child_id = d.child_id AND "
      "s2.panel_id = s.panel_id AND s2.sitting_date > s.sitting_date) "
      "ORDER BY s.sitting_date DESC, d.id DESC LIMIT 1",
      {author_id});
  if (!r) {
    return false;
  }
  tx.exec("UPDATE decisions SET review_date = $1 WHERE id = $2",
          {core::to_iso(due), r->integer(0)});
  open_return(tx, r->integer(0), r->integer(1), r->text(2), due, r->text(3));
  return true;
}

Counts count_rows(Tx& tx) {
  return Counts{.users = count(tx, "users"),
                .children = count(tx, "children"),
                .requests = count(tx, "requests"),
                .sittings = count(tx, "sittings"),
                .hearings = count(tx, "hearings"),
                .decisions = count(tx, "decisions"),
                .actions = count(tx, "actions")};
}

}  // namespace casepanel::store::history
