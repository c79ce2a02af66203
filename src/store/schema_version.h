// Which migrations a database has had, read without migrating it (for
// commands that examine a database as they find it, such as
// `casepanel audit verify`). Applying migrations is store/migrations.h.
#pragma once

#include "store/database.h"

namespace casepanel::store {

// Whether migration `version` has been applied (the schema_migrations table
// must exist: every database casepanel has opened has it).
bool schema_has_version(Tx& tx, int version);

}  // namespace casepanel::store
