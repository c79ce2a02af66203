// KeptAtVersion: values kept in memory at the content version they were read
// at (store/content_version.h, issue 17), given again only at that version:
// the person a session acts for (app/actor_cache.h) and the access check's
// reads (store/kept_reads.h). Every transaction that may change what they
// were read from moves the version on, in the transaction.
//
// One version at a time: keeping a value at a newer version drops everything
// kept at the old; a value read at an older one is not kept. Bounded: when
// `max_kept` values are kept, keeping another key clears the rest.
// Thread-safe.
#pragma once

#include <cstddef>
#include <cstdint>
#include <mutex>
#include <optional>
#include <unordered_map>
#include <utility>

namespace casepanel::core {

template <typename Key, typename Value>
class KeptAtVersion {
 public:
  explicit KeptAtVersion(std::size_t max_kept) : max_kept_(max_kept) {}

  // The value kept under `key` at `version`; nothing when none is.
  std::optional<Value> find(std::int64_t version, const Key& key) {
    const std::lock_guard lock(mutex_);
    const auto found = kept_.find(key);
    if (version != version_ || found == kept_.end()) {
      ++misses_;
      return std::nullopt;
    }
    ++hits_;
    return found->second;
  }

  void keep(std::int64_t version, const Key& key, Value value) {
    const std::lock_guard lock(mutex_);
    if (version < version_) {
      return;
    }
    if (version > version_ || (kept_.size() >= max_kept_ && !kept_.contains(key))) {
      kept_.clear();
      version_ = version;
    }
    kept_.insert_or_assign(key, std::move(value));
  }

  struct Counts {
    std::uint64_t hits = 0, misses = 0;
  };
  Counts counts() const {
    const std::lock_guard lock(mutex_);
    return {hits_, misses_};
  }

 private:
  const std::size_t max_kept_;
  mutable std::mutex mutex_;
  std::int64_t version_ = -1;
  std::unordered_map<Key, Value> kept_;
  std::uint64_t hits_ = 0, misses_ = 0;
};

}  // namespace casepanel::core
