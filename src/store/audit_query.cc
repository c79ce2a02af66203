#include "store/audit_query.h"

#include <algorithm>

namespace casepanel::store {
namespace {

std::string next_placeholders(int& next, std::size_t count) {
  std::string out;
  for (std::size_t i = 0; i < count; ++i) {
    out += (i ? ", $" : "$") + std::to_string(next++);
  }
  return out;
}

// The WHERE clause and its parameters, numbered in order of appearance.
std::string where(const AuditFilter& f, Params& params) {
  std::string sql = " WHERE 1 = 1";
  int next = 1;
  if (!f.child_ids.empty()) {
    std::vector<std::string> ids;
    for (std::int64_t id : f.child_ids) {
      ids.push_back(std::to_string(id));
    }
    sql += " AND ((e.entity = 'child' AND e.entity_id IN (" + next_placeholders(next, ids.size()) +
           "))";
    params.insert(params.end(), ids.begin(), ids.end());
    sql +=
        " OR (e.entity = 'request' AND e.entity_id IN (SELECT CAST(rc.request_id AS TEXT) "
        "FROM request_children rc WHERE rc.child_id IN (" +
        next_placeholders(next, f.child_ids.size()) + "))))";
    params.insert(params.end(), f.child_ids.begin(), f.child_ids.end());
  }
  if (f.actor_id) {
    sql += " AND e.actor_id = $" + std::to_string(next++);
    params.push_back(*f.actor_id);
  }
  if (!f.action.empty()) {
    sql += " AND e.action = $" + std::to_string(next++);
    params.push_back(f.action);
  }
  if (!f.from.empty()) {
    sql += " AND e.at >= $" + std::to_string(next++);
    params.push_back(f.from);
  }
  if (!f.until.empty()) {
    sql += " AND e.at < $" + std::to_string(next++);
    params.push_back(f.until);
  }
  return sql;
}

}  // namespace

AuditRecords find_audit_events(Tx& tx, const AuditFilter& filter, std::int64_t offset,
                               std::int64_t limit) {
  AuditRecords out;
  Params params;
  const std::string condition = where(filter, params);
  out.total = tx.query_one("SELECT COUNT(*) FROM audit_events e" + condition, params)->integer(0);
  const std::size_t n = params.size();
  params.push_back(limit);
  params.push_back(offset);
  const Rows rows = tx.query(
      "SELECT e.id, e.at, e.actor_id, COALESCE(u.name, ''), e.actor_role, e.action, e.entity, "
      "e.entity_id, e.detail, e.client_address, e.outcome FROM audit_events e "
      "LEFT JOIN users u ON u.id = e.actor_id" +
          condition + " ORDER BY e.id DESC LIMIT $" + std::to_string(n + 1) + " OFFSET $" +
          std::to_string(n + 2),
      params);
  for (const Row& r : rows) {
    out.rows.push_back({r.integer(0), r.text(1), r.optional_integer(2), r.text(3), r.text(4),
                        r.text(5), r.text(6), r.text(7), r.text(8), r.text(9), r.text(10)});
  }
  return out;
}

std::vector<ChildName> find_children_named(Tx& tx, const std::string& text, int limit) {
  std::string pattern = "%";
  for (char c : text) {
    // LIKE's wildcards in a name are matched literally.
    if (c == '%' || c == '_' || c == '\\') {
      pattern += '\\';
    }
    pattern += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  pattern += "%";
  std::vector<ChildName> out;
  for (const Row& r : tx.query("SELECT id, first_name || ' ' || last_name FROM children "
                               "WHERE CAST(id AS TEXT) = $1 OR external_id = $2 "
                               "OR LOWER(first_name || ' ' || last_name) LIKE $3 ESCAPE '\\' "
                               "ORDER BY last_name, first_name, id LIMIT $4",
                               {text, text, pattern, std::int64_t{limit}})) {
    out.push_back({r.integer(0), r.text(1)});
  }
  return out;
}

std::map<std::int64_t, std::string> child_names(Tx& tx, const std::vector<std::int64_t>& ids) {
  std::map<std::int64_t, std::string> out;
  if (ids.empty()) {
    return out;
  }
  int next = 1;
  Params params(ids.begin(), ids.end());
  for (const Row& r :
       tx.query("SELECT id, first_name || ' ' || last_name FROM children WHERE id IN (" +
                    next_placeholders(next, ids.size()) + ")",
                params)) {
    out[r.integer(0)] = r.text(1);
  }
  return out;
}

std::vector<std::pair<std::int64_t, std::string>> audit_people(Tx& tx) {
  std::vector<std::pair<std::int64_t, std::string>> out;
  for (const Row& r : tx.query("SELECT id, name FROM users ORDER BY name, id")) {
    out.emplace_back(r.integer(0), r.text(1));
  }
  return out;
}

}  // namespace casepanel::store
