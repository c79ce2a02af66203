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
// Keyed by the person's id (core/kept_at_version.h). Bounded: when
// `max_people` are kept, the next one clears the rest. Thread-safe.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>

#include "app/services.h"
#include "core/kept_at_version.h"

namespace casepanel::app {

class ActorCache {
 public:
  struct Kept {
    Actor actor;
    bool must_enrol_two_factor = false;
  };

  explicit ActorCache(std::size_t max_people = 10'000) : kept_(max_people) {}

  // The person kept under `user_id` at `version`; nothing when none is.
  std::optional<Kept> find(std::int64_t user_id, std::int64_t version) {
    return kept_.find(version, user_id);
  }
  // Keeps a person read at `version`. A version older than the one kept is
  // ignored; a newer one drops everyone kept at the old.
  void keep(std::int64_t version, Kept kept) {
    const std::int64_t id = kept.actor.id;
    kept_.keep(version, id, std::move(kept));
  }

  using Counts = core::KeptAtVersion<std::int64_t, Kept>::Counts;
  Counts counts() const { return kept_.counts(); }

 private:
  core::KeptAtVersion<std::int64_t, Kept> kept_;
};

}  // namespace casepanel::app
