#include "app/members.h"

#include <set>

#include "app/audit_trail.h"
#include "app/scope.h"

namespace casepanel::app {
namespace {

using store::Row;
using store::Tx;

constexpr int kLongestChain = 20;  // line management deeper than this is a loop

bool valid_attendance(const std::string& a) {
  return a == "expected" || a == "present" || a == "apologies" || a == "absent";
}

const core::PanelType* panel_of_sitting(Tx& tx, const Services& s, std::int64_t sitting_id) {
  auto m = tx.query_one("SELECT panel_id FROM sittings WHERE id = $1", {sitting_id});
  return m ? s.panels.find(m->text(0)) : nullptr;
}

}  // namespace

std::vector<SittingMember> sitting_members(Tx& tx, const Services& s, std::int64_t sitting_id) {
  std::vector<SittingMember> out;
  const core::PanelType* panel = panel_of_sitting(tx, s, sitting_id);
  if (panel == nullptr) {
    return out;
  }
  auto label_of = [&](const std::string& role) {
    for (const core::Member& m : panel->members) {
      if (core::role_id(m.role) == role) {
        return m.label;
      }
    }
    return role;
  };
  for (const Row& r : tx.query("SELECT mm.user_id, u.name, mm.role, mm.attendance "
                               "FROM sitting_members mm JOIN users u ON u.id = mm.user_id "
                               "WHERE mm.sitting_id = $1 ORDER BY u.name",
                               {sitting_id})) {
    out.push_back({r.integer(0), r.text(1), r.text(2), label_of(r.text(2)), r.text(3)});
  }
  if (!out.empty()) {
    return out;
  }
  std::set<std::int64_t> seen;
  std::set<core::Role> roles_done;
  for (const core::Member& m : panel->members) {
    if (!roles_done.insert(m.role).second) {
      continue;  // the CLAM Panel lists two Group Manager representatives
    }
    const std::string role(core::role_id(m.role));
    for (const Row& r : tx.query("SELECT u.id, u.name FROM users u JOIN user_roles ur ON "
                                 "ur.user_id = u.id WHERE ur.role = $1 AND u.active = 1 "
                                 "ORDER BY u.name",
                                 {role})) {
      if (seen.insert(r.integer(0)).second) {
        out.push_back({r.integer(0), r.text(1), role, m.label, "expected"});
      }
    }
  }
  return out;
}

Quorum quorum_of(const core::PanelType& panel, const std::vector<SittingMember>& members) {
  Quorum q;
  q.needed = panel.quorum;
  for (const SittingMember& m : members) {
    if (m.attendance != "expected") {
      q.recorded = true;
    }
    if (m.attendance == "present") {
      ++q.present;
    }
    if (m.attendance == "present" || m.attendance == "expected") {
      ++q.expected;
    }
  }
  const int counted = q.recorded ? q.present : q.expected;
  q.met = counted >= q.needed;
  const std::string members_word = counted == 1 ? " member " : " members ";
  if (q.needed == 0) {
    q.summary = std::to_string(counted) + members_word + (q.recorded ? "present" : "expected");
  } else {
    q.summary = "Quorum of " + std::to_string(q.needed) + ": " + std::to_string(counted) +
                members_word + (q.recorded ? "present" : "expected") +
                (q.met ? "" : ". Not quorate");
  }
  return q;
}

core::Status record_attendance(Services& s, const Actor& a, std::int64_t sitting_id,
                               const std::map<std::int64_t, std::string>& attendance) {
  if (!a.has(core::Role::coordinator) && !a.has(core::Role::panel_admin)) {
    return core::Error::forbidden("Only the coordinator or panel administrator takes attendance");
  }
  for (const auto& [user, value] : attendance) {
    if (!valid_attendance(value)) {
      return core::Error::invalid("attendance_" + std::to_string(user),
                                  "Select present, sent apologies, absent or expected");
    }
  }
  return s.db.write<core::Done>([&](Tx& tx) -> core::Status {
    auto m = tx.query_one("SELECT status, panel_id FROM sittings WHERE id = $1", {sitting_id});
    // Those who run the sitting's panel (core/access.h), and nobody else.
    if (!m || !(may_sitting(tx, s, a, sitting_id, m->text(1), core::Resource::sitting,
                            core::Use::change) ||
                may_sitting(tx, s, a, sitting_id, m->text(1), core::Resource::decision,
                            core::Use::change))) {
      return core::Error::not_found();
    }
    if (m->text(0) == "cancelled") {
      return core::Error::conflict("This sitting is cancelled");
    }
    const std::vector<SittingMember> members = sitting_members(tx, s, sitting_id);
    for (const auto& [user, value] : attendance) {
      bool known = false;
      for (const SittingMember& member : members) {
        known = known || member.user_id == user;
      }
      if (!known) {
        return core::Error::invalid("attendance_" + std::to_string(user),
                                    "Select a member of this sitting");
      }
    }
    nlohmann::json changes = nlohmann::json::object();
    for (const SittingMember& member : members) {
      auto it = attendance.find(member.user_id);
      const std::string value = it == attendance.end() ? member.attendance : it->second;
      tx.exec("DELETE FROM sitting_members WHERE sitting_id = $1 AND user_id = $2",
              {sitting_id, member.user_id});
      tx.exec(
          "INSERT INTO sitting_members (sitting_id, user_id, role, attendance) "
          "VALUES ($1, $2, $3, $4)",
          {sitting_id, member.user_id, member.role, value});
      if (value != member.attendance) {
        changes[std::to_string(member.user_id)] = value;
      }
    }
    audit(tx, s, a, "sitting.attendance", "sitting", sitting_id, {{"changes", changes}});
    return core::Done{};
  });
}

bool in_line_management(Tx& tx, std::int64_t chair_id, std::int64_t worker_id) {
  std::optional<std::int64_t> at = worker_id;
  for (int depth = 0; at && depth < kLongestChain; ++depth) {
    if (*at == chair_id) {
      return true;
    }
    auto r = tx.query_one("SELECT line_manager_id FROM users WHERE id = $1", {*at});
    at = r ? r->optional_integer(0) : std::nullopt;
  }
  return false;
}

std::optional<std::int64_t> hearing_chair(Tx& tx, std::int64_t hearing_id) {
  auto r = tx.query_one(
      "SELECT COALESCE(h.chair_id, m.chair_id) FROM hearings h JOIN sittings m "
      "ON m.id = h.sitting_id WHERE h.id = $1",
      {hearing_id});
  return r ? r->optional_integer(0) : std::nullopt;
}

std::string chair_conflict(Tx& tx, const Services& s, std::int64_t hearing_id) {
  auto h = tx.query_one(
      "SELECT m.panel_id, r.author_id, u.name FROM hearings h JOIN sittings m ON "
      "m.id = h.sitting_id JOIN requests r ON r.id = h.request_id JOIN users u ON "
      "u.id = r.author_id WHERE h.id = $1",
      {hearing_id});
  if (!h) {
    return "";
  }
  const core::PanelType* panel = s.panels.find(h->text(0));
  if (panel == nullptr || !panel->chair.independent_of_line_management) {
    return "";
  }
  const auto chair = hearing_chair(tx, hearing_id);
  if (!chair || !in_line_management(tx, *chair, h->integer(1))) {
    return "";
  }
  auto name = tx.query_one("SELECT name FROM users WHERE id = $1", {*chair});
  // Support Panel 4.1: the chair is independent of the line management of the case.
  return (name ? name->text(0) : std::string("The chair")) + " is in the line management of " +
         h->text(2) + ", the case's social worker: name another chair for this hearing";
}

core::Status name_hearing_chair(Services& s, const Actor& a, std::int64_t hearing_id,
                                std::int64_t chair_id) {
  if (!a.may(core::Permission::manage_sittings)) {
    return core::Error::forbidden("Only the coordinator names a hearing's chair");
  }
  return s.db.write<core::Done>([&](Tx& tx) -> core::Status {
    auto h = tx.query_one(
        "SELECT m.panel_id, r.author_id, m.id FROM hearings h JOIN sittings m "
        "ON m.id = h.sitting_id JOIN requests r ON r.id = h.request_id WHERE h.id = $1",
        {hearing_id});
    if (!h || !may_sitting(tx, s, a, h->integer(2), h->text(0), core::Resource::sitting,
                           core::Use::change)) {
      return core::Error::not_found();
    }
    const core::PanelType* panel = s.panels.find(h->text(0));
    if (panel == nullptr) {
      return core::Error::conflict("This hearing's panel is no longer configured");
    }
    bool may_chair = false;
    for (const NamedId& c : chairs_of(tx, *panel)) {
      may_chair = may_chair || c.id == chair_id;
    }
    if (!may_chair) {
      return core::Error::invalid("chair_id", "Select someone who chairs this panel");
    }
    if (panel->chair.independent_of_line_management &&
        in_line_management(tx, chair_id, h->integer(1))) {
      return core::Error::invalid("chair_id",
                                  "Select a chair outside the line management of the case");
    }
    tx.exec("UPDATE hearings SET chair_id = $1 WHERE id = $2", {chair_id, hearing_id});
    audit(tx, s, a, "hearing.chair", "hearing", hearing_id, {{"chair", chair_id}});
    return core::Done{};
  });
}

std::vector<NamedId> chairs_of(Tx& tx, const core::PanelType& panel) {
  std::vector<NamedId> out;
  for (const Row& r : tx.query("SELECT u.id, u.name FROM users u JOIN user_roles ur ON "
                               "ur.user_id = u.id WHERE ur.role = $1 AND u.active = 1 "
                               "ORDER BY u.name",
                               {std::string(core::role_id(panel.chair.role))})) {
    out.push_back({r.integer(0), r.text(1)});
  }
  return out;
}

}  // namespace casepanel::app
