#include "store/content_version.h"

#include <optional>

#include "store/presumed_reads.h"
#include "store/shared_reads.h"

namespace casepanel::store {

std::int64_t content_version(Tx& tx) {
  // Under one snapshot it cannot change: a shared read reads it once.
  std::optional<std::int64_t>* kept = shared_reads::content_version_of(tx);
  if (kept != nullptr && *kept) {
    return **kept;
  }
  const auto row = tx.query_one("SELECT n FROM content_version WHERE id = 1");
  const std::int64_t n = row ? row->integer(0) : 0;
  keep_content_version(tx, n);
  return n;
}

void keep_content_version(Tx& tx, std::int64_t n) {
  if (std::optional<std::int64_t>* kept = shared_reads::content_version_of(tx)) {
    *kept = n;
    // The newest version seen, for the I/O thread to presume
    // (store/presumed_reads.h).
    if (tx.engine() == Engine::postgresql) {
      shared_reads::held_database_of(tx)->presumed_reads().saw_version(n);
    }
  }
}

void move_content_version(Tx& tx) { tx.exec("UPDATE content_version SET n = n + 1 WHERE id = 1"); }

}  // namespace casepanel::store
