#include "app/actor_cache.h"

namespace casepanel::app {

std::optional<ActorCache::Kept> ActorCache::find(std::int64_t user_id, std::int64_t version) {
  const std::lock_guard lock(mutex_);
  const auto found = kept_.find(user_id);
  if (version != version_ || found == kept_.end()) {
    ++misses_;
    return std::nullopt;
  }
  ++hits_;
  return found->second;
}

void ActorCache::keep(std::int64_t version, Kept kept) {
  const std::lock_guard lock(mutex_);
  if (version < version_) {
    return;
  }
  const std::int64_t id = kept.actor.id;
  if (version > version_ || (kept_.size() >= max_people_ && !kept_.contains(id))) {
    kept_.clear();
    version_ = version;
  }
  kept_.insert_or_assign(id, std::move(kept));
}

ActorCache::Counts ActorCache::counts() const {
  const std::lock_guard lock(mutex_);
  return {hits_, misses_};
}

}  // namespace casepanel::app
