// ActorCache: the people requests act for, kept in memory at the content
// version they were read at (store/content_version.h, issue 17).
//
// Resuming a session reads the session's row, then the person: their name,
// email, team and roles, and whether they must set up a second factor first.
// The person is most of that work, and, because every committed view event
// makes SQLite's other connections drop their page caches, most of its reads
// from the file. A person kept here is used again only while the content
// version is the one they were read at: every transaction that may change a
// person, a role or a setting moves the version on, in the transaction.
// The session's own row is read on every request (resume_session,
// app/auth.cc): signing out, ending a session elsewhere, expiry and the
// once-a-minute touch move no version, and are never taken from here.
//
// Keyed by the person's id. Bounded: when `max_people` are kept, the next one
// clears the rest. Thread-safe.
#pragma once

#include <cstddef>
#include <cstdint>
#include <mutex>
#include <optional>
#include <unordered_map>

#include "app/services.h"

namespace casepanel::app {

class ActorCache {
 public:
  struct Kept {
    Actor actor;
    bool must_enrol_two_factor = false;
  };

  explicit ActorCache(std::size_t max_people = 10'000) : max_people_(max_people) {}

  // The person kept under `user_id` at `version`; nothing when none is.
  std::optional<Kept> find(std::int64_t user_id, std::int64_t version);
  // Keeps a person read at `version`. A version older than the one kept is
  // ignored; a newer one drops everyone kept at the old.
  void keep(std::int64_t version, Kept kept);

  struct Counts {
    std::uint64_t hits = 0, misses = 0;
  };
  Counts counts() const;

 private:
  const std::size_t max_people_;
  mutable std::mutex mutex_;
  std::int64_t version_ = -1;
  std::unordered_map<std::int64_t, Kept> kept_;
  std::uint64_t hits_ = 0, misses_ = 0;
};

}  // namespace casepanel::app
