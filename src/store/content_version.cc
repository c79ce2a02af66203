#include "store/content_version.h"

namespace casepanel::store {

std::int64_t content_version(Tx& tx) {
  const auto row = tx.query_one("SELECT n FROM content_version WHERE id = 1");
  return row ? row->integer(0) : 0;
}

void move_content_version(Tx& tx) { tx.exec("UPDATE content_version SET n = n + 1 WHERE id = 1"); }

}  // namespace casepanel::store
