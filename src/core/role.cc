// The generic roles: one table of ids and titles, in kAllRoles order.
#include "core/role.h"

#include <cstddef>

namespace casepanel::core {

namespace {

struct RoleNames {
  Role role;
  std::string_view id;
  std::string_view title;
};

// DESIGN.md "People and what they do": the generic roles, in kAllRoles order.
constexpr RoleNames kRoleNames[] = {
    {Role::social_worker, "social_worker", "Social worker"},
    {Role::practice_manager, "practice_manager", "Practice manager"},
    {Role::group_manager, "group_manager", "Group manager"},
    {Role::coordinator, "coordinator", "Coordinator"},
    {Role::panel_admin, "panel_admin", "Panel administrator"},
    {Role::chair, "chair", "Chair"},
    {Role::member, "member", "Panel member"},
    {Role::assistant_director, "assistant_director", "Assistant director"},
    {Role::auditor, "auditor", "Auditor"},
    {Role::admin, "admin", "System administrator"},
};

const RoleNames& names_of(Role r) {
  for (const RoleNames& names : kRoleNames) {
    if (names.role == r) {
      return names;
    }
  }
  return kRoleNames[static_cast<std::size_t>(Role::member)];  // unreachable: every Role is listed
}

}  // namespace

std::string_view role_id(Role r) { return names_of(r).id; }

std::optional<Role> role_from_id(std::string_view id) {
  for (const RoleNames& names : kRoleNames) {
    if (names.id == id) {
      return names.role;
    }
  }
  return std::nullopt;
}

std::string_view role_title(Role r) { return names_of(r).title; }
}  // namespace casepanel::core
