// Periodic: the thread every background job runs on. It runs a round at once
// or after one interval (FirstRound), then one every interval, or sooner when
// woken, until stopped. A round that throws is logged with the job's words
// ("outbox: delivery round failed: ...") and the next comes as usual; a
// round is given the stop token, so a long one can end early.
//
// start(), stop() and destruction are for one owning thread (destruction
// stops it); wake() may be called from any thread. Declare a Periodic after
// everything its round uses, so that it is destroyed, and its thread
// stopped, first.
#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <stop_token>
#include <string>
#include <thread>

namespace casepanel::jobs {

class Periodic {
 public:
  enum class FirstRound { at_once, after_interval };
  using Round = std::function<void(std::stop_token)>;

  Periodic(std::string failure, std::chrono::milliseconds interval, FirstRound first, Round round);
  ~Periodic();
  Periodic(const Periodic&) = delete;
  Periodic& operator=(const Periodic&) = delete;

  void start();
  // Asks the thread to stop and waits for the round in progress to end.
  void stop();
  // Runs the next round now instead of at the end of the interval.
  void wake();

 private:
  void run(std::stop_token stop);
  void wait(std::stop_token stop);

  std::string failure_;
  std::chrono::milliseconds interval_;
  FirstRound first_;
  Round round_;
  std::mutex mutex_;
  std::condition_variable_any wake_;
  bool woken_ = false;
  std::jthread thread_;
};

}  // namespace casepanel::jobs
