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

// Where `token` begins in `text`, in order. Tokens are long and random, so
// they occur only where the page put them.
std::vector<std::size_t> places_of(const std::string& text, const std::string& token) {
  std::vector<std::size_t> at;
  if (token.empty()) {
    return at;
  }
  for (auto i = text.find(token); i != std::string::npos; i = text.find(token, i + token.size())) {
    at.push_back(i);
  }
  return at;
}

}  // namespace

std::string PageCache::flat(const PageKey& key) {
  return key.path + '\n' + std::to_string(key.user_id) + '\n' + key.day;
}

std::optional<WebResponse> PageCache::find(const PageKey& key, std::int64_t version,
                                           const std::string& csrf_token, Look look) {
  std::unique_lock lock(mutex_);
  const auto found = index_.find(flat(key));
  if (found == index_.end() || found->second->version != version) {
    misses_ += look == Look::counted ? 1 : 0;
    return std::nullopt;
  }
  ++hits_;
  lru_.splice(lru_.begin(), lru_, found->second);
  std::shared_ptr<const Kept> kept = found->second->kept;
  lock.unlock();
  // Everything but the body is copied (a few short strings); the body is
  // the kept one's parts, with this person's token between them.
  WebResponse out = kept->head;
  const std::string_view body = kept->file ? kept->file->bytes() : std::string_view(kept->body);
  if (kept->file && csrf_token == kept->token) {
    // The session it was built for: the body as it is, from its file.
    const int fd = kept->file->fd();
    out.shared_body.add_file(std::move(kept), fd, 0, body.size());
    return out;
  }
  const auto token = std::make_shared<const std::string>(csrf_token);
  std::size_t from = 0;
  for (const std::size_t at : kept->token_at) {
    out.shared_body.add(kept, body.substr(from, at - from));
    out.shared_body.add(token, *token);
    from = at + kept->token_size;
  }
  out.shared_body.add(std::move(kept), body.substr(from));
  return out;
}

void PageCache::keep(const PageKey& key, std::int64_t version, const std::string& csrf_token,
                     WebResponse page) {
  const std::size_t bytes = size_of(page) + csrf_token.size();
  if (bytes > max_bytes_) {
    return;
  }
  // Found once, before the lock: the body is not searched per request.
  std::vector<std::size_t> token_at = places_of(page.body, csrf_token);
  std::string body = std::move(page.body);
  auto file = PageFile::of(body);
  if (file) {
    body = std::string();  // kept in the file alone
  }
  auto kept = std::make_shared<const Kept>(Kept{std::move(page), std::move(body), csrf_token.size(),
                                                std::move(token_at), csrf_token, std::move(file)});
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
  lru_.push_front(Entry{flat_key, version, std::move(kept), bytes});
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
