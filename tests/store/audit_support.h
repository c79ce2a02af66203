// Helpers for the audit log's tests: a keyed log in a database file of its
// own (closed when building is done, so the file can be copied whole), and
// what an attacker with the file but without the key can do to it: drop the
// triggers and recompute the SHA-256 chain (prev_hash/hash).
#pragma once

#include <climits>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <random>
#include <string>

#include "store/audit.h"
#include "store/audit_key.h"
#include "store/database.h"
#include "support/world.h"

namespace casepanel::testing {

// Opens (creating and migrating) the database at `location` (an SQLite
// file or a postgresql:// URL) holding `key`.
std::unique_ptr<store::Database> open_audited(const std::string& location,
                                              std::shared_ptr<const store::AuditKey> key);

// A varied event number `n`, as the use cases would write it.
store::AuditEvent sample_event(int n);

// drop_audit_triggers(), which the jobs' and CLI tests use too, is in
// support/world.h.

// Recomputes prev_hash and hash of every event from `from_id` on, the way
// store/audit.cc does, leaving each MAC as it is ("recompute the chain").
// With `strip` the MACs are removed too and the old, unkeyed hash is used,
// dressing the events up as written before the key existed.
enum class StripMacs { no, yes };
// Only events up to `to_id` are rewritten (the rest keep their values).
void rehash_audit_chain(store::Tx& tx, std::int64_t from_id, StripMacs strip = StripMacs::no,
                        std::int64_t to_id = INT64_MAX);

}  // namespace casepanel::testing
