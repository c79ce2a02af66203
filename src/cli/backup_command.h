// casepanel backup --to FILE: a consistent copy of the live SQLite database
// (store/sqlite_backup.h), taken while the server runs. Exit status 0 with the
// copy made and checked, 2 when it cannot be made (nothing is left behind).
// A PostgreSQL database is refused with a pointer to pg_basebackup
// (docs/deployment.md, "Backups").
#pragma once

#include <CLI/CLI.hpp>

namespace casepanel::cli {

void add_backup_command(CLI::App& app, int& status);

}  // namespace casepanel::cli
