// The coordinator's triage queue and what the coordinator does with a
// submitted request: schedule it into a sitting (at a chosen time, or by
// accepting the proposed agenda), ask its author for more information,
// decline it, or refer it for consultation (CLAM Panel: the Permanency
// Planning Co-ordinator, for children with more complex needs or large
// sibling groups). Only people who may triage (coordinators and
// administrators) see the queue or act on it; every action is one
// transaction with its audit event and tells the people concerned.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "app/services.h"
#include "app/sittings.h"
#include "core/result.h"

namespace casepanel::app {

struct TriageItem {
  std::int64_t request_id = 0;
  std::string panel_id;
  std::string panel;
  std::string children;
  int child_count = 0;
  std::string request_type;
  std::string submitted;
  std::string statutory_due;
  bool overdue = false;  // its statutory date has passed
  std::string venue_preference;
  // Panels with a cut-off: "In time for 2 December 2026", "Late: missed the
  // cut-off for 25 November 2026", "Accepted late for ...".
  std::string cutoff_status;
  bool late = false;
  std::string papers;  // "8 of 8 documents: 5 files, 3 not provided"
  bool papers_complete = false;
  std::string consultation;                 // "Referred to ... on D", empty when not referred
  std::vector<core::Choice> consultations;  // the panel's, for the referral form
  bool consultation_suggested = false;      // a large sibling group
  int minutes = 0;
  std::vector<SittingSummary> sittings;  // where it fits, soonest first
};
// The queue of the panels the actor may triage (or, for oversight, read);
// recorded as `triage.view`, about one request when its page asks.
core::Result<std::vector<TriageItem>> triage_queue(Services& s, const Actor& a,
                                                   std::int64_t about_request = 0);

// Schedules into a sitting. `start` ("HH:MM", Europe/London) picks the slot;
// empty takes the first free one. The hearing must fit in a free gap.
core::Status schedule_request(Services& s, const Actor& a, std::int64_t request_id,
                              std::int64_t sitting_id, const std::string& start = "");

// The proposed agenda of a panel (core::propose_agenda): every submitted
// request placed into the planned sittings ahead, statutory ones first, or
// the reason it cannot be.
struct ProposedSlot {
  std::int64_t request_id = 0;
  std::string children;
  std::string request_type;
  bool statutory = false;
  std::int64_t sitting_id = 0;
  std::string sitting;  // "Tuesday 1 December 2026 at Horsham (CHN)"
  std::string start;    // HH:MM
  std::string end;
  std::string note;
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
};
// One proposal for each panel with requests in the queue.
core::Result<std::vector<AgendaProposal>> propose_agendas(Services& s, const Actor& a);
// Schedules every placement of the panel's proposal, worked out afresh in the
// same transaction (so it is what the queue holds now). Returns how many.
core::Result<int> accept_proposed_agenda(Services& s, const Actor& a, const std::string& panel_id);

// Sends the request back to its author, with the message, as a draft. Once
// changed and sent again it returns to the queue without going through the
// approvals again (they were given).
core::Status ask_for_information(Services& s, const Actor& a, std::int64_t request_id,
                                 const std::string& message);

// Declines the request, with the reason (told to the author and their manager).
core::Status decline_request(Services& s, const Actor& a, std::int64_t request_id,
                             const std::string& reason);

// Refers the request for consultation (one of the panel's [[consultations]]),
// telling the people who hold its role and the author. It stays in the queue.
core::Status refer_for_consultation(Services& s, const Actor& a, std::int64_t request_id,
                                    const std::string& consultation_id, const std::string& note);

}  // namespace casepanel::app
