// Which failed PostgreSQL transactions run again, and how
// (store/transaction_retry.h). The messages are the connector's, as POCO
// 1.11 words them: a failed statement carries "Severity: ... State: XXXXX",
// a failed prepare (the first thing a statement does on a dead connection)
// only libpq's words.
#include "store/transaction_retry.h"

#include <gtest/gtest.h>

#include <Poco/Data/PostgreSQL/PostgreSQLException.h>

#include <string>

namespace casepanel::store {
namespace {

constexpr const char* kSerialization =
    "postgresql_stmt_execute error: ERROR:  could not serialize access due to read/write "
    "dependencies among transactions\n Severity: ERROR State: 40001 Detail: N/A";
constexpr const char* kDeadlock =
    "postgresql_stmt_execute error: ERROR:  deadlock detected\n Severity: ERROR State: 40P01";
constexpr const char* kAdminShutdown =
    "postgresql_stmt_execute error: FATAL:  terminating connection due to administrator "
    "command\nserver closed the connection unexpectedly\n Severity: FATAL State: 57P01";
constexpr const char* kCrashShutdown =
    "postgresql_stmt_execute error: FATAL:  terminating connection because of crash of another "
    "server process\n Severity: FATAL State: 57P02";
constexpr const char* kStartingUp =
    "postgresql_stmt_execute error: FATAL:  the database system is starting up\n Severity: "
    "FATAL State: 57P03";
constexpr const char* kLinkFailure =
    "postgresql_stmt_execute error: could not receive data from server: Connection reset by "
    "peer\n Severity: N/A State: 08006";
constexpr const char* kClosedInPrepare =
    "postgresql_stmt_prepare error: server closed the connection unexpectedly\n\tThis probably "
    "means the server terminated abnormally\n\tbefore or while processing the request. COMMIT";
constexpr const char* kNoConnection = "postgresql_stmt_prepare error: no connection to the server";
constexpr const char* kReadOnly =
    "postgresql_stmt_execute error: ERROR:  cannot execute INSERT in a read-only transaction\n "
    "Severity: ERROR State: 25006";
// As store/postgres_statements.cc words a failed statement.
constexpr const char* kPlanChanged =
    "postgresql_stmt_execute error: ERROR:  cached plan must not change result type\n State: "
    "0A000 SQL: SELECT * FROM t ORDER BY a";
constexpr const char* kNotSupported =
    "postgresql_stmt_execute error: ERROR:  cannot use subquery in check constraint\n State: "
    "0A000 SQL: CREATE TABLE t (a INTEGER CHECK (a IN (SELECT 1)))";
constexpr const char* kMissingValue =
    "postgresql_stmt_execute error: ERROR:  bind message supplies 0 parameters, but prepared "
    "statement \"casepanel_3\" requires 1\n State: 08P01 SQL: SELECT $1";
// migration 23's casepanel_presumed() (store/audit.h, "Presumed tails").
constexpr const char* kPresumptionMissed =
    "postgresql_stmt_execute error: ERROR:  what this write presumed has changed: another "
    "writer appended to the audit chain, moved the content version or ended a session\n State: "
    "CPA01 SQL: INSERT INTO audit_events";
constexpr const char* kNotMigrated =
    "postgresql_stmt_execute error: ERROR:  function casepanel_presumed(boolean) does not "
    "exist\n State: 42883 SQL: INSERT INTO audit_events";
constexpr const char* kNoSuchFunction =
    "postgresql_stmt_execute error: ERROR:  function lower(integer) does not exist\n State: "
    "42883 SQL: SELECT lower(1)";
constexpr const char* kUniqueViolation =
    "postgresql_stmt_execute error: ERROR:  duplicate key value violates unique constraint\n "
    "Severity: ERROR State: 23505";

TEST(TransactionRetry, EachFailureIsRunAgainOnlyWhenNothingCanHaveBeenWritten) {
  using enum ConnectionStatus;
  using enum FailedAt;
  using enum TransactionKind;
  struct Case {
    const char* message;
    ConnectionStatus connection;
    FailedAt at;
    TransactionKind kind = write;
    Failure expected;
    const char* why;
  };
  const Case cases[] = {
      {.message = kSerialization,
       .connection = ok,
       .at = before_commit,
       .expected = Failure::serialization,
       .why = "40001: the server aborted it"},
      {.message = kDeadlock,
       .connection = ok,
       .at = before_commit,
       .expected = Failure::serialization,
       .why = "40P01: a deadlock's victim"},
      {.message = kPlanChanged,
       .connection = ok,
       .at = before_commit,
       .kind = read,
       .expected = Failure::serialization,
       .why = "0A000, a kept statement's columns changed: run again, prepared anew"},
      {.message = kMissingValue,
       .connection = ok,
       .at = before_commit,
       .kind = read,
       .expected = Failure::other,
       .why = "08P01, a value missing: the code's mistake, on a connection that stands"},
      {.message = kMissingValue,
       .connection = bad,
       .at = before_commit,
       .kind = read,
       .expected = Failure::connection_lost,
       .why = "whatever the words, libpq says bad"},
      {.message = kNotSupported,
       .connection = ok,
       .at = before_commit,
       .expected = Failure::other,
       .why = "0A000 for anything else is the code's"},
      {.message = kSerialization,
       .connection = ok,
       .at = commit,
       .expected = Failure::serialization,
       .why = "40001 at COMMIT: the server answered, and rolled it back"},
      {.message = kAdminShutdown,
       .connection = bad,
       .at = before_commit,
       .expected = Failure::connection_lost,
       .why = "57P01: the primary was shut down"},
      {.message = kAdminShutdown,
       .connection = ok,
       .at = before_commit,
       .expected = Failure::connection_lost,
       .why = "57P01 before libpq has marked the connection bad"},
      {.message = kCrashShutdown,
       .connection = bad,
       .at = before_commit,
       .expected = Failure::connection_lost,
       .why = "57P02: another backend crashed"},
      {.message = kStartingUp,
       .connection = bad,
       .at = before_commit,
       .kind = read,
       .expected = Failure::connection_lost,
       .why = "57P03: reads reconnect too"},
      {.message = kLinkFailure,
       .connection = bad,
       .at = before_commit,
       .expected = Failure::connection_lost,
       .why = "class 08: the link failed"},
      {.message = kClosedInPrepare,
       .connection = bad,
       .at = before_commit,
       .expected = Failure::connection_lost,
       .why = "a dead idle connection's first statement"},
      {.message = kNoConnection,
       .connection = ok,
       .at = before_commit,
       .expected = Failure::connection_lost,
       .why = "libpq's words, no SQLSTATE"},
      {.message = "Not connected",
       .connection = bad,
       .at = before_commit,
       .kind = read,
       .expected = Failure::connection_lost,
       .why = "whatever the words, libpq says bad"},
      {.message = kReadOnly,
       .connection = ok,
       .at = before_commit,
       .expected = Failure::connection_lost,
       .why = "25006 in a write: the server is a standby now"},
      {.message = kReadOnly,
       .connection = ok,
       .at = before_commit,
       .kind = read,
       .expected = Failure::other,
       .why = "25006 in a read: reads are READ ONLY, so the code wrote in one"},
      {.message = kClosedInPrepare,
       .connection = bad,
       .at = commit,
       .expected = Failure::commit_outcome_unknown,
       .why = "lost during COMMIT: it may have committed; never run it twice"},
      {.message = kAdminShutdown,
       .connection = ok,
       .at = commit,
       .expected = Failure::commit_outcome_unknown,
       .why = "57P01 answering COMMIT"},
      {.message = kNoConnection,
       .connection = bad,
       .at = commit,
       .kind = read,
       .expected = Failure::connection_lost,
       .why = "a read's COMMIT: it wrote nothing, so it runs again"},
      {.message = kUniqueViolation,
       .connection = ok,
       .at = before_commit,
       .expected = Failure::other,
       .why = "a constraint: running it again fails again"},
      {.message = kPresumptionMissed,
       .connection = ok,
       .at = commit,
       .expected = Failure::presumption_missed,
       .why = "CPA01: what the write presumed changed, and it failed before COMMIT ran"},
      {.message = kNotMigrated,
       .connection = ok,
       .at = before_commit,
       .expected = Failure::presumption_missed,
       .why = "a database not yet migrated to 23: run again presuming nothing"},
      {.message = kNoSuchFunction,
       .connection = ok,
       .at = before_commit,
       .expected = Failure::other,
       .why = "42883 for any other function is the caller's mistake"},
      {.message = kUniqueViolation,
       .connection = bad,
       .at = before_commit,
       .expected = Failure::connection_lost,
       .why = "any error on a connection libpq then finds bad: the server wrote nothing"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.why);
    EXPECT_EQ(classify_failure(
                  {.message = c.message, .connection = c.connection, .at = c.at, .kind = c.kind}),
              c.expected);
  }
}

TEST(TransactionRetry, TheSqlstateIsReadFromTheConnectorsMessage) {
  EXPECT_EQ(sqlstate_in(kSerialization), "40001");
  EXPECT_EQ(sqlstate_in(kLinkFailure), "08006");
  EXPECT_EQ(sqlstate_in(kClosedInPrepare), "");
  EXPECT_EQ(sqlstate_in("State: 4"), "") << "cut short";
  // POCO's what() is only "PostgreSQL"; the SQLSTATE is in displayText().
  const Poco::Data::PostgreSQL::StatementException e(kSerialization);
  EXPECT_EQ(sqlstate_in(error_text(e)), "40001");
}

TEST(TransactionRetry, PausesAreBoundedAndReconnectsSpanSeconds) {
  std::chrono::microseconds reconnecting{0};
  for (int next = 2; next <= 60; ++next) {
    EXPECT_LE(retry_pause(next), std::chrono::milliseconds(100));
    EXPECT_LE(reconnect_pause(next), std::chrono::seconds(1));
    reconnecting += reconnect_pause(next);
  }
  // Full jitter averages half the ceiling: 60 reconnects wait about 28 s in
  // all, more than a failover takes; 5 s is far below any plausible draw.
  EXPECT_GT(reconnecting, std::chrono::seconds(5));
}

}  // namespace
}  // namespace casepanel::store
