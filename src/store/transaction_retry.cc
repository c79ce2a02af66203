#include "store/transaction_retry.h"

#include <Poco/Exception.h>

#include <algorithm>
#include <random>
#include <string>

namespace casepanel::store {
namespace {

bool holds(std::string_view text, std::string_view part) {
  return text.find(part) != std::string_view::npos;
}

// The server is gone or going: SQLSTATE class 08 (connection exception),
// admin_shutdown (57P01: a fast or immediate shutdown, pg_terminate_backend),
// crash_shutdown (57P02), cannot_connect_now (57P03: starting up, in
// recovery). Where the connector gives no SQLSTATE (a failed prepare or
// COMMIT carries only libpq's message), libpq's words for a lost server.
bool server_gone(std::string_view message) {
  const std::string_view state = sqlstate_in(message);
  // 08P01, protocol_violation, is in class 08 but is the server refusing
  // what it was sent (a statement bound with fewer values than it has
  // parameters), on a connection that stands.
  if (state == "08P01") {
    return false;
  }
  if (state.rfind("08", 0) == 0 || state == "57P01" || state == "57P02" || state == "57P03") {
    return true;
  }
  return holds(message, "server closed the connection unexpectedly") ||
         holds(message, "no connection to the server") ||
         holds(message, "terminating connection due to") ||
         holds(message, "could not receive data from server") ||
         holds(message, "could not send data to server");
}

// 25006, read_only_sql_transaction; libpq's message where no SQLSTATE came.
bool refuses_writes(std::string_view message) {
  return sqlstate_in(message) == "25006" || holds(message, "in a read-only transaction");
}

}  // namespace

std::string_view sqlstate_in(std::string_view message) {
  constexpr std::string_view kMarker = "State: ";
  const std::size_t at = message.find(kMarker);
  if (at == std::string_view::npos || message.size() < at + kMarker.size() + 5) {
    return {};
  }
  return message.substr(at + kMarker.size(), 5);
}

Failure classify_failure(const FailureFacts& facts) {
  const bool lost = facts.connection == ConnectionStatus::bad || server_gone(facts.message);
  if (lost) {
    // Before COMMIT was sent the server had written nothing, and a read
    // writes nothing at all. A write's COMMIT that got no answer may or may
    // not have happened. (A COMMIT that did get an answer, such as a
    // serialization failure, is decided: see below.)
    return facts.at == FailedAt::commit && facts.kind == TransactionKind::write
               ? Failure::commit_outcome_unknown
               : Failure::connection_lost;
  }
  const std::string_view state = sqlstate_in(facts.message);
  if (state == "40001" || state == "40P01") {
    return Failure::serialization;
  }
  if (state == kPresumptionMissed ||
      (state == "42883" && holds(facts.message, "casepanel_presumed"))) {
    return Failure::presumption_missed;
  }
  // A statement the connection kept prepared whose result columns a schema
  // change altered (store/postgres_statements.h): the kept statements are
  // dropped, and the transaction runs again with it prepared anew.
  if (state == "0A000" && holds(facts.message, "cached plan must not change result type")) {
    return Failure::serialization;
  }
  // A read transaction is READ ONLY by design: a write inside one is a
  // mistake in the code, not a failover, and running it again cannot help.
  if (facts.at == FailedAt::before_commit && facts.kind == TransactionKind::write &&
      refuses_writes(facts.message)) {
    return Failure::connection_lost;
  }
  return Failure::other;
}

std::string error_text(const std::exception& error) {
  const auto* poco = dynamic_cast<const Poco::Exception*>(&error);
  return poco != nullptr ? poco->displayText() : std::string(error.what());
}

std::chrono::microseconds retry_pause(int next) {
  thread_local std::minstd_rand random{std::random_device{}()};
  const int doublings = std::clamp(next - 2, 0, 7);
  const std::int64_t ceiling = std::min<std::int64_t>(std::int64_t{1000} << doublings, 100'000);
  return std::chrono::microseconds(std::uniform_int_distribution<std::int64_t>(0, ceiling)(random));
}

std::chrono::microseconds reconnect_pause(int next) {
  thread_local std::minstd_rand random{std::random_device{}()};
  const int doublings = std::clamp(next - 2, 0, 6);
  const std::int64_t ceiling = std::min<std::int64_t>(std::int64_t{20'000} << doublings, 1'000'000);
  return std::chrono::microseconds(std::uniform_int_distribution<std::int64_t>(0, ceiling)(random));
}

}  // namespace casepanel::store
