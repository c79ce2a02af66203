// The annual review at national scale (issue 16 §3): the whole review for
// one year, every panel, the whole service, as the assistant director sees
// it (app::annual_review: every measure, the sittings and attendance, and the
// audit event it appends), over a database made by
// `casepanel demo --scale national [--councils N]`. The target is under 2 s
// of wall time on SQLite and on PostgreSQL at 150 councils.
//
// BM_AnnualReview is the figure; BM_Measure/N times measure N alone (its
// tally, read from the summary rows, store/report_summary.h),
// BM_MeasureRows/N the same counted from the rows themselves (one query with
// one GROUP BY, as before the summary), BM_Sittings the two sitting queries,
// and BM_ChangeOneRequest what the summary adds to a write, so that the
// cost of each can be read beside the whole. bench/reports_scale runs this at 1, 10 and 150
// councils on both engines.
//
// Environment:
//   CASEPANEL_BENCH_DB     the national demo database, a file or a postgresql:// URL (required)
//   CASEPANEL_BENCH_CLOCK  the fixed clock the demo was made with
//                          (default 2026-11-24T09:00:00Z, as bench/run uses)
//   CASEPANEL_BENCH_YEAR   the calendar year reviewed (default 2025: a whole year)
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <filesystem>
#include <memory>
#include <stdexcept>
#include <string>

#include "app/reports.h"
#include "bench_world.h"
#include "cli/settings.h"
#include "store/report_summary.h"
#include "store/reports.h"

namespace {

using namespace casepanel;
using bench::env_or;

constexpr const char* kDirector = "assistant_director@demo.casepanel.test";
constexpr int kLastMeasure = static_cast<int>(store::Measure::decided_by_disability);

// The national database opened as `casepanel serve` opens it, and the demo's
// assistant director (the whole service, every panel).
class World {
 public:
  static World& get() {
    static World world;
    return world;
  }

  app::Services& services() { return *rt_->services; }
  const app::Actor& director() const { return director_; }
  const app::ReportScope& scope() const { return scope_; }
  store::ReportFilter filter() const {
    return store::ReportFilter{.panel_id = "",
                               .from = core::to_iso(scope_.from),
                               .to = core::to_iso(scope_.to),
                               .teams = std::nullopt,
                               .today = core::to_iso(core::london_date(rt_->clock->now()))};
  }

 private:
  World() {
    rt_ = bench::open_bench_runtime("`casepanel demo --scale national`");
    const int year = std::atoi(env_or("CASEPANEL_BENCH_YEAR", "2025").c_str());
    scope_.from = core::Date{std::chrono::year{year} / 1 / 1};
    scope_.to = core::Date{std::chrono::year{year} / 12 / 31};
    rt_->db->read_all([&](store::Tx& tx) {
      auto row = tx.query_one("SELECT id, name FROM users WHERE email = $1", {kDirector});
      if (!row) {
        throw std::runtime_error(std::string("no ") + kDirector + ": not a demo database");
      }
      director_.id = row->integer(0);
      director_.name = row->text(1);
      director_.email = kDirector;
      director_.roles = {core::Role::assistant_director};
    });
  }

  std::unique_ptr<cli::Runtime> rt_;
  app::Actor director_;
  app::ReportScope scope_;
};

void BM_AnnualReview(benchmark::State& state) {
  World& w = World::get();
  std::size_t tables = 0;
  for (auto _ : state) {
    auto report = app::annual_review(w.services(), w.director(), w.scope());
    if (!report) {
      state.SkipWithError(("annual_review failed: " + report.error().message).c_str());
      return;
    }
    tables = 0;
    for (const app::ReportSection& section : report->sections) {
      tables += section.tables.size();
    }
    benchmark::DoNotOptimize(report);
  }
  state.counters["tables"] = static_cast<double>(tables);
}
BENCHMARK(BM_AnnualReview)->Unit(benchmark::kMillisecond)->UseRealTime();

using TallyFn = std::vector<store::Tally> (*)(store::Tx&, store::Measure,
                                              const store::ReportFilter&);

// Measure N counted by `count`, the rows it counts as the counter.
void time_measure(benchmark::State& state, TallyFn count) {
  World& w = World::get();
  const auto m = static_cast<store::Measure>(state.range(0));
  const store::ReportFilter f = w.filter();
  std::int64_t rows = 0;
  for (auto _ : state) {
    w.services().db.read_all([&](store::Tx& tx) {
      rows = 0;
      for (const store::Tally& t : count(tx, m, f)) {
        rows += t.count;
      }
    });
  }
  state.SetLabel(std::string(store::measure_id(m)));
  state.counters["rows"] = static_cast<double>(rows);
}

void BM_Measure(benchmark::State& state) { time_measure(state, store::tally); }
BENCHMARK(BM_Measure)->DenseRange(0, kLastMeasure)->Unit(benchmark::kMillisecond)->UseRealTime();

// The same measure counted from its rows (store::tally_rows): what the
// review cost before the summary rows, and what they are checked against.
void BM_MeasureRows(benchmark::State& state) { time_measure(state, store::tally_rows); }
BENCHMARK(BM_MeasureRows)
    ->DenseRange(0, kLastMeasure)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

// What the summary costs a write: one request changed (its state set to
// itself, which fires its trigger) and its share of every measure worked
// out again, as before every COMMIT (store/report_summary.h); rolled back.
void BM_ChangeOneRequest(benchmark::State& state) {
  World& w = World::get();
  std::int64_t request = 0;
  w.services().db.read_all([&](store::Tx& tx) {
    request = tx.query_one("SELECT MAX(request_id) FROM hearings")->integer(0);
  });
  for (auto _ : state) {
    (void)w.services().db.write<int>([&](store::Tx& tx) -> core::Result<int> {
      tx.exec("UPDATE requests SET state = state WHERE id = $1", {request});
      store::report_summary::refresh(tx);
      return core::Error::conflict("rolled back");
    });
  }
}
BENCHMARK(BM_ChangeOneRequest)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_Sittings(benchmark::State& state) {
  World& w = World::get();
  const store::ReportFilter f = w.filter();
  std::size_t rows = 0;
  for (auto _ : state) {
    w.services().db.read_all([&](store::Tx& tx) {
      rows = store::sitting_figures(tx, f).size() + store::seat_attendance(tx, f).size();
    });
  }
  state.counters["rows"] = static_cast<double>(rows);
}
BENCHMARK(BM_Sittings)->Unit(benchmark::kMillisecond)->UseRealTime();

// The list of cases behind a figure, as the assistant director opens it
// (app::report_cases: the count, one page of 50, the audit event): measure
// N's whole list (the total of its table), its first page (range 1 = 0), its
// last (1) or the one in its middle (2: the most a page reads, store/reports.h).
void BM_CaseList(benchmark::State& state) {
  World& w = World::get();
  const auto m = static_cast<store::Measure>(state.range(0));
  const app::Drill drill{std::string(store::measure_id(m)), std::nullopt};
  std::int64_t page = 1, total = 0;
  if (state.range(1) > 0) {
    auto first = app::report_cases(w.services(), w.director(), w.scope(), drill, 1);
    if (!first) {
      state.SkipWithError(("report_cases failed: " + first.error().message).c_str());
      return;
    }
    page = state.range(1) == 1 ? first->pages : (first->pages + 1) / 2;
  }
  for (auto _ : state) {
    auto list = app::report_cases(w.services(), w.director(), w.scope(), drill, page);
    if (!list) {
      state.SkipWithError(("report_cases failed: " + list.error().message).c_str());
      return;
    }
    total = list->total;
    benchmark::DoNotOptimize(list);
  }
  state.SetLabel(std::string(store::measure_id(m)) + " page " + std::to_string(page));
  state.counters["cases"] = static_cast<double>(total);
}
BENCHMARK(BM_CaseList)
    ->ArgsProduct({{static_cast<int>(store::Measure::requests_by_type),
                    static_cast<int>(store::Measure::submitted_to_heard),
                    static_cast<int>(store::Measure::actions),
                    static_cast<int>(store::Measure::requested_by_age)},
                   {0, 1, 2}})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

}  // namespace

int main(int argc, char** argv) {
  return casepanel::bench::run_benchmarks("reports_bench", argc, argv, [] { World::get(); });
}
