#include "cli/backup_command.h"

#include <iostream>
#include <string>

#include "store/postgres_location.h"
#include "store/sqlite_backup.h"

namespace casepanel::cli {
namespace {

int backup(const std::string& database, const std::string& to) {
  if (store::is_postgres_location(database)) {
    std::cerr << "casepanel backup: back up a PostgreSQL database with pg_basebackup "
                 "(docs/deployment.md, \"Backups\")\n";
    return 2;
  }
  const std::string file = database.rfind("sqlite:", 0) == 0 ? database.substr(7) : database;
  const auto made = store::backup_sqlite(file, to);
  if (!made) {
    std::cerr << "casepanel backup: " << made.error().message << "\n";
    return 2;
  }
  std::cout << "backed up " << file << " to " << to << ": " << made->pages << " pages, "
            << made->bytes << " bytes, integrity ok\n";
  return 0;
}

}  // namespace

void add_backup_command(CLI::App& app, int& status) {
  static std::string database = "var/casepanel.db";
  static std::string to;
  auto* cmd = app.add_subcommand(
      "backup", "Copy the live SQLite database into a new file (PostgreSQL: pg_basebackup)");
  cmd->add_option("--database", database, "SQLite file")->capture_default_str();
  cmd->add_option("--to", to, "The new file to write the copy to")->required();
  cmd->callback([&status] { status = backup(database, to); });
}

}  // namespace casepanel::cli
