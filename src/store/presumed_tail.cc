#include "store/presumed_tail.h"

namespace casepanel::store {

bool PresumedTail::presume(Tx& tx) const {
  if (!presume_ || !known_) {
    return false;
  }
  tx.audit_tail = known_;
  tx.presumed = Tx::Presumed{known_->hash, {}, {}};
  return true;
}

void PresumedTail::committed(bool presumed, const std::optional<Tx::AuditTail>& tail,
                             const std::optional<std::string>& tail_read) {
  if (!tail) {
    return;  // the chain did not move, as far as this write knows
  }
  if (!presumed) {
    // Presume from the next write on when this one found the tail where
    // this process left it.
    presume_ = tail_read && known_ && known_->hash == *tail_read;
  }
  known_ = tail;
}

void PresumedTail::forget() {
  known_.reset();
  presume_ = false;
}

}  // namespace casepanel::store
