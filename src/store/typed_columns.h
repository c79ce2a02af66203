// Typed reads shared by the repositories: a request's stored state, and the
// placeholders of an IN list. Dates and instants are read with
// store/column_types.h (included here for the repositories that used to find
// them in this file).
#pragma once

#include "store/column_types.h"

#include <cstdint>
#include <optional>
#include <string>

#include "core/calendar.h"
#include "core/request.h"
#include "store/database.h"

namespace casepanel::store {

// A request's state as stored (requests.state); one this build does not
// know throws naming the request.
core::RequestState request_state(std::int64_t request_id, const std::string& stored);

// "$first, $first+1, ..." for an IN list of `count` bound values.
std::string placeholders(int first, std::size_t count);

}  // namespace casepanel::store
