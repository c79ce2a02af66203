// Clock: where "now" comes from. core/ never reads the system clock; app/ and
// jobs/ are handed a Clock, and tests hand them a FakeClock they move by hand.
// Implementations must be safe to call from several threads.
#pragma once

#include <atomic>
#include <chrono>

namespace casepanel::core {

// A moment in UTC, to the second: how every time is stored.
using Instant = std::chrono::sys_seconds;

class Clock {
 public:
  virtual ~Clock() = default;
  virtual Instant now() const = 0;
};

// A clock that stands still until the test moves it.
class FakeClock final : public Clock {
 public:
  explicit FakeClock(Instant start) : now_(start.time_since_epoch().count()) {}
  Instant now() const override { return Instant{std::chrono::seconds{now_.load()}}; }
  void set(Instant t) { now_ = t.time_since_epoch().count(); }
  void advance(std::chrono::seconds d) { now_ += d.count(); }

 private:
  std::atomic<long long> now_;
};

}  // namespace casepanel::core
