// People: the repository for the people who use casepanel (users, their
// roles, team and line manager), the teams they can be put in, their
// passwords, their sessions as a whole, and set-password links. All the SQL
// behind administering people lives here (app/people.h holds the rules).
//
// Set-password links: the database keeps only the SHA-256 of a link's token,
// as for sessions, so a copy of the database cannot be used to take over an
// account. A link is usable once, until it expires, and only while no newer
// link was made for the same person:
//
//   created --use--> used
//      |--newer link made--> voided
//      `--24 hours pass--> expired (read from expires_at; nothing is written)
//
// Every function takes the caller's open transaction; none commits.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/access.h"
#include "store/database.h"

namespace casepanel::store {

// Stored as the password hash of a person who has not yet set a password.
// It is not an argon2 string ("$argon2id$..."), so verify_password never
// accepts any password against it.
inline constexpr const char* kNoPasswordHash = "!no-password-set";

enum class Active { no, yes };

struct PersonRecord {
  std::int64_t id = 0;
  std::string email;
  std::string name;
  std::string job_title;
  core::Roles roles;
  std::optional<std::int64_t> team_id;
  std::string team_name;  // "" when no team
  std::optional<std::int64_t> line_manager_id;
  std::string line_manager_name;  // "" when none
  Active active = Active::yes;
  bool has_password = false;  // false until a set-password link was used
  std::string created_at;
  std::optional<std::string> password_changed_at;
  std::optional<std::string> disabled_at;
};

// What an administrator sets when adding or editing a person.
struct PersonDetails {
  std::string email;  // lower-cased by the caller
  std::string name;
  std::string job_title;
  core::Roles roles;
  std::optional<std::int64_t> team_id;
  std::optional<std::int64_t> line_manager_id;
};

struct TeamRecord {
  std::int64_t id = 0;
  std::string name;
};

struct PeoplePage {
  std::vector<PersonRecord> people;
  std::int64_t total = 0;  // matching people, on all pages
};

struct PasswordLinkRecord {
  std::int64_t id = 0;
  std::int64_t user_id = 0;
  std::string created_at;
  std::string expires_at;
  std::optional<std::string> used_at;
  std::optional<std::string> voided_at;
};

std::optional<PersonRecord> find_person(Tx& tx, std::int64_t id);
std::optional<PersonRecord> find_person_by_email(Tx& tx, const std::string& email);
// People whose name or email contains `search` (any case; "" for everyone),
// by name, `limit` from `offset`.
PeoplePage list_people(Tx& tx, const std::string& search, int limit, int offset);
// Active people, by name: the choices of line manager.
std::vector<PersonRecord> active_people(Tx& tx);
std::vector<TeamRecord> list_teams(Tx& tx);
bool team_exists(Tx& tx, std::int64_t team_id);
// The line managers above a person, nearest first (at most 100 levels, so a
// cycle already in the data cannot loop for ever).
std::vector<std::int64_t> managers_above(Tx& tx, std::int64_t person_id);

// A new person with no usable password (kNoPasswordHash); returns the id.
std::int64_t insert_person(Tx& tx, const PersonDetails& details, const std::string& created_at);
void update_person(Tx& tx, std::int64_t id, const PersonDetails& details);
void set_active(Tx& tx, std::int64_t id, Active active, const std::string& at);
void set_password_hash(Tx& tx, std::int64_t id, const std::string& hash, const std::string& at);
std::string password_hash(Tx& tx, std::int64_t id);
// The signed-in user as every request needs them: an active person's id,
// name, email, team and roles (roles this build does not know are left out,
// which gives fewer rights, never more). nullopt for no such active person.
struct SignedInUser {
  std::int64_t id = 0;
  std::string name;
  std::string email;
  std::optional<std::int64_t> team_id;
  core::Roles roles;
};
std::optional<SignedInUser> find_signed_in_user(Tx& tx, std::int64_t id);
// The address email goes to; nullopt for no such person or a disabled one.
std::optional<std::string> active_email(Tx& tx, std::int64_t id);

// Sessions are ended through store/sessions.h (end_sessions).

// Voids the person's unused links and records a new one; returns its id.
std::int64_t insert_password_link(Tx& tx, std::int64_t user_id, const std::string& token_hash,
                                  const std::string& created_at, const std::string& expires_at,
                                  std::int64_t created_by);
std::optional<PasswordLinkRecord> find_password_link(Tx& tx, const std::string& token_hash);
void mark_password_link_used(Tx& tx, std::int64_t link_id, const std::string& at);

}  // namespace casepanel::store
