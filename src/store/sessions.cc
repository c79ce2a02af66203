#include "store/sessions.h"

#include "core/non_blocking.h"
#include "store/content_version.h"
#include "store/presumed_reads.h"
#include "store/shared_reads.h"

namespace casepanel::store {
namespace {

SessionRecord session_from(const Row& r) {
  return SessionRecord{r.text(0), r.integer(1), r.text(2), r.integer(3), r.integer(4), r.text(5)};
}

constexpr const char* kSessionColumns =
    "id_hash, user_id, csrf_token, created_at, last_seen_at, client_address";

std::vector<std::string> failure_times(Tx& tx, const char* column, const std::string& value,
                                       const std::string& since) {
  // Bounded: the throttle refuses before a key gets far past its limit.
  const std::string sql = std::string("SELECT at FROM sign_in_failures WHERE ") + column +
                          " = $1 AND at > $2 ORDER BY at LIMIT 1000";
  std::vector<std::string> out;
  for (const Row& r : tx.query(sql, {value, since})) {
    out.push_back(r.text(0));
  }
  return out;
}

ApiTokenRecord token_from(const Row& r) {
  return ApiTokenRecord{r.integer(0), r.integer(1),       r.text(2),         r.text(3),
                        r.text(4),    r.optional_text(5), r.optional_text(6)};
}

// Tokens made before expiry existed (migration 6) have none stored: they
// expire 90 days after they were made, computed here rather than in SQL
// because date arithmetic differs between the engines.
constexpr const char* kTokenSelect =
    "SELECT t.id, t.user_id, u.email, t.created_at, COALESCE(t.expires_at, ''), "
    "t.last_used_at, t.revoked_at FROM api_tokens t JOIN users u ON u.id = t.user_id ";

}  // namespace

void insert_session(Tx& tx, const SessionRecord& s) {
  tx.exec(
      "INSERT INTO sessions (id_hash, user_id, csrf_token, created_at, last_seen_at, "
      "client_address) VALUES ($1, $2, $3, $4, $5, $6)",
      {s.id_hash, s.user_id, s.csrf_token, s.created_at, s.last_seen_at, s.client_address});
}

std::optional<SessionRecord> find_session(Tx& tx, const std::string& id_hash) {
  // On the I/O thread, on PostgreSQL: the row a real read last found, relied
  // on until the view's write confirms it is still there
  // (store/presumed_reads.h); none remembered, a worker reads it.
  if (PresumedReads* memory = presumed_reads::presumed(tx)) {
    std::optional<SessionRecord> session = memory->recall(id_hash);
    if (!session) {
      throw core::WouldWait{};
    }
    presumed_reads::rely_on_session(id_hash);
    return session;
  }
  // The content version comes with the row: a request's shared read keeps it
  // for the person's cache and the page's access check, one round trip fewer
  // on PostgreSQL (store/shared_reads.h).
  auto row = tx.query_one(std::string("SELECT ") + kSessionColumns +
                              ", (SELECT n FROM content_version WHERE id = 1) "
                              "FROM sessions WHERE id_hash = $1",
                          {id_hash});
  // What the I/O thread may presume next time (on PostgreSQL only).
  const Database* db =
      tx.engine() == Engine::postgresql ? shared_reads::held_database_of(tx) : nullptr;
  if (!row) {
    if (db != nullptr) {
      db->presumed_reads().forget(id_hash);
    }
    return std::nullopt;
  }
  keep_content_version(tx, row->integer(6));
  SessionRecord session = session_from(*row);
  if (db != nullptr) {
    db->presumed_reads().remember(session);
  }
  return session;
}

void touch_session(Tx& tx, const std::string& id_hash, std::int64_t now) {
  tx.exec("UPDATE sessions SET last_seen_at = $1 WHERE id_hash = $2", {now, id_hash});
}

std::optional<std::int64_t> delete_session(Tx& tx, const std::string& id_hash) {
  auto row = tx.query_one("SELECT user_id FROM sessions WHERE id_hash = $1", {id_hash});
  if (!row) {
    return std::nullopt;
  }
  tx.exec("DELETE FROM sessions WHERE id_hash = $1", {id_hash});
  return row->integer(0);
}

std::vector<SessionRecord> sessions_of(Tx& tx, std::int64_t user_id) {
  std::vector<SessionRecord> out;
  for (const Row& r : tx.query(std::string("SELECT ") + kSessionColumns +
                                   " FROM sessions WHERE user_id = $1 "
                                   "ORDER BY created_at DESC, id_hash",
                               {user_id})) {
    out.push_back(session_from(r));
  }
  return out;
}

std::int64_t end_sessions(Tx& tx, std::int64_t user_id, const std::string& keep_id_hash) {
  const std::int64_t before = count_sessions(tx, user_id);
  tx.exec("DELETE FROM sessions WHERE user_id = $1 AND id_hash <> $2", {user_id, keep_id_hash});
  return before - count_sessions(tx, user_id);
}

std::int64_t count_sessions(Tx& tx, std::int64_t user_id) {
  return tx.query_one("SELECT COUNT(*) FROM sessions WHERE user_id = $1", {user_id})->integer(0);
}

std::int64_t purge_sessions(Tx& tx, std::int64_t idle_before, std::int64_t started_before,
                            int limit) {
  // Bounded, so that the sign-in that triggers it never waits on a big delete.
  Rows rows =
      tx.query("SELECT id_hash FROM sessions WHERE last_seen_at < $1 OR created_at < $2 LIMIT $3",
               {idle_before, started_before, std::int64_t{limit}});
  for (const Row& r : rows) {
    tx.exec("DELETE FROM sessions WHERE id_hash = $1", {r.text(0)});
  }
  return static_cast<std::int64_t>(rows.size());
}

std::optional<SignInCredentials> find_credentials(Tx& tx, const std::string& email) {
  auto row = tx.query_one(
      "SELECT id, password_hash FROM users WHERE lower(email) = $1 AND active = 1 ORDER BY id",
      {email});
  if (!row) {
    return std::nullopt;
  }
  return SignInCredentials{row->integer(0), row->text(1)};
}

void record_sign_in_failure(Tx& tx, const std::string& at, const std::string& email,
                            const std::string& client_address) {
  tx.exec("INSERT INTO sign_in_failures (at, email, client_address) VALUES ($1, $2, $3)",
          {at, email, client_address});
}

std::vector<std::string> failures_for_email(Tx& tx, const std::string& email,
                                            const std::string& since) {
  return failure_times(tx, "email", email, since);
}

std::vector<std::string> failures_from_address(Tx& tx, const std::string& client_address,
                                               const std::string& since) {
  return failure_times(tx, "client_address", client_address, since);
}

std::int64_t purge_sign_in_failures(Tx& tx, const std::string& before, int limit) {
  Rows rows = tx.query("SELECT id FROM sign_in_failures WHERE at < $1 ORDER BY id LIMIT $2",
                       {before, std::int64_t{limit}});
  for (const Row& r : rows) {
    tx.exec("DELETE FROM sign_in_failures WHERE id = $1", {r.integer(0)});
  }
  return static_cast<std::int64_t>(rows.size());
}

void insert_pending_sign_in(Tx& tx, const PendingSignIn& p) {
  tx.exec(
      "INSERT INTO pending_sign_ins (token_hash, user_id, client_address, created_at) "
      "VALUES ($1, $2, $3, $4)",
      {p.token_hash, p.user_id, p.client_address, p.created_at});
}

std::optional<PendingSignIn> find_pending_sign_in(Tx& tx, const std::string& token_hash) {
  auto row = tx.query_one(
      "SELECT token_hash, user_id, client_address, created_at FROM pending_sign_ins "
      "WHERE token_hash = $1",
      {token_hash});
  if (!row) {
    return std::nullopt;
  }
  return PendingSignIn{row->text(0), row->integer(1), row->text(2), row->integer(3)};
}

void delete_pending_sign_in(Tx& tx, const std::string& token_hash) {
  tx.exec("DELETE FROM pending_sign_ins WHERE token_hash = $1", {token_hash});
}

std::int64_t purge_pending_sign_ins(Tx& tx, std::int64_t created_before, int limit) {
  Rows rows = tx.query("SELECT token_hash FROM pending_sign_ins WHERE created_at < $1 LIMIT $2",
                       {created_before, std::int64_t{limit}});
  for (const Row& r : rows) {
    tx.exec("DELETE FROM pending_sign_ins WHERE token_hash = $1", {r.text(0)});
  }
  return static_cast<std::int64_t>(rows.size());
}

std::int64_t insert_api_token(Tx& tx, std::int64_t user_id, const std::string& token_hash,
                              const std::string& created_at, const std::string& expires_at) {
  return tx.insert(
      "INSERT INTO api_tokens (user_id, token_hash, created_at, expires_at) "
      "VALUES ($1, $2, $3, $4) RETURNING id",
      {user_id, token_hash, created_at, expires_at});
}

std::optional<ApiTokenRecord> find_api_token(Tx& tx, const std::string& token_hash) {
  auto row = tx.query_one(std::string(kTokenSelect) + "WHERE t.token_hash = $1", {token_hash});
  if (!row) {
    return std::nullopt;
  }
  return token_from(*row);
}

std::optional<ApiTokenRecord> find_api_token_by_id(Tx& tx, std::int64_t id) {
  auto row = tx.query_one(std::string(kTokenSelect) + "WHERE t.id = $1", {id});
  if (!row) {
    return std::nullopt;
  }
  return token_from(*row);
}

std::vector<ApiTokenRecord> list_api_tokens(Tx& tx) {
  std::vector<ApiTokenRecord> out;
  for (const Row& r : tx.query(std::string(kTokenSelect) + "ORDER BY t.id")) {
    out.push_back(token_from(r));
  }
  return out;
}

bool revoke_api_token(Tx& tx, std::int64_t id, const std::string& at) {
  if (!tx.query_one("SELECT 1 FROM api_tokens WHERE id = $1 AND revoked_at IS NULL", {id})) {
    return false;
  }
  tx.exec("UPDATE api_tokens SET revoked_at = $1 WHERE id = $2", {at, id});
  return true;
}

void note_api_token_use(Tx& tx, std::int64_t id, const std::string& now,
                        const std::string& not_before) {
  tx.exec(
      "UPDATE api_tokens SET last_used_at = $1 WHERE id = $2 "
      "AND (last_used_at IS NULL OR last_used_at < $3)",
      {now, id, not_before});
}

std::int64_t count_api_request(Tx& tx, std::int64_t id, std::int64_t window) {
  tx.exec("DELETE FROM api_token_windows WHERE token_id = $1 AND window_start < $2", {id, window});
  auto row = tx.query_one(
      "INSERT INTO api_token_windows (token_id, window_start, requests) VALUES ($1, $2, 1) "
      "ON CONFLICT (token_id, window_start) DO UPDATE "
      "SET requests = api_token_windows.requests + 1 RETURNING requests",
      {id, window});
  return row->integer(0);
}

std::optional<TwoFactorRecord> find_two_factor(Tx& tx, std::int64_t user_id) {
  auto row = tx.query_one(
      "SELECT user_id, secret, enabled_at, last_used_step FROM two_factor WHERE user_id = $1",
      {user_id});
  if (!row) {
    return std::nullopt;
  }
  return TwoFactorRecord{row->integer(0), row->text(1), row->optional_text(2), row->integer(3)};
}

void save_unconfirmed_two_factor(Tx& tx, std::int64_t user_id, const std::string& secret_base32) {
  tx.exec("DELETE FROM two_factor WHERE user_id = $1", {user_id});
  tx.exec("INSERT INTO two_factor (user_id, secret, last_used_step) VALUES ($1, $2, 0)",
          {user_id, secret_base32});
}

void enable_two_factor(Tx& tx, std::int64_t user_id, const std::string& at, std::int64_t step) {
  tx.exec("UPDATE two_factor SET enabled_at = $1, last_used_step = $2 WHERE user_id = $3",
          {at, step, user_id});
}

void delete_two_factor(Tx& tx, std::int64_t user_id) {
  tx.exec("DELETE FROM two_factor WHERE user_id = $1", {user_id});
  tx.exec("DELETE FROM recovery_codes WHERE user_id = $1", {user_id});
}

bool advance_two_factor_step(Tx& tx, std::int64_t user_id, std::int64_t step) {
  // One conditional update, so two requests racing with the same code cannot
  // both see the step as unused.
  auto row = tx.query_one(
      "UPDATE two_factor SET last_used_step = $1 WHERE user_id = $2 AND last_used_step < $3 "
      "RETURNING user_id",
      {step, user_id, step});
  return row.has_value();
}

void replace_recovery_codes(Tx& tx, std::int64_t user_id, const std::vector<std::string>& hashes) {
  tx.exec("DELETE FROM recovery_codes WHERE user_id = $1", {user_id});
  for (const std::string& h : hashes) {
    tx.exec("INSERT INTO recovery_codes (user_id, code_hash) VALUES ($1, $2)", {user_id, h});
  }
}

bool use_recovery_code(Tx& tx, std::int64_t user_id, const std::string& code_hash,
                       const std::string& at) {
  auto row = tx.query_one(
      "UPDATE recovery_codes SET used_at = $1 WHERE user_id = $2 AND code_hash = $3 "
      "AND used_at IS NULL RETURNING id",
      {at, user_id, code_hash});
  return row.has_value();
}

std::int64_t unused_recovery_codes(Tx& tx, std::int64_t user_id) {
  return tx
      .query_one("SELECT COUNT(*) FROM recovery_codes WHERE user_id = $1 AND used_at IS NULL",
                 {user_id})
      ->integer(0);
}

}  // namespace casepanel::store
