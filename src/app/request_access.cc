#include "app/request_access.h"

#include "app/audit_trail.h"
#include "app/child_names.h"
#include "app/display.h"
#include "app/notifications.h"
#include "app/scope.h"

namespace casepanel::app {

core::Date today_of(const Services& s) { return core::london_date(s.clock.now()); }

store::RequestFacts facts_of(const store::RequestRecord& r) {
  return {r.id, r.panel_id, std::string(core::state_id(r.state)), r.author_id, r.team_id};
}

core::Result<store::RequestRecord> visible_request(store::Tx& tx, const Services& s, const Actor& a,
                                                   std::int64_t id, core::Use use) {
  auto r = store::find_request(tx, id);
  if (!r || !may_request(tx, s, a, facts_of(*r), RequestPart::request, use)) {
    return core::Error::not_found();
  }
  return *std::move(r);
}

core::Result<store::RequestRecord> own_draft(store::Tx& tx, const Services& s, const Actor& a,
                                             std::int64_t id, DraftUse use) {
  auto r = TRY(visible_request(tx, s, a, id));
  const bool sending = use == DraftUse::send;
  if (r.author_id != a.id) {
    return core::Error::forbidden(std::string("Only the request's author can ") +
                                  (sending ? "send it" : "change it"));
  }
  if (r.state != core::RequestState::draft) {
    return core::Error::conflict(sending
                                     ? "This request has already been sent"
                                     : "This request has been sent and can no longer be changed");
  }
  return r;
}

core::Result<const core::PanelType*> panel_of(const Services& s, const store::RequestRecord& r) {
  const core::PanelType* panel = s.panels.find(r.panel_id);
  if (panel == nullptr) {
    return core::Error::conflict("This request's panel is no longer configured");
  }
  return panel;
}

core::Result<CurrentStep> current_step(store::Tx& tx, const Services& s, const Actor& a,
                                       std::int64_t request_id) {
  auto r = TRY(visible_request(tx, s, a, request_id, core::Use::change));
  const core::PanelType* panel = TRY(panel_of(s, r));
  const core::ApprovalStep* step =
      TRY(core::approval_step_for(*panel, {r.state, r.approval_step, r.author_id, a.id, a.roles,
                                           team_in_scope(tx, a, r.team_id)}));
  return CurrentStep{std::move(r), panel, step};
}

}  // namespace casepanel::app
