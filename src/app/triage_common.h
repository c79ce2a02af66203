// What the coordinator's triage actions share (internal to app/): loading a
// request waiting in the queue, whether the actor may triage a panel, the
// hearings already booked at a sitting, and putting a request on a sitting's
// agenda (scheduling, by hand or by accepting the proposed agenda).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/services.h"
#include "core/agenda.h"
#include "core/result.h"
#include "core/sittings.h"
#include "store/request_queue.h"
#include "store/requests.h"

namespace casepanel::app {

// A submitted request, for the coordinator's actions.
struct Submitted {
  store::RequestRecord request;
  const core::PanelType* panel = nullptr;
};
// Only the coordinators of the request's panel triage it (core/access.h);
// only a request waiting in the queue can be triaged.
core::Result<Submitted> load_submitted(store::Tx& tx, const Services& s, const Actor& a,
                                       std::int64_t request_id);

// Whether the actor may use the triage of this panel: the coordinators who
// serve it change it, oversight reads every panel's (core/access.h).
bool triage_allowed(store::Tx& tx, const Services& s, const Actor& a, const std::string& panel_id,
                    core::Use use);

// The booked hearings of a sitting, as [start, end), in order.
std::vector<core::Booking> booked(store::Tx& tx, std::int64_t sitting_id);

// Puts the request on the sitting's agenda (the request is scheduled,
// core::next_state), audited, and tells its presenters. Giving it a slot is
// the coordinator's triage decision (CLAM: "Triage and screening of the
// requests will be undertaken by the CLAM Coordinator ... If appropriate, a
// 15 minute slot will be given"): the request is marked triaged
// (store::mark_triaged), as it is when more information is asked for or it is
// declined (app/triage_outcomes.cc). `late_reason`: why
// a statutory request is heard after its date (core/statutory.h), kept on
// the hearing; empty when it is in time.
core::Status put_on_agenda(store::Tx& tx, const Services& s, const Actor& a,
                           const core::Placement& p, nlohmann::json detail,
                           const std::string& late_reason = "");

}  // namespace casepanel::app
