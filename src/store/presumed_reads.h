// Presumed reads: on PostgreSQL, the reads of a kept page answered by the
// HTTP server's I/O thread, taken from memory and confirmed when the page's
// view event commits (issue 17).
//
// On SQLite the I/O thread reads the file itself: a kept page's session, access
// check and view event need no waiting (core/non_blocking.h). On PostgreSQL
// every read is a round trip, which the I/O thread may not wait for, so a
// worker answered every page: two thread switches and a BEGIN ... COMMIT a
// request. Here the I/O thread presumes instead:
// - the content version is the newest this process has seen (a real read's,
//   store/content_version.h), forgotten whenever this process commits a
//   change, until a real read sees the new one;
// - the session is the row a real read last found for its hash, with the
//   same expiry checks as ever;
// - the access check's facts are kept reads at that version
//   (store/kept_reads.h), as on any request.
// Anything else (a read not in memory, a version not known) throws
// core::WouldWait, and a worker handles the request from the start.
//
// Nothing presumed reaches a person unconfirmed. The view event's shared
// write (store::Database::write_shared_async) takes the presumption and
// confirms it first, in its own transaction, with one statement for every
// page in the batch: the content version unchanged and every session relied
// on still there. Written behind the writers' lock (store/poco_database.cc),
// that is exact as of the commit: another instance's change, or a sign-out
// on another instance, commits before the check or after the view. When the
// write presumes the audit chain's tail too, the check goes with the views'
// events, in the statement that inserts them, and a presumption that failed
// fails the write, which runs again reading (store/audit.h, "Presumed
// tails"). A presumption that fails writes nothing for its page; the page is not sent,
// and a worker handles the request again (core::Completion::Outcome::stale).
// A response on a presumed read that waits for no view (an error page, a
// redirect) is never sent from the I/O thread (web::Site checks).
//
// Thread safety: PresumedReads is shared by every thread; the presumption
// under way is the calling thread's own.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "store/database.h"
#include "store/sessions.h"
#include "store/shared_reads.h"

namespace casepanel::store {

// What one request's answer was given on.
struct Presumption {
  std::int64_t content_version = 0;
  std::vector<std::string> sessions;  // the id hashes of the sessions relied on
};

// One Database's memory of what real reads found.
class PresumedReads {
 public:
  explicit PresumedReads(std::size_t max_sessions = 50'000) : max_sessions_(max_sessions) {}

  // The session row a real read found, and the one to presume for a hash.
  // Bounded: when `max_sessions` are remembered, the next one clears the rest.
  void remember(const SessionRecord& session);
  std::optional<SessionRecord> recall(const std::string& id_hash) const;
  // A real read found no session with this hash.
  void forget(const std::string& id_hash);

  // The content version a real read saw. One older than the newest seen is
  // ignored, as is one not newer than a version forgotten.
  void saw_version(std::int64_t n);
  // This process committed a change: no version is presumed until a real
  // read sees the new one.
  void forget_version();
  std::optional<std::int64_t> newest_version() const;

 private:
  const std::size_t max_sessions_;
  mutable std::mutex mutex_;
  std::unordered_map<std::string, SessionRecord> sessions_;
  std::int64_t newest_ = -1;  // -1: none to presume
  std::int64_t floor_ = -1;   // versions at or below it are forgotten
};

namespace presumed_reads {

// The held read an I/O thread's reads of `db` run in: its statements throw
// core::WouldWait. Opens the thread's presumption at the newest content
// version (or the presumption already open); throws core::WouldWait when no
// version is known.
std::unique_ptr<shared_reads::Held> open(const Database& db);

// Runs a read of the I/O thread's in `shared`'s presumed read, opening one
// when none is held (the engine's side: store/poco_database.cc).
void run(shared_reads::Scope& shared, const std::function<bool(Tx&)>& work);

// `db`'s memory when `tx` is this thread's presumed read, else null.
PresumedReads* presumed(const Tx& tx);

// This thread's presumption relies on the session with this hash.
void rely_on_session(const std::string& id_hash);

// This thread's presumption on `db`, taken away (by the write that
// confirms it); nothing when none is open.
std::optional<Presumption> take(const Database& db);
// Whether this thread holds a presumption on `db` that no write has taken.
bool unconfirmed(const Database& db);
// Drops this thread's presumption (its request is over).
void drop();

// Whether each presumption still holds in `tx`, a write transaction: one
// statement for them all, which also reads the audit chain's tail for the
// events the transaction appends next (store/audit.h, keep_audit_tail). In
// a write on a presumed tail (Tx::presumed) they are all taken to hold, and
// the statement that sends the events checks them in the server, failing
// the write if one does not (store/audit.h, "Presumed tails").
std::vector<bool> confirm(Tx& tx, const std::vector<const Presumption*>& presumptions);

}  // namespace presumed_reads
}  // namespace casepanel::store
