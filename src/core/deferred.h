// Deferred: work a thread owes once it has handed over what it is doing.
// A worker whose page's view event finds no shared write under way must run
// that write (store::Database::write_shared_async); run inside the handler,
// it held back the worker's own response until the worker stopped running
// writes, which under load was many of them (p99 11.8 ms at 16 connections,
// docs/benchmarks.md). Within a Deferred's scope such work waits for run(),
// which the worker calls once its response is in the completion's hands.
// Outside any scope (the CLI, tests, benchmarks) later() runs it at once.
#pragma once

#include <functional>
#include <vector>

namespace casepanel::core {

class Deferred {
 public:
  // Opens the scope on this thread (an inner scope hides an outer one).
  Deferred();
  // Runs whatever is still owed, and closes the scope.
  ~Deferred();
  Deferred(const Deferred&) = delete;
  Deferred& operator=(const Deferred&) = delete;

  // Keeps `work` for the thread's open scope, or runs it now if none is open.
  static void later(std::function<void()> work);
  // Runs what is owed so far, in order.
  void run();
  // What is owed so far, in order, for another thread to run; nothing is
  // owed after.
  std::vector<std::function<void()>> take();

 private:
  std::vector<std::function<void()>> owed_;
  Deferred* outer_;
};

}  // namespace casepanel::core
