#include "crash/write_log.h"

#include <utility>

namespace casepanel::crash {

std::string email_of(const std::string& token) { return "crash-" + token + "@example.test"; }

std::size_t WriteLog::begin(Write write) {
  const std::lock_guard lock(mutex_);
  writes_.push_back(std::move(write));
  return writes_.size() - 1;
}

void WriteLog::finish(std::size_t index, Outcome outcome, int status, std::int64_t person_id) {
  const std::lock_guard lock(mutex_);
  Write& w = writes_[index];
  w.outcome = outcome;
  w.status = status;
  if (person_id != 0) {
    w.person_id = person_id;
  }
}

}  // namespace casepanel::crash
