#include "app/supervision.h"

#include "app/audit_trail.h"
#include "app/scope.h"
#include "app/sitting_rows.h"
#include "core/counted.h"
#include "core/sittings.h"
#include "core/text.h"
#include "store/children.h"
#include "store/supervision.h"

namespace casepanel::app {
namespace {

using store::Tx;

bool supervises(const Actor& a) {
  return a.has(core::Role::practice_manager) || a.has(core::Role::group_manager);
}

SupervisionChild child_of(const store::SupervisionRow& r) {
  SupervisionChild c;
  c.child_id = r.child_id;
  c.child = r.child;
  c.child_born = core::long_date(r.child_born);
  if (r.open_actions > 0) {
    c.outstanding.push_back(core::counted(r.open_actions, "open action", "open actions"));
  }
  if (r.overdue_actions > 0) {
    c.outstanding.push_back(std::to_string(r.overdue_actions) + " overdue");
    c.overdue = true;
  }
  if (r.escalated_actions > 0) {
    c.outstanding.push_back(std::to_string(r.escalated_actions) + " escalated");
    c.escalated = true;
  }
  if (r.return_due) {
    c.outstanding.push_back("back at panel by " + core::long_date(*r.return_due));
  }
  if (r.plan_changes_waiting > 0) {
    c.outstanding.push_back(
        core::counted(r.plan_changes_waiting, "change of plan waiting", "changes of plan waiting"));
  }
  if (r.final_decisions_awaited > 0) {
    c.outstanding.push_back(core::counted(r.final_decisions_awaited, "final decision awaited",
                                          "final decisions awaited"));
  }
  if (r.discussed_at) {
    c.discussed = "Discussed in supervision on " +
                  core::long_date(core::london_date(*r.discussed_at)) + ": " + r.last_note;
  }
  return c;
}

}  // namespace

core::Result<std::vector<SupervisionTeam>> supervision(Services& s, const Actor& a) {
  if (!supervises(a) && !a.has(core::Role::auditor)) {
    return core::Error::forbidden("Supervision is for practice and group managers.");
  }
  return s.db.write<std::vector<SupervisionTeam>>(
      [&](Tx& tx) -> core::Result<std::vector<SupervisionTeam>> {
        std::vector<SupervisionTeam> out;
        int shown = 0;
        for (const store::SupervisionRow& r :
             store::supervision_rows(tx, teams_in_scope(tx, a), today(s))) {
          if (!r.outstanding()) {
            continue;
          }
          if (out.empty() || out.back().team != r.team) {
            out.push_back({r.team, {}});
          }
          auto& workers = out.back().workers;
          const std::string worker = r.worker.empty() ? "Unallocated" : r.worker;
          if (workers.empty() || workers.back().worker != worker) {
            workers.push_back({worker, {}});
          }
          workers.back().children.push_back(child_of(r));
          ++shown;
        }
        audit(tx, s, a, "supervision.view", "user", a.id, {{"shown", shown}});
        return out;
      });
}

core::Status record_supervision(Services& s, const Actor& a, std::int64_t child_id,
                                const std::string& note) {
  return s.db.write<core::Done>([&](Tx& tx) -> core::Status {
    const auto team = store::child_team(tx, child_id);
    if (!team || !supervises(a) || !team_in_scope(tx, a, *team)) {
      return core::Error::not_found();
    }
    if (core::blank(note)) {
      return core::Error::invalid("note", "Enter what was discussed and agreed");
    }
    const std::int64_t id = store::add_supervision_note(tx, child_id, note, a.id, s.clock.now());
    audit(tx, s, a, "supervision.note", "child", child_id, {{"note", id}});
    return core::Done{};
  });
}

}  // namespace casepanel::app
