#include "app/decisions.h"

#include "app/audit_trail.h"
#include "app/child_names.h"
#include "app/display.h"
#include "app/members.h"
#include "app/named_id.h"
#include "app/notifications.h"
#include "app/scope.h"
#include "app/sitting_rows.h"
#include "core/request_lifecycle.h"
#include "core/sittings.h"
#include "store/decisions.h"
#include "store/hearings.h"
#include "store/request_queue.h"
#include "store/requests.h"
#include "store/sittings.h"

namespace casepanel::app {
namespace {

using store::Tx;

// A hearing with its sitting and request, for deciding it.
struct HearingAt {
  store::HearingRecord hearing;
  store::SittingRecord sitting;
  const core::PanelType* panel = nullptr;
};

// The hearing, when the actor may record decisions at its sitting and the
// sitting's date allows it (core/decisions.h).
core::Result<HearingAt> decidable(Tx& tx, const Services& s, const Actor& a,
                                  std::int64_t hearing_id) {
  auto h = store::find_hearing(tx, hearing_id);
  auto m = h ? store::find_sitting(tx, h->sitting_id) : std::nullopt;
  if (!m ||
      !may_sitting(tx, s, a, m->id, m->panel_id, core::Resource::decision, core::Use::change)) {
    return core::Error::not_found();
  }
  TRY(core::may_record_decision(m->status, m->date, today(s)));
  return HearingAt{*h, *m, s.panels.find(m->panel_id)};
}

// The checks that need the database: the decision is the panel's, the child
// is heard at this hearing and has no decision yet.
core::Result<const core::DecisionOption*> check_against_hearing(Tx& tx, const HearingAt& at,
                                                                const DecisionInput& in) {
  const core::DecisionOption* option = at.panel ? at.panel->decision(in.decision_type) : nullptr;
  if (option == nullptr) {
    return core::Error::invalid("decision_type", "Select the decision");
  }
  if (!store::request_has_child(tx, at.hearing.request_id, in.child_id)) {
    return core::Error::invalid("child_id", "Select a child heard at this hearing");
  }
  if (store::has_decision(tx, at.hearing.id, in.child_id)) {
    return core::Error::conflict("A decision for this child is already recorded");
  }
  return option;
}

// The action the decision creates, due in working days from the sitting's
// date, and its owner told.
core::Status add_action(Tx& tx, const Services& s, const HearingAt& at, std::int64_t decision,
                        const DecisionInput& in, int due_days, nlohmann::json& detail) {
  if (!store::is_active_person(tx, in.action_owner_id)) {
    return core::Error::invalid("action_owner_id", "Select who owns the action");
  }
  const core::Date due = s.calendar.add_working_days(at.sitting.date, due_days);
  const std::int64_t action = store::add_action(
      tx, {decision, in.child_id, in.action, in.action_owner_id, due, s.clock.now()});
  detail["action"] = action;
  detail["action_due"] = core::to_iso(due);
  queue_email(tx, s, in.action_owner_id, "A panel action is yours",
              in.action + " (due " + core::long_date(due) + ")");
  return core::Done{};
}

// The hearing is heard once every child on it has a decision, and so is its
// request.
core::Status hear_when_all_decided(Tx& tx, const Services& s, const Actor& a,
                                   const store::HearingRecord& h) {
  if (store::undecided_count(tx, h.id, h.request_id) > 0) {
    return core::Done{};
  }
  const auto request = store::find_request(tx, h.request_id);
  if (!request) {
    return core::Error::not_found();
  }
  const core::RequestState heard = TRY(core::next_state(request->state, core::RequestEvent::hear));
  store::set_hearing_status(tx, h.id, core::HearingStatus::heard);
  store::set_request_state(tx, h.request_id, heard, s.clock.now());
  audit(tx, s, a, "request.heard", "request", h.request_id);
  return core::Done{};
}

core::Status record(Tx& tx, const Services& s, const Actor& a, std::int64_t hearing_id,
                    const DecisionInput& in, const core::CheckedDecision& checked) {
  const HearingAt at = TRY(decidable(tx, s, a, hearing_id));
  // Support Panel 4.1: a chair in the line management of the case does not
  // decide it; the coordinator names another chair for the hearing first.
  if (const std::string conflict = chair_conflict(tx, s, hearing_id); !conflict.empty()) {
    return core::Error::conflict(conflict);
  }
  const core::DecisionOption* option = TRY(check_against_hearing(tx, at, in));
  const std::int64_t decision = store::add_decision(
      tx, {hearing_id, in.child_id, in.decision_type, in.summary, in.reasons, checked.review_date,
           option->final_decision_by ? store::Recommendation::yes : store::Recommendation::no, a.id,
           s.clock.now()});
  nlohmann::json detail = {
      {"hearing", hearing_id}, {"child", in.child_id}, {"decision_type", in.decision_type}};
  if (checked.action_due_working_days) {
    TRY(add_action(tx, s, at, decision, in, *checked.action_due_working_days, detail));
  }
  audit(tx, s, a, "decision.record", "decision", decision, detail);
  return hear_when_all_decided(tx, s, a, at.hearing);
}

}  // namespace

core::Result<DecisionForm> decision_form(Services& s, const Actor& a, std::int64_t hearing_id) {
  if (!a.may(core::Permission::record_decision)) {
    return core::Error::not_found();
  }
  return s.db.read<DecisionForm>([&](Tx& tx) -> core::Result<DecisionForm> {
    const HearingAt at = TRY(decidable(tx, s, a, hearing_id));
    const auto request = store::find_request(tx, at.hearing.request_id);
    DecisionForm f;
    f.hearing_id = hearing_id;
    f.sitting_id = at.sitting.id;
    f.sitting =
        (at.panel ? at.panel->name : at.sitting.panel_id) + ", " + core::long_date(at.sitting.date);
    f.children = named(store::undecided_children(tx, hearing_id, at.hearing.request_id));
    if (at.panel) {
      f.decisions.assign(at.panel->decisions.begin(), at.panel->decisions.end());
    }
    f.owners = named(store::action_owners(tx, request ? request->team_id : 0));
    return f;
  });
}

core::Status record_decision(Services& s, const Actor& a, std::int64_t hearing_id,
                             const DecisionInput& in) {
  if (!a.may(core::Permission::record_decision)) {
    return core::Error::not_found();
  }
  const core::CheckedDecision checked = TRY(core::check_decision(in));
  return s.db.write<core::Done>(
      [&](Tx& tx) -> core::Status { return record(tx, s, a, hearing_id, in, checked); });
}

}  // namespace casepanel::app
