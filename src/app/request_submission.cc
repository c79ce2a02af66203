#include "app/request_submission.h"

#include <algorithm>
#include <set>

#include "app/audit_trail.h"
#include "app/auth.h"
#include "app/child_names.h"
#include "app/display.h"
#include "app/notifications.h"
#include "app/scope.h"
#include "app/triage_common.h"
#include "store/relationships.h"
#include "store/request_sittings.h"
#include "store/role_holders.h"

namespace casepanel::app {
namespace {

// How many planned sittings ahead a request may look for its target.
constexpr int kSittingsAhead = 26;
// Before any sitting is planned, how many the schedule gives.
constexpr int kScheduledAhead = 8;

// The panel's sittings ahead of now, soonest first: those planned in the
// database, or (before any are) those the schedule gives.
std::vector<core::Sitting> sittings_ahead(store::Tx& tx, const Services& s,
                                          const core::PanelType& panel) {
  std::vector<core::Sitting> out;
  for (const store::PlannedSitting& p :
       store::planned_sittings_after(tx, panel.id, s.clock.now(), kSittingsAhead)) {
    out.push_back({p.date, core::london_time_of_day(p.starts_at),
                   core::london_time_of_day(p.ends_at), p.venue_id,
                   s.calendar.is_bank_holiday(p.date), std::nullopt});
  }
  if (out.empty()) {
    out = core::sittings_from(panel, s.calendar, core::london_date(s.clock.now()), kScheduledAhead);
  }
  return out;
}

std::string long_date_text(core::Date d) { return long_date(core::to_iso(d)); }

// The people who may triage the panel's queue now (core/access.h: the
// coordinators who serve it), each once, by id.
std::vector<Actor> triagers(store::Tx& tx, const Services& s, const core::PanelType& panel) {
  std::vector<Actor> out;
  for (core::Role role : core::kAllRoles) {
    if (!core::may({role}, core::Permission::triage)) {
      continue;
    }
    for (const store::RoleHolder& holder : store::role_holders(tx, role)) {
      auto person = load_actor(tx, holder.id);
      const bool known =
          std::any_of(out.begin(), out.end(), [&](const Actor& t) { return t.id == holder.id; });
      if (person && !known && triage_allowed(tx, s, *person, panel.id, core::Use::change)) {
        out.push_back(std::move(*person));
      }
    }
  }
  return out;
}

// Whoever is told must be able to act (issue 14, item 2). Those who may
// triage the panel hear that the request is ready for triage, with a link to
// the queue. The holders of the panel's `submitted_to` roles who cannot
// triage hear that it was submitted, with a link to its papers, when they may
// open them; someone who could do neither is not told. Nobody gets two.
void tell_of_submission(store::Tx& tx, const Services& s, const core::PanelType& panel,
                        std::int64_t request_id) {
  const std::string id = std::to_string(request_id);
  std::set<std::int64_t> told;
  for (const Actor& t : triagers(tx, s, panel)) {
    told.insert(t.id);
    queue_email(
        tx, s, t.id, "A request to " + panel.name + " is ready for triage",
        "Request " + id + " has been submitted and waits in your queue: " + link(s, "/triage"));
  }
  const auto facts = store::request_facts(tx, request_id);
  for (core::Role role : panel.submitted_to) {
    for (const store::RoleHolder& holder : store::role_holders(tx, role)) {
      auto person = load_actor(tx, holder.id);
      if (!person || !facts || told.count(holder.id) ||
          !may_request(tx, s, *person, *facts, RequestPart::papers, core::Use::read)) {
        continue;
      }
      told.insert(holder.id);
      queue_email(tx, s, holder.id, "A request has been submitted to " + panel.name,
                  "Request " + id + " has been submitted to " + panel.name + ". The " +
                      panel.title_of(core::Role::coordinator) +
                      " triages it. Its papers: " + link(s, "/requests/" + id + "/papers"));
    }
  }
}

}  // namespace

void notify_approvers(store::Tx& tx, const Services& s, const core::PanelType& panel,
                      const store::RequestRecord& r, int step_index) {
  const core::ApprovalStep& step = panel.approval_steps[static_cast<std::size_t>(step_index)];
  for (const store::RoleHolder& holder : store::role_holders(tx, step.role)) {
    auto approver = load_actor(tx, holder.id);
    if (approver && approver->id != r.author_id && team_in_scope(tx, *approver, r.team_id)) {
      queue_email(tx, s, approver->id, "A request to " + panel.name + " needs you",
                  "Request " + std::to_string(r.id) + " is waiting for: " + step.label + ".");
    }
  }
}

std::optional<core::TargetSitting> target_now(store::Tx& tx, const Services& s,
                                              const core::PanelType& panel, bool must_go_next) {
  return core::target_sitting(panel, s.calendar, sittings_ahead(tx, s, panel), s.clock.now(),
                              must_go_next);
}

void submit(store::Tx& tx, const Services& s, const core::PanelType& panel,
            const store::RequestRecord& r) {
  store::Submission where;
  if (panel.deadline.kind != core::DeadlineKind::none) {
    if (auto t = target_now(tx, s, panel, r.must_go_to_next_sitting)) {
      where.target_sitting = t->sitting.date;
      if (t->missed) {
        where.missed_cutoff = t->missed->date;
      }
    }
  }
  store::mark_submitted(tx, r.id, where, s.clock.now());
  tell_of_submission(tx, s, panel, r.id);
}

std::string cutoff_note(const core::PanelType& panel, const Services& s,
                        const std::optional<core::TargetSitting>& t, bool must_go_next) {
  if (!t) {
    return "";
  }
  const std::string date = long_date_text(t->sitting.date);
  if (must_go_next) {
    return "It must go to the next sitting, on " + date + ".";
  }
  auto cutoff = core::submission_cutoff(panel, s.calendar, t->sitting.date);
  if (!cutoff) {
    return "";
  }
  const std::string coordinator = panel.title_of(core::Role::coordinator);
  std::string note = "If it reaches the " + coordinator + " now, it will go to the sitting on " +
                     date + ". The cut-off for that sitting is " +
                     core::to_hh_mm(core::london_time_of_day(*cutoff)) + " on " +
                     long_date_text(core::london_date(*cutoff)) + ".";
  if (t->missed) {
    note += " It is too late for the sitting on " + long_date_text(t->missed->date) +
            " unless the " + coordinator + " accepts it late.";
  }
  return note;
}

}  // namespace casepanel::app
