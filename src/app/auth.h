// Signing in and out, server-side sessions and API tokens.
//
// A session id is 256 random bits given to the browser once; the database
// keeps only its SHA-256, so a copy of the database does not let anyone in.
// Sessions end after 15 minutes idle or 8 hours in all (DESIGN.md), and a new
// id is issued at every sign-in. API tokens are handled the same way.
#pragma once

#include <chrono>
#include <optional>
#include <string>

#include "app/services.h"
#include "core/result.h"

namespace casepanel::app {

inline constexpr std::chrono::seconds kSessionIdle{15 * 60};
inline constexpr std::chrono::seconds kSessionAbsolute{8 * 60 * 60};

struct NewSession {
  std::string token;  // for the cookie; never stored
  std::string csrf_token;
};
core::Result<NewSession> sign_in(Services& s, const std::string& email,
                                 const std::string& password);

struct SessionInfo {
  Actor actor;
  std::string csrf_token;
};
// The session for a cookie value, if it exists and has not expired.
std::optional<SessionInfo> resume_session(Services& s, const std::string& token);
void sign_out(Services& s, const std::string& token);

// Loads a person with their roles.
std::optional<Actor> load_actor(store::Tx& tx, std::int64_t user_id);

// Makes an API token for the user with this email; returns it (shown once).
core::Result<std::string> create_api_token(Services& s, const std::string& email);
std::optional<Actor> actor_for_api_token(Services& s, const std::string& token);

}  // namespace casepanel::app
