#include "store/report_summary.h"

#include <cstdint>
#include <cstdio>
#include <map>

#include "store/reports_measures.h"

namespace casepanel::store::report_summary {
namespace {

// {today} in a measure's text, as a day before every day and after every day
// (store/reports_measures.h: it is only ever compared as "DAY < {today}").
constexpr std::string_view kToday = "{today}";
constexpr std::string_view kBeforeAll = "'0000-01-01'";
constexpr std::string_view kAfterAll = "'9999-12-31'";

bool mentions_today(std::string_view sql) { return sql.find(kToday) != std::string_view::npos; }

std::string with_today(std::string_view sql, std::string_view today) {
  std::string out;
  for (auto at = sql.find(kToday); at != std::string_view::npos; at = sql.find(kToday)) {
    out += sql.substr(0, at);
    out += today;
    sql = sql.substr(at + kToday.size());
  }
  out += sql;
  return out;
}

// One measure's share of each dirty request: its rows counted by request,
// day and key. key_past is NULL where the key does not depend on today.
std::string facts_of(const MeasureSql& m) {
  std::string s = "SELECT r.id, '";
  s += m.id;
  s += "', r.panel_id, r.team_id, ";
  s += m.day;
  s += ", COALESCE(" + with_today(m.key, kBeforeAll) + ", ''), ";
  s += mentions_today(m.key) ? "COALESCE(" + with_today(m.key, kAfterAll) + ", '')" : "NULL";
  s += ", ";
  s += mentions_today(m.where)
           ? "CASE WHEN (" + with_today(m.where, kBeforeAll) + ") THEN 0 ELSE 1 END"
           : std::string("0");
  s += ", COUNT(*)";
  s += m.from;
  s += " WHERE (" + with_today(m.where, kAfterAll) + ") AND ";
  s += m.day;
  s += " IS NOT NULL AND r.id IN (SELECT request_id FROM report_dirty) GROUP BY 1, 2, 3, 4, 5, 6, "
       "7, 8";
  return s;
}

const std::string& facts_insert() {
  static const std::string sql = [] {
    std::string s =
        "INSERT INTO report_facts (request_id, measure, panel_id, team_id, day, key_now, "
        "key_past, only_past, n) ";
    bool first = true;
    for (const MeasureSql& m : all_measure_sql()) {
      s += first ? "" : " UNION ALL ";
      s += facts_of(m);
      first = false;
    }
    return s;
  }();
  return sql;
}

// The dirty requests' facts as changes to the counts: `sign` "-" for the
// share taken off, "" for the share added.
std::string facts_to_delta(std::string_view sign) {
  std::string s =
      "INSERT INTO report_delta (measure, panel_id, team_id, day, key_now, key_past, only_past, "
      "n) SELECT measure, panel_id, team_id, day, key_now, COALESCE(key_past, key_now), "
      "only_past, ";
  s += sign;
  s += "n FROM report_facts WHERE request_id IN (SELECT request_id FROM report_dirty)";
  return s;
}

// The changes added to the counts of each panel and team, each panel, each
// team over every panel, and the whole service, netted first so that a
// share that did not change writes nothing.
constexpr std::string_view kDeltaToCounts =
    "INSERT INTO report_counts (measure, panel_id, team_id, day, key_now, key_past, only_past, "
    "n) SELECT g.measure, g.panel_id, g.team_id, g.day, g.key_now, g.key_past, g.only_past, "
    "SUM(g.n) FROM (SELECT measure, panel_id, team_id, day, key_now, key_past, only_past, n "
    "FROM report_delta UNION ALL SELECT measure, '', team_id, day, key_now, key_past, "
    "only_past, n FROM report_delta UNION ALL SELECT measure, panel_id, 0, day, key_now, "
    "key_past, only_past, n FROM report_delta UNION ALL SELECT measure, '', 0, day, key_now, "
    "key_past, only_past, n FROM report_delta) g WHERE 1 = 1 GROUP BY g.measure, g.panel_id, "
    "g.team_id, g.day, g.key_now, g.key_past, g.only_past HAVING SUM(g.n) <> 0 ON CONFLICT "
    "(measure, panel_id, team_id, day, key_now, key_past, only_past) DO UPDATE SET n = "
    "report_counts.n + excluded.n";

// FNV-1a, 64 bits: stable across builds, unlike std::hash.
std::string fnv1a(std::string_view text) {
  std::uint64_t h = 14695981039346656037ull;
  for (const unsigned char c : text) {
    h = (h ^ c) * 1099511628211ull;
  }
  char out[17];
  std::snprintf(out, sizeof out, "%016llx", static_cast<unsigned long long>(h));
  return out;
}

void rebuild(Tx& tx) {
  tx.exec("DELETE FROM report_counts");
  tx.exec("DELETE FROM report_facts");
  tx.exec("DELETE FROM report_delta");
  tx.exec("DELETE FROM report_dirty");
  tx.exec("INSERT INTO report_dirty (request_id) SELECT id FROM requests");
  refresh(tx);
}

}  // namespace

void refresh(Tx& tx) {
  if (!tx.query_one("SELECT 1 FROM report_dirty LIMIT 1")) {
    return;
  }
  tx.exec(facts_to_delta("0 - "));
  tx.exec("DELETE FROM report_facts WHERE request_id IN (SELECT request_id FROM report_dirty)");
  tx.exec(facts_insert());
  tx.exec(facts_to_delta(""));
  tx.exec(kDeltaToCounts);
  tx.exec("DELETE FROM report_counts WHERE n = 0");
  tx.exec("DELETE FROM report_delta");
  tx.exec("DELETE FROM report_dirty");
}

std::vector<std::string> differences(Tx& tx) {
  const auto counts = [&] {
    std::map<std::string, std::int64_t> out;
    for (const Row& r :
         tx.query("SELECT measure, panel_id, team_id, day, key_now, key_past, only_past, n FROM "
                  "report_counts")) {
      std::string key;
      for (std::size_t i = 0; i < 7; ++i) {
        key += (i ? " " : "") + r.text(i);
      }
      out[key] = r.integer(7);
    }
    return out;
  };
  refresh(tx);
  const auto kept = counts();
  rebuild(tx);
  const auto made = counts();
  std::vector<std::string> out;
  for (const auto& [key, n] : kept) {
    const auto m = made.find(key);
    if (m == made.end() || m->second != n) {
      out.push_back(key + ": kept " + std::to_string(n) + ", made again " +
                    std::to_string(m == made.end() ? 0 : m->second));
    }
  }
  for (const auto& [key, n] : made) {
    if (!kept.contains(key)) {
      out.push_back(key + ": kept 0, made again " + std::to_string(n));
    }
  }
  return out;
}

void ensure_current(Tx& tx) {
  const std::string now = fnv1a(facts_insert());
  const auto made_with = tx.query_one("SELECT signature FROM report_summary_state WHERE id = 1");
  if (made_with && made_with->text(0) == now) {
    refresh(tx);
    return;
  }
  rebuild(tx);
  tx.exec("DELETE FROM report_summary_state");
  tx.exec("INSERT INTO report_summary_state (id, signature) VALUES (1, $1)", {now});
}

}  // namespace casepanel::store::report_summary
