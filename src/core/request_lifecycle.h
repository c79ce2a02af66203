// The life of a request to panel, as one transition function: given the
// state a request is in and what someone does to it, the state it moves to,
// or a typed refusal saying why not. Nothing else in casepanel compares
// request states to decide what may happen (DESIGN.md, Request states).
//
//   draft --send--> awaiting_approval --approve_step--> awaiting_approval
//     |                 |  \--approve_last_step--> submitted
//     |                 \--return_for_changes--> draft
//     \--send_without_approval--> submitted        (a panel with no approval steps)
//   submitted --schedule--> scheduled --reschedule--> scheduled
//   submitted --ask_information--> draft            (more information needed)
//   submitted --decline--> declined
//   scheduled --unschedule--> submitted              (its sitting was cancelled)
//   scheduled --hear--> heard --decide--> decided --close--> closed
//   draft | awaiting_approval | submitted | scheduled --withdraw--> withdrawn
//
// declined, withdrawn and closed are final: nothing moves a request out of them.
//
// Pure: values in, values out; safe from any thread.
#pragma once

#include <optional>
#include <string_view>

#include "core/result.h"

namespace casepanel::core {

enum class RequestState {
  draft,
  awaiting_approval,
  submitted,
  scheduled,
  heard,
  decided,
  closed,
  declined,
  withdrawn,
};
inline constexpr RequestState kRequestStates[] = {
    RequestState::draft,     RequestState::awaiting_approval,
    RequestState::submitted, RequestState::scheduled,
    RequestState::heard,     RequestState::decided,
    RequestState::closed,    RequestState::declined,
    RequestState::withdrawn,
};
// The id stored in the database ("awaiting_approval").
std::string_view state_id(RequestState s);
// The state an id names; none for an id casepanel never wrote (the store
// treats that as a broken database and fails closed).
std::optional<RequestState> state_from_id(std::string_view id);
// What a person reads ("Awaiting approval").
std::string_view state_label(RequestState s);

enum class RequestEvent {
  send,                   // the author sends the draft to the first approval step
  send_without_approval,  // ... straight to the coordinator, where the panel has no steps
  approve_step,           // an approver approves a step that is not the last
  approve_last_step,      // the last approver approves: the coordinator's queue
  return_for_changes,     // an approver returns it to the author
  ask_information,        // the coordinator needs more information: back to the author
  decline,                // the coordinator declines it
  schedule,               // the coordinator gives it a slot at a sitting
  reschedule,             // its hearing moves to another slot or sitting
  unschedule,             // its sitting was cancelled: back to the queue
  hear,                   // the panel has heard it
  decide,                 // every child has a decision record
  close,                  // actions done, no return to panel pending
  withdraw,               // the author withdraws it before it is heard
};
inline constexpr RequestEvent kRequestEvents[] = {
    RequestEvent::send,
    RequestEvent::send_without_approval,
    RequestEvent::approve_step,
    RequestEvent::approve_last_step,
    RequestEvent::return_for_changes,
    RequestEvent::ask_information,
    RequestEvent::decline,
    RequestEvent::schedule,
    RequestEvent::reschedule,
    RequestEvent::unschedule,
    RequestEvent::hear,
    RequestEvent::decide,
    RequestEvent::close,
    RequestEvent::withdraw,
};
// "send", "approve_step" ...: for audit details and test names.
std::string_view event_id(RequestEvent e);

// The state after `event`, or a conflict (HTTP 409) whose message a person
// can read: "This request is declined, so it cannot be scheduled".
Result<RequestState> next_state(RequestState from, RequestEvent event);

// Whether `event` may happen now; the same answer as next_state, for pages
// deciding which buttons to offer.
bool allows(RequestState from, RequestEvent event);

// Submitted or further on: the coordinator and the panel may see it; before
// that it is a draft of its author's line (docs/access.md).
bool sent_on(RequestState s);

// Past the coordinator's triage: given a slot (scheduled or further on) or
// declined. A request sent back for more information is a draft again, and a
// withdrawn one may never have been triaged: neither says.
bool triaged(RequestState s);

}  // namespace casepanel::core
