#include "app/members.h"

#include <algorithm>
#include <set>

#include "app/audit_trail.h"
#include "app/child_names.h"
#include "app/display.h"
#include "app/notifications.h"
#include "app/scope.h"
#include "core/sittings.h"

namespace casepanel::app {
namespace {

using store::Tx;

// Line management deeper than this is a loop: the worker and 19 managers.
constexpr int kLongestChain = 19;

std::string label_of(const core::PanelType& panel, core::Role role) {
  for (const core::Member& m : panel.members) {
    if (m.role == role) {
      return m.label;
    }
  }
  return std::string(core::role_id(role));
}

// Until attendance is taken: the active people holding the panel's member
// roles, all expected, in the order of its [[members]].
std::vector<SittingMember> configured_members(Tx& tx, const core::PanelType& panel) {
  std::vector<SittingMember> out;
  std::set<std::int64_t> seen;
  std::set<core::Role> roles_done;
  for (const core::Member& m : panel.members) {
    if (!roles_done.insert(m.role).second) {
      continue;  // the CLAM Panel lists two Group Manager representatives
    }
    for (const store::PersonContact& p : store::role_holders(tx, m.role)) {
      if (seen.insert(p.id).second) {
        out.push_back({p.id, p.name, m.role, m.label, core::Attendance::expected});
      }
    }
  }
  return out;
}

core::Result<std::map<std::int64_t, core::Attendance>> parse_attendance(
    const std::map<std::int64_t, std::string>& given) {
  std::map<std::int64_t, core::Attendance> out;
  for (const auto& [user, value] : given) {
    auto a = core::attendance_from_id(value);
    if (!a) {
      return core::Error::invalid("attendance_" + std::to_string(user),
                                  "Select present, sent apologies, absent or expected");
    }
    out[user] = *a;
  }
  return out;
}

// Those who run the sitting's panel (core/access.h), and nobody else.
core::Result<store::SittingRecord> attendance_sitting(Tx& tx, const Services& s, const Actor& a,
                                                      std::int64_t sitting_id) {
  auto m = store::find_sitting(tx, sitting_id);
  if (!m || !(may_sitting(tx, s, a, sitting_id, m->panel_id, core::Resource::sitting,
                          core::Use::change) ||
              may_sitting(tx, s, a, sitting_id, m->panel_id, core::Resource::decision,
                          core::Use::change))) {
    return core::Error::not_found();
  }
  if (m->status == core::SittingStatus::cancelled) {
    return core::Error::conflict("This sitting is cancelled");
  }
  return *m;
}

core::Status check_known(const std::vector<SittingMember>& members,
                         const std::map<std::int64_t, core::Attendance>& given) {
  for (const auto& entry : given) {
    // Not a structured binding: clang 14 (the fuzz build) cannot capture one.
    const std::int64_t user = entry.first;
    const bool known = std::any_of(members.begin(), members.end(),
                                   [&](const SittingMember& m) { return m.user_id == user; });
    if (!known) {
      return core::Error::invalid("attendance_" + std::to_string(user),
                                  "Select a member of this sitting");
    }
  }
  return core::Done{};
}

// Whether the chair is the worker or one of the worker's line managers.
bool chair_in_line(Tx& tx, std::int64_t chair_id, std::int64_t worker_id) {
  const LineChains chains = line_management_of(tx, {worker_id});
  const auto chain = chains.find(worker_id);
  return core::in_line_management(
      chair_id, worker_id, chain == chains.end() ? std::vector<std::int64_t>{} : chain->second);
}

}  // namespace

std::vector<SittingMember> sitting_members(Tx& tx, const Services& s,
                                           const store::SittingRecord& sitting) {
  const core::PanelType* panel = s.panels.find(sitting.panel_id);
  if (panel == nullptr) {
    return {};
  }
  std::vector<SittingMember> out;
  for (const store::SittingMemberRecord& r : store::listed_sitting_members(tx, sitting.id)) {
    out.push_back({r.person.id, r.person.name, r.role, label_of(*panel, r.role), r.attendance});
  }
  return out.empty() ? configured_members(tx, *panel) : out;
}

Quorum quorum_of(const core::PanelType& panel, const std::vector<SittingMember>& members) {
  using core::Attendance;
  Quorum q;
  q.needed = panel.quorum;
  for (const SittingMember& m : members) {
    q.recorded = q.recorded || m.attendance != Attendance::expected;
    q.present += m.attendance == Attendance::present ? 1 : 0;
    q.expected +=
        m.attendance == Attendance::present || m.attendance == Attendance::expected ? 1 : 0;
  }
  const int counted = q.recorded ? q.present : q.expected;
  q.met = counted >= q.needed;
  const std::string members_word = counted == 1 ? " member " : " members ";
  const std::string how = q.recorded ? "present" : "expected";
  if (q.needed == 0) {
    q.summary = std::to_string(counted) + members_word + how;
  } else {
    q.summary = "Quorum of " + std::to_string(q.needed) + ": " + std::to_string(counted) +
                members_word + how + (q.met ? "" : ". Not quorate");
  }
  return q;
}

core::Status record_attendance(Services& s, const Actor& a, std::int64_t sitting_id,
                               const std::map<std::int64_t, std::string>& attendance) {
  if (!a.has(core::Role::coordinator) && !a.has(core::Role::panel_admin)) {
    return core::Error::forbidden("Only the coordinator or panel administrator takes attendance");
  }
  const auto given = TRY(parse_attendance(attendance));
  return s.db.write<core::Done>([&](Tx& tx) -> core::Status {
    const store::SittingRecord sitting = TRY(attendance_sitting(tx, s, a, sitting_id));
    const std::vector<SittingMember> members = sitting_members(tx, s, sitting);
    TRY(check_known(members, given));
    nlohmann::json changes = nlohmann::json::object();
    for (const SittingMember& member : members) {
      auto it = given.find(member.user_id);
      const core::Attendance value = it == given.end() ? member.attendance : it->second;
      store::set_sitting_member(tx, sitting_id,
                                {{member.user_id, member.name, ""}, member.role, value});
      if (value != member.attendance) {
        changes[std::to_string(member.user_id)] = core::attendance_id(value);
      }
    }
    audit(tx, s, a, "sitting.attendance", "sitting", sitting_id, {{"changes", changes}});
    return core::Done{};
  });
}

LineChains line_management_of(Tx& tx, const std::vector<std::int64_t>& worker_ids) {
  return store::line_chains(tx, worker_ids, kLongestChain);
}

std::string chair_conflict(const store::HearingPeople& people, const LineChains& chains) {
  if (!people.chair) {
    return "";
  }
  const auto chain = chains.find(people.author.id);
  if (!core::in_line_management(
          people.chair->id, people.author.id,
          chain == chains.end() ? std::vector<std::int64_t>{} : chain->second)) {
    return "";
  }
  // Support Panel 4.1: the chair is independent of the line management of the case.
  return people.chair->name + " is in the line management of " + people.author.name +
         ", the case's social worker: name another chair for this hearing";
}

std::string chair_conflict(Tx& tx, const Services& s, std::int64_t hearing_id) {
  auto hearing = store::find_hearing(tx, hearing_id);
  auto sitting = hearing ? store::find_sitting(tx, hearing->sitting_id) : std::nullopt;
  const core::PanelType* panel = sitting ? s.panels.find(sitting->panel_id) : nullptr;
  if (panel == nullptr || !panel->chair.independent_of_line_management) {
    return "";
  }
  auto people = store::hearing_people(tx, hearing_id);
  if (!people) {
    return "";
  }
  return chair_conflict(*people, line_management_of(tx, {people->author.id}));
}

core::Status name_hearing_chair(Services& s, const Actor& a, std::int64_t hearing_id,
                                std::int64_t chair_id) {
  if (!a.may(core::Permission::manage_sittings)) {
    return core::Error::forbidden("Only the coordinator names a hearing's chair");
  }
  return s.db.write<core::Done>([&](Tx& tx) -> core::Status {
    auto hearing = store::find_hearing(tx, hearing_id);
    auto sitting = hearing ? store::find_sitting(tx, hearing->sitting_id) : std::nullopt;
    if (!sitting || !may_sitting(tx, s, a, sitting->id, sitting->panel_id, core::Resource::sitting,
                                 core::Use::change)) {
      return core::Error::not_found();
    }
    const core::PanelType* panel = s.panels.find(sitting->panel_id);
    if (panel == nullptr) {
      return core::Error::conflict("This hearing's panel is no longer configured");
    }
    const auto chairs = chairs_of(tx, *panel);
    if (std::none_of(chairs.begin(), chairs.end(),
                     [&](const NamedId& c) { return c.id == chair_id; })) {
      return core::Error::invalid("chair_id", "Select someone who chairs this panel");
    }
    const auto people = store::hearing_people(tx, hearing_id);
    if (panel->chair.independent_of_line_management && people &&
        chair_in_line(tx, chair_id, people->author.id)) {
      return core::Error::invalid("chair_id",
                                  "Select a chair outside the line management of the case");
    }
    store::set_hearing_chair(tx, hearing_id, chair_id);
    audit(tx, s, a, "hearing.chair", "hearing", hearing_id, {{"chair", chair_id}});
    return core::Done{};
  });
}

std::vector<NamedId> chairs_of(Tx& tx, const core::PanelType& panel) {
  std::vector<NamedId> out;
  for (const store::PersonContact& p : store::role_holders(tx, panel.chair.role)) {
    out.push_back({p.id, p.name});
  }
  return out;
}

}  // namespace casepanel::app
