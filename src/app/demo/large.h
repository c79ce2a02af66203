// The large council's sizes (app/demo/large*.cc): what the benchmarks
// measure against (DESIGN.md, performance targets).
#pragma once

#include <array>

namespace casepanel::app::demo {

inline constexpr int kLargeChildren = 5000;
inline constexpr int kLargeHearings = 50000;
inline constexpr int kLargeActions = 200000;
inline constexpr int kHearingsPerSitting = 14;
// The benchmark's children (bench/pages_bench.cc measures how a page's cost
// grows with its content): histories the size of one, ten and forty years at
// one hearing every three months. The first is DESIGN.md's "history of 10
// years", the settings' bench_child_id; the forty years' worth are heard
// within the last ten (no child is in care for forty years, and a page's cost
// follows its rows, not their dates). Each is heard first at its sittings.
struct BenchHistory {
  int years;     // the size of the history, at four hearings a year
  int hearings;  // years * 4
  int days;      // heard evenly over this many days up to today
};
inline constexpr std::array<BenchHistory, 3> kBenchHistories{{
    {.years = 10, .hearings = 40, .days = 3652},
    {.years = 1, .hearings = 4, .days = 365},
    {.years = 40, .hearings = 160, .days = 3652},
}};
// The benchmark's agendas: the next sittings of the bench panel, with 14
// hearings (DESIGN.md's, the settings' bench_sitting_id), 7 and 28.
inline constexpr std::array<int, 3> kBenchAgendas{14, 7, 28};

}  // namespace casepanel::app::demo
