#include "app/members.h"

#include <algorithm>
#include <set>

#include "app/audit_trail.h"
#include "app/child_names.h"
#include "app/display.h"
#include "app/notifications.h"
#include "app/scope.h"
#include "core/counted.h"
#include "core/seat_quorum.h"
#include "core/sittings.h"
#include "store/seats.h"

namespace casepanel::app {
namespace {

using store::Tx;

// Line management deeper than this is a loop: the worker and 19 managers.
constexpr int kLongestChain = 19;

const core::Member* seat_of(const core::PanelType& panel, const std::string& seat_id) {
  for (const core::Member& m : panel.members) {
    if (!seat_id.empty() && m.id == seat_id) {
      return &m;
    }
  }
  return nullptr;
}

// A row stored before seats: labelled and counted as the first seat of its role.
const core::Member* seat_for_role(const core::PanelType& panel, core::Role role) {
  for (const core::Member& m : panel.members) {
    if (m.role == role) {
      return &m;
    }
  }
  return nullptr;
}

SittingMember member_in(const core::Member& seat, const store::PersonContact& p,
                        core::Attendance attendance = core::Attendance::expected) {
  return {p.id, p.name, seat.role, seat.label, attendance, seat.id, seat.counts_to_quorum};
}

// Support Panel 4.1: an as_relevant seat sits only when invited to one of
// the sitting's hearings.
std::set<std::string> invited_seats(Tx& tx, std::int64_t sitting_id) {
  std::set<std::string> out;
  for (const auto& entry : store::sitting_invitees(tx, sitting_id)) {
    out.insert(entry.second.begin(), entry.second.end());
  }
  return out;
}

std::vector<store::PersonContact> in_seat(const std::vector<store::SeatHolderRecord>& holders,
                                          const std::string& seat_id, store::SeatPart part) {
  std::vector<store::PersonContact> out;
  for (const store::SeatHolderRecord& h : holders) {
    if (h.seat_id == seat_id && h.part == part) {
      out.push_back(h.person);
    }
  }
  return out;
}

// Who a seat expects: its holders; its deputies when it has no holder; the
// active holders of its role who sit in no seat of the panel when nobody
// sits in it (as before seats).
std::vector<store::PersonContact> expected_in(
    Tx& tx, const core::Member& seat, const std::vector<store::SeatHolderRecord>& holders,
    std::map<core::Role, std::vector<store::PersonContact>>& by_role) {
  auto held = in_seat(holders, seat.id, store::SeatPart::holder);
  if (!held.empty()) {
    return held;
  }
  auto deputies = in_seat(holders, seat.id, store::SeatPart::deputy);
  if (!deputies.empty()) {
    return deputies;
  }
  auto it = by_role.find(seat.role);
  if (it == by_role.end()) {
    it = by_role.emplace(seat.role, store::role_holders(tx, seat.role)).first;
  }
  // Those who sit in another of the panel's seats are expected there only.
  std::vector<store::PersonContact> out;
  for (const store::PersonContact& p : it->second) {
    const bool seated =
        std::any_of(holders.begin(), holders.end(),
                    [&](const store::SeatHolderRecord& h) { return h.person.id == p.id; });
    if (!seated) {
      out.push_back(p);
    }
  }
  return out;
}

// Until attendance is taken: the people in each seat, all expected, in the
// order of the panel's [[members]]; a person in two seats sits in the first.
std::vector<SittingMember> configured_members(Tx& tx, const core::PanelType& panel,
                                              std::int64_t sitting_id) {
  const auto holders = store::seat_holders(tx, panel.id);
  const auto invited = invited_seats(tx, sitting_id);
  std::map<core::Role, std::vector<store::PersonContact>> by_role;
  std::vector<SittingMember> out;
  std::set<std::int64_t> seen;
  for (const core::Member& seat : panel.members) {
    if (seat.as_relevant && invited.count(seat.id) == 0) {
      continue;
    }
    for (const store::PersonContact& p : expected_in(tx, seat, holders, by_role)) {
      if (seen.insert(p.id).second) {
        out.push_back(member_in(seat, p));
      }
    }
  }
  return out;
}

std::size_t seat_order(const core::PanelType& panel, const std::string& seat_id) {
  for (std::size_t i = 0; i < panel.members.size(); ++i) {
    if (panel.members[i].id == seat_id) {
      return i;
    }
  }
  return panel.members.size();
}

std::vector<SittingMember> stored_members(Tx& tx, const core::PanelType& panel,
                                          std::int64_t sitting_id) {
  std::vector<SittingMember> out;
  for (const store::SittingMemberRecord& r : store::listed_sitting_members(tx, sitting_id)) {
    const core::Member* seat = seat_of(panel, r.seat_id);
    const core::Member* by_role = seat ? seat : seat_for_role(panel, r.role);
    out.push_back({r.person.id, r.person.name, r.role,
                   by_role ? by_role->label : std::string(core::role_id(r.role)), r.attendance,
                   seat ? seat->id : r.seat_id, by_role ? by_role->counts_to_quorum : true});
  }
  std::stable_sort(out.begin(), out.end(), [&](const SittingMember& x, const SittingMember& y) {
    return seat_order(panel, x.seat_id) < seat_order(panel, y.seat_id);
  });
  return out;
}

core::Result<std::map<std::int64_t, core::Attendance>> parse_attendance(
    const std::map<std::int64_t, std::string>& given) {
  std::map<std::int64_t, core::Attendance> out;
  for (const auto& [user, value] : given) {
    auto a = core::attendance_from_id(value);
    if (!a) {
      return core::Error::invalid(
          "attendance_" + std::to_string(user),
          "Select in person, by conference call, apologies, absent or expected");
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

// The deputies of seats whose members are away (apologies or absent) who
// are not yet members of the sitting: now expected.
std::vector<SittingMember> deputies_for(Tx& tx, const core::PanelType& panel,
                                        const std::vector<SittingMember>& members) {
  const auto holders = store::seat_holders(tx, panel.id);
  std::set<std::int64_t> seen;
  for (const SittingMember& m : members) {
    seen.insert(m.user_id);
  }
  std::vector<SittingMember> out;
  for (const SittingMember& m : members) {
    const core::Member* seat = seat_of(panel, m.seat_id);
    if (seat == nullptr || !core::away(m.attendance)) {
      continue;
    }
    for (const store::PersonContact& p : in_seat(holders, seat->id, store::SeatPart::deputy)) {
      if (seen.insert(p.id).second) {
        out.push_back(member_in(*seat, p));
      }
    }
  }
  return out;
}

// When the sitting's chair is away: the first other member of the chair's
// seat who is not.
std::optional<std::int64_t> stand_in_chair(const store::SittingRecord& sitting,
                                           const std::vector<SittingMember>& members) {
  if (!sitting.chair_id) {
    return std::nullopt;
  }
  const auto chair = std::find_if(members.begin(), members.end(), [&](const SittingMember& m) {
    return m.user_id == *sitting.chair_id;
  });
  if (chair == members.end() || !core::away(chair->attendance) || chair->seat_id.empty()) {
    return std::nullopt;
  }
  for (const SittingMember& m : members) {
    if (m.seat_id == chair->seat_id && m.user_id != chair->user_id && !core::away(m.attendance)) {
      return m.user_id;
    }
  }
  return std::nullopt;
}

void store_member(Tx& tx, std::int64_t sitting_id, const SittingMember& m) {
  store::set_sitting_member(tx, sitting_id,
                            {{m.user_id, m.name, ""}, m.role, m.attendance, m.seat_id});
}

// Stores every member with the attendance given; the changes, for the audit.
nlohmann::json store_attendance(Tx& tx, std::int64_t sitting_id,
                                std::vector<SittingMember>& members,
                                const std::map<std::int64_t, core::Attendance>& given) {
  nlohmann::json changes = nlohmann::json::object();
  for (SittingMember& member : members) {
    auto it = given.find(member.user_id);
    if (it != given.end() && it->second != member.attendance) {
      member.attendance = it->second;
      changes[std::to_string(member.user_id)] = core::attendance_id(member.attendance);
    }
    store_member(tx, sitting_id, member);
  }
  return changes;
}

}  // namespace

std::vector<SittingMember> sitting_members(Tx& tx, const Services& s,
                                           const store::SittingRecord& sitting) {
  const core::PanelType* panel = s.panels.find(sitting.panel_id);
  if (panel == nullptr) {
    return {};
  }
  auto stored = stored_members(tx, *panel, sitting.id);
  return stored.empty() ? configured_members(tx, *panel, sitting.id) : stored;
}

Quorum quorum_of(const core::PanelType& panel, const std::vector<SittingMember>& members) {
  std::vector<core::SeatPlace> places;
  for (const SittingMember& m : members) {
    places.push_back({m.seat_id, m.counts_to_quorum, m.attendance});
  }
  const core::SeatCount seats = core::count_seats(places);
  Quorum q;
  q.needed = panel.quorum;
  q.recorded = seats.recorded;
  q.present = seats.present;
  q.expected = seats.expected;
  const int counted = q.recorded ? q.present : q.expected;
  q.met = counted >= q.needed;
  const std::string seats_word = counted == 1 ? " seat " : " seats ";
  const std::string how = q.recorded ? "present" : "expected";
  if (q.needed == 0) {
    q.summary = std::to_string(counted) + seats_word + how;
  } else {
    q.summary = "Quorum of " + core::counted(q.needed, "seat", "seats") + ": " +
                std::to_string(counted) + seats_word + how + (q.met ? "" : ". Not quorate");
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
    std::vector<SittingMember> members = sitting_members(tx, s, sitting);
    TRY(check_known(members, given));
    nlohmann::json detail = {{"changes", store_attendance(tx, sitting_id, members, given)}};
    const core::PanelType* panel = s.panels.find(sitting.panel_id);
    nlohmann::json deputies = nlohmann::json::array();
    const auto stand_ins = panel ? deputies_for(tx, *panel, members) : std::vector<SittingMember>{};
    for (const SittingMember& d : stand_ins) {
      store_member(tx, sitting_id, d);
      members.push_back(d);
      deputies.push_back(d.user_id);
    }
    detail["deputies_expected"] = deputies;
    if (auto chair = stand_in_chair(sitting, members)) {
      store::set_sitting_chair(tx, sitting_id, *chair);
      detail["chair"] = *chair;
    }
    audit(tx, s, a, "sitting.attendance", "sitting", sitting_id, detail);
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

std::optional<std::int64_t> seat_chair(Tx& tx, const core::PanelType& panel) {
  const core::Member* seat = seat_for_role(panel, panel.chair.role);
  if (seat == nullptr) {
    return std::nullopt;
  }
  const auto holders = store::seat_holders(tx, panel.id);
  for (const store::SeatPart part : {store::SeatPart::holder, store::SeatPart::deputy}) {
    const auto people = in_seat(holders, seat->id, part);
    if (!people.empty()) {
      return people.front().id;
    }
  }
  return std::nullopt;
}

std::vector<NamedId> chairs_of(Tx& tx, const core::PanelType& panel) {
  std::vector<NamedId> out;
  for (const store::PersonContact& p : store::role_holders(tx, panel.chair.role)) {
    out.push_back({p.id, p.name});
  }
  return out;
}

}  // namespace casepanel::app
