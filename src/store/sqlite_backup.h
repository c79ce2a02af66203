// A consistent copy of a live SQLite database, through SQLite's online
// backup API (sqlite3_backup_init / step / finish), for `casepanel backup`.
//
// The copy is one snapshot: the backup runs in a single step inside one
// read transaction, so in WAL mode it neither waits for the server's writers
// nor stops them, and it holds every transaction committed before it began
// and none after. Copying the file with cp while the server runs is not
// safe: the WAL beside it holds the newest commits, and a copy taken
// mid-checkpoint can be torn.
//
// The copy is then checked (PRAGMA integrity_check) and left in rollback-
// journal mode, one self-contained file: restoring it is putting it where
// --database points while the server is stopped (casepanel switches it back
// to WAL when it opens it). The audit key file is not in the database and
// must be backed up beside it (docs/deployment.md).
//
// PostgreSQL is backed up with pg_basebackup, outside casepanel.
//
// Thread safety: may run beside any number of casepanel processes using the
// source database.
#pragma once

#include <cstdint>
#include <filesystem>

#include "core/result.h"

namespace casepanel::store {

struct SqliteBackupReport {
  std::int64_t pages = 0;
  std::int64_t bytes = 0;
};

// Copies the SQLite database at `source` to the new file `to` (which must
// not exist). An error names what went wrong; a failed copy is removed.
core::Result<SqliteBackupReport> backup_sqlite(const std::filesystem::path& source,
                                               const std::filesystem::path& to);

}  // namespace casepanel::store
