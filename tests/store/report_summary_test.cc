// The review's summary rows (store/report_summary.h, issue 16 §3): kept by
// every change to a row a measure reads, in the transaction of the change,
// and equal, measure by measure, to the rows counted directly, for every
// panel and each, every team and each, and a today before, on and after the
// days a key depends on. TestWorld checks the summary after every test of
// the suites that use it; this one makes the changes no use case makes yet.
#include "store/report_summary.h"

#include <gtest/gtest.h>

#include "store/reports.h"
#include "store/reports_measures.h"
#include "support/decided_hearing.h"
#include "support/world.h"

namespace casepanel::store {
namespace {

using testing::TestWorld;

std::vector<std::pair<std::string, std::int64_t>> pairs(const std::vector<Tally>& tallies) {
  std::vector<std::pair<std::string, std::int64_t>> out;
  for (const Tally& t : tallies) {
    out.emplace_back(t.key, t.count);
  }
  return out;
}

// A today before, among and after the days of the hearings, where the
// measure's keys or rows depend on it; one otherwise.
std::vector<const char*> todays(const MeasureSql& m) {
  const auto depends = [](std::string_view sql) { return sql.find("{today}") != sql.npos; };
  if (depends(m.key) || depends(m.where)) {
    return {"2026-11-30", "2026-12-08", "2027-06-01"};
  }
  return {"2026-12-08"};
}

std::string line_text(const CaseLine& l) {
  return std::to_string(l.request_id) + " " + l.panel_id + " " + l.team + " " + l.day + " " + l.key;
}

// The list behind the figure, read from the facts a line or two a page (from
// the first row, and past the middle from the last), is the list of the rows
// themselves: every key's, and the first key's alone.
void expect_lists_match(Tx& tx, Measure m, const ReportFilter& f, const std::vector<Tally>& tallies,
                        const std::string& where) {
  std::vector<CaseKeys> keys{std::nullopt};
  if (!tallies.empty()) {
    keys.push_back(std::vector{tallies.front().key});
  }
  for (const CaseKeys& k : keys) {
    std::int64_t total = 0;
    for (const Tally& t : tallies) {
      total += !k || t.key == k->front() ? t.count : 0;
    }
    std::vector<std::string> rows;
    for (const CaseLine& l : case_lines(tx, m, f, k, {0, total + 1})) {
      rows.push_back(line_text(l));
    }
    // Pages of two lines, the first of one or two: pages begin and end
    // inside facts of several rows, and run on from one fact into the next.
    for (const std::int64_t first : {1, 2}) {
      std::vector<std::string> paged;
      for (std::int64_t at = 0; at < total; at += at ? 2 : first) {
        const std::int64_t size = at ? 2 : first;
        for (const CaseLine& l : case_lines_summarised(tx, m, f, k, {at, size}, total)) {
          paged.push_back(line_text(l));
        }
      }
      ASSERT_EQ(paged, rows) << where << (k ? " key " + k->front() : " every key")
                             << ", the first page of " << first;
    }
  }
}

// Every measure, read from the summary and counted from its rows, agree,
// and so do the lists behind them.
void expect_tallies_match(TestWorld& w, const std::string& after) {
  w.db().read_all([&](Tx& tx) {
    std::vector<std::string> panels{""};
    for (const Row& r : tx.query("SELECT DISTINCT panel_id FROM requests ORDER BY 1")) {
      panels.push_back(r.text(0));
    }
    const std::vector<std::optional<std::vector<std::int64_t>>> teams{
        std::nullopt, std::vector{w.team_a}, std::vector{w.team_a, w.team_b}};
    const std::vector<std::pair<std::string, std::string>> periods{
        {"2026-01-01", "2027-12-31"}, {"2026-12-01", "2026-12-01"}, {"2000-01-01", "2040-12-31"}};
    for (const MeasureSql& m : all_measure_sql()) {
      for (const std::string& panel : panels) {
        for (const auto& team : teams) {
          for (const auto& [from, to] : periods) {
            for (const char* today : todays(m)) {
              const ReportFilter f{panel, from, to, team, today};
              const std::string where = after + ": " + std::string(m.id) + " panel '" + panel +
                                        "' teams " + std::to_string(team ? team->size() : 0) +
                                        " from " + from + " to " + to + " today " + today;
              const std::vector<Tally> tallies = tally(tx, m.measure, f);
              ASSERT_EQ(pairs(tallies), pairs(tally_rows(tx, m.measure, f))) << where;
              expect_lists_match(tx, m.measure, f, tallies, where);
            }
          }
        }
      }
    }
  });
}

std::vector<std::string> drift(TestWorld& w) {
  std::vector<std::string> out;
  (void)w.db().write<int>([&](Tx& tx) -> core::Result<int> {
    out = report_summary::differences(tx);
    return core::Error::conflict("only compared");
  });
  return out;
}

void change(TestWorld& w, const std::string& what, const std::string& sql, const Params& p = {}) {
  w.db().write_all([&](Tx& tx) { tx.exec(sql, p); });
  EXPECT_EQ(drift(w), std::vector<std::string>{}) << what;
  expect_tallies_match(w, what);
}

// Two decided hearings of child_a (the second within 12 months of the
// first: heard again), with their actions and a return to panel.
struct Heard {
  testing::DecidedHearing first, second;
};
Heard two_hearings(TestWorld& w) {
  Heard h{testing::decided_hearing(w, {w.child_a, w.sibling_1}), testing::fgc_hearing(w)};
  return h;
}

TEST(ReportSummary, EqualsTheRowsCountedAfterTheUseCases) {
  TestWorld w;
  two_hearings(w);
  EXPECT_GT(testing::number(w, "SELECT COUNT(*) FROM report_facts"), 10);
  EXPECT_GT(testing::number(w, "SELECT COUNT(*) FROM report_counts WHERE panel_id = ''"), 10);
  EXPECT_EQ(testing::number(w, "SELECT COUNT(*) FROM report_dirty"), 0);
  // Facts standing for several rows alike (a page may begin inside one).
  EXPECT_GT(testing::number(w, "SELECT COUNT(*) FROM report_facts WHERE n > 1"), 0);
  expect_tallies_match(w, "two hearings");
}

TEST(ReportSummary, FollowsEveryColumnAMeasureReads) {
  TestWorld w;
  const Heard h = two_hearings(w);
  const std::int64_t first_action =
      testing::number(w, "SELECT MIN(id) FROM actions WHERE kind = 'action'");
  change(w, "a child's gender", "UPDATE children SET gender = 'Male' WHERE id = $1", {w.child_a});
  change(w, "a child's birthday", "UPDATE children SET date_of_birth = '2020-12-02' WHERE id = $1",
         {w.sibling_1});
  change(w, "a child's ethnicity", "UPDATE children SET ethnicity = 'MWBC' WHERE id = $1",
         {w.child_a});
  change(w, "a team renamed", "UPDATE teams SET name = 'Renamed team' WHERE id = $1", {w.team_a});
  change(w, "a locality renamed", "UPDATE localities SET name = 'Renamed locality'");
  change(w, "a request moved to another team", "UPDATE requests SET team_id = $1 WHERE id = $2",
         {w.team_b, h.first.request_id});
  change(w, "a sitting moved (and heard again no longer within 12 months)",
         "UPDATE sittings SET sitting_date = '2028-01-05' WHERE id = $1", {h.second.sitting_id});
  change(w, "minutes authorised",
         "UPDATE sittings SET minutes_authorised_at = '2026-12-03T10:00:00Z' WHERE id = $1",
         {h.first.sitting_id});
  change(w, "an action done",
         "UPDATE actions SET status = 'done', done_on = '2026-12-10', completed_at = "
         "'2026-12-10T09:00:00Z' WHERE id = $1",
         {first_action});
  change(w, "an action's due day", "UPDATE actions SET due_date = '2026-12-07' WHERE id <> $1",
         {first_action});
  change(w, "an item removed", "UPDATE decision_items SET removed_at = '2026-12-02T09:00:00Z'");
  change(w, "a return to panel heard", "UPDATE panel_returns SET status = 'closed'");
  change(w, "a hearing unheard", "UPDATE hearings SET status = 'scheduled' WHERE id = $1",
         {h.second.hearing_id});
  change(w, "a decision recorded later",
         "UPDATE decisions SET recorded_at = '2026-12-09T10:00:00Z' WHERE hearing_id = $1",
         {h.first.hearing_id});
}

// SQLite hands a statement's conflict policy down to the triggers it fires:
// before migration 20, an upsert that updates a watched row (its triggers
// mark the same request twice) failed with a UNIQUE constraint on
// report_dirty. Such an upsert is kept like any other change.
TEST(ReportSummary, AnUpsertThatUpdatesIsKept) {
  TestWorld w;
  two_hearings(w);
  ASSERT_GT(testing::number(w, "SELECT COUNT(*) FROM panel_returns"), 0);
  change(w, "a return to panel upserted",
         "INSERT INTO panel_returns (decision_id, child_id, panel_id, due_date, status, "
         "created_at) SELECT decision_id, child_id, panel_id, '2027-03-01', 'open', created_at "
         "FROM panel_returns WHERE true ON CONFLICT (decision_id) DO UPDATE SET due_date = "
         "excluded.due_date, status = excluded.status");
  EXPECT_EQ(testing::number(w, "SELECT COUNT(*) FROM panel_returns WHERE due_date <> '2027-03-01'"),
            0);
}

TEST(ReportSummary, AChangeNoTriggerSawIsFound) {
  TestWorld w;
  two_hearings(w);
  w.db().write_all([&](Tx& tx) {
    tx.exec("DROP TRIGGER report_dirty_children_update" +
            std::string(tx.engine() == Engine::postgresql ? " ON children" : ""));
    tx.exec("UPDATE children SET gender = 'Male' WHERE id = $1", {w.child_a});
  });
  EXPECT_FALSE(drift(w).empty());
  // Made again, as migrate does when the measures change.
  w.db().write_all([&](Tx& tx) {
    tx.exec("DELETE FROM report_summary_state");
    report_summary::ensure_current(tx);
  });
  EXPECT_EQ(drift(w), std::vector<std::string>{});
}

TEST(ReportSummary, AColumnNoMeasureReadsMarksNothing) {
  TestWorld w;
  two_hearings(w);
  const std::int64_t facts = testing::number(w, "SELECT COUNT(*) FROM report_facts");
  w.db().write_all([&](Tx& tx) { tx.exec("UPDATE children SET first_name = 'Renamed'"); });
  EXPECT_EQ(testing::number(w, "SELECT COUNT(*) FROM report_dirty"), 0);
  EXPECT_EQ(testing::number(w, "SELECT COUNT(*) FROM report_facts"), facts);
}

}  // namespace
}  // namespace casepanel::store
