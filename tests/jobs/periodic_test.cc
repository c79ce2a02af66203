// Periodic (jobs/periodic.h): the thread every background job runs on. The
// interval is an hour in every test, so a round comes only when the test
// asks for it (at once, or by wake()); the test waits for rounds on a
// condition variable, never by sleeping.
#include "jobs/periodic.h"

#include <gtest/gtest.h>

#include <condition_variable>
#include <mutex>
#include <stdexcept>

namespace casepanel::jobs {
namespace {

using std::chrono::hours;

// Counts rounds; the first `throwing` rounds throw after counting.
class Rounds {
 public:
  explicit Rounds(int throwing = 0) : throwing_(throwing) {}

  Periodic::Round round() {
    return [this](std::stop_token) {
      int n = 0;
      {
        std::lock_guard lock(mutex_);
        n = ++count_;
      }
      changed_.notify_all();
      if (n <= throwing_) {
        throw std::runtime_error("round " + std::to_string(n) + " failed");
      }
    };
  }
  void wait_for(int n) {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return count_ >= n; });
  }
  int count() {
    std::lock_guard lock(mutex_);
    return count_;
  }

 private:
  int throwing_;
  std::mutex mutex_;
  std::condition_variable changed_;
  int count_ = 0;
};

TEST(Periodic, AtOnceRunsTheFirstRoundWhenStartedAndTheNextWhenWoken) {
  Rounds rounds;
  Periodic p("test: round failed", hours(1), Periodic::FirstRound::at_once, rounds.round());
  p.start();
  rounds.wait_for(1);
  p.wake();
  rounds.wait_for(2);
  p.stop();
  EXPECT_EQ(rounds.count(), 2);
}

TEST(Periodic, AfterIntervalRunsNothingUntilTheIntervalOrAWake) {
  Rounds rounds;
  Periodic p("test: round failed", hours(1), Periodic::FirstRound::after_interval, rounds.round());
  p.start();
  p.stop();
  EXPECT_EQ(rounds.count(), 0) << "stopped while waiting for its first round";

  Rounds woken;
  Periodic q("test: round failed", hours(1), Periodic::FirstRound::after_interval, woken.round());
  q.start();
  q.wake();
  woken.wait_for(1);
  q.stop();
  EXPECT_EQ(woken.count(), 1);
}

TEST(Periodic, ARoundThatThrowsIsLoggedAndTheNextComesAsUsual) {
  Rounds rounds(/*throwing=*/2);
  Periodic p("test: round failed", hours(1), Periodic::FirstRound::at_once, rounds.round());
  p.start();
  rounds.wait_for(1);
  p.wake();
  rounds.wait_for(2);
  p.wake();
  rounds.wait_for(3);
  p.stop();
  EXPECT_EQ(rounds.count(), 3);
}

TEST(Periodic, DestroyingItStopsTheThread) {
  Rounds rounds;
  {
    Periodic p("test: round failed", hours(1), Periodic::FirstRound::at_once, rounds.round());
    p.start();
    rounds.wait_for(1);
  }
  EXPECT_EQ(rounds.count(), 1);
}

}  // namespace
}  // namespace casepanel::jobs
