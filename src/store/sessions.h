// Sessions and tokens repository: the rows behind signing in. Browser
// sessions, the record of failed sign-ins that throttles guessing, API tokens
// with their expiry, use and per-minute request counts, second-factor (TOTP)
// secrets with their recovery codes, and the short-lived pending state between
// a correct password and a second factor.
//
// Secrets handed to people (session ids, API tokens, recovery codes, pending
// sign-in tokens) are stored only as SHA-256 hex, so a copy of the database
// lets nobody in. The TOTP secret cannot be hashed (the server must compute
// codes from it); it is kept as base32 text.
//
// Times: sessions and pending sign-ins count seconds since the epoch (UTC),
// as the sessions table always has, because their checks are arithmetic;
// everything else is ISO 8601 UTC text, which sorts as it compares.
//
// Every function runs inside the caller's transaction.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/database.h"

namespace casepanel::store {

// ---- sessions ----

struct SessionRecord {
  std::string id_hash;  // SHA-256 of the cookie value
  std::int64_t user_id = 0;
  std::string csrf_token;
  std::int64_t created_at = 0;    // epoch seconds
  std::int64_t last_seen_at = 0;  // epoch seconds
  std::string client_address;
};

void insert_session(Tx& tx, const SessionRecord& s);
std::optional<SessionRecord> find_session(Tx& tx, const std::string& id_hash);
void touch_session(Tx& tx, const std::string& id_hash, std::int64_t now);
// Deletes the session; gives its user when it existed.
std::optional<std::int64_t> delete_session(Tx& tx, const std::string& id_hash);
// A person's sessions, newest first.
std::vector<SessionRecord> sessions_of(Tx& tx, std::int64_t user_id);
// Deletes every session of a person but the one whose id hashes to
// `keep_id_hash` (none: all of them); gives how many were deleted.
std::int64_t end_sessions(Tx& tx, std::int64_t user_id, const std::string& keep_id_hash = "");
std::int64_t count_sessions(Tx& tx, std::int64_t user_id);
// Deletes up to `limit` sessions idle since before `idle_before` or started
// before `started_before`; gives how many.
std::int64_t purge_sessions(Tx& tx, std::int64_t idle_before, std::int64_t started_before,
                            int limit);

// ---- failed sign-ins (the throttle) ----

struct SignInCredentials {
  std::int64_t user_id = 0;
  std::string password_hash;
};
// The active person with this email (compared lower-cased).
std::optional<SignInCredentials> find_credentials(Tx& tx, const std::string& email);

void record_sign_in_failure(Tx& tx, const std::string& at, const std::string& email,
                            const std::string& client_address);
// The times (ISO UTC, oldest first) of the failures after `since` for
// this (lower-cased) email / from this address.
std::vector<std::string> failures_for_email(Tx& tx, const std::string& email,
                                            const std::string& since);
std::vector<std::string> failures_from_address(Tx& tx, const std::string& client_address,
                                               const std::string& since);
// Deletes up to `limit` failures older than `before`; gives how many.
std::int64_t purge_sign_in_failures(Tx& tx, const std::string& before, int limit);

// ---- pending second-factor sign-ins ----

struct PendingSignIn {
  std::string token_hash;
  std::int64_t user_id = 0;
  std::string client_address;
  std::int64_t created_at = 0;  // epoch seconds
};
void insert_pending_sign_in(Tx& tx, const PendingSignIn& p);
std::optional<PendingSignIn> find_pending_sign_in(Tx& tx, const std::string& token_hash);
void delete_pending_sign_in(Tx& tx, const std::string& token_hash);
std::int64_t purge_pending_sign_ins(Tx& tx, std::int64_t created_before, int limit);

// ---- API tokens ----

struct ApiTokenRecord {
  std::int64_t id = 0;
  std::int64_t user_id = 0;
  std::string user_email;
  std::string created_at;                   // ISO UTC
  std::string expires_at;                   // ISO UTC
  std::optional<std::string> last_used_at;  // ISO UTC
  std::optional<std::string> revoked_at;    // ISO UTC
};
std::int64_t insert_api_token(Tx& tx, std::int64_t user_id, const std::string& token_hash,
                              const std::string& created_at, const std::string& expires_at);
std::optional<ApiTokenRecord> find_api_token(Tx& tx, const std::string& token_hash);
std::optional<ApiTokenRecord> find_api_token_by_id(Tx& tx, std::int64_t id);
std::vector<ApiTokenRecord> list_api_tokens(Tx& tx);
// Marks the token revoked; false when there is no such token or it already was.
bool revoke_api_token(Tx& tx, std::int64_t id, const std::string& at);
// Records use at `now` unless it was recorded at or after `not_before`.
void note_api_token_use(Tx& tx, std::int64_t id, const std::string& now,
                        const std::string& not_before);
// Counts one request in the token's window (epoch minute); gives the window's
// count including this one. Forgets the token's earlier windows.
std::int64_t count_api_request(Tx& tx, std::int64_t id, std::int64_t window);

// ---- second factor (TOTP) ----

struct TwoFactorRecord {
  std::int64_t user_id = 0;
  std::string secret_base32;
  std::optional<std::string> enabled_at;  // none: enrolment awaits confirmation
  std::int64_t last_used_step = 0;        // the last TOTP time step accepted
};
std::optional<TwoFactorRecord> find_two_factor(Tx& tx, std::int64_t user_id);
// Starts (or restarts) enrolment with a new secret, not yet enabled.
void save_unconfirmed_two_factor(Tx& tx, std::int64_t user_id, const std::string& secret_base32);
void enable_two_factor(Tx& tx, std::int64_t user_id, const std::string& at, std::int64_t step);
void delete_two_factor(Tx& tx, std::int64_t user_id);
// Moves last_used_step forward to `step`; false when it was already at or past
// it (the code was used before: a replay).
bool advance_two_factor_step(Tx& tx, std::int64_t user_id, std::int64_t step);

void replace_recovery_codes(Tx& tx, std::int64_t user_id, const std::vector<std::string>& hashes);
// Marks the unused code with this hash used; false when there is none.
bool use_recovery_code(Tx& tx, std::int64_t user_id, const std::string& code_hash,
                       const std::string& at);
std::int64_t unused_recovery_codes(Tx& tx, std::int64_t user_id);

}  // namespace casepanel::store
