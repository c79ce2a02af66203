// Access policy: which roles may do what, and whose children they may see.
// Default deny: a permission not granted here is refused. The web layer asks
// before routing to a handler; app/ asks again with the record in hand
// (per-record checks), so a forged URL meets the same rule as a link.
#pragma once

#include <set>

#include "core/panel_type.h"

namespace casepanel::core {

enum class Permission {
  view_children,    // open children's records (within scope, below)
  draft_request,    // start and edit requests
  approve_request,  // act on an approval step whose role they hold
  triage,           // the coordinator's queue and scheduling
  view_sittings,    // sittings and their agendas
  record_decision,  // record decisions and actions at a hearing
  view_audit,       // read the audit log
  administer,       // users, teams, configuration
};

using Roles = std::set<Role>;

bool may(const Roles& roles, Permission p);

// Whose children a person may see: their teams' (through line management),
// every child (panel roles and oversight), or none (system administration).
enum class ChildScope { none, teams, all };
ChildScope child_scope(const Roles& roles);

}  // namespace casepanel::core
