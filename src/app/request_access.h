// The first steps every request use case shares, inside its transaction: the
// request if the actor may use it (else not found, so ids outside the actor's
// scope cannot be told from ids that do not exist), the author's own draft,
// the panel it belongs to, and the approval step the actor may act on now.
// Not use cases themselves.
#pragma once

#include <cstdint>

#include "app/services.h"
#include "core/request.h"
#include "core/result.h"
#include "store/relationships.h"
#include "store/requests.h"

namespace casepanel::app {

// Europe/London's date now: the bound of dates that cannot be in the future.
core::Date today_of(const Services& s);

// The facts the access policy is asked with (store/relationships.h).
store::RequestFacts facts_of(const store::RequestRecord& r);

core::Result<store::RequestRecord> visible_request(store::Tx& tx, const Services& s, const Actor& a,
                                                   std::int64_t id,
                                                   core::Use use = core::Use::read);

// What the author wants to do with their draft: the refusals differ.
enum class DraftUse { change, send };
// The author's own draft: another person is refused, a request sent is a conflict.
core::Result<store::RequestRecord> own_draft(store::Tx& tx, const Services& s, const Actor& a,
                                             std::int64_t id, DraftUse use);

// The request's panel, or a conflict when it is no longer configured.
core::Result<const core::PanelType*> panel_of(const Services& s, const store::RequestRecord& r);

// The approval step the actor may act on now, with its request and panel.
struct CurrentStep {
  store::RequestRecord request;
  const core::PanelType* panel = nullptr;
  const core::ApprovalStep* step = nullptr;
};
core::Result<CurrentStep> current_step(store::Tx& tx, const Services& s, const Actor& a,
                                       std::int64_t request_id);

}  // namespace casepanel::app
