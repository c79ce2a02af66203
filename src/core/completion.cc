#include "core/completion.h"

#include <stdexcept>
#include <utility>

namespace casepanel::core {

void Completion::then(std::function<void(bool ok)> then) {
  std::unique_lock lock(mutex_);
  if (!ok_) {
    waiting_.push_back(std::move(then));
    return;
  }
  const bool ok = *ok_;
  lock.unlock();
  then(ok);
}

void Completion::finish(bool ok) {
  std::vector<std::function<void(bool)>> waiting;
  {
    const std::lock_guard lock(mutex_);
    if (ok_) {
      throw std::logic_error("a completion was finished twice");
    }
    ok_ = ok;
    waiting.swap(waiting_);
  }
  for (auto& each : waiting) {
    each(ok);
  }
}

std::optional<bool> Completion::outcome() const {
  const std::lock_guard lock(mutex_);
  return ok_;
}

}  // namespace casepanel::core
