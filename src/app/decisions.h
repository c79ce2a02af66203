// Recording decisions at a hearing: the form (the children still without a
// decision, the panel's decision catalogue, who may own an action) and the
// use case that records one child's decision, with the action it creates.
// The checks on what was typed and on the sitting's date are core's
// (core/decisions.h); this file reads, writes, audits and tells.
//
// Once every child of the hearing has a decision, the hearing is heard and
// so is its request (core::next_state, RequestEvent::hear).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "app/requests.h"
#include "app/services.h"
#include "core/decisions.h"
#include "core/result.h"

namespace casepanel::app {

struct DecisionForm {
  std::int64_t hearing_id = 0;
  std::int64_t sitting_id = 0;
  std::string sitting;
  std::vector<NamedId> children;  // those without a decision yet
  std::vector<core::Choice> decisions;
  std::vector<NamedId> owners;  // who may own an action
};
core::Result<DecisionForm> decision_form(Services& s, const Actor& a, std::int64_t hearing_id);

// As typed on the form (core checks it).
using DecisionInput = core::DecisionEntry;
core::Status record_decision(Services& s, const Actor& a, std::int64_t hearing_id,
                             const DecisionInput& in);

}  // namespace casepanel::app
