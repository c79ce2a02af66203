#include "core/access.h"

namespace casepanel::core {
namespace {

bool role_may(Role r, Permission p) {
  switch (p) {
    case Permission::view_children:
      return r != Role::admin;
    case Permission::draft_request:
      return r == Role::social_worker || r == Role::practice_manager || r == Role::group_manager;
    case Permission::approve_request:
      return r == Role::practice_manager || r == Role::group_manager;
    case Permission::triage:
      return r == Role::coordinator || r == Role::admin;
    case Permission::view_sittings:
      return r == Role::coordinator || r == Role::panel_admin || r == Role::chair ||
             r == Role::member || r == Role::assistant_director || r == Role::auditor ||
             r == Role::admin;
    case Permission::record_decision:
      return r == Role::panel_admin;
    case Permission::view_audit:
      return r == Role::auditor || r == Role::admin;
    case Permission::administer:
      return r == Role::admin;
  }
  return false;
}

}  // namespace

bool may(const Roles& roles, Permission p) {
  for (Role r : roles) {
    if (role_may(r, p)) {
      return true;
    }
  }
  return false;
}

ChildScope child_scope(const Roles& roles) {
  ChildScope scope = ChildScope::none;
  for (Role r : roles) {
    switch (r) {
      case Role::coordinator:
      case Role::panel_admin:
      case Role::chair:
      case Role::member:
      case Role::assistant_director:
      case Role::auditor:
        return ChildScope::all;
      case Role::social_worker:
      case Role::practice_manager:
      case Role::group_manager:
        scope = ChildScope::teams;
        break;
      case Role::admin:
        break;
    }
  }
  return scope;
}

}  // namespace casepanel::core
