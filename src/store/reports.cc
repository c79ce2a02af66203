#include "store/reports.h"

#include <algorithm>
#include <map>
#include <stdexcept>

#include "core/calendar.h"
#include "store/reports_measures.h"

namespace casepanel::store {
namespace {

// SQL text with its parameters numbered in order of appearance, each used
// once (DESIGN.md: the same text binds alike on both engines).
class Statement {
 public:
  void text(std::string_view sql) { sql_ += sql; }
  void param(Value v) {
    params_.push_back(std::move(v));
    sql_ += "$" + std::to_string(params_.size());
  }
  // Appends `sql`, binding each {today} in it to `today`.
  void text_with_today(std::string_view sql, const std::string& today) {
    constexpr std::string_view kToday = "{today}";
    for (auto at = sql.find(kToday); at != std::string_view::npos; at = sql.find(kToday)) {
      text(sql.substr(0, at));
      param(today);
      sql = sql.substr(at + kToday.size());
    }
    text(sql);
  }
  // "(" $i, $i+1 ... ")": each value bound in turn.
  template <typename T>
  void list(const std::vector<T>& values) {
    text("(");
    for (std::size_t i = 0; i < values.size(); ++i) {
      text(i ? ", " : "");
      param(values[i]);
    }
    text(")");
  }
  const std::string& sql() const { return sql_; }
  const Params& params() const { return params_; }

 private:
  std::string sql_;
  Params params_;
};

// "substr(X, 1, 10)" -> "X"; any other day expression unchanged.
std::string_view stored_column(std::string_view day) {
  constexpr std::string_view kOpen = "substr(", kClose = ", 1, 10)";
  if (day.starts_with(kOpen) && day.ends_with(kClose) &&
      day.find('(', kOpen.size()) == std::string_view::npos) {
    return day.substr(kOpen.size(), day.size() - kOpen.size() - kClose.size());
  }
  return day;
}

std::string day_after(const std::string& iso_day) {
  const auto d = core::parse_iso_date(iso_day);
  if (!d) {
    throw std::invalid_argument("a report period ends on a day that is not one: " + iso_day);
  }
  return core::to_iso(core::Date{std::chrono::sys_days{*d} + std::chrono::days{1}});
}

// The filters every measure shares: the period, the panel, the teams.
void filters(Statement& st, std::string_view day, std::string_view panel_column,
             std::string_view team_column, const ReportFilter& f) {
  // The stored text itself is compared where the day is its first ten
  // characters (an ISO instant): [from, the day after `to`) holds the same
  // rows, and an index on the column can serve it.
  const std::string_view stored = stored_column(day);
  st.text(" AND ");
  st.text(stored);
  st.text(" >= ");
  st.param(f.from);
  st.text(" AND ");
  st.text(stored);
  st.text(" < ");
  st.param(day_after(f.to));
  if (!f.panel_id.empty()) {
    st.text(" AND ");
    st.text(panel_column);
    st.text(" = ");
    st.param(f.panel_id);
  }
  if (!f.teams) {
    return;
  }
  if (f.teams->empty()) {
    st.text(" AND 1 = 0");
    return;
  }
  st.text(" AND ");
  st.text(team_column);
  st.text(" IN ");
  st.list(*f.teams);
}

// The rows a measure counts: request, panel, team, day and key.
void measure_rows(Statement& st, Measure m, const ReportFilter& f) {
  const MeasureSql& sql = measure_sql(m);
  st.text("SELECT r.id AS rid, r.panel_id AS panel, r.team_id AS team, ");
  st.text(sql.day);
  st.text(" AS day, ");
  st.text_with_today(sql.key, f.today);
  st.text(" AS k");
  st.text(sql.from);
  st.text(" WHERE ");
  st.text_with_today(sql.where, f.today);
  filters(st, sql.day, "r.panel_id", "r.team_id", f);
}

// The summary rows (counts or facts, their columns named with `prefix`) of
// the period's days, as of today: a row counted only once its day has passed
// (only_past) is left out before then.
void summary_period(Statement& st, std::string_view prefix, const ReportFilter& f) {
  const std::string p(prefix);
  st.text(" AND " + p + "day >= ");
  st.param(f.from);
  st.text(" AND " + p + "day <= ");
  st.param(f.to);
  st.text(" AND (" + p + "only_past = 0 OR " + p + "day < ");
  st.param(f.today);
  st.text(")");
}

// " WHERE b.k IN (...)" for a list of some keys; nothing for every row. No
// key at all matches no row.
void keys_in(Statement& st, const CaseKeys& keys) {
  if (!keys) {
    return;
  }
  if (keys->empty()) {
    st.text(" WHERE 1 = 0");
    return;
  }
  st.text(" WHERE b.k IN ");
  st.list(*keys);
}

}  // namespace

std::vector<Tally> tally(Tx& tx, Measure m, const ReportFilter& f) {
  // The summary rows (store/report_summary.h), with the key as of today:
  // the counts of the panel (or of every panel, ""), or, for some teams, the
  // facts of those teams' requests.
  if (f.teams && f.teams->empty()) {
    return {};
  }
  Statement st;
  st.text("SELECT CASE WHEN day < ");
  st.param(f.today);
  if (f.teams) {
    st.text(
        " AND key_past IS NOT NULL THEN key_past ELSE key_now END, SUM(n) FROM report_facts "
        "WHERE team_id IN ");
    st.list(*f.teams);
    st.text(" AND measure = ");
    st.param(measure_number(m));
    if (!f.panel_id.empty()) {
      st.text(" AND panel_id = ");
      st.param(f.panel_id);
    }
  } else {
    st.text(
        " AND key_past <> '' THEN key_past ELSE key_now END, SUM(n) FROM report_counts "
        "WHERE measure = ");
    st.param(measure_number(m));
    st.text(" AND panel_id = ");
    st.param(f.panel_id);
  }
  summary_period(st, "", f);
  st.text(" GROUP BY 1 HAVING SUM(n) <> 0 ORDER BY 1");
  std::vector<Tally> out;
  for (const Row& r : tx.query(st.sql(), st.params())) {
    out.push_back({r.text(0), r.integer(1)});
  }
  return out;
}

std::vector<Tally> tally_rows(Tx& tx, Measure m, const ReportFilter& f) {
  Statement st;
  st.text("SELECT b.k, COUNT(*) FROM (");
  measure_rows(st, m, f);
  st.text(") b GROUP BY b.k ORDER BY b.k");
  std::vector<Tally> out;
  for (const Row& r : tx.query(st.sql(), st.params())) {
    out.push_back({r.text(0), r.integer(1)});
  }
  return out;
}

std::vector<CaseLine> case_lines(Tx& tx, Measure m, const ReportFilter& f, const CaseKeys& keys,
                                 const CasePage& page) {
  Statement st;
  st.text("SELECT b.rid, b.panel, t.name, b.day, b.k FROM (");
  measure_rows(st, m, f);
  st.text(") b JOIN teams t ON t.id = b.team");
  keys_in(st, keys);
  // Only the page is read (LIMIT/OFFSET, the same on both engines).
  st.text(" ORDER BY b.day, b.rid, b.k LIMIT ");
  st.param(page.limit);
  st.text(" OFFSET ");
  st.param(page.offset);
  std::vector<CaseLine> out;
  for (const Row& r : tx.query(st.sql(), st.params())) {
    out.push_back({r.integer(0), r.text(1), r.text(2), r.text(3), r.text(4)});
  }
  return out;
}

namespace {

// The facts of a list (report_facts: a measure's rows by request, day and
// key), their key as of today, in the list's order or its reverse: the
// columns named by `columns` (of f, and k for the key), after the first
// `offset` facts, `limit` of them. Read by the index on (measure, day,
// request), which gives the order but for the key, so each engine sorts only
// the facts of one day and request, and stops at the limit.
Statement facts_in_order(std::string_view columns, Measure m, const ReportFilter& f,
                         const CaseKeys& keys, bool reverse, std::int64_t offset,
                         std::int64_t limit) {
  Statement st;
  st.text("SELECT ");
  st.text(columns);
  st.text(" FROM (SELECT f.request_id, f.panel_id, f.team_id, f.day, f.n, CASE WHEN f.day < ");
  st.param(f.today);
  st.text(
      " AND f.key_past IS NOT NULL THEN f.key_past ELSE f.key_now END AS k FROM report_facts f "
      "WHERE f.measure = ");
  st.param(measure_number(m));
  summary_period(st, "f.", f);
  if (!f.panel_id.empty()) {
    st.text(" AND f.panel_id = ");
    st.param(f.panel_id);
  }
  if (f.teams) {
    st.text(" AND f.team_id IN ");
    st.list(*f.teams);
  }
  st.text(") g");
  if (keys) {
    st.text(" WHERE g.k IN ");
    st.list(*keys);
  }
  st.text(reverse ? " ORDER BY g.day DESC, g.request_id DESC, g.k DESC LIMIT "
                  : " ORDER BY g.day, g.request_id, g.k LIMIT ");
  st.param(limit);
  st.text(" OFFSET ");
  st.param(offset);
  return st;
}

}  // namespace

std::vector<CaseLine> case_lines_summarised(Tx& tx, Measure m, const ReportFilter& f,
                                            const CaseKeys& keys, const CasePage& page,
                                            std::int64_t total) {
  if ((keys && keys->empty()) || (f.teams && f.teams->empty()) || page.limit <= 0) {
    return {};
  }
  // Rows [offset, offset + limit) counted from the first row, or, past the
  // middle, [skip, skip + want) counted from the last, in reverse.
  const bool reverse = page.offset > total / 2;
  const std::int64_t skip =
      reverse ? std::max<std::int64_t>(0, total - page.offset - page.limit) : page.offset;
  const std::int64_t want = reverse ? std::min(page.limit, total - page.offset) : page.limit;
  if (want <= 0) {
    return {};
  }
  // The facts before the page: each counts n >= 1 rows, so no more than
  // `skip` of them; the page begins `inside` rows into the next.
  std::int64_t before = 0, inside = skip;
  if (skip > 0) {
    const Statement counts = facts_in_order("g.n", m, f, keys, reverse, 0, skip);
    for (const Row& r : tx.query(counts.sql(), counts.params())) {
      if (r.integer(0) > inside) {
        break;
      }
      inside -= r.integer(0);
      ++before;
    }
  }
  const Statement lines = facts_in_order("g.request_id, g.panel_id, g.team_id, g.day, g.k, g.n", m,
                                         f, keys, reverse, before, want);
  std::vector<CaseLine> out;
  std::map<std::int64_t, std::string> teams;
  for (const Row& r : tx.query(lines.sql(), lines.params())) {
    auto team = teams.find(r.integer(2));
    if (team == teams.end()) {
      const auto name = tx.query_one("SELECT name FROM teams WHERE id = $1", {r.integer(2)});
      team = teams.emplace(r.integer(2), name ? name->text(0) : "").first;
    }
    // A fact's n lines alike, less those before the page.
    for (std::int64_t n = r.integer(5) - inside;
         n > 0 && static_cast<std::int64_t>(out.size()) < want; --n) {
      out.push_back({r.integer(0), r.text(1), team->second, r.text(3), r.text(4)});
    }
    inside = 0;
  }
  if (reverse) {
    std::reverse(out.begin(), out.end());
  }
  return out;
}

std::vector<SittingFigures> sitting_figures(Tx& tx, const ReportFilter& f) {
  Statement st;
  // Each sitting's hearings counted by a lookup of its own: with a join and
  // a GROUP BY on the sitting, SQLite read every sitting ever held, in key
  // order, rather than the period's by the index on the day (19 ms at ten
  // councils, growing with the years kept).
  st.text(
      "SELECT s.id, s.panel_id, s.status, s.starts_at, s.ends_at, CASE WHEN s.schedule_slot IS "
      "NOT NULL AND s.schedule_slot <> s.starts_at THEN 1 ELSE 0 END, (SELECT COUNT(*) FROM "
      "hearings h WHERE h.sitting_id = s.id), (SELECT COALESCE(SUM(h.minutes), 0) FROM hearings "
      "h WHERE h.sitting_id = s.id) FROM sittings s WHERE 1 = 1");
  ReportFilter every_team = f;
  every_team.teams.reset();
  filters(st, "s.sitting_date", "s.panel_id", "", every_team);
  st.text(" ORDER BY s.starts_at, s.id");
  std::vector<SittingFigures> out;
  for (const Row& r : tx.query(st.sql(), st.params())) {
    out.push_back({r.integer(0), r.text(1), r.text(2), r.text(3), r.text(4), r.integer(5) != 0,
                   r.integer(6), r.integer(7)});
  }
  return out;
}

std::vector<SeatAttendance> seat_attendance(Tx& tx, const ReportFilter& f) {
  Statement st;
  st.text(
      "SELECT sm.sitting_id, s.panel_id, sm.seat_id, sm.attendance FROM sitting_members sm "
      "JOIN sittings s ON s.id = sm.sitting_id WHERE s.status <> 'cancelled' AND "
      "s.sitting_date <= ");
  st.param(f.today);
  ReportFilter every_team = f;
  every_team.teams.reset();
  filters(st, "s.sitting_date", "s.panel_id", "", every_team);
  st.text(" ORDER BY sm.sitting_id, sm.seat_id");
  std::vector<SeatAttendance> out;
  for (const Row& r : tx.query(st.sql(), st.params())) {
    out.push_back({r.integer(0), r.text(1), r.text(2), r.text(3)});
  }
  return out;
}

}  // namespace casepanel::store
