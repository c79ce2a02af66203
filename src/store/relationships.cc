#include "store/relationships.h"

#include <charconv>

#include "core/request_lifecycle.h"
#include "store/kept_reads.h"
#include "store/typed_columns.h"

namespace casepanel::store {
namespace {

// The person's line: themselves and everyone below them through
// users.line_manager_id ($1 is the person).
constexpr const char* kChain =
    "WITH RECURSIVE chain(id) AS ("
    "  SELECT CAST($1 AS BIGINT)"
    "  UNION SELECT u.id FROM users u JOIN chain c ON u.line_manager_id = c.id) ";

constexpr const char* kNotYetSubmitted = "('draft', 'awaiting_approval')";

RequestFacts request_facts_of(const Row& r) {
  return {r.integer(0), r.text(1), r.text(2), r.integer(3), r.integer(4)};
}

}  // namespace

std::vector<std::int64_t> line_teams(Tx& tx, std::int64_t user_id) {
  std::vector<std::int64_t> out;
  for (const Row& r : kept_query(tx,
                                 std::string(kChain) +
                                     "SELECT DISTINCT team_id FROM users WHERE team_id IS NOT NULL"
                                     " AND id IN (SELECT id FROM chain)"
                                     " UNION SELECT id FROM teams WHERE manager_id IN "
                                     "(SELECT id FROM chain)",
                                 {user_id})) {
    out.push_back(r.integer(0));
  }
  return out;
}

bool is_report_of(Tx& tx, std::int64_t manager_id, std::int64_t report) {
  return kept_query_one(
             tx,
             std::string(kChain) +
                 "SELECT 1 FROM users u WHERE u.id = $2 AND u.id <> $3 AND "
                 "(u.id IN (SELECT id FROM chain) OR u.team_id IN (SELECT t.id FROM teams t "
                 "WHERE t.manager_id IN (SELECT id FROM chain)))",
             {manager_id, report, manager_id})
      .has_value();
}

std::vector<std::string> panels_served(Tx& tx, std::int64_t user_id) {
  std::vector<std::string> out;
  for (const Row& r :
       kept_query(tx, "SELECT panel_id FROM user_panels WHERE user_id = $1 ORDER BY panel_id",
                  {user_id})) {
    out.push_back(r.text(0));
  }
  return out;
}

void serve_panel(Tx& tx, std::int64_t user_id, const std::string& panel_id) {
  if (tx.query_one("SELECT 1 FROM user_panels WHERE user_id = $1 AND panel_id = $2",
                   {user_id, panel_id})) {
    return;
  }
  tx.exec("INSERT INTO user_panels (user_id, panel_id) VALUES ($1, $2)", {user_id, panel_id});
}

std::optional<RequestFacts> request_facts(Tx& tx, std::int64_t request_id) {
  auto r = kept_query_one(
      tx, "SELECT id, panel_id, state, author_id, team_id FROM requests WHERE id = $1",
      {request_id});
  if (!r) {
    return std::nullopt;
  }
  return request_facts_of(*r);
}

bool child_before_panel_served(Tx& tx, std::int64_t child_id, std::int64_t user_id) {
  return kept_query_one(tx,
                        "SELECT 1 FROM request_children rc JOIN requests r ON rc.child_id = $1 AND "
                        "r.id = rc.request_id JOIN user_panels up ON up.user_id = $2 AND "
                        "up.panel_id = r.panel_id WHERE r.state NOT IN ($3, $4) LIMIT 1",
                        {child_id, user_id, std::string(core::state_id(core::RequestState::draft)),
                         std::string(core::state_id(core::RequestState::awaiting_approval))})
      .has_value();
}

namespace {

constexpr const char* kAgendaColumns =
    "SELECT m.id, m.panel_id, m.published_at, m.minutes_authorised_at, m.sitting_date, "
    "m.chair_id, h.chair_id, rc.child_id FROM sittings m JOIN hearings h ON h.sitting_id = m.id "
    "JOIN request_children rc ON rc.request_id = h.request_id ";

// Kept (store/kept_reads.h) when `keep`: not the whole organisation's agenda.
std::vector<AgendaSitting> agenda_rows(Tx& tx, const std::string& where, const Params& params,
                                       bool keep = true) {
  std::vector<AgendaSitting> out;
  const std::string sql = kAgendaColumns + where;
  for (const Row& r : keep ? kept_query(tx, sql, params) : tx.query(sql, params)) {
    out.push_back({r.integer(0), r.text(1), r.optional_text(2), r.optional_text(3), r.text(4),
                   r.optional_integer(5), r.optional_integer(6), r.integer(7)});
  }
  return out;
}

}  // namespace

std::vector<AgendaSitting> sittings_hearing_request(Tx& tx, std::int64_t request_id) {
  return agenda_rows(tx, "WHERE h.request_id = $1", {request_id});
}

std::vector<AgendaSitting> sittings_hearing_child(Tx& tx, std::int64_t child_id) {
  return agenda_rows(tx, "WHERE rc.child_id = $1", {child_id});
}

std::vector<AgendaSitting> agenda_children(Tx& tx, const std::string& since) {
  return agenda_rows(tx,
                     "WHERE m.published_at IS NOT NULL AND "
                     "COALESCE(m.minutes_authorised_at, m.sitting_date) >= $1",
                     {since}, false);
}

std::vector<std::int64_t> listed_members(Tx& tx, std::int64_t sitting_id) {
  std::vector<std::int64_t> out;
  for (const Row& r :
       kept_query(tx, "SELECT user_id FROM sitting_members WHERE sitting_id = $1", {sitting_id})) {
    out.push_back(r.integer(0));
  }
  return out;
}

std::vector<std::int64_t> children_of_panels(Tx& tx, const std::vector<std::string>& panel_ids) {
  std::vector<std::int64_t> out;
  if (panel_ids.empty()) {
    return out;
  }
  Params params(panel_ids.begin(), panel_ids.end());
  for (const Row& r :
       tx.query("SELECT DISTINCT rc.child_id FROM request_children rc JOIN requests r "
                "ON r.id = rc.request_id WHERE r.state NOT IN " +
                    std::string(kNotYetSubmitted) + " AND r.panel_id IN (" +
                    placeholders(1, panel_ids.size()) + ")",
                params)) {
    out.push_back(r.integer(0));
  }
  return out;
}

std::vector<std::int64_t> sitting_chairs(Tx& tx, std::int64_t sitting_id) {
  std::vector<std::int64_t> out;
  for (const Row& r : kept_query(tx,
                                 "SELECT chair_id FROM sittings WHERE id = $1 AND chair_id IS NOT "
                                 "NULL UNION SELECT chair_id FROM hearings WHERE sitting_id = $2 "
                                 "AND chair_id IS NOT NULL",
                                 {sitting_id, sitting_id})) {
    out.push_back(r.integer(0));
  }
  return out;
}

std::optional<std::string> sitting_panel(Tx& tx, std::int64_t sitting_id) {
  auto r = kept_query_one(tx, "SELECT panel_id FROM sittings WHERE id = $1", {sitting_id});
  return r ? std::optional<std::string>(r->text(0)) : std::nullopt;
}

int access_days_after_minutes(Tx& tx, int fallback) {
  auto r = kept_query_one(tx, "SELECT value FROM settings WHERE key = 'access_days_after_minutes'");
  if (!r) {
    return fallback;
  }
  const std::string v = r->text(0);
  int days = 0;
  auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), days);
  if (ec != std::errc{} || end != v.data() + v.size() || days < 0 || days > 3650) {
    return fallback;
  }
  return days;
}

}  // namespace casepanel::store
