#include "web/page_cache.h"

namespace casepanel::web {
namespace {

std::size_t size_of(const WebResponse& page) {
  std::size_t n = page.body.size() + page.content_type.size();
  for (const auto& [name, value] : page.headers) {
    n += name.size() + value.size();
  }
  return n;
}

// Every occurrence of `from` in `text` replaced by `to`. Tokens are long and
// random, so they occur only where the page put them.
void replace_all(std::string& text, const std::string& from, const std::string& to) {
  if (from.empty() || from == to) {
    return;
  }
  for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
}

}  // namespace

std::string PageCache::flat(const PageKey& key) {
  return key.path + '\n' + std::to_string(key.user_id) + '\n' + key.day;
}

std::optional<WebResponse> PageCache::find(const PageKey& key, std::int64_t version,
                                           const std::string& csrf_token) {
  std::unique_lock lock(mutex_);
  const auto found = index_.find(flat(key));
  if (found == index_.end() || found->second->version != version) {
    ++misses_;
    return std::nullopt;
  }
  ++hits_;
  lru_.splice(lru_.begin(), lru_, found->second);
  const std::shared_ptr<const WebResponse> page = found->second->page;
  const std::string built_with = found->second->csrf_token;
  lock.unlock();
  WebResponse out = *page;
  replace_all(out.body, built_with, csrf_token);
  return out;
}

void PageCache::keep(const PageKey& key, std::int64_t version, const std::string& csrf_token,
                     WebResponse page) {
  const std::size_t bytes = size_of(page) + csrf_token.size();
  if (bytes > max_bytes_) {
    return;
  }
  std::string flat_key = flat(key);
  const std::lock_guard lock(mutex_);
  if (const auto found = index_.find(flat_key); found != index_.end()) {
    // A page built at an older version than the one kept (its read began
    // first) does not replace a newer one.
    if (found->second->version > version) {
      return;
    }
    drop(found->second);
  }
  lru_.push_front(Entry{flat_key, version, csrf_token,
                        std::make_shared<const WebResponse>(std::move(page)), bytes});
  index_.emplace(std::move(flat_key), lru_.begin());
  bytes_ += bytes;
  while (bytes_ > max_bytes_ && !lru_.empty()) {
    drop(std::prev(lru_.end()));
  }
}

void PageCache::drop(std::list<Entry>::iterator it) {
  bytes_ -= it->bytes;
  index_.erase(it->key);
  lru_.erase(it);
}

PageCache::Counts PageCache::counts() const {
  const std::lock_guard lock(mutex_);
  return {hits_, misses_, lru_.size(), bytes_};
}

}  // namespace casepanel::web
