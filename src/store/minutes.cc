#include "store/minutes.h"

namespace casepanel::store {

bool minutes_authorised(Tx& tx, std::int64_t sitting_id) {
  return tx
      .query_one("SELECT 1 FROM minutes WHERE sitting_id = $1 AND status = 'authorised'",
                 {sitting_id})
      .has_value();
}

}  // namespace casepanel::store
