#include "store/schema_version.h"

namespace casepanel::store {

bool schema_has_version(Tx& tx, int version) {
  return tx.query_one("SELECT 1 FROM schema_migrations WHERE version = $1", {std::int64_t{version}})
      .has_value();
}

}  // namespace casepanel::store
