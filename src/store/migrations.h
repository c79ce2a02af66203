// Versioned schema migrations, applied in order at start-up (and by
// `casepanel migrate`). Each migration runs in its own transaction with the
// row that records it, so a failed migration leaves the schema as it was.
#pragma once

#include "store/database.h"

namespace casepanel::store {

// Applies every migration not yet recorded; returns how many ran.
int migrate(Database& db);
// The newest migration version this build knows.
int latest_schema_version();

}  // namespace casepanel::store
