// The audit chain's tail as this process's last write left it, and whether
// the next write presumes it instead of reading it (store/audit.h,
// "Presumed tails"; PostgreSQL only, store/poco_database.cc).
//
// A write presumes the tail when the write before found it where the one
// before that had left it: no other instance, job or command is appending.
// While another writer appends, each write finds the tail moved and the next
// does not presume, so no attempt is wasted on a presumption that fails.
//
// Thread safety: none; the engine uses it holding its writer mutex.
#pragma once

#include <optional>
#include <string>

#include "store/database.h"

namespace casepanel::store {

class PresumedTail {
 public:
  // Sets `tx` to presume the tail (Tx::audit_tail, Tx::presumed) when it is
  // known and nobody else seems to append; whether it did.
  bool presume(Tx& tx) const;
  // A write committed, leaving the chain's tail at `tail` (none when it
  // neither read nor appended one): it presumed, or read `tail_read`.
  void committed(bool presumed, const std::optional<Tx::AuditTail>& tail,
                 const std::optional<std::string>& tail_read);
  // A write failed: its outcome, and so the tail, is not known.
  void forget();

 private:
  std::optional<Tx::AuditTail> known_;
  bool presume_ = false;
};

}  // namespace casepanel::store
