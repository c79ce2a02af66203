#include "core/completion.h"

#include <stdexcept>
#include <utility>

namespace casepanel::core {

void Completion::then(std::function<void(Outcome)> then) {
  std::unique_lock lock(mutex_);
  if (!outcome_) {
    waiting_.push_back(std::move(then));
    return;
  }
  const Outcome outcome = *outcome_;
  lock.unlock();
  then(outcome);
}

void Completion::finish(Outcome outcome) {
  std::vector<std::function<void(Outcome)>> waiting;
  {
    const std::lock_guard lock(mutex_);
    if (outcome_) {
      throw std::logic_error("a completion was finished twice");
    }
    outcome_ = outcome;
    waiting.swap(waiting_);
  }
  for (auto& each : waiting) {
    each(outcome);
  }
}

std::optional<Completion::Outcome> Completion::outcome() const {
  const std::lock_guard lock(mutex_);
  return outcome_;
}

}  // namespace casepanel::core
