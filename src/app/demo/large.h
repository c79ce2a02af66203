// The large council's sizes (app/demo/large*.cc): what the benchmarks
// measure against (DESIGN.md, performance targets).
#pragma once

namespace casepanel::app::demo {

inline constexpr int kLargeChildren = 5000;
inline constexpr int kLargeHearings = 50000;
inline constexpr int kLargeActions = 200000;
inline constexpr int kHearingsPerSitting = 14;
// The benchmark's child: about forty hearings over ten years.
inline constexpr int kBenchHistoryHearings = 40;
inline constexpr int kBenchHistoryDays = 3652;

}  // namespace casepanel::app::demo
