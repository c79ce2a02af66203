// When a transaction that failed on PostgreSQL may simply be run again.
//
// Two kinds of failure are run again from the start by the runner
// (store/poco_database.cc), each with its own bound:
//
// - The server aborted it. Under SERIALIZABLE, PostgreSQL aborts a
//   transaction that could not be placed in a serial order with the others
//   (SQLSTATE 40001, serialization_failure) or that it chose as a deadlock's
//   victim (40P01, deadlock_detected). Nothing of it was written, and running
//   it again is the documented cure: up to kMaxTransactionAttempts in all,
//   pausing retry_pause() between attempts. So is a statement the connection
//   kept prepared that the server refuses after a schema change changed its
//   result columns (0A000, "cached plan must not change result type"): the
//   kept statements are dropped, and the next attempt prepares it anew.
// - The connection was lost before COMMIT was sent: the server went away
//   (connection exceptions, class 08; admin_shutdown 57P01, crash_shutdown
//   57P02, cannot_connect_now 57P03; or libpq finds the connection bad), or a
//   write landed on a server that now refuses writes (25006,
//   read_only_sql_transaction: a standby, after a failover). The server
//   wrote nothing of it. The connection is opened again (libpq tries the
//   location's hosts and keeps the one accepting writes) and the transaction
//   run again, up to kMaxReconnectAttempts within kReconnectBudget: a
//   failover takes seconds, so the pauses (reconnect_pause) are longer.
//
// - What a write presumed had changed (store/audit.h, "Presumed tails"):
//   casepanel_presumed() failed it with SQLSTATE kPresumptionMissed, or the
//   function is not there yet (a database not migrated to 23). It wrote
//   nothing, and runs again at once, reading instead of presuming.
//
// A write whose connection was lost while COMMIT was in flight is neither: the server may
// have committed and failed to say so, or not. Running the use case again
// could do it twice (two hearings for one request), so it is never retried;
// the caller gets CommitOutcomeUnknown (store/database.h). A read's lost
// COMMIT is a lost connection like any other: it wrote nothing.
//
// Any other error is the caller's.
//
// Thread safety: every function may be called from any thread.
#pragma once

#include <chrono>
#include <exception>
#include <string_view>

namespace casepanel::store {

inline constexpr int kMaxTransactionAttempts = 10;
inline constexpr int kMaxReconnectAttempts = 60;
inline constexpr std::chrono::seconds kReconnectBudget{30};

enum class TransactionKind { read, write };
// Where the transaction was when it failed: COMMIT not yet sent (nothing is
// written until it is), or COMMIT sent and no answer read.
enum class FailedAt { before_commit, commit };
// libpq's view of the connection after the failure (PQstatus).
enum class ConnectionStatus { ok, bad };

// The SQLSTATE of migration 23's casepanel_presumed().
inline constexpr std::string_view kPresumptionMissed = "CPA01";

enum class Failure {
  serialization,           // run again (kMaxTransactionAttempts)
  presumption_missed,      // run again at once, presuming nothing
  connection_lost,         // open the connection again, then run again
  commit_outcome_unknown,  // never run again: CommitOutcomeUnknown
  other,                   // the caller's
};

struct FailureFacts {
  std::string_view message;  // the error's whole text (POCO's displayText())
  ConnectionStatus connection;
  FailedAt at;
  TransactionKind kind;
};

Failure classify_failure(const FailureFacts& facts);

// The SQLSTATE in a POCO PostgreSQL message ("... State: 40001 ..."), or
// empty: the connector puts it there for a failed statement, not for a
// failed prepare or COMMIT.
std::string_view sqlstate_in(std::string_view message);

// An exception's whole text: POCO's what() is only the exception's name;
// the server's message, with its SQLSTATE, is in displayText().
std::string error_text(const std::exception& error);

// The pause before attempt `next` (2, 3 ...): uniformly random between zero
// and 1 ms doubled per attempt so far, at most 100 ms ("full jitter").
std::chrono::microseconds retry_pause(int next);

// The pause before reconnect attempt `next` (2, 3 ...): the same full jitter
// from 20 ms, at most 1 s, so that 60 attempts span a failover's seconds
// without every instance knocking at the same moment.
std::chrono::microseconds reconnect_pause(int next);

}  // namespace casepanel::store
