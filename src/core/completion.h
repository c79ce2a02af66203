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
  // `then(true)` once the work has succeeded, `then(false)` once it failed.
  void then(std::function<void(bool ok)> then);
  // Called once, by whoever did the work.
  void finish(bool ok);
  // nullopt while the work is under way.
  std::optional<bool> outcome() const;

 private:
  mutable std::mutex mutex_;
  std::optional<bool> ok_;
  std::vector<std::function<void(bool)>> waiting_;
};

}  // namespace casepanel::core
