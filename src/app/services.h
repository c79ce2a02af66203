// What every use case is handed: the database, the clock, the calendar and
// the configured panel types, plus who is acting. Use cases are free
// functions `f(Services&, const Actor&, input...) -> Result<...>`, one per
// user intention; each runs in one transaction, checks permission, applies the
// rules of core/, writes, audits and queues notifications.
//
// Services holds references only: the objects must outlive every call.
// All members are safe to use from several threads at once.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/access.h"
#include "core/calendar.h"
#include "core/clock.h"
#include "core/panel_type.h"
#include "core/password_policy.h"
#include "store/database.h"

namespace casepanel::app {

class ActorCache;

class PanelCatalogue {
 public:
  explicit PanelCatalogue(std::vector<core::PanelType> panels) : panels_(std::move(panels)) {}
  const core::PanelType* find(std::string_view id) const;
  const std::vector<core::PanelType>& all() const { return panels_; }

 private:
  std::vector<core::PanelType> panels_;
};

// What the people use cases need beyond the database (app/people.h): the
// common-password list loaded at start-up (none: setting a password is
// refused, so that a server never runs with a weaker policy), and the
// address of the site for links in email ("https://panel.council.gov.uk";
// "" gives links relative to the site).
struct PeopleSettings {
  const core::CommonPasswords* common_passwords = nullptr;
  std::string site_url;
};

struct Services {
  store::Database& db;
  const core::Clock& clock;
  const core::Calendar& calendar;
  const PanelCatalogue& panels;
  // Where uploaded papers are kept (outside the web root, under generated
  // names), and the largest file accepted.
  std::filesystem::path uploads_dir = "var/uploads";
  std::size_t max_upload_bytes = 20 * 1024 * 1024;
  PeopleSettings people = {};
  // The people requests act for, kept in memory at the content version they
  // were read at (app/actor_cache.h); none: every request reads its person.
  ActorCache* actors = nullptr;
};

// The signed-in person (or API client acting for them).
struct Actor {
  std::int64_t id = 0;
  std::string name;
  std::string email;
  core::Roles roles;
  std::optional<std::int64_t> team_id;
  // Where the request came from (the client's IP address as the server saw
  // it), for the audit log; empty for commands and jobs.
  std::string client_address;

  bool has(core::Role r) const { return roles.count(r) > 0; }
  bool may(core::Permission p) const { return core::may(roles, p); }
  // The role shown in the audit log: the first the person holds.
  std::string main_role() const;
};

}  // namespace casepanel::app
