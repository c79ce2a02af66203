// Completion: work another thread finishes, and what to do once it has.
// A page kept in memory is sent once its view event has committed (issue 17);
// the event commits in a write shared with other views
// (store::Database::write_shared_async), and the worker that served the page
// goes on to the next request instead of waiting for that write: the page
// waits, not the thread.
//
// Safe to use from several threads; each callback runs exactly once, on the
// thread that finishes the work (or, when it is finished already, on the
// thread that hands the callback over).
#pragma once

#include <functional>
#include <mutex>
#include <optional>
#include <vector>

namespace casepanel::core {

class Completion {
 public:
  enum class Outcome {
    committed,  // the work is done
    failed,     // it could not be done
    // Not done: what the work was to confirm no longer held (on PostgreSQL,
    // the reads an I/O thread presumed, store/presumed_reads.h). The request
    // is to be handled again, from the start, by a thread that may wait.
    stale,
  };
  // `then(outcome)` once the work has ended.
  void then(std::function<void(Outcome)> then);
  // Called once, by whoever did the work.
  void finish(Outcome outcome);
  // nullopt while the work is under way.
  std::optional<Outcome> outcome() const;

 private:
  mutable std::mutex mutex_;
  std::optional<Outcome> outcome_;
  std::vector<std::function<void(Outcome)>> waiting_;
};

}  // namespace casepanel::core
