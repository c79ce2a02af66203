#include "jobs/escalations.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <set>
#include <string>

#include "app/actions.h"
#include "app/audit_trail.h"
#include "app/notifications.h"
#include "core/follow_up.h"
#include "core/sittings.h"
#include "store/actions.h"

namespace casepanel::jobs {
namespace {

using store::Tx;

// One step, in its own transaction. Nullopt when it was recorded already
// (another run or instance) or the action closed meanwhile.
std::optional<EscalationTaken> take_step(app::Services& s, const core::PanelType& panel,
                                         std::int64_t action_id, const core::StepDue& due) {
  auto taken = s.db.write<std::optional<EscalationTaken>>(
      [&](Tx& tx) -> core::Result<std::optional<EscalationTaken>> {
        const auto f = store::find_follow_up(tx, action_id);
        if (!f || f->status != core::ActionStatus::open) {
          return std::optional<EscalationTaken>();
        }
        const core::EscalationStep& step = due.ladder->steps[static_cast<std::size_t>(due.step)];
        const auto holder = store::case_role_holder(tx, f->child_id, f->owner_id, step.role);
        store::EscalationRecord e;
        e.action_id = f->id;
        e.ladder_id = due.ladder->id;
        e.step = due.step;
        e.step_day = due.day;
        e.role = step.role;
        e.label = step.label.empty() ? due.ladder->label : step.label;
        e.notified_id = holder ? std::optional<std::int64_t>(holder->id) : std::nullopt;
        e.recorded_at = s.clock.now();
        if (!store::record_escalation(tx, e)) {
          return std::optional<EscalationTaken>();
        }
        EscalationTaken out{.action_id = f->id,
                            .child_id = f->child_id,
                            .panel_id = panel.id,
                            .ladder_id = due.ladder->id,
                            .step = due.step + 1,
                            .of_steps = static_cast<int>(due.ladder->steps.size()),
                            .day = due.day,
                            .role = std::string(core::role_id(step.role)),
                            .told_id = e.notified_id,
                            .told = holder ? holder->name : ""};
        if (holder) {
          app::queue_email(tx, s, holder->id, "Escalated to you: a panel action is not done",
                           panel.name + ": an action due " + core::long_date(f->due) +
                               ", owned by " + f->owner + ", is not done. " + e.label + ". See " +
                               app::link(s, "/actions/" + std::to_string(f->id)));
        }
        const app::Actor system;
        app::audit(tx, s, system, "action.escalate", "child", f->child_id,
                   {{"action", f->id},
                    {"ladder", e.ladder_id},
                    {"step", out.step},
                    {"day", core::to_iso(e.step_day)},
                    {"role", out.role},
                    {"told", holder ? nlohmann::json(holder->id) : nlohmann::json(nullptr)}});
        return std::optional<EscalationTaken>(std::move(out));
      });
  return taken ? *taken : std::nullopt;
}

}  // namespace

std::string EscalationTaken::to_line() const {
  return core::to_iso(day) + " action " + std::to_string(action_id) + " (child " +
         std::to_string(child_id) + "): " + panel_id + "/" + ladder_id + " step " +
         std::to_string(step) + " of " + std::to_string(of_steps) + " -> " + role + " " +
         (told_id ? told + " (user " + std::to_string(*told_id) + ")"
                  : std::string("nobody holds the role for this case"));
}

std::vector<EscalationTaken> run_escalations(app::Services& s, core::Date as_of) {
  std::vector<store::FollowUpRecord> open;
  std::set<std::string> taken;
  s.db.read_all([&](Tx& tx) {
    open = store::open_follow_ups(tx);
    taken = store::steps_taken_on_open_actions(tx);
  });
  // Every due step of every action, then taken in the order they fell due.
  struct Pending {
    const core::PanelType* panel;
    std::int64_t action_id;
    core::StepDue due;
  };
  std::vector<Pending> pending;
  for (const store::FollowUpRecord& f : open) {
    const core::PanelType* panel = s.panels.find(f.panel_id);
    if (panel == nullptr) {
      continue;
    }
    for (const core::StepDue& due : core::steps_due(*panel, s.calendar, f.tracked(), as_of)) {
      // Taken by an earlier run: nothing to do. A step taken meanwhile by
      // another instance is found by take_step's insert.
      if (!taken.count(store::step_key(f.id, due.ladder->id, due.step))) {
        pending.push_back({panel, f.id, due});
      }
    }
  }
  std::stable_sort(pending.begin(), pending.end(),
                   [](const Pending& x, const Pending& y) { return x.due.day < y.due.day; });
  std::vector<EscalationTaken> out;
  for (const Pending& p : pending) {
    if (auto taken = take_step(s, *p.panel, p.action_id, p.due)) {
      out.push_back(std::move(*taken));
    }
  }
  // Closing the loop for requests decided with nothing to follow up (and
  // any a correction or a withdrawn review left finished).
  s.db.write_all([&](Tx& tx) { app::close_finished_requests(tx, s, app::Actor{}); });
  return out;
}

EscalationWorker::EscalationWorker(app::Services& s, std::chrono::seconds interval)
    : services_(s),
      periodic_("escalation: run failed", interval, Periodic::FirstRound::at_once,
                [this](std::stop_token) { escalate(); }) {}

EscalationWorker::~EscalationWorker() { stop(); }

void EscalationWorker::escalate() {
  const core::Date today = core::london_date(services_.clock.now());
  for (const EscalationTaken& t : run_escalations(services_, today)) {
    spdlog::info("escalation: {}", t.to_line());
  }
}

}  // namespace casepanel::jobs
