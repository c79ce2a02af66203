#include "app/decisions.h"

#include "app/actions.h"
#include "app/audit_trail.h"
#include "app/decision_writes.h"
#include "app/display.h"
#include "app/members.h"
#include "app/named_id.h"
#include "app/scope.h"
#include "app/sitting_rows.h"
#include "core/request_lifecycle.h"
#include "core/sittings.h"
#include "store/decision_records.h"
#include "store/decisions.h"
#include "store/hearings.h"
#include "store/minutes.h"
#include "store/request_queue.h"
#include "store/requests.h"
#include "store/returns.h"
#include "store/sittings.h"

namespace casepanel::app {
namespace {

using store::Tx;

// The children without a record, named with their dates of birth: siblings
// may share a name.
std::vector<ChildChoice> child_choices(const std::vector<store::PersonContact>& children) {
  std::vector<ChildChoice> out;
  for (const store::PersonContact& c : children) {
    const auto born = core::parse_iso_date(c.email);
    out.push_back({c.id, c.name + (born ? ", born " + core::long_date(*born) : std::string())});
  }
  return out;
}

// The checks that need the database: every child is heard at this hearing
// and has no record yet.
core::Status check_children(Tx& tx, const HearingAt& at, const DecisionInput& in) {
  for (std::int64_t child : in.child_ids) {
    if (!store::request_has_child(tx, at.hearing.request_id, child)) {
      return core::Error::invalid("child_id", "Select children heard at this hearing");
    }
    if (store::has_decision(tx, at.hearing.id, child)) {
      return core::Error::conflict("A record for this child is already made: correct it instead");
    }
  }
  return core::Done{};
}

// The hearing is heard once every child on it has a record, and its request
// decided.
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
  const core::RequestState decided = TRY(core::next_state(heard, core::RequestEvent::decide));
  store::set_hearing_status(tx, h.id, core::HearingStatus::heard);
  store::set_request_state(tx, h.request_id, decided, s.clock.now());
  audit(tx, s, a, "request.decided", "request", h.request_id);
  return core::Done{};
}

core::Status record(Tx& tx, const Services& s, const Actor& a, std::int64_t hearing_id,
                    const DecisionInput& in) {
  const HearingAt at = TRY(decidable(tx, s, a, hearing_id));
  // Support Panel 4.1: a chair in the line management of the case does not
  // decide it; the coordinator names another chair for the hearing first.
  if (const std::string conflict = chair_conflict(tx, s, hearing_id); !conflict.empty()) {
    return core::Error::conflict(conflict);
  }
  const core::CheckedDecision checked = TRY(core::check_decision(*at.panel, in, at.sitting.date));
  TRY(check_children(tx, at, in));
  TRY(check_people(tx, in));
  for (std::int64_t child : in.child_ids) {
    const std::int64_t decision = store::add_decision(
        tx, {hearing_id, child, record_fields(in, checked), a.id, s.clock.now()});
    // The child is back at panel: a return that brought them here is closed,
    // and a new review date opens the next (app/returns.h).
    if (store::close_returns_heard(tx, child, at.panel->id) > 0) {
      close_finished_requests(tx, s, a);  // the request that set the return may be done
    }
    if (checked.review_date) {
      store::open_return(tx, decision, child, at.panel->id, *checked.review_date, s.clock.now());
    }
    nlohmann::json detail = {{"hearing", hearing_id}, {"child", child}};
    detail["items"] = write_items(tx, s, a, at, decision, child, in.items);
    detail["actions"] = write_actions(tx, s, at, decision, child, checked.actions);
    audit(tx, s, a, "decision.record", "decision", decision, detail);
  }
  return hear_when_all_decided(tx, s, a, at.hearing);
}

DecisionForm form_for(Tx& tx, const Services& s, const HearingAt& at) {
  const auto request = store::find_request(tx, at.hearing.request_id);
  DecisionForm f;
  f.hearing_id = at.hearing.id;
  f.sitting_id = at.sitting.id;
  f.sitting = at.panel->name + ", " + core::long_date(at.sitting.date);
  if (request) {
    f.request_type = request_type_label(at.panel, request->request_type);
  }
  f.children = child_choices(store::undecided_children(tx, at.hearing.id, at.hearing.request_id));
  f.decisions = at.panel->decisions;
  f.outcomes = at.panel->outcomes;
  f.plans = at.panel->permanency.plans;
  f.asks_parallel_plan = at.panel->permanency.asked() && at.panel->permanency.parallel_plan;
  f.parallel_plan_hint = at.panel->permanency.parallel_plan_hint;
  if (const std::string& back = at.panel->return_to_panel.applies_to; !back.empty()) {
    const core::Choice* c = at.panel->decision_or_outcome(back);
    f.returns_to_panel = c ? c->label : back;
  }
  f.owners = named(store::action_owners(tx, request ? request->team_id : 0));
  f.recorded = record_views(s, store::hearing_decisions(tx, at.hearing.id));
  const bool authorised = store::minutes_authorised(tx, at.sitting.id);
  f.may_correct = core::may_correct_decision(at.sitting.date, today(s), authorised).ok();
  f.may_disagree = at.panel->chair.disagreement_to.has_value() && !authorised;
  return f;
}

}  // namespace

core::Result<DecisionForm> decision_form(Services& s, const Actor& a, std::int64_t hearing_id) {
  if (!a.may(core::Permission::record_decision)) {
    return core::Error::not_found();
  }
  return s.db.read<DecisionForm>([&](Tx& tx) -> core::Result<DecisionForm> {
    const HearingAt at = TRY(decidable(tx, s, a, hearing_id));
    return form_for(tx, s, at);
  });
}

core::Status record_decision(Services& s, const Actor& a, std::int64_t hearing_id,
                             const DecisionInput& in) {
  if (!a.may(core::Permission::record_decision)) {
    return core::Error::not_found();
  }
  return s.db.write<core::Done>(
      [&](Tx& tx) -> core::Status { return record(tx, s, a, hearing_id, in); });
}

core::Result<CorrectionForm> correction_form(Services& s, const Actor& a,
                                             std::int64_t decision_id) {
  if (!a.may(core::Permission::record_decision)) {
    return core::Error::not_found();
  }
  return s.db.read<CorrectionForm>([&](Tx& tx) -> core::Result<CorrectionForm> {
    const auto d = store::find_decision(tx, decision_id);
    if (!d) {
      return core::Error::not_found();
    }
    const HearingAt at = TRY(decidable(tx, s, a, d->hearing_id));
    TRY(core::may_correct_decision(at.sitting.date, today(s),
                                   store::minutes_authorised(tx, at.sitting.id)));
    CorrectionForm f{form_for(tx, s, at), record_view(s, *d), saved_fields(*d)};
    return f;
  });
}

core::Status correct_decision(Services& s, const Actor& a, std::int64_t decision_id,
                              const DecisionInput& in) {
  if (!a.may(core::Permission::record_decision)) {
    return core::Error::not_found();
  }
  return s.db.write<core::Done>([&](Tx& tx) -> core::Status {
    const auto d = store::find_decision(tx, decision_id);
    if (!d) {
      return core::Error::not_found();
    }
    const HearingAt at = TRY(decidable(tx, s, a, d->hearing_id));
    TRY(core::may_correct_decision(at.sitting.date, today(s),
                                   store::minutes_authorised(tx, at.sitting.id)));
    DecisionInput entry = in;
    entry.child_ids = {d->child_id};
    const core::CheckedDecision checked =
        TRY(core::check_decision(*at.panel, entry, at.sitting.date));
    TRY(check_people(tx, entry));
    return write_correction(tx, s, a, at, *d, entry, checked);
  });
}

}  // namespace casepanel::app
