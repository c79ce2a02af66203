#include "app/people.h"

#include <algorithm>
#include <stdexcept>

#include "app/audit_trail.h"
#include "app/auth.h"
#include "app/notifications.h"
#include "core/password_policy.h"
#include "store/crypto.h"
#include "store/sessions.h"

namespace casepanel::app {
namespace {

using store::Active;
using store::PersonRecord;
using store::Tx;

constexpr std::size_t kMaxTextLength = 200;
constexpr std::size_t kMaxEmailLength = 254;  // RFC 5321's limit on a path

core::Status administrators_only(const Actor& a) {
  if (!a.may(core::Permission::administer)) {
    return core::Error::forbidden("Only administrators manage people");
  }
  return core::ok_status();
}

std::string trimmed(const std::string& text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) {
    return "";
  }
  return text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
}

// One "@", something before it, a dot inside the part after it, and no
// spaces or control characters: the GOV.UK check, not RFC 5322's grammar.
bool email_shape_ok(const std::string& email) {
  const auto at = email.find('@');
  if (at == std::string::npos || at == 0 || email.find('@', at + 1) != std::string::npos) {
    return false;
  }
  const std::string domain = email.substr(at + 1);
  const auto dot = domain.find('.');
  if (dot == std::string::npos || dot == 0 || dot + 1 == domain.size()) {
    return false;
  }
  return std::none_of(email.begin(), email.end(),
                      [](char c) { return static_cast<unsigned char>(c) <= ' ' || c == 0x7f; });
}

// Addresses made before this check (or by other tools) stay as they are
// when the rest of a person's details are edited.
bool unchanged_email(Tx& tx, std::optional<std::int64_t> person_id, const std::string& email) {
  if (!person_id) {
    return false;
  }
  auto p = store::find_person(tx, *person_id);
  return p && core::ascii_lower(p->email) == email;
}

nlohmann::json person_json(const PersonRecord& p) {
  nlohmann::json roles = nlohmann::json::array();
  for (core::Role r : p.roles) {
    roles.push_back(std::string(core::role_id(r)));
  }
  return {{"name", p.name},
          {"email", p.email},
          {"job_title", p.job_title},
          {"roles", roles},
          {"team_id", p.team_id ? nlohmann::json(*p.team_id) : nlohmann::json(nullptr)},
          {"line_manager_id",
           p.line_manager_id ? nlohmann::json(*p.line_manager_id) : nlohmann::json(nullptr)},
          {"active", p.active == Active::yes}};
}

PersonRecord as_record(std::int64_t id, const store::PersonDetails& d, Active active) {
  PersonRecord p;
  p.id = id;
  p.name = d.name;
  p.email = d.email;
  p.job_title = d.job_title;
  p.roles = d.roles;
  p.team_id = d.team_id;
  p.line_manager_id = d.line_manager_id;
  p.active = active;
  return p;
}

void check_line_manager(Tx& tx, std::optional<std::int64_t> person_id,
                        std::optional<std::int64_t> manager_id,
                        std::vector<core::FieldError>& errors) {
  if (!manager_id) {
    return;
  }
  if (person_id && *manager_id == *person_id) {
    errors.push_back({"line_manager", "A person cannot be their own line manager"});
    return;
  }
  auto manager = store::find_person(tx, *manager_id);
  if (!manager || manager->active == Active::no) {
    errors.push_back({"line_manager", "Select an active person as line manager"});
    return;
  }
  if (!person_id) {
    return;  // a new person manages nobody yet
  }
  const auto above = store::managers_above(tx, *manager_id);
  if (std::find(above.begin(), above.end(), *person_id) != above.end()) {
    errors.push_back({"line_manager", manager->name + " is managed by this person, so cannot be " +
                                          "their line manager"});
  }
}

// The details as the forms' rules allow them, or every problem at once.
core::Result<store::PersonDetails> validated(Tx& tx, const Actor& a,
                                             std::optional<std::int64_t> person_id,
                                             const PersonInput& in) {
  std::vector<core::FieldError> errors;
  store::PersonDetails d;
  d.name = trimmed(in.name);
  d.email = core::ascii_lower(trimmed(in.email));
  d.job_title = trimmed(in.job_title);
  d.team_id = in.team_id;
  d.line_manager_id = in.line_manager_id;
  if (d.name.empty()) {
    errors.push_back({"name", "Enter the person's full name"});
  } else if (d.name.size() > kMaxTextLength) {
    errors.push_back({"name", "Full name must be 200 characters or fewer"});
  }
  if (d.email.empty()) {
    errors.push_back({"email", "Enter an email address"});
  } else if (d.email.size() > kMaxEmailLength ||
             (!email_shape_ok(d.email) && !unchanged_email(tx, person_id, d.email))) {
    errors.push_back({"email",
                      "Enter an email address in the correct format, like "
                      "name@example.com"});
  } else if (auto other = store::find_person_by_email(tx, d.email);
             other && other->id != person_id.value_or(0)) {
    errors.push_back({"email", "A person with this email address already exists"});
  }
  if (d.job_title.size() > kMaxTextLength) {
    errors.push_back({"job_title", "Job title must be 200 characters or fewer"});
  }
  for (const std::string& id : in.roles) {
    if (auto role = core::role_from_id(id)) {
      d.roles.insert(*role);
    } else {
      errors.push_back({"roles", "Select roles from the list"});
      break;
    }
  }
  if (in.roles.empty()) {
    errors.push_back({"roles", "Select at least one role"});
  }
  if (person_id && *person_id == a.id && !d.roles.count(core::Role::admin)) {
    errors.push_back({"roles", "You cannot remove your own administrator role"});
  }
  if (d.team_id && !store::team_exists(tx, *d.team_id)) {
    errors.push_back({"team", "Select a team from the list"});
  }
  check_line_manager(tx, person_id, d.line_manager_id, errors);
  if (!errors.empty()) {
    return core::Error::invalid_fields(std::move(errors));
  }
  return d;
}

core::Result<PersonRecord> load_person(Tx& tx, std::int64_t id) {
  auto p = store::find_person(tx, id);
  if (!p) {
    return core::Error::not_found();
  }
  return *p;
}

const core::CommonPasswords& common_passwords(const Services& s) {
  if (s.people.common_passwords == nullptr) {
    // A server always loads the list at start-up (cli/server_command.cc);
    // refusing beats accepting a password from the list.
    throw std::logic_error("the common-password list is not loaded");
  }
  return *s.people.common_passwords;
}

// The new password as the policy and the confirmation field allow it.
core::Status acceptable(const Services& s, const std::string& password, const std::string& confirm,
                        const core::PersonFacts& person) {
  if (auto problem = core::password_problem(password, person, common_passwords(s))) {
    return core::Error::invalid("password", *problem);
  }
  if (password != confirm) {
    return core::Error::invalid("password_confirm", "Enter the same password in both fields");
  }
  return core::ok_status();
}

// The link for a token, if it may still be used, or why not.
core::Result<store::PasswordLinkRecord> usable_link(Tx& tx, const Services& s,
                                                    const std::string& token) {
  const auto invalid = core::Error::conflict(
      "This link is not valid. Check you copied the whole link from the email, or ask your "
      "administrator for a new one");
  if (token.size() != 64) {
    return invalid;
  }
  auto link = store::find_password_link(tx, store::sha256_hex(token));
  if (!link) {
    return invalid;
  }
  if (link->used_at) {
    return core::Error::conflict(
        "This link has already been used. Sign in with your password, or ask your administrator "
        "for a new link");
  }
  if (link->voided_at) {
    return core::Error::conflict(
        "This link has been replaced by a newer one. Use the link in the most recent email");
  }
  if (now_utc(s) >= link->expires_at) {
    return core::Error::conflict(
        "This link has expired. Links work for 24 hours. Ask your administrator for a new one");
  }
  auto person = store::find_person(tx, link->user_id);
  if (!person || person->active == Active::no) {
    return core::Error::conflict("Your account is disabled. Ask your administrator");
  }
  return *link;
}

}  // namespace

core::Result<PeopleList> list_people(Services& s, const Actor& a, const std::string& search,
                                     int page) {
  TRY(administrators_only(a));
  PeopleList out;
  out.page = std::max(1, page);
  s.db.read_all([&](Tx& tx) {
    auto found =
        store::list_people(tx, trimmed(search), kPeoplePageSize, (out.page - 1) * kPeoplePageSize);
    out.people = std::move(found.people);
    out.total = found.total;
  });
  out.pages =
      std::max<int>(1, static_cast<int>((out.total + kPeoplePageSize - 1) / kPeoplePageSize));
  return out;
}

core::Result<PersonChoices> person_choices(Services& s, const Actor& a) {
  TRY(administrators_only(a));
  PersonChoices out;
  s.db.read_all([&](Tx& tx) {
    out.teams = store::list_teams(tx);
    out.managers = store::active_people(tx);
  });
  return out;
}

core::Result<PersonRecord> person(Services& s, const Actor& a, std::int64_t id) {
  TRY(administrators_only(a));
  return s.db.read<PersonRecord>([&](Tx& tx) { return load_person(tx, id); });
}

core::Result<std::int64_t> add_person(Services& s, const Actor& a, const PersonInput& input) {
  TRY(administrators_only(a));
  return s.db.write<std::int64_t>([&](Tx& tx) -> core::Result<std::int64_t> {
    const auto details = TRY(validated(tx, a, std::nullopt, input));
    const std::int64_t id = store::insert_person(tx, details, now_utc(s));
    audit(tx, s, a, "person.add", "user", id,
          {{"new", person_json(as_record(id, details, Active::yes))}});
    return id;
  });
}

core::Status edit_person(Services& s, const Actor& a, std::int64_t id, const PersonInput& input) {
  TRY(administrators_only(a));
  return s.db.write<core::Done>([&](Tx& tx) -> core::Status {
    const auto before = TRY(load_person(tx, id));
    const auto details = TRY(validated(tx, a, id, input));
    store::update_person(tx, id, details);
    audit(tx, s, a, "person.edit", "user", id,
          {{"old", person_json(before)},
           {"new", person_json(as_record(id, details, before.active))}});
    return core::Done{};
  });
}

core::Status disable_person(Services& s, const Actor& a, std::int64_t id) {
  TRY(administrators_only(a));
  if (id == a.id) {
    return core::Error::conflict("You cannot disable your own account");
  }
  return s.db.write<core::Done>([&](Tx& tx) -> core::Status {
    const auto before = TRY(load_person(tx, id));
    if (before.active == Active::no) {
      return core::Error::conflict(before.name + "'s account is already disabled");
    }
    store::set_active(tx, id, Active::no, now_utc(s));
    const std::int64_t ended = store::end_sessions(tx, id);
    audit(tx, s, a, "person.disable", "user", id,
          {{"old", {{"active", true}}}, {"new", {{"active", false}}}, {"sessions_ended", ended}});
    return core::Done{};
  });
}

core::Status enable_person(Services& s, const Actor& a, std::int64_t id) {
  TRY(administrators_only(a));
  return s.db.write<core::Done>([&](Tx& tx) -> core::Status {
    const auto before = TRY(load_person(tx, id));
    if (before.active == Active::yes) {
      return core::Error::conflict(before.name + "'s account is already enabled");
    }
    store::set_active(tx, id, Active::yes, now_utc(s));
    audit(tx, s, a, "person.enable", "user", id,
          {{"old", {{"active", false}}}, {"new", {{"active", true}}}});
    return core::Done{};
  });
}

core::Result<std::int64_t> end_person_sessions(Services& s, const Actor& a, std::int64_t id) {
  TRY(administrators_only(a));
  return s.db.write<std::int64_t>([&](Tx& tx) -> core::Result<std::int64_t> {
    TRY(load_person(tx, id));  // no such person: not found
    const std::int64_t ended = store::end_sessions(tx, id);
    audit(tx, s, a, "person.end_sessions", "user", id, {{"sessions_ended", ended}});
    return ended;
  });
}

core::Status send_password_link(Services& s, const Actor& a, std::int64_t id) {
  TRY(administrators_only(a));
  return s.db.write<core::Done>([&](Tx& tx) -> core::Status {
    const auto p = TRY(load_person(tx, id));
    if (p.active == Active::no) {
      return core::Error::conflict("Enable " + p.name + "'s account before sending a link");
    }
    const std::string token = store::random_token();
    const std::string expires = core::to_iso_utc(s.clock.now() + kPasswordLinkLifetime);
    const std::int64_t link_id =
        store::insert_password_link(tx, id, store::sha256_hex(token), now_utc(s), expires, a.id);
    queue_email(tx, s, id, "Set your casepanel password",
                "Hello " + p.name + ",\n\n" + "Set your password for casepanel here:\n\n" +
                    s.people.site_url + "/set-password/" + token + "\n\n" +
                    "The link works once, for 24 hours. If it has expired, ask your "
                    "administrator for a new one.\n\nIf you did not expect this email, tell "
                    "your administrator.\n");
    // The token is in the email only: the audit log must not let anyone use it.
    audit(tx, s, a, "password_link.send", "user", id,
          {{"link_id", link_id}, {"expires_at", expires}});
    return core::Done{};
  });
}

core::Result<LinkHolder> password_link_holder(Services& s, const std::string& token) {
  return s.db.read<LinkHolder>([&](Tx& tx) -> core::Result<LinkHolder> {
    const auto link = TRY(usable_link(tx, s, token));
    auto p = store::find_person(tx, link.user_id);
    return LinkHolder{p->name, p->email};
  });
}

core::Status use_password_link(Services& s, const std::string& token, const std::string& password,
                               const std::string& confirm) {
  const auto holder = TRY(password_link_holder(s, token));
  TRY(acceptable(s, password, confirm, {holder.name, holder.email}));
  const std::string hash = store::hash_password(password);
  return s.db.write<core::Done>([&](Tx& tx) -> core::Status {
    // Again inside the write: a second submission of the same link waited
    // for this transaction and now finds the link used.
    const auto link = TRY(usable_link(tx, s, token));
    store::set_password_hash(tx, link.user_id, hash, now_utc(s));
    store::mark_password_link_used(tx, link.id, now_utc(s));
    const std::int64_t ended = store::end_sessions(tx, link.user_id);
    Actor person;
    if (auto loaded = load_actor(tx, link.user_id)) {
      person = *loaded;
    }
    audit(tx, s, person, "password.set_by_link", "user", link.user_id,
          {{"link_id", link.id}, {"sessions_ended", ended}});
    return core::Done{};
  });
}

core::Status change_password(Services& s, const Actor& a, const std::string& session_token,
                             const std::string& current, const std::string& password,
                             const std::string& confirm) {
  std::string stored;
  s.db.read_all([&](Tx& tx) { stored = store::password_hash(tx, a.id); });
  if (!store::verify_password(current, stored)) {
    // Recorded in its own transaction: the refusal changes nothing else.
    s.db.write_all([&](Tx& tx) { audit(tx, s, a, "password.change_refused", "user", a.id); });
    return core::Error::invalid("current_password", "Your current password is incorrect");
  }
  TRY(acceptable(s, password, confirm, {a.name, a.email}));
  const std::string hash = store::hash_password(password);
  return s.db.write<core::Done>([&](Tx& tx) -> core::Status {
    if (store::password_hash(tx, a.id) != stored) {
      return core::Error::conflict("Your password was changed meanwhile. Try again");
    }
    store::set_password_hash(tx, a.id, hash, now_utc(s));
    const std::int64_t ended = store::end_sessions(tx, a.id, store::sha256_hex(session_token));
    audit(tx, s, a, "password.change", "user", a.id, {{"other_sessions_ended", ended}});
    return core::Done{};
  });
}

}  // namespace casepanel::app
