// Signing in and out, server-side sessions, the sign-in throttle and API
// tokens.
//
// A session id is 256 random bits given to the browser once; the database
// keeps only its SHA-256, so a copy of the database does not let anyone in.
// Sessions end after 15 minutes idle or 8 hours in all (DESIGN.md). Signing
// in ends the session the browser already had and issues a new id; expired
// sessions are purged at each sign-in (a bounded delete).
//
// Throttle (NCSC password guidance, Cyber Essentials: "no more than 10
// guesses in 5 minutes"): failed sign-ins are recorded, each in a write
// transaction of its own so that the failure is kept although sign-in fails.
// When the account (email, lower-cased) or the client address has 10 or more
// failures in the last 5 minutes, every attempt is refused unread - even with
// the right password - until the oldest of them leaves the window. Nothing
// ever locks an account for good: that would let anyone lock a social worker
// out. Wrong second-factor codes count as failures too.
//
// API tokens expire (90 days unless said otherwise), record their last use
// (at most once a minute) and are limited to a number of requests a minute,
// counted in the database so that the limit holds across server instances.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "app/services.h"
#include "core/result.h"

namespace casepanel::app {

inline constexpr std::chrono::seconds kSessionIdle{15 * 60};
inline constexpr std::chrono::seconds kSessionAbsolute{8 * 60 * 60};
inline constexpr std::chrono::seconds kThrottleWindow{5 * 60};
inline constexpr int kThrottleLimit = 10;
// How long a correct password waits for its second factor.
inline constexpr std::chrono::seconds kSecondFactorWait{5 * 60};

struct NewSession {
  std::string token;  // for the cookie; never stored
  std::string csrf_token;
};

struct SignInAttempt {
  std::string email;
  std::string password;
  std::string client_address;
  // The session cookie the browser sent, if any: that session is ended.
  std::string previous_session = {};
};

enum class SignInStep {
  signed_in,             // `session` holds the new session
  second_factor_needed,  // `pending_token` goes in a cookie for /sign-in/two-factor
  refused,               // wrong email, password or code: `error`
  throttled,             // too many failures: try again after `retry_after`
};
struct SignInOutcome {
  SignInStep step = SignInStep::refused;
  NewSession session = {};
  std::string pending_token = {};
  std::chrono::seconds retry_after{0};
  std::optional<core::Error> error = std::nullopt;
};
SignInOutcome sign_in(Services& s, const SignInAttempt& attempt);

struct SecondFactorAttempt {
  std::string pending_token;  // from the cookie
  std::string code;           // a 6-digit code or a recovery code
  std::string client_address;
  std::string previous_session = {};
};
// `refused` with a not_found error when the pending sign-in has expired.
SignInOutcome sign_in_second_factor(Services& s, const SecondFactorAttempt& attempt);

// What a session's person must do before anything else.
enum class SessionDemand { nothing, enrol_two_factor };
struct SessionInfo {
  Actor actor;
  std::string csrf_token;
  std::string id_hash;  // which of the person's sessions this is
  SessionDemand demand = SessionDemand::nothing;
};
// The session for a cookie value, if it exists and has not expired.
std::optional<SessionInfo> resume_session(Services& s, const std::string& token);
void sign_out(Services& s, const std::string& token);

// A person's own sessions, newest first.
struct ActiveSession {
  std::string handle;          // identifies it in forms (the id's hash, never the id)
  std::string started_at;      // ISO UTC
  std::string last_active_at;  // ISO UTC
  std::string client_address;
  bool current = false;
};
std::vector<ActiveSession> active_sessions(Services& s, const SessionInfo& me);
// Ends one of the person's own sessions.
core::Status end_session(Services& s, const Actor& me, const std::string& handle);
// Administrators end all of a person's sessions with app::end_person_sessions
// (app/people.h).

// Loads a person with their roles.
std::optional<Actor> load_actor(store::Tx& tx, std::int64_t user_id);

// ---- API tokens ----

inline constexpr int kDefaultApiTokenDays = 90;
inline constexpr int kDefaultApiRequestsPerMinute = 120;

struct NewApiToken {
  std::int64_t id = 0;
  std::string token;  // shown once
  std::string expires_at;
};
// Makes an API token for the user with this email, valid for `days` days.
core::Result<NewApiToken> create_api_token(Services& s, const std::string& email,
                                           int days = kDefaultApiTokenDays);

struct ApiTokenSummary {
  std::int64_t id = 0;
  std::string user_email;
  std::string created_at;
  std::string expires_at;
  std::string last_used_at;  // "" when never
  std::string revoked_at;    // "" when not
};
std::vector<ApiTokenSummary> list_api_tokens(Services& s);
// `by`: the system (command line) or an administrator. Audited.
core::Status revoke_api_token(Services& s, const Actor& by, std::int64_t id);

enum class ApiAccess { allowed, unauthorised, rate_limited };
struct ApiCaller {
  ApiAccess access = ApiAccess::unauthorised;
  std::optional<Actor> actor = std::nullopt;
  std::string reason = {};
  std::chrono::seconds retry_after{0};
};
// Checks a bearer token (unknown, expired, revoked: unauthorised), counts the
// request against its per-minute limit and records its use.
ApiCaller authenticate_api_token(Services& s, const std::string& token,
                                 int requests_per_minute = kDefaultApiRequestsPerMinute);

}  // namespace casepanel::app
