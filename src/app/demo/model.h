// The demo council in memory, as it is written: teams and their staff, the
// fixed logins, children with their sibling groups, sittings with the
// minutes booked on them, and the plan of a request (its state decides
// which approvals it has been through). Plain values owned by the Builder
// (app/demo/builder.h); indices refer into the Builder's lists.
#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/calendar.h"
#include "core/panel_type.h"
#include "core/request.h"

namespace casepanel::app::demo {

struct Team {
  std::int64_t id = 0;
  std::string name{};
  std::string kind{};
  std::size_t locality = 0;
  std::int64_t manager = 0;             // the practice manager
  std::vector<std::int64_t> workers{};  // social workers
};

struct Council {
  std::string password_hash{};
  std::map<core::Role, std::int64_t> login{};  // ROLE@demo.casepanel.test
  std::vector<std::int64_t> group_managers{};  // one per locality
  std::vector<Team> teams{};
  std::vector<std::int64_t> chairs{};             // chair@ first
  std::map<std::string, std::int64_t> members{};  // panel members by job title
  std::set<std::string> emails{};
};

// Whether a team's name carries its number within the locality ("North
// Assessment Team 3"): the large council has several of each kind.
enum class TeamNumbers { hidden, shown };

struct Layout {
  int localities = 0;
  int teams_per_locality = 0;
  int workers_per_team = 0;
  TeamNumbers team_numbers = TeamNumbers::hidden;
};
inline constexpr Layout kStandardLayout{
    .localities = 3, .teams_per_locality = 2, .workers_per_team = 3};
inline constexpr Layout kLargeLayout{.localities = 10,
                                     .teams_per_locality = 10,
                                     .workers_per_team = 5,
                                     .team_numbers = TeamNumbers::shown};

struct Child {
  std::int64_t id = 0;
  std::string first_name{};
  std::string last_name{};
  std::string gender{};
  std::string ethnicity{};
  std::string disability{};
  std::string legal_status{};
  core::Date date_of_birth{};
  core::Date case_opened{};
  std::optional<core::Date> came_into_care{};
  std::optional<core::Date> cp_plan_start{};
  std::size_t team = 0;
  std::int64_t worker = 0;
  int sibling_group = -1;  // index into the groups
};

struct Sitting {
  std::int64_t id = 0;
  const core::PanelType* panel = nullptr;
  core::Date date{};
  core::Instant starts{};
  core::Instant ends{};
  std::string venue{};
  bool on_bank_holiday = false;
  std::optional<core::Date> proposed_date{};  // on a bank holiday: the next working day
  int booked = 0;                             // minutes of hearings
  std::int64_t chair = 0;                     // set once the sitting is written
  int capacity() const {
    return static_cast<int>(
        std::chrono::duration_cast<std::chrono::minutes>(ends - starts).count());
  }
};

// A draft sent back by the approver of its step, or not.
enum class Returned { no, yes };

// What a request looks like when written: its state decides which approvals
// it has been through (the panel's approval_steps, in order).
struct RequestPlan {
  const core::PanelType* panel = nullptr;
  std::vector<std::size_t> children{};  // indices into the children
  core::RequestState state = core::RequestState::draft;
  std::string request_type{};
  int step = 0;  // awaiting_approval: the step reached; a returned draft: the step
  Returned returned = Returned::no;
  core::Date created{};
  std::optional<core::Instant> until{};  // the last event happens before this (default: now)
  std::optional<core::Date> statutory_due{};
};

// Legal statuses under which a child is looked after.
bool in_care(const std::string& legal_status);
core::Date plus_days(core::Date d, int n);
int days_from(core::Date a, core::Date b);  // b - a in days

}  // namespace casepanel::app::demo
