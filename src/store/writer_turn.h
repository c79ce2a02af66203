// A write transaction's turn in its process: one at a time per Database, in
// the process's own order rather than through SQLite's sleeping busy handler
// (or, on PostgreSQL, by every writer of the process waiting on the advisory
// lock). The engine takes it before borrowing a connection, so writers
// waiting their turn hold no connection that readers need
// (store/poco_database.cc). State that only writers touch, such as the audit
// chain's tail they presume (store/presumed_tail.h), is guarded by it.
//
// Thread safety: any thread may take a turn; a thread that holds one on a
// writer mutex and asks again fails at once (a write inside another on the
// same database would wait for itself).
#pragma once

#include <mutex>

namespace casepanel::store {

class WriterTurn {
 public:
  // Takes `writer` when `needed`; throws std::logic_error when this thread
  // holds it already.
  WriterTurn(std::mutex& writer, bool needed);
  WriterTurn(const WriterTurn&) = delete;
  WriterTurn& operator=(const WriterTurn&) = delete;
  ~WriterTurn();

 private:
  static thread_local const std::mutex* writing_;
  std::unique_lock<std::mutex> lock_;
};

}  // namespace casepanel::store
