// casepanel audit verify: checks the audit log's SHA-256 chain, its MAC chain
// (with the key file) and the checkpoints (docs/audit.md). Exit status 0 when
// intact, 1 at the first problem, 2 when it cannot check (no key file, no
// database, a schema before the keyed log).
#include <filesystem>
#include <iostream>

#include "cli/commands.h"
#include "cli/settings.h"
#include "store/audit.h"
#include "store/audit_checkpoints.h"
#include "store/audit_key.h"
#include "store/postgres_location.h"
#include "store/schema_version.h"

namespace casepanel::cli {
namespace {

constexpr int kKeyedSchema = 8;

int verify(const std::string& config, const std::string& database) {
  const Settings settings = load_settings(config);
  std::shared_ptr<store::AuditKey> key;
  try {
    key = std::make_shared<store::AuditKey>(
        store::AuditKey::load(settings.audit.key_file, store::KeyFileMissing::refuse));
  } catch (const store::AuditKeyError& e) {
    std::cerr << "casepanel audit verify: cannot check the MACs: " << e.what() << "\n";
    return 2;
  }
  const bool postgres = store::is_postgres_location(database);
  if (!postgres && !std::filesystem::is_regular_file(database)) {
    std::cerr << "casepanel audit verify: no database at " << database << "\n";
    return 2;
  }
  // Read only: no migration, so the evidence is examined as it was found.
  std::unique_ptr<store::Database> db;
  try {
    db = store::Database::open(database, 2);
  } catch (const std::exception& e) {
    std::cerr << "casepanel audit verify: " << e.what() << "\n";  // a PostgreSQL database gone
    return 2;
  }
  db->set_audit_key(key);
  bool keyed_schema = false;
  db->read_all([&](store::Tx& tx) { keyed_schema = store::schema_has_version(tx, kKeyedSchema); });
  if (!keyed_schema) {
    std::cerr << "casepanel audit verify: the database has no keyed audit log yet (schema "
                 "before version 8): run casepanel migrate\n";
    return 2;
  }
  const store::CheckpointFile file = store::read_checkpoints(settings.audit.checkpoint_file, *key);
  if (file.bad_line) {
    std::cerr << "audit checkpoints broken at " << settings.audit.checkpoint_file << " line "
              << *file.bad_line << ": " << file.problem << "\n";
    return 1;
  }
  const store::AuditVerification v = store::verify_audit(*db, file.checkpoints);
  if (!v.intact) {
    std::cerr << "audit log broken at event " << v.first_broken_id << ": " << v.problem << "\n";
    return 1;
  }
  if (v.checkpoints == 0) {
    std::cerr << "casepanel audit verify: no checkpoints in " << settings.audit.checkpoint_file
              << ": deleting the newest events could not be detected\n";
  }
  std::cout << "intact: " << v.events << " events, " << v.checkpoints << " checkpoints\n";
  return 0;
}

}  // namespace

void add_audit_commands(CLI::App& app, int& status) {
  static std::string database = "var/casepanel.db";
  static std::string config = "config/casepanel.toml";
  auto* audit = app.add_subcommand("audit", "The audit log");
  audit->require_subcommand(1);
  auto* verify_cmd = audit->add_subcommand(
      "verify", "Check the audit log's hash and MAC chains and its checkpoints");
  verify_cmd->add_option("--database", database, "SQLite file, or a postgresql:// URL")
      ->capture_default_str();
  verify_cmd->add_option("--config", config, "Settings file")->capture_default_str();
  verify_cmd->callback([&status] { status = verify(config, database); });
}

}  // namespace casepanel::cli
