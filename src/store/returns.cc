#include "store/returns.h"

#include "store/column_types.h"

namespace casepanel::store {
namespace {

constexpr const char* kReturnColumns =
    "SELECT pr.id, pr.decision_id, pr.child_id, c.first_name || ' ' || c.last_name, "
    "c.date_of_birth, c.team_id, pr.panel_id, pr.due_date, pr.status, pr.request_id, "
    "COALESCE(nr.state, ''), h.request_id, r.author_id, h.id, s.id, s.sitting_date, "
    "COALESCE(h.chair_id, s.chair_id), pr.progress_update, COALESCE(uu.name, ''), pr.update_at, "
    "COALESCE(cu.name, ''), pr.considered_note "
    "FROM panel_returns pr JOIN children c ON c.id = pr.child_id "
    "JOIN decisions d ON d.id = pr.decision_id JOIN hearings h ON h.id = d.hearing_id "
    "JOIN sittings s ON s.id = h.sitting_id JOIN requests r ON r.id = h.request_id "
    "LEFT JOIN requests nr ON nr.id = pr.request_id "
    "LEFT JOIN users uu ON uu.id = pr.update_by LEFT JOIN users cu ON cu.id = pr.considered_by ";

ReturnRecord return_from(const Row& r) {
  const std::int64_t id = r.integer(0);
  ReturnRecord x;
  x.id = id;
  x.decision_id = r.integer(1);
  x.child_id = r.integer(2);
  x.child = r.text(3);
  x.child_born = date_column(r, 4, {"children", x.child_id, "date_of_birth"});
  x.team_id = r.integer(5);
  x.panel_id = r.text(6);
  x.due = date_column(r, 7, {"panel_returns", id, "due_date"});
  x.status = enum_column(r, 8, {"panel_returns", id, "status"}, return_status_from_id);
  x.request_id = r.optional_integer(9);
  x.request_state = r.text(10);
  x.decided_request_id = r.integer(11);
  x.author_id = r.integer(12);
  x.hearing_id = r.integer(13);
  x.sitting_id = r.integer(14);
  x.decided_on = date_column(r, 15, {"sittings", x.sitting_id, "sitting_date"});
  x.chair_id = r.optional_integer(16);
  x.progress_update = r.text(17);
  x.update_by = r.text(18);
  x.update_at = optional_instant_column(r, 19, {"panel_returns", id, "update_at"});
  x.considered_by = r.text(20);
  x.considered_note = r.text(21);
  return x;
}

std::vector<ReturnRecord> returns(Tx& tx, const std::string& where, const Params& params) {
  std::vector<ReturnRecord> out;
  for (const Row& r : tx.query(std::string(kReturnColumns) + where, params)) {
    out.push_back(return_from(r));
  }
  return out;
}

constexpr const char* kOpen = "pr.status IN ('due', 'update_sent')";

}  // namespace

std::string_view return_status_id(ReturnStatus s) {
  switch (s) {
    case ReturnStatus::due:
      return "due";
    case ReturnStatus::update_sent:
      return "update_sent";
    case ReturnStatus::closed:
      return "closed";
    case ReturnStatus::heard:
      return "heard";
    case ReturnStatus::withdrawn:
      return "withdrawn";
  }
  return "due";
}

std::optional<ReturnStatus> return_status_from_id(std::string_view id) {
  for (ReturnStatus s : {ReturnStatus::due, ReturnStatus::update_sent, ReturnStatus::closed,
                         ReturnStatus::heard, ReturnStatus::withdrawn}) {
    if (return_status_id(s) == id) {
      return s;
    }
  }
  return std::nullopt;
}

// One upsert: the summary's triggers never conflict, whatever fires them
// (migration 20), so a DO UPDATE on a return whose decision changed in the
// same transaction is kept like any change.
void open_return(Tx& tx, std::int64_t decision_id, std::int64_t child_id,
                 const std::string& panel_id, core::Date due, const std::string& created_at) {
  tx.exec(
      "INSERT INTO panel_returns (decision_id, child_id, panel_id, due_date, status, created_at) "
      "VALUES ($1, $2, $3, $4, 'due', $5) ON CONFLICT (decision_id) DO UPDATE SET "
      "due_date = excluded.due_date, status = 'due'",
      {decision_id, child_id, panel_id, core::to_iso(due), created_at});
}

void open_return(Tx& tx, std::int64_t decision_id, std::int64_t child_id,
                 const std::string& panel_id, core::Date due, core::Instant at) {
  open_return(tx, decision_id, child_id, panel_id, due, core::to_iso_utc(at));
}

void change_return_due(Tx& tx, std::int64_t decision_id, std::optional<core::Date> due) {
  if (due) {
    tx.exec("UPDATE panel_returns SET due_date = $1 WHERE decision_id = $2",
            {core::to_iso(*due), decision_id});
  } else {
    tx.exec(
        "UPDATE panel_returns SET status = 'withdrawn' WHERE decision_id = $1 AND "
        "status IN ('due', 'update_sent')",
        {decision_id});
  }
}

int close_returns_heard(Tx& tx, std::int64_t child_id, const std::string& panel_id) {
  return static_cast<int>(
      tx.query("UPDATE panel_returns SET status = 'heard' WHERE child_id = $1 AND panel_id = $2 "
               "AND status IN ('due', 'update_sent') RETURNING id",
               {child_id, panel_id})
          .size());
}

std::optional<ReturnRecord> find_return(Tx& tx, std::int64_t id) {
  auto rows = returns(tx, "WHERE pr.id = $1", {id});
  if (rows.empty()) {
    return std::nullopt;
  }
  return std::move(rows.front());
}

std::vector<ReturnRecord> open_returns_by(Tx& tx, core::Date by) {
  return returns(
      tx, std::string("WHERE ") + kOpen + " AND pr.due_date <= $1 ORDER BY pr.due_date, pr.id",
      {core::to_iso(by)});
}

std::vector<ReturnRecord> open_returns_of_child(Tx& tx, std::int64_t child_id) {
  return returns(tx, std::string("WHERE ") + kOpen + " AND pr.child_id = $1 ORDER BY pr.due_date",
                 {child_id});
}

void set_return_request(Tx& tx, std::int64_t id, std::int64_t request_id) {
  tx.exec("UPDATE panel_returns SET request_id = $1 WHERE id = $2", {request_id, id});
}

bool send_progress_update(Tx& tx, std::int64_t id, const std::string& update, std::int64_t by,
                          core::Instant at) {
  return !tx.query(
                "UPDATE panel_returns SET status = 'update_sent', progress_update = $1, "
                "update_by = $2, update_at = $3 WHERE id = $4 AND status = 'due' RETURNING id",
                {update, by, core::to_iso_utc(at), id})
              .empty();
}

bool consider_progress_update(Tx& tx, std::int64_t id, bool accepted, const std::string& note,
                              std::int64_t by, core::Instant at) {
  return !tx.query(
                "UPDATE panel_returns SET status = $1, considered_note = $2, considered_by = $3, "
                "considered_at = $4 WHERE id = $5 AND status = 'update_sent' RETURNING id",
                {std::string(accepted ? "closed" : "due"), note, by, core::to_iso_utc(at), id})
              .empty();
}

std::vector<std::int64_t> finished_requests(Tx& tx, std::int64_t request_id) {
  std::vector<std::int64_t> out;
  std::string sql =
      "SELECT r.id FROM requests r WHERE r.state = 'decided' AND NOT EXISTS (SELECT 1 FROM "
      "hearings h JOIN decisions d ON d.hearing_id = h.id WHERE h.request_id = r.id AND ("
      "EXISTS (SELECT 1 FROM actions a WHERE a.decision_id = d.id AND a.status = 'open') OR "
      "EXISTS (SELECT 1 FROM panel_returns pr WHERE pr.decision_id = d.id AND pr.status IN "
      "('due', 'update_sent')) OR "
      "EXISTS (SELECT 1 FROM decision_items di WHERE di.decision_id = d.id AND "
      "di.removed_at IS NULL AND (di.final_status = 'awaiting' OR EXISTS (SELECT 1 FROM "
      "disagreements g WHERE g.item_id = di.id AND g.resolved_at IS NULL)))))";
  Params params;
  if (request_id != 0) {
    sql += " AND r.id = $1";
    params.push_back(request_id);
  }
  for (const Row& r : tx.query(sql + " ORDER BY r.id", params)) {
    out.push_back(r.integer(0));
  }
  return out;
}

}  // namespace casepanel::store
