// What a transaction costs by itself, before any page's queries: the
// client side of store::Database (the pool, BEGIN with its isolation level,
// the writers' turn, COMMIT) and one statement's round trip (issue 17 §2).
// Every page is at least one read transaction (the session lookup) and most
// are several, so on PostgreSQL this is a floor under every page's wall time.
//
//   - an empty read transaction (BEGIN ... COMMIT and nothing between);
//   - a read transaction of one query (the shape of resume_session: one row
//     by key), and of ten (what one more query costs inside a transaction);
//   - an empty write transaction (the writers' turn: the in-process mutex,
//     on PostgreSQL the advisory lock, BEGIN SERIALIZABLE, COMMIT).
//
// Read the Time column (wall): on PostgreSQL it includes the server's work
// and every round trip, which the CPU column (this thread's) does not.
//
// Environment (bench/run sets it):
//   CASEPANEL_BENCH_DB  a database, a file or a postgresql:// URL (required);
//                       migrated on opening, so an empty one will do.
#include <benchmark/benchmark.h>

#include <cstdint>
#include <memory>

#include "bench_world.h"
#include "store/database.h"

namespace {

using namespace casepanel;

// The one-query transactions look up one row by key: the first migration's,
// which every database has once migrated.
constexpr const char* kQuery = "SELECT version FROM schema_migrations WHERE version = $1";
constexpr std::int64_t kFirstMigration = 1;

store::Database& database() {
  static std::unique_ptr<cli::Runtime> rt = bench::open_bench_runtime("any migration");
  return *rt->db;
}

void BM_EmptyRead(benchmark::State& state) {
  store::Database& db = database();
  for (auto _ : state) {
    db.read_all([](store::Tx&) {});
  }
}
BENCHMARK(BM_EmptyRead)->Unit(benchmark::kMicrosecond);

void read_queries(benchmark::State& state, int queries) {
  store::Database& db = database();
  std::size_t found = 0;
  for (auto _ : state) {
    db.read_all([&](store::Tx& tx) {
      for (int i = 0; i < queries; ++i) {
        found += tx.query_one(kQuery, {kFirstMigration}).has_value() ? 1 : 0;
      }
    });
  }
  benchmark::DoNotOptimize(found);
}

void BM_OneQueryRead(benchmark::State& state) { read_queries(state, 1); }
BENCHMARK(BM_OneQueryRead)->Unit(benchmark::kMicrosecond);

void BM_TenQueryRead(benchmark::State& state) { read_queries(state, 10); }
BENCHMARK(BM_TenQueryRead)->Unit(benchmark::kMicrosecond);

void BM_EmptyWrite(benchmark::State& state) {
  store::Database& db = database();
  for (auto _ : state) {
    db.write_all([](store::Tx&) {});
  }
}
BENCHMARK(BM_EmptyWrite)->Unit(benchmark::kMicrosecond);

}  // namespace

int main(int argc, char** argv) {
  return casepanel::bench::run_benchmarks("transactions_bench", argc, argv, [] { database(); });
}
