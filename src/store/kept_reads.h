// Kept reads: the rows of a read kept in memory at the content version it
// was made at (store/content_version.h), and given again to the same read,
// with the same parameters, under a snapshot at the same version (issue 17).
//
// Why it is exact: every transaction that may change what a SELECT of these
// tables returns moves the content version on, in the transaction itself, so
// two snapshots at the same version hold the same rows. The tables whose
// changes move nothing (audit_events, sessions) are never kept: kept_query
// refuses SQL that names them. A change made by hand moves nothing until
// `casepanel migrate`, as for the page cache.
//
// Where it applies: only in a shared read (store/shared_reads.h), whose
// snapshot's version is read once with the session. There, the access
// check's facts (store/relationships.h) come from memory while nothing has
// changed, instead of a query each: on PostgreSQL a round trip each, on
// SQLite pages read again after every view event's commit. The access
// decision itself is still made on every request, from these facts. Outside
// a shared read (a write, a read on its own) kept_query is tx.query.
//
// Bounded: when `max_reads` are kept, the next one clears the rest; a newer
// version clears everything kept at the old (core/kept_at_version.h).
// Thread-safe.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "core/kept_at_version.h"
#include "store/database.h"

namespace casepanel::store {

// Keyed by the SQL and its parameters.
class KeptReads : public core::KeptAtVersion<std::string, Rows> {
 public:
  explicit KeptReads(std::size_t max_reads = 20'000) : KeptAtVersion(max_reads) {}
};

// tx.query(sql, params), from the Database's KeptReads when `tx` is this
// thread's shared read. Throws std::logic_error for SQL that names
// audit_events or sessions, or that begins with neither SELECT nor WITH.
Rows kept_query(Tx& tx, std::string_view sql, const Params& params = {});
std::optional<Row> kept_query_one(Tx& tx, std::string_view sql, const Params& params = {});

}  // namespace casepanel::store
