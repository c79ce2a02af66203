#include "store/writer_turn.h"

#include <stdexcept>

namespace casepanel::store {

thread_local const std::mutex* WriterTurn::writing_ = nullptr;

WriterTurn::WriterTurn(std::mutex& writer, bool needed) {
  if (!needed) {
    return;
  }
  if (writing_ == &writer) {
    // The outer write holds the lock: waiting would deadlock this thread.
    throw std::logic_error("a write transaction inside another on the same database");
  }
  lock_ = std::unique_lock(writer);
  writing_ = &writer;
}

WriterTurn::~WriterTurn() {
  if (lock_.owns_lock()) {
    writing_ = nullptr;
  }
}

}  // namespace casepanel::store
