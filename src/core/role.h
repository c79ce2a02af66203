// Role: the generic roles of DESIGN.md ("People and what they do"), their ids
// as written in panel files, the database and the access policy, and their
// generic titles. A panel gives roles its own titles (PanelType::title_of).
//
// Plain values and constant tables: safe to use from any thread.
#pragma once

#include <optional>
#include <string_view>

namespace casepanel::core {

enum class Role {
  social_worker,
  practice_manager,
  group_manager,
  coordinator,
  panel_admin,
  chair,
  member,
  assistant_director,
  auditor,
  admin,
};
inline constexpr Role kAllRoles[] = {Role::social_worker, Role::practice_manager,
                                     Role::group_manager, Role::coordinator,
                                     Role::panel_admin,   Role::chair,
                                     Role::member,        Role::assistant_director,
                                     Role::auditor,       Role::admin};
std::string_view role_id(Role r);                       // "practice_manager"
std::optional<Role> role_from_id(std::string_view id);  // nullopt if unknown
std::string_view role_title(Role r);                    // generic title, "Practice manager"

}  // namespace casepanel::core
