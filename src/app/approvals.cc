#include "app/approvals.h"

#include "app/audit_trail.h"
#include "app/child_names.h"
#include "app/display.h"
#include "app/notifications.h"
#include "app/request_access.h"
#include "app/request_submission.h"
#include "app/scope.h"
#include "store/request_sittings.h"
#include "store/requests.h"
#include "store/role_holders.h"

namespace casepanel::app {
namespace {

using store::Tx;

// Kept to what a person writes in a reason.
constexpr std::size_t kMaxLateReason = 2000;

// CLAM: the 3-way discussion, checked and recorded at the step that asks for it.
core::Status record_three_way(Tx& tx, const Services& s, const CurrentStep& current,
                              const ApprovalInput& input) {
  const core::ThreeWayDiscussionInput in{
      input.discussion_date,
      store::holds_role(tx, input.discussion_practice_manager, core::Role::practice_manager),
      store::holds_role(tx, input.discussion_group_manager, core::Role::group_manager)};
  TRY(core::validate_three_way_discussion(*current.panel, in, today_of(s)));
  store::record_three_way_discussion(
      tx, current.request.id,
      {*core::parse_iso_date(input.discussion_date), input.discussion_practice_manager,
       input.discussion_group_manager});
  return core::ok_status();
}

// After the step: the next step's approvers are told, or it reaches the coordinator.
void move_on(Tx& tx, const Services& s, const CurrentStep& current, core::RequestState next) {
  const store::RequestRecord& r = current.request;
  const int next_step = r.approval_step + 1;
  store::set_request_state(tx, r.id, next, next_step, s.clock.now());
  if (next == core::RequestState::submitted) {
    submit(tx, s, *current.panel, r);
  } else {
    notify_approvers(tx, s, *current.panel, r, next_step);
  }
}

std::string late_acceptance_refusal(const core::PanelType* panel) {
  if (panel == nullptr || !panel->deadline.late_acceptance_by) {
    return "This panel accepts no late requests: it goes to the next sitting";
  }
  return "Only the " + panel->title_of(*panel->deadline.late_acceptance_by) +
         " can accept a late request";
}

core::Status check_late_reason(const std::string& reason) {
  if (blank(reason)) {
    return core::Error::invalid("late_reason", "Enter why the request is accepted late");
  }
  if (reason.size() > kMaxLateReason) {
    return core::Error::invalid("late_reason", "Keep the reason to 2,000 characters or fewer");
  }
  return core::ok_status();
}

// When the sitting whose cut-off the request missed starts: as the
// coordinator left it (it may have been moved to another time), or else as
// the schedule has it.
core::Instant missed_sitting_starts(Tx& tx, const core::PanelType& panel, core::Date missed) {
  if (auto sitting = store::planned_sitting_on(tx, panel.id, missed)) {
    return sitting->starts_at;
  }
  return core::london_to_utc(missed, panel.schedule.start);
}

}  // namespace

core::Status approve_request(Services& s, const Actor& a, std::int64_t request_id,
                             const ApprovalInput& input) {
  return s.db.write<core::Done>([&](Tx& tx) -> core::Status {
    const CurrentStep current = TRY(current_step(tx, s, a, request_id));
    const store::RequestRecord& r = current.request;
    const core::RequestState next =
        TRY(core::next_state(r.state, core::approval_event(*current.panel, r.approval_step)));
    if (current.step->records_three_way_discussion) {
      TRY(record_three_way(tx, s, current, input));
    }
    store::add_history(tx, {.request_id = request_id,
                            .step_id = current.step->id,
                            .approver_id = a.id,
                            .outcome = store::HistoryOutcome::approved,
                            .comments = input.comments,
                            .at = s.clock.now()});
    move_on(tx, s, current, next);
    audit(tx, s, a, "request.approve", "request", request_id,
          {{"step", current.step->id}, {"comments", input.comments}});
    const bool last = next == core::RequestState::submitted;
    queue_email(
        tx, s, r.author_id, "Your request to " + current.panel->name + " was approved",
        current.step->label + ": approved." + (last ? " It is now with the coordinator." : ""));
    return core::Done{};
  });
}

core::Status return_request(Services& s, const Actor& a, std::int64_t request_id,
                            const std::string& comments) {
  return s.db.write<core::Done>([&](Tx& tx) -> core::Status {
    // Scope first: a request outside it is not found, whatever was typed.
    const CurrentStep current = TRY(current_step(tx, s, a, request_id));
    if (blank(comments)) {
      return core::Error::invalid("comments", "Enter what needs to change");
    }
    const core::RequestState next =
        TRY(core::next_state(current.request.state, core::RequestEvent::return_for_changes));
    store::add_history(tx, {.request_id = request_id,
                            .step_id = current.step->id,
                            .approver_id = a.id,
                            .outcome = store::HistoryOutcome::returned,
                            .comments = comments,
                            .at = s.clock.now()});
    store::set_request_state(tx, request_id, next, 0, s.clock.now());
    audit(tx, s, a, "request.return", "request", request_id,
          {{"step", current.step->id}, {"comments", comments}});
    queue_email(tx, s, current.request.author_id,
                "Your request to " + current.panel->name + " was returned",
                "Changes are asked for. Read them on the request: " +
                    link(s, "/requests/" + std::to_string(request_id)));
    return core::Done{};
  });
}

core::Status accept_late(Services& s, const Actor& a, std::int64_t request_id,
                         const std::string& reason) {
  return s.db.write<core::Done>([&](Tx& tx) -> core::Status {
    const store::RequestRecord r = TRY(visible_request(tx, s, a, request_id, core::Use::read));
    const core::PanelType* panel = s.panels.find(r.panel_id);
    // deadline.late_acceptance_by: only a holder of the role the panel names,
    // who may see the request, accepts it late; with none named, nobody (it
    // goes to the next sitting). Any role may be named: a Service Manager as
    // well as a coordinator.
    if (panel == nullptr || !panel->deadline.may_accept_late(a.roles)) {
      return core::Error::forbidden(late_acceptance_refusal(panel));
    }
    TRY(check_late_reason(reason));
    if (!r.missed_cutoff) {
      return core::Error::conflict("This request did not miss a cut-off");
    }
    const core::Date missed = *r.missed_cutoff;
    TRY(core::check_late_acceptance(r.state, r.missed_cutoff,
                                    missed_sitting_starts(tx, *panel, missed), s.clock.now()));
    store::accept_late(tx, request_id, {a.id, s.clock.now(), reason});
    const std::string sitting = core::to_iso(missed);
    audit(tx, s, a, "request.accept_late", "request", request_id,
          {{"sitting", sitting}, {"reason", reason}});
    queue_email(tx, s, r.author_id, "Your late request to " + panel->name + " was accepted",
                "It will go to the sitting on " + long_date(sitting) + ". See " +
                    link(s, "/requests/" + std::to_string(request_id)));
    return core::Done{};
  });
}

}  // namespace casepanel::app
