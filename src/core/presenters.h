// Who presents a hearing (issue 12 section 1). A panel names the role that
// presents (hearing.presented_by: the case's social worker) and, for some
// panels, who presents instead when that person cannot attend
// (hearing.presenter_if_absent). Support Panel 6: "If the social worker
// cannot attend Panel, their supervisor (either PS or TM) will need to attend
// and present".
//
// A role becomes a person through the case: the social worker is the
// request's author (the allocated worker), the practice manager the manager
// of the request's team. Other roles have no person on the case, so nobody
// is named for them.
//
// Pure: values in, values out; safe from any thread.
#pragma once

#include <cstdint>
#include <optional>

#include "core/role.h"
#include "core/sitting_status.h"

namespace casepanel::core {

// The people a case gives its roles.
struct CasePeople {
  std::int64_t social_worker = 0;                // the request's author
  std::optional<std::int64_t> practice_manager;  // the manager of the request's team
};
// The person on the case holding `role`, if the case gives that role one.
std::optional<std::int64_t> case_person(Role role, const CasePeople& people);

struct PresenterRule {
  Role presented_by = Role::social_worker;
  std::optional<Role> presenter_if_absent;
};

// The presenter of a hearing as recorded: who (none until named: the
// configured presenter) and how they attend.
struct Presenter {
  std::optional<std::int64_t> person;
  Attendance attendance = Attendance::expected;
};

// Who presents now. The recorded person, or the one the panel's rule names;
// when that person is away (apologies or absent) and the panel names who
// presents instead, that person presents, expected again. A presenter who is
// already the stand-in stays, whatever their attendance: there is nobody
// further to turn to.
Presenter who_presents(const PresenterRule& rule, const CasePeople& people,
                       const Presenter& recorded);

}  // namespace casepanel::core
