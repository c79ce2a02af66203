#include "core/request_lifecycle.h"

#include <array>
#include <string>

namespace casepanel::core {
namespace {

struct StateName {
  RequestState state;
  std::string_view id;
  std::string_view label;
};
constexpr std::array<StateName, 9> kStates{{
    {RequestState::draft, "draft", "Draft"},
    {RequestState::awaiting_approval, "awaiting_approval", "Awaiting approval"},
    {RequestState::submitted, "submitted", "Submitted"},
    {RequestState::scheduled, "scheduled", "Scheduled"},
    {RequestState::heard, "heard", "Heard"},
    {RequestState::decided, "decided", "Decided"},
    {RequestState::closed, "closed", "Closed"},
    {RequestState::declined, "declined", "Declined"},
    {RequestState::withdrawn, "withdrawn", "Withdrawn"},
}};

constexpr bool states_in_enum_order() {
  for (std::size_t i = 0; i < kStates.size(); ++i) {
    if (static_cast<std::size_t>(kStates[i].state) != i) {
      return false;
    }
  }
  return true;
}
static_assert(states_in_enum_order(), "kStates is indexed by RequestState");

struct EventName {
  RequestEvent event;
  std::string_view id;
  std::string_view verb;  // "This request is X, so it cannot be <verb>"
};
constexpr std::array<EventName, 14> kEvents{{
    {RequestEvent::send, "send", "sent for approval"},
    {RequestEvent::send_without_approval, "send_without_approval", "sent to the coordinator"},
    {RequestEvent::approve_step, "approve_step", "approved"},
    {RequestEvent::approve_last_step, "approve_last_step", "approved"},
    {RequestEvent::return_for_changes, "return_for_changes", "returned for changes"},
    {RequestEvent::ask_information, "ask_information", "sent back for more information"},
    {RequestEvent::decline, "decline", "declined"},
    {RequestEvent::schedule, "schedule", "scheduled"},
    {RequestEvent::reschedule, "reschedule", "moved to another slot"},
    {RequestEvent::unschedule, "unschedule", "taken off a sitting"},
    {RequestEvent::hear, "hear", "heard"},
    {RequestEvent::decide, "decide", "decided"},
    {RequestEvent::close, "close", "closed"},
    {RequestEvent::withdraw, "withdraw", "withdrawn"},
}};

constexpr bool events_in_enum_order() {
  for (std::size_t i = 0; i < kEvents.size(); ++i) {
    if (static_cast<std::size_t>(kEvents[i].event) != i) {
      return false;
    }
  }
  return true;
}
static_assert(events_in_enum_order(), "kEvents is indexed by RequestEvent");

struct Transition {
  RequestState from;
  RequestEvent event;
  RequestState to;
};
// The whole lifecycle; the header's diagram drawn as rows.
constexpr Transition kTransitions[] = {
    {RequestState::draft, RequestEvent::send, RequestState::awaiting_approval},
    {RequestState::draft, RequestEvent::send_without_approval, RequestState::submitted},
    {RequestState::awaiting_approval, RequestEvent::approve_step, RequestState::awaiting_approval},
    {RequestState::awaiting_approval, RequestEvent::approve_last_step, RequestState::submitted},
    {RequestState::awaiting_approval, RequestEvent::return_for_changes, RequestState::draft},
    {RequestState::submitted, RequestEvent::ask_information, RequestState::draft},
    {RequestState::submitted, RequestEvent::decline, RequestState::declined},
    {RequestState::submitted, RequestEvent::schedule, RequestState::scheduled},
    {RequestState::scheduled, RequestEvent::reschedule, RequestState::scheduled},
    {RequestState::scheduled, RequestEvent::unschedule, RequestState::submitted},
    {RequestState::scheduled, RequestEvent::hear, RequestState::heard},
    {RequestState::heard, RequestEvent::decide, RequestState::decided},
    {RequestState::decided, RequestEvent::close, RequestState::closed},
    {RequestState::draft, RequestEvent::withdraw, RequestState::withdrawn},
    {RequestState::awaiting_approval, RequestEvent::withdraw, RequestState::withdrawn},
    {RequestState::submitted, RequestEvent::withdraw, RequestState::withdrawn},
    {RequestState::scheduled, RequestEvent::withdraw, RequestState::withdrawn},
};

const Transition* find(RequestState from, RequestEvent event) {
  for (const Transition& t : kTransitions) {
    if (t.from == from && t.event == event) {
      return &t;
    }
  }
  return nullptr;
}

std::string_view verb(RequestEvent e) {
  for (const auto& n : kEvents) {
    if (n.event == e) {
      return n.verb;
    }
  }
  return "changed";
}

// "awaiting approval", "declined": the state as it reads mid-sentence.
std::string in_sentence(RequestState s) {
  std::string label(state_label(s));
  if (!label.empty()) {
    label[0] = static_cast<char>(label[0] - 'A' + 'a');
  }
  return label;
}

}  // namespace

std::string_view state_id(RequestState s) { return kStates[static_cast<std::size_t>(s)].id; }

std::optional<RequestState> state_from_id(std::string_view id) {
  for (const auto& n : kStates) {
    if (n.id == id) {
      return n.state;
    }
  }
  return std::nullopt;
}

std::string_view state_label(RequestState s) { return kStates[static_cast<std::size_t>(s)].label; }

std::string_view event_id(RequestEvent e) { return kEvents[static_cast<std::size_t>(e)].id; }

Result<RequestState> next_state(RequestState from, RequestEvent event) {
  if (const Transition* t = find(from, event)) {
    return t->to;
  }
  return Error::conflict("This request is " + in_sentence(from) + ", so it cannot be " +
                         std::string(verb(event)));
}

bool allows(RequestState from, RequestEvent event) { return find(from, event) != nullptr; }

bool sent_on(RequestState s) {
  return s != RequestState::draft && s != RequestState::awaiting_approval;
}

bool triaged(RequestState s) {
  switch (s) {
    case RequestState::scheduled:
    case RequestState::heard:
    case RequestState::decided:
    case RequestState::closed:
    case RequestState::declined:
      return true;
    case RequestState::draft:
    case RequestState::awaiting_approval:
    case RequestState::submitted:
    case RequestState::withdrawn:
      return false;
  }
  return false;
}

}  // namespace casepanel::core
