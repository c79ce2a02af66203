// SharedReads: while one lives on a thread, that thread's reads of one
// Database (read() and read_all()) run in one read transaction, on one
// pooled connection, begun by the first of them and committed when the
// SharedReads ends. The web layer holds one for a GET or HEAD request, so
// that resuming the session and the page's own reads (a kept page's access
// check, or building the page) see one snapshot and share one BEGIN and one
// COMMIT: on PostgreSQL each is a round trip (issue 17, docs/benchmarks.md).
//
// What ends the shared transaction early (the next read begins another):
// - any write this thread asks of the same Database (write(), write_all(),
//   write_shared(), write_shared_async()), before the write begins: a read
//   after it sees what it wrote, and the thread never holds a read
//   connection while waiting for another, so a small pool cannot deadlock;
// - a read that throws (it is run again alone, with the Database's usual
//   retries).
// A read inside a write's work, or inside another read's work, runs alone as
// it always did.
//
// On PostgreSQL, on a thread that may not wait (core/non_blocking.h), the
// held read is presumed from memory (store/presumed_reads.h); when the scope
// ends, so does any presumption no write has taken.
//
// Within the shared transaction the content version (store/content_version.h)
// is read once: it cannot change under one snapshot.
//
// Thread safety: a SharedReads belongs to the thread that made it and must
// end on it; one at a time per thread.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>

#include "store/database.h"

namespace casepanel::store {

class SharedReads {
 public:
  explicit SharedReads(const Database& db);
  ~SharedReads();
  SharedReads(const SharedReads&) = delete;
  SharedReads& operator=(const SharedReads&) = delete;
};

namespace shared_reads {

// The engine's side (store/poco_database.cc). A held read transaction: its
// destructor ends it and gives its connection back, and never throws.
class Held {
 public:
  virtual ~Held() = default;
  virtual Tx& tx() = 0;
  std::optional<std::int64_t> content_version;
  // Made on the I/O thread, from memory (store/presumed_reads.h).
  bool presumed = false;
};

// This thread's scope, if one is open on `db`.
struct Scope {
  const Database* db = nullptr;
  std::unique_ptr<Held> held;
  int reading = 0;  // reads running now on this thread (nested ones run alone)
  int writing = 0;  // writes running now on this thread
};
Scope* open_on(const Database& db);

// A read or write under way in a scope, counted while it lives.
struct Counted {
  explicit Counted(int& n) : n(++n) {}
  ~Counted() { --n; }
  Counted(const Counted&) = delete;
  Counted& operator=(const Counted&) = delete;
  int& n;
};

// Ends this thread's held read on `db`, if any (a write is about to begin).
void end_held(const Database& db);

// The content version kept for `tx`, when it is this thread's held read.
std::optional<std::int64_t>* content_version_of(const Tx& tx);
// The Database whose held read `tx` is, when it is this thread's held read.
const Database* held_database_of(const Tx& tx);
// The held read whose transaction `tx` is, when it is this thread's.
const Held* held_of(const Tx& tx);

}  // namespace shared_reads
}  // namespace casepanel::store
