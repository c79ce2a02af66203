// deadline.late_acceptance_by (docs/panel-configuration.md): only a holder of
// the role the panel names may accept a late request; with none named,
// nobody may.
#include <gtest/gtest.h>

#include "core/access.h"
#include "core/panel_type.h"

namespace casepanel::core {
namespace {

struct Case {
  std::optional<Role> named;
  Roles holds;
  bool may;
  const char* why;
};

const Case kCases[] = {
    {.named = Role::coordinator,
     .holds = {Role::coordinator},
     .may = true,
     .why = "Support Panel: the Administrator (coordinator) accepts late requests"},
    {.named = Role::coordinator,
     .holds = {Role::social_worker, Role::practice_manager},
     .may = false,
     .why = "holding other roles is not enough"},
    {.named = Role::group_manager,
     .holds = {Role::coordinator},
     .may = false,
     .why = "a panel naming the Service Manager: the coordinator may not"},
    {.named = Role::group_manager,
     .holds = {Role::group_manager, Role::coordinator},
     .may = true,
     .why = "one of the person's roles is the one named"},
    {.named = std::nullopt,
     .holds = {Role::coordinator, Role::admin},
     .may = false,
     .why = "no role named: nobody may, the request goes to the next sitting"},
};

TEST(LateAcceptance, OnlyTheRoleNamedMayAcceptALateRequest) {
  for (const Case& c : kCases) {
    SubmissionDeadline d;
    d.kind = DeadlineKind::weekday_before_sitting;
    d.late_acceptance_by = c.named;
    EXPECT_EQ(d.may_accept_late(c.holds), c.may) << c.why;
  }
}

}  // namespace
}  // namespace casepanel::core
