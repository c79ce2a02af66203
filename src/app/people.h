// People and passwords (review finding 8): administrators add people (name,
// email, job title, roles, team, line manager), edit them, disable and
// re-enable them, end their sessions, and send them a set-password link;
// each person changes their own password.
//
// Rules:
//   - Only administrators (Permission::administer) manage people, and an
//     administrator can neither disable themselves nor take away their own
//     administrator role (the council would be locked out).
//   - A person added here has no usable password (store::kNoPasswordHash)
//     until they use a set-password link. A link works once, for 24 hours,
//     and a newer link voids the older ones. Only its SHA-256 is stored; the
//     token itself is only in the email.
//   - Disabling a person ends all their sessions in the same transaction:
//     their next request is signed out, and they cannot sign in again.
//   - Every new password meets core/password_policy.h; setting one (by link or
//     by changing it) ends the person's other sessions.
//   - A line manager must be an active person, never the person themselves
//     nor anyone they manage (directly or further down): no cycles, which
//     would make line-management scope loop.
//   - Each change is one transaction with its audit event (old and new
//     values); tokens and passwords are never audited. An administrator's
//     pages name no child.
//
// The slow argon2 work runs outside transactions (as sign-in does), and the
// write re-checks what it read, so two submissions of one link cannot both
// succeed.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/services.h"
#include "core/result.h"
#include "store/people.h"

namespace casepanel::app {

inline constexpr int kPeoplePageSize = 50;
inline constexpr std::chrono::hours kPasswordLinkLifetime{24};

struct PeopleList {
  std::vector<store::PersonRecord> people;
  std::int64_t total = 0;
  int page = 1;
  int pages = 1;
};
// Everyone whose name or email contains `search`, 50 a page, by name.
core::Result<PeopleList> list_people(Services& s, const Actor& a, const std::string& search,
                                     int page);

// The choices on the add and edit forms: teams, and active people as line
// managers.
struct PersonChoices {
  std::vector<store::TeamRecord> teams;
  std::vector<store::PersonRecord> managers;
};
core::Result<PersonChoices> person_choices(Services& s, const Actor& a);

core::Result<store::PersonRecord> person(Services& s, const Actor& a, std::int64_t id);

// What the add and edit forms send. Role ids as sent ("social_worker"), so
// an unknown one gets a message; no team or line manager is nullopt.
struct PersonInput {
  std::string name;
  std::string email;
  std::string job_title;
  std::vector<std::string> roles;
  std::optional<std::int64_t> team_id;
  std::optional<std::int64_t> line_manager_id;
};
// Returns the new person's id. Field errors: name, email, job_title, roles,
// team, line_manager.
core::Result<std::int64_t> add_person(Services& s, const Actor& a, const PersonInput& input);
core::Status edit_person(Services& s, const Actor& a, std::int64_t id, const PersonInput& input);

// Disabling ends all the person's sessions at once; enabling lets them sign
// in again with their password.
core::Status disable_person(Services& s, const Actor& a, std::int64_t id);
core::Status enable_person(Services& s, const Actor& a, std::int64_t id);
// Signs the person out everywhere; returns how many sessions ended.
core::Result<std::int64_t> end_person_sessions(Services& s, const Actor& a, std::int64_t id);

// Queues an email to the person with a link /set-password/TOKEN (after
// PeopleSettings::site_url), valid for 24 hours; voids their older links.
core::Status send_password_link(Services& s, const Actor& a, std::int64_t id);

// Whose link this is, for the set-password page: a conflict error with a
// message for the person when it is used, replaced, expired or unknown.
struct LinkHolder {
  std::string name;
  std::string email;
};
core::Result<LinkHolder> password_link_holder(Services& s, const std::string& token);
// Sets the link holder's password. Field errors: password, password_confirm.
core::Status use_password_link(Services& s, const std::string& token, const std::string& password,
                               const std::string& confirm);

// The signed-in person changes their own password; `session_token` is their
// session's (kept: their other sessions end). Field errors: current_password,
// password, password_confirm.
core::Status change_password(Services& s, const Actor& a, const std::string& session_token,
                             const std::string& current, const std::string& password,
                             const std::string& confirm);

}  // namespace casepanel::app
