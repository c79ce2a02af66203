#include "store/sqlite_backup.h"

#include <sqlite3.h>

#include <memory>
#include <string>
#include <system_error>

namespace casepanel::store {
namespace {

using core::Error;

struct Closer {
  void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
};
using Handle = std::unique_ptr<sqlite3, Closer>;

// Opens without creating: a mistyped --database must not back up a new,
// empty file.
Handle open(const std::filesystem::path& file, int flags, std::string& error) {
  sqlite3* db = nullptr;
  const int rc = sqlite3_open_v2(file.c_str(), &db, flags, nullptr);
  Handle handle(db);
  if (rc != SQLITE_OK) {
    error = file.string() + ": " + (db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
    return nullptr;
  }
  sqlite3_busy_timeout(db, 10'000);
  return handle;
}

// The one snapshot: every page in one step, in one read transaction.
std::string copy_pages(sqlite3* source, sqlite3* copy, SqliteBackupReport& report) {
  sqlite3_backup* backup = sqlite3_backup_init(copy, "main", source, "main");
  if (backup == nullptr) {
    return sqlite3_errmsg(copy);
  }
  const int rc = sqlite3_backup_step(backup, -1);
  report.pages = sqlite3_backup_pagecount(backup);
  sqlite3_backup_finish(backup);
  if (rc != SQLITE_DONE) {
    return std::string("the copy stopped: ") + sqlite3_errstr(rc);
  }
  return {};
}

// A self-contained file, and a whole one.
std::string settle_and_check(sqlite3* copy) {
  if (sqlite3_exec(copy, "PRAGMA journal_mode=DELETE", nullptr, nullptr, nullptr) != SQLITE_OK) {
    return sqlite3_errmsg(copy);
  }
  std::string verdict;
  const auto read = [](void* out, int, char** values, char**) {
    *static_cast<std::string*>(out) += values[0] != nullptr ? values[0] : "";
    return 0;
  };
  if (sqlite3_exec(copy, "PRAGMA integrity_check", read, &verdict, nullptr) != SQLITE_OK) {
    return sqlite3_errmsg(copy);
  }
  return verdict == "ok" ? std::string() : "the copy fails its integrity check: " + verdict;
}

}  // namespace

core::Result<SqliteBackupReport> backup_sqlite(const std::filesystem::path& source,
                                               const std::filesystem::path& to) {
  std::error_code ignored;
  if (std::filesystem::exists(to, ignored)) {
    return Error::invalid("to", to.string() + " already exists; a backup goes into a new file");
  }
  std::string error;
  Handle from = open(source, SQLITE_OPEN_READWRITE, error);
  if (!from) {
    return Error::invalid("database", "cannot open the database " + error);
  }
  SqliteBackupReport report;
  {
    Handle copy = open(to, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, error);
    if (copy) {
      error = copy_pages(from.get(), copy.get(), report);
    }
    if (error.empty()) {
      error = settle_and_check(copy.get());
    }
  }
  if (!error.empty()) {
    std::filesystem::remove(to, ignored);
    return Error::invalid("to", "the backup failed: " + error);
  }
  report.bytes = static_cast<std::int64_t>(std::filesystem::file_size(to, ignored));
  return report;
}

}  // namespace casepanel::store
