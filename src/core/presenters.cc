#include "core/presenters.h"

namespace casepanel::core {

std::optional<std::int64_t> case_person(Role role, const CasePeople& people) {
  switch (role) {
    case Role::social_worker:
      return people.social_worker;
    case Role::practice_manager:
      return people.practice_manager;
    default:
      return std::nullopt;
  }
}

Presenter who_presents(const PresenterRule& rule, const CasePeople& people,
                       const Presenter& recorded) {
  Presenter now = recorded;
  if (!now.person) {
    now.person = case_person(rule.presented_by, people);
  }
  if (!away(now.attendance) || !rule.presenter_if_absent) {
    return now;
  }
  const auto stand_in = case_person(*rule.presenter_if_absent, people);
  if (!stand_in || stand_in == now.person) {
    return now;
  }
  // Support Panel 6: the supervisor attends and presents instead.
  return {stand_in, Attendance::expected};
}

}  // namespace casepanel::core
