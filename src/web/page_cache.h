// PageCache: pages kept in memory, each for one person, while the database
// has not changed (issue 17).
//
// A page that shows personal data is built from the database on every request
// unless it is kept here. What is kept is the handler's response (before the
// security headers), under the page's path, the person it was built for and
// the day in London (a page's working days and overdue marks move with the
// day), stamped with the content version it was built at
// (store/content_version.h). A response is served again only at the same
// version: every transaction that may change what a page shows moves the
// version on, in the transaction, so a kept page is never older than the
// database the request's access check read.
//
// The access check and the audit event stay per request (Site::kept_page):
// only the reading and rendering are saved. The person's own CSRF token is
// put in place of the one the page was built with, so a person's other
// sessions share the page: where the token stands is found once, when the
// page is kept, and a page served again is the kept body's parts around the
// person's token (web/outgoing.h), never a copy. The body is kept in an
// in-memory file (web/page_file.h): to the session it was built for, it goes
// whole from there by sendfile. Least recently used pages go first once the
// kept bytes pass the limit. Thread-safe.
#pragma once

#include <cstddef>
#include <cstdint>
#include <list>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "web/http.h"
#include "web/page_file.h"

namespace casepanel::web {

struct PageKey {
  std::string path;
  std::int64_t user_id = 0;
  std::string day;  // YYYY-MM-DD in London
};

class PageCache {
 public:
  explicit PageCache(std::size_t max_bytes) : max_bytes_(max_bytes) {}

  // The page kept under `key` at `version`, with `csrf_token` in place of the
  // token it was built with (the body in WebResponse::shared_body); nothing
  // when none is kept at that version. `trial`: a look the I/O thread takes
  // before a worker takes it again on a miss (core/non_blocking.h), whose
  // miss is not counted.
  enum class Look { counted, trial };
  std::optional<WebResponse> find(const PageKey& key, std::int64_t version,
                                  const std::string& csrf_token, Look look = Look::counted);
  // Keeps `page`, built at `version` with `csrf_token`, replacing what was
  // kept under `key`. A page larger than the whole limit is not kept.
  void keep(const PageKey& key, std::int64_t version, const std::string& csrf_token,
            WebResponse page);

  struct Counts {
    std::uint64_t hits = 0, misses = 0;
    std::size_t pages = 0, bytes = 0;
  };
  Counts counts() const;

 private:
  // A page as kept: its response without the body, the body, and where in
  // it the token it was built with begins, in order.
  struct Kept {
    WebResponse head;
    std::string body;  // empty when the body is in `file`
    std::size_t token_size = 0;
    std::vector<std::size_t> token_at;
    std::string token;                     // the token it was built with
    std::shared_ptr<const PageFile> file;  // web/page_file.h; null when none was made
  };
  struct Entry {
    std::string key;
    std::int64_t version = 0;
    std::shared_ptr<const Kept> kept;  // shared out of the lock
    std::size_t bytes = 0;
  };
  static std::string flat(const PageKey& key);
  void drop(std::list<Entry>::iterator it);

  const std::size_t max_bytes_;
  mutable std::mutex mutex_;
  std::list<Entry> lru_;  // most recently used first
  std::unordered_map<std::string, std::list<Entry>::iterator> index_;
  std::size_t bytes_ = 0;
  std::uint64_t hits_ = 0, misses_ = 0;
};

}  // namespace casepanel::web
