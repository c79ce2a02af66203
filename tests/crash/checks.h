// The crash harness's checks, run while the server is down after each kill.
//
// - Integrity. SQLite: `PRAGMA integrity_check` says ok and
//   `PRAGMA foreign_key_check` finds nothing. PostgreSQL: the server enforces
//   the constraints at every commit, and amcheck's bt_index_check passes on
//   every B-tree index of the public schema (the extension lives in a schema
//   of its own, crash_check, so casepanel's schema is untouched).
// - Writes. Each write not yet checked is found present and whole (all its
//   rows and its audit event) or wholly absent, and its outcome allows what
//   was found: acknowledged must be present, refused absent, unknown either.
//   The fate found is kept; the final check looks at every write again and
//   must find the same.
// - Totals. The crash rows and audit events counted in one query each must
//   equal what the fates add up to, so a write checked in an earlier life and
//   lost later is caught in every life at constant cost.
//
// Every problem is a line in `failures`, naming the write's token and life.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "crash/write_log.h"
#include "store/database.h"

namespace casepanel::crash {

struct Totals {
  std::int64_t people = 0;         // users with a crash-... email
  std::int64_t links = 0;          // their password links
  std::int64_t emails = 0;         // their outbox messages
  std::int64_t people_events = 0;  // person.add audit events
  std::int64_t link_events = 0;    // password_link.send audit events
};

struct Findings {
  std::vector<std::string> failures;
  int unknown_present = 0;
  int unknown_absent = 0;
};

// PostgreSQL only: makes the crash_check schema with amcheck in it.
void prepare_checks(store::Database& db);
// Waits (a bounded poll: there is no event to wait on) until no other
// connection to the database remains, so that the killed server's
// transactions have finished rolling back (or committing) before the checks
// look. Nothing on SQLite.
void wait_for_orphans(store::Database& db, std::vector<std::string>& failures);

void check_integrity(store::Database& db, std::vector<std::string>& failures);
Totals count_totals(store::Database& db);
// Checks writes[from..] and records their fates; `recheck` checks writes
// whose fate is known again, which must not have changed.
enum class Recheck { no, yes };
void check_writes(store::Database& db, std::vector<Write>& writes, std::size_t from,
                  Recheck recheck, Findings& findings);
// `baseline` is what the demo data held before the first write.
void check_totals(store::Database& db, const std::vector<Write>& writes, const Totals& baseline,
                  std::vector<std::string>& failures);

}  // namespace casepanel::crash
