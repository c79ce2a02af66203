// Role holders: who holds a role among the people who can sign in (active
// users), for choosing approvers, the 3-way discussion's managers, an
// authoriser, and whom to tell when a request moves on.
//
// Every function takes the caller's open transaction; none commits.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/panel_type.h"
#include "store/database.h"

namespace casepanel::store {

// A person to name or to write to.
struct PersonContact {
  std::int64_t id = 0;
  std::string name;
  std::string email;
};
using RoleHolder = PersonContact;
// Active holders of the role, by name.
std::vector<RoleHolder> role_holders(Tx& tx, core::Role role);
// Whether the user is active and holds the role (false for id 0).
bool holds_role(Tx& tx, std::int64_t user_id, core::Role role);
// The user's name; "" when there is no such user.
std::string user_name(Tx& tx, std::int64_t user_id);

}  // namespace casepanel::store
