// The proposed agenda of a panel (core::propose_agenda): every submitted
// request placed into the planned sittings of the next twelve weeks,
// statutory ones first, or the reason it cannot be. The coordinator sees the
// proposal and may accept it whole, which schedules every placement.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "app/services.h"
#include "core/result.h"

namespace casepanel::app {

struct ProposedSlot {
  std::int64_t request_id = 0;
  std::string children;
  std::string request_type;
  bool statutory = false;
  bool immediate = false;  // must go to the next sitting (Support Panel 2.2)
  std::int64_t sitting_id = 0;
  std::string sitting;  // "Tuesday 1 December 2026 at Horsham (CHN)"
  std::string start;    // HH:MM
  std::string end;
  std::string note;
  // "After its statutory deadline of 9 December 2026" (core/statutory.h):
  // accepting the proposal then needs the coordinator's reason.
  std::string breach;
};
struct UnplacedRequest {
  std::int64_t request_id = 0;
  std::string children;
  std::string reason;
};
struct AgendaProposal {
  std::string panel_id;
  std::string panel;
  std::vector<ProposedSlot> slots;
  std::vector<UnplacedRequest> unplaced;
  bool breaches = false;  // some slot is after its statutory deadline
};
// One proposal for each panel with requests in the queue.
core::Result<std::vector<AgendaProposal>> propose_agendas(Services& s, const Actor& a);
// Schedules every placement of the panel's proposal, worked out afresh in the
// same transaction (so it is what the queue holds now). Returns how many.
// A placement after a request's statutory deadline is refused (error on
// "late_reason") unless `late_reason` says why; the reason is kept on each
// such hearing and audited, as when scheduling one request.
core::Result<int> accept_proposed_agenda(Services& s, const Actor& a, const std::string& panel_id,
                                         const std::string& late_reason = "");

}  // namespace casepanel::app
