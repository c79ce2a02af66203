#include "app/triage_common.h"

#include "app/audit_trail.h"
#include "app/child_names.h"
#include "app/display.h"
#include "app/hearing_notices.h"
#include "app/notifications.h"
#include "app/scope.h"
#include "core/request_lifecycle.h"
#include "store/hearings.h"
#include "store/requests.h"

namespace casepanel::app {

using store::Tx;

core::Result<Submitted> load_submitted(Tx& tx, const Services& s, const Actor& a,
                                       std::int64_t request_id) {
  auto r = store::find_request(tx, request_id);
  auto facts = store::request_facts(tx, request_id);
  if (!r || !facts || !may_request(tx, s, a, *facts, RequestPart::request, core::Use::change)) {
    return core::Error::not_found();
  }
  if (r->state != core::RequestState::submitted) {
    return core::Error::conflict("Only a request waiting in the queue can be triaged");
  }
  const core::PanelType* panel = s.panels.find(r->panel_id);
  if (panel == nullptr) {
    return core::Error::conflict("This request's panel is no longer configured");
  }
  return Submitted{*r, panel};
}

bool triage_allowed(Tx& tx, const Services& s, const Actor& a, const std::string& panel_id,
                    core::Use use) {
  return may_sitting(tx, s, a, 0, panel_id, core::Resource::triage, use);
}

std::vector<core::Booking> booked(Tx& tx, std::int64_t sitting_id) {
  std::vector<core::Booking> out;
  for (const store::HearingRecord& h : store::sitting_hearings(tx, sitting_id)) {
    out.emplace_back(h.starts_at, h.starts_at + std::chrono::minutes{h.minutes});
  }
  return out;
}

core::Status put_on_agenda(Tx& tx, const Services& s, const Actor& a, const core::Placement& p,
                           nlohmann::json detail, const std::string& late_reason) {
  const auto request = store::find_request(tx, p.request_id);
  if (!request) {
    return core::Error::not_found();
  }
  const core::RequestState scheduled =
      TRY(core::next_state(request->state, core::RequestEvent::schedule));
  const std::int64_t hearing =
      store::add_hearing(tx, p.sitting_id, p.request_id, p.starts, p.minutes);
  store::set_request_state(tx, p.request_id, scheduled, s.clock.now());
  store::mark_triaged(tx, p.request_id, s.clock.now());
  if (!late_reason.empty()) {
    store::set_hearing_late_reason(tx, hearing, late_reason);
    detail["late_reason"] = late_reason;
  }
  detail["sitting"] = p.sitting_id;
  detail["hearing"] = hearing;
  detail["starts_at"] = core::to_iso_utc(p.starts);
  detail["minutes"] = p.minutes;
  audit(tx, s, a, "request.schedule", "request", p.request_id, std::move(detail));
  notify_presenters(tx, s, hearing, Notice::scheduled);
  return core::Done{};
}

}  // namespace casepanel::app
