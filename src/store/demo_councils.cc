// Copies of the large demo council (see store/demo_councils.h).
#include "store/demo_councils.h"

#include <string>
#include <utility>
#include <vector>

#include "store/history_rows.h"

namespace casepanel::store::history {
namespace {

std::int64_t last_id(Tx& tx, const char* table) {
  return tx.query_one(std::string("SELECT COALESCE(MAX(id), 0) FROM ") + table)->integer(0);
}

// INSERT INTO table (columns) SELECT ... FROM table WHERE key <= last: each
// column copied as it is unless a change says what the copy writes in it.
// Parameters are numbered in order of appearance, each used once.
class TableCopy {
 public:
  TableCopy(const char* table, std::vector<std::string> columns)
      : table_(table), columns_(std::move(columns)) {}

  // column + by: an id of council 0 moved into council k's range.
  TableCopy& shift(const std::string& column, std::int64_t by) {
    changes_.push_back({column, Kind::shift, by, {}});
    return *this;
  }
  // column || text.
  TableCopy& suffix(const std::string& column, std::string text) {
    changes_.push_back({column, Kind::suffix, 0, std::move(text)});
    return *this;
  }
  // An ISO instant of whole minutes "YYYY-MM-DDTHH:MM:00Z" made `minutes`
  // minutes and `seconds` seconds later, within its hour.
  TableCopy& later(const std::string& column, std::int64_t minutes, int seconds) {
    std::string ss = std::to_string(seconds);
    changes_.push_back({column, Kind::later, minutes, ":" + std::string(2 - ss.size(), '0') + ss});
    return *this;
  }

  void run(Tx& tx, const std::string& key, std::int64_t last) {
    std::string sql = std::string("INSERT INTO ") + table_ + " (";
    std::string select;
    Params params;
    auto param = [&](Value v) {
      params.push_back(std::move(v));
      return "$" + std::to_string(params.size());
    };
    for (std::size_t i = 0; i < columns_.size(); ++i) {
      const std::string& c = columns_[i];
      sql += (i ? ", " : "") + c;
      select += i ? ", " : "";
      const Change* change = find(c);
      if (change == nullptr) {
        select += c;
      } else if (change->kind == Kind::shift) {
        select += c + " + " + param(change->number);
      } else if (change->kind == Kind::suffix) {
        select += c + " || " + param(change->text);
      } else {
        // Numbered in the order they appear: the operands of one long `+`
        // may be evaluated in any order (a Release build numbered the text
        // first, which SQLite's statements refuse).
        const std::string minutes = param(change->number);
        const std::string seconds = param(change->text);
        select += "substr(" + c + ", 1, 14) || substr(CAST(100 + CAST(substr(" + c +
                  ", 15, 2) AS INTEGER) + " + minutes + " AS TEXT), 2, 2) || " + seconds +
                  " || substr(" + c + ", 20)";
      }
    }
    sql += ") SELECT " + select + " FROM " + table_ + " WHERE " + key + " <= " + param(last);
    tx.exec(sql, params);
  }

 private:
  enum class Kind { shift, suffix, later };
  struct Change {
    std::string column;
    Kind kind;
    std::int64_t number;
    std::string text;
  };
  const Change* find(const std::string& column) const {
    for (const Change& c : changes_) {
      if (c.column == column) {
        return &c;
      }
    }
    return nullptr;
  }

  const char* table_;
  std::vector<std::string> columns_;
  std::vector<Change> changes_;
};

// A table's loader columns with `id` first.
std::vector<std::string> with_id(const Columns& c) {
  std::vector<std::string> out{"id"};
  out.insert(out.end(), c.names.begin(), c.names.end());
  return out;
}

void copy_people_and_sittings(Tx& tx, const CouncilSpan& n, std::int64_t k) {
  const std::string council = std::to_string(k);
  TableCopy("teams", {"id", "name", "kind", "locality_id", "manager_id"})
      .shift("id", k * n.teams)
      .suffix("name", " (council " + council + ")")
      .run(tx, "id", n.teams);
  TableCopy("sibling_groups", {"id", "name"})
      .shift("id", k * n.sibling_groups)
      .run(tx, "id", n.sibling_groups);
  TableCopy("children", with_id(child_columns()))
      .shift("id", k * n.children)
      .suffix("external_id", "-" + council)
      .shift("team_id", k * n.teams)
      .shift("sibling_group_id", k * n.sibling_groups)
      .run(tx, "id", n.children);
  TableCopy("sittings", with_id(sitting_columns()))
      .shift("id", k * n.sittings)
      .later("starts_at", k / 60, static_cast<int>(k % 60))
      .run(tx, "id", n.sittings);
  TableCopy("minutes", minutes_columns().names)
      .shift("sitting_id", k * n.sittings)
      .run(tx, "sitting_id", n.sittings);
}

void copy_requests(Tx& tx, const CouncilSpan& n, std::int64_t k) {
  TableCopy("requests", with_id(request_columns()))
      .shift("id", k * n.requests)
      .shift("team_id", k * n.teams)
      .run(tx, "id", n.requests);
  TableCopy("request_children", {"request_id", "child_id"})
      .shift("request_id", k * n.requests)
      .shift("child_id", k * n.children)
      .run(tx, "request_id", n.requests);
  TableCopy("approvals", with_id(approval_columns()))
      .shift("id", k * n.approvals)
      .shift("request_id", k * n.requests)
      .run(tx, "id", n.approvals);
  TableCopy("hearings", with_id(hearing_columns()))
      .shift("id", k * n.hearings)
      .shift("sitting_id", k * n.sittings)
      .shift("request_id", k * n.requests)
      .run(tx, "id", n.hearings);
}

void copy_decisions(Tx& tx, const CouncilSpan& n, std::int64_t k) {
  TableCopy("decisions", with_id(decision_columns()))
      .shift("id", k * n.decisions)
      .shift("hearing_id", k * n.hearings)
      .shift("child_id", k * n.children)
      .run(tx, "id", n.decisions);
  TableCopy("decision_items", decision_item_columns().names)
      .shift("decision_id", k * n.decisions)
      .run(tx, "decision_id", n.decisions);
  TableCopy("significant_events", decision_event_columns().names)
      .shift("child_id", k * n.children)
      .shift("decision_id", k * n.decisions)
      .run(tx, "decision_id", n.decisions);
  TableCopy("panel_returns", {"decision_id", "child_id", "panel_id", "due_date", "status",
                              "request_id", "created_at"})
      .shift("decision_id", k * n.decisions)
      .shift("child_id", k * n.children)
      .shift("request_id", k * n.requests)
      .run(tx, "decision_id", n.decisions);
  std::vector<std::string> actions = with_id(action_columns());
  actions.push_back("escalation_level");
  TableCopy("actions", actions)
      .shift("id", k * n.actions)
      .shift("decision_id", k * n.decisions)
      .shift("child_id", k * n.children)
      .run(tx, "id", n.actions);
  TableCopy("escalations", {"action_id", "ladder_id", "step", "step_day", "role", "label",
                            "notified_id", "recorded_at"})
      .shift("action_id", k * n.actions)
      .run(tx, "action_id", n.actions);
}

}  // namespace

CouncilSpan council_span(Tx& tx) {
  return CouncilSpan{.teams = last_id(tx, "teams"),
                     .sibling_groups = last_id(tx, "sibling_groups"),
                     .children = last_id(tx, "children"),
                     .sittings = last_id(tx, "sittings"),
                     .requests = last_id(tx, "requests"),
                     .approvals = last_id(tx, "approvals"),
                     .hearings = last_id(tx, "hearings"),
                     .decisions = last_id(tx, "decisions"),
                     .actions = last_id(tx, "actions")};
}

void copy_council(Tx& tx, const CouncilSpan& span, int council) {
  const std::int64_t k = council;
  copy_people_and_sittings(tx, span, k);
  copy_requests(tx, span, k);
  copy_decisions(tx, span, k);
}

void move_identities_past_copies(Tx& tx) {
  if (tx.engine() != Engine::postgresql) {
    return;
  }
  for (const char* table : {"teams", "sibling_groups", "children", "sittings", "requests",
                            "approvals", "hearings", "decisions", "actions"}) {
    tx.query(std::string("SELECT setval(pg_get_serial_sequence('") + table +
             "', 'id'), (SELECT MAX(id) FROM " + table + "))");
  }
}

void gather_statistics(Tx& tx) {
  if (tx.engine() == Engine::postgresql) {
    tx.exec("ANALYZE");
  }
}

}  // namespace casepanel::store::history
