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

// One measure's share of the dirty requests: its rows counted by request,
// day and key. key_past is NULL where the key does not depend on today.
// `requests` picks them: "IN (the dirty set)", or "= $N" for one of them.
std::string facts_of(const MeasureSql& m, std::string_view requests) {
  std::string s = "SELECT r.id, ";
  s += std::to_string(measure_number(m.measure));
  s += ", r.panel_id, r.team_id, ";
  s += m.day;
  s += ", COALESCE(" + with_today(m.key, kBeforeAll) + ", ''), ";
  s += mentions_today(m.key) ? "COALESCE(" + with_today(m.key, kAfterAll) + ", '')" : "NULL";
  s += ", ";
  s += mentions_today(m.where)
           ? "CASE WHEN (" + with_today(m.where, kBeforeAll) + ") THEN 0 ELSE 1 END"
           : std::string("0");
  s += ", COUNT(*)";
  s += m.from;
  // The measure's conditions inside a CASE, which no index can serve, so
  // that both planners look the rows up from the request; SQLite took an
  // index on an action's status (every action done) instead, with no
  // statistics to tell it better (136 ms of CPU for one request at one
  // council, bench/reports_bench's BM_ChangeOneRequest; under 1 ms so).
  s += " WHERE CASE WHEN (" + with_today(m.where, kAfterAll) + ") AND ";
  s += m.day;
  s += " IS NOT NULL THEN 1 ELSE 0 END = 1 AND r.id ";
  s += requests;
  s += " GROUP BY 1, 2, 3, 4, 5, 6, 7, 8";
  return s;
}

// Every measure's share: of every dirty request (`one` false), or of the
// one request bound to each of $1 ... $N (one a measure): a use case
// changes a few, and each is then looked up by its key.
std::string facts_insert_text(bool one) {
  std::string s =
      "INSERT INTO report_facts (request_id, measure, panel_id, team_id, day, key_now, "
      "key_past, only_past, n) ";
  int n = 0;
  for (const MeasureSql& m : all_measure_sql()) {
    s += n ? " UNION ALL " : "";
    ++n;
    s += facts_of(m, one ? "= $" + std::to_string(n) : "IN (SELECT request_id FROM report_dirty)");
  }
  return s;
}

const std::string& facts_insert() {
  static const std::string sql = facts_insert_text(false);
  return sql;
}

const std::string& facts_insert_one() {
  static const std::string sql = facts_insert_text(true);
  return sql;
}

// Up to this many dirty requests are worked out one by one.
constexpr std::size_t kOneByOne = 16;

// The dirty requests' facts as changes to the counts: `sign` "-" for the
// share taken off, "" for the share added.
std::string facts_to_delta(std::string_view sign) {
  std::string s =
      "INSERT INTO report_delta (measure, panel_id, day, key_now, key_past, only_past, n) SELECT "
      "measure, panel_id, day, key_now, COALESCE(key_past, ''), only_past, ";
  s += sign;
  s += "n FROM report_facts WHERE request_id IN (SELECT request_id FROM report_dirty)";
  return s;
}

// The changes added to the counts of each panel and of the whole service,
// netted first so that a share that did not change writes nothing.
constexpr std::string_view kDeltaToCounts =
    "INSERT INTO report_counts (measure, panel_id, day, key_now, key_past, only_past, n) SELECT "
    "g.measure, g.panel_id, g.day, g.key_now, g.key_past, g.only_past, SUM(g.n) FROM (SELECT "
    "measure, panel_id, day, key_now, key_past, only_past, n FROM report_delta UNION ALL SELECT "
    "measure, '', day, key_now, key_past, only_past, n FROM report_delta) g WHERE 1 = 1 GROUP BY "
    "g.measure, g.panel_id, g.day, g.key_now, g.key_past, g.only_past HAVING SUM(g.n) <> 0 ON "
    "CONFLICT (measure, panel_id, day, key_now, key_past, only_past) DO UPDATE SET n = "
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
  // One more than are worked out one by one: none, a few, or a set.
  static const std::string kSomeDirty =
      "SELECT request_id FROM report_dirty LIMIT " + std::to_string(kOneByOne + 1);
  const Rows dirty = tx.query(kSomeDirty);
  if (dirty.empty()) {
    return;
  }
  tx.exec(facts_to_delta("0 - "));
  tx.exec("DELETE FROM report_facts WHERE request_id IN (SELECT request_id FROM report_dirty)");
  if (dirty.size() > kOneByOne) {
    tx.exec(facts_insert());
  } else {
    for (const Row& r : dirty) {
      tx.exec(facts_insert_one(), Params(all_measure_sql().size(), Value{r.integer(0)}));
    }
  }
  tx.exec(facts_to_delta(""));
  tx.exec(kDeltaToCounts);
  tx.exec("DELETE FROM report_delta");
  tx.exec("DELETE FROM report_dirty");
}

const std::string& facts_sql() { return facts_insert(); }

std::vector<std::string> differences(Tx& tx) {
  const auto counts = [&] {
    std::map<std::string, std::int64_t> out;
    for (const Row& r :
         tx.query("SELECT measure, panel_id, day, key_now, key_past, only_past, n FROM "
                  "report_counts WHERE n <> 0")) {
      std::string key;
      for (std::size_t i = 0; i < 6; ++i) {
        key += (i ? " " : "") + r.text(i);
      }
      out[key] = r.integer(6);
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
