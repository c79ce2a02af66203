// Random: the demo's one source of randomness, a Mersenne Twister with a
// fixed seed, so that the same seed, clock and catalogue give the same
// council. Every draw advances the one sequence: calling these in a different
// order makes a different (equally valid) council, which the tests would
// not notice but the counts reported for the demo would change.
//
// Not thread-safe: one Random per demo being built.
#pragma once

#include <algorithm>
#include <array>
#include <cstdint>
#include <random>
#include <string>

#include "app/demo/people.h"

namespace casepanel::app::demo {

class Random {
 public:
  explicit Random(std::uint32_t seed) : engine_(seed) {}

  // A whole number from lo to hi inclusive (lo when hi < lo).
  int uniform(int lo, int hi) {
    if (hi < lo) {
      hi = lo;
    }
    return std::uniform_int_distribution<int>(lo, hi)(engine_);
  }
  bool chance(int percent) { return uniform(1, 100) <= percent; }
  template <typename T, std::size_t N>
  T one_of(const std::array<T, N>& items) {
    return items[static_cast<std::size_t>(uniform(0, static_cast<int>(N) - 1))];
  }
  template <std::size_t N>
  std::string weighted(const std::array<Weighted, N>& items) {
    int total = 0;
    for (const auto& w : items) {
      total += w.weight;
    }
    int pick = uniform(1, total);
    for (const auto& w : items) {
      if ((pick -= w.weight) <= 0) {
        return w.label;
      }
    }
    return items[0].label;
  }
  template <typename It>
  void shuffle(It first, It last) {
    std::shuffle(first, last, engine_);
  }

 private:
  std::mt19937 engine_;
};

}  // namespace casepanel::app::demo
