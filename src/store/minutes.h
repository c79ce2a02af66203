// Minutes of a sitting (Support Panel 6): drafted by the panel
// administrator, sent to the chair, authorised (then immutable, corrected by
// addenda only). Every function takes the caller's open transaction.
#pragma once

#include <cstdint>

#include "store/database.h"

namespace casepanel::store {

// Whether the sitting's minutes are authorised (its records may then no
// longer be corrected).
bool minutes_authorised(Tx& tx, std::int64_t sitting_id);

}  // namespace casepanel::store
