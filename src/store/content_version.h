// The content version: a number every transaction that may change what a page
// shows moves on, in the transaction itself (migration 19). A page cache
// (web/page_cache.h) keys what it keeps by it, so a page built before a
// change is never served after it, by this instance or any other sharing the
// database.
//
// Which transactions move it: every write that ran a statement other than a
// SELECT, an audit event appended or a session touched (Tx::changed_content).
// The number is moved by migrate()'s before-commit work, after the review's
// summary refresh. A change made to the database by hand (psql, sqlite3)
// moves nothing: run `casepanel migrate` afterwards, which moves it.
#pragma once

#include <cstdint>

#include "store/database.h"

namespace casepanel::store {

std::int64_t content_version(Tx& tx);
// The version `tx` read with another statement: kept when `tx` is a shared
// read (store/shared_reads.h), so that content_version() need not read it.
void keep_content_version(Tx& tx, std::int64_t n);
void move_content_version(Tx& tx);

}  // namespace casepanel::store
