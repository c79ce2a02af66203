// The request lifecycle, pair by pair: every (state, event) is either a row
// of kAllowed below, with the state it leads to, or refused with a message a
// person can read. The rows are DESIGN.md's "Request states" diagram.
#include "core/request_lifecycle.h"

#include <gtest/gtest.h>

#include "core/transition_rows.h"

#include <string>

namespace casepanel::core {
namespace {

using S = RequestState;
using E = RequestEvent;

struct Allowed {
  S from;
  E event;
  S to;
  const char* why;
};

constexpr Allowed kAllowed[] = {
    {.from = S::draft,
     .event = E::send,
     .to = S::awaiting_approval,
     .why = "CLAM 3: the Practice Manager quality-assures before the Group Manager"},
    {.from = S::draft,
     .event = E::send_without_approval,
     .to = S::submitted,
     .why = "a panel with no approval steps: straight to the coordinator"},
    {.from = S::awaiting_approval,
     .event = E::approve_step,
     .to = S::awaiting_approval,
     .why = "the next approval step waits"},
    {.from = S::awaiting_approval,
     .event = E::approve_last_step,
     .to = S::submitted,
     .why = "the last approval sends it to the coordinator"},
    {.from = S::awaiting_approval,
     .event = E::return_for_changes,
     .to = S::draft,
     .why = "an approver returns it to the author"},
    {.from = S::submitted,
     .event = E::ask_information,
     .to = S::draft,
     .why = "Support Panel: the administrator asks for what is missing"},
    {.from = S::submitted,
     .event = E::decline,
     .to = S::declined,
     .why = "triage: it does not meet the panel's criteria"},
    {.from = S::submitted,
     .event = E::schedule,
     .to = S::scheduled,
     .why = "the coordinator gives it a slot"},
    {.from = S::scheduled,
     .event = E::reschedule,
     .to = S::scheduled,
     .why = "its hearing moves; it stays scheduled"},
    {.from = S::scheduled,
     .event = E::unschedule,
     .to = S::submitted,
     .why = "its sitting was cancelled: it goes back to the queue"},
    {.from = S::scheduled, .event = E::hear, .to = S::heard, .why = "the panel heard it"},
    {.from = S::heard,
     .event = E::decide,
     .to = S::decided,
     .why = "every child has a decision record"},
    {.from = S::decided,
     .event = E::close,
     .to = S::closed,
     .why = "actions done and no return to panel pending"},
    {.from = S::draft, .event = E::withdraw, .to = S::withdrawn, .why = "the author withdraws"},
    {.from = S::awaiting_approval,
     .event = E::withdraw,
     .to = S::withdrawn,
     .why = "withdrawn while with a manager"},
    {.from = S::submitted,
     .event = E::withdraw,
     .to = S::withdrawn,
     .why = "withdrawn from the queue"},
    {.from = S::scheduled,
     .event = E::withdraw,
     .to = S::withdrawn,
     .why = "withdrawn before the hearing"},
};

TEST(RequestLifecycle, EveryStateAndEventPairIsAllowedExactlyAsTheTableSays) {
  int allowed = 0;
  for (S from : kRequestStates) {
    for (E event : kRequestEvents) {
      SCOPED_TRACE(std::string(state_id(from)) + " x " + std::string(event_id(event)));
      const Result<S> next = next_state(from, event);
      EXPECT_EQ(allows(from, event), next.ok());
      if (const Allowed* row = transition_row(kAllowed, from, event)) {
        ++allowed;
        ASSERT_TRUE(next.ok()) << row->why;
        EXPECT_EQ(*next, row->to) << row->why;
        continue;
      }
      ASSERT_FALSE(next.ok());
      EXPECT_EQ(next.error().kind, ErrorKind::conflict);
      EXPECT_NE(next.error().message.find("This request is "), std::string::npos);
    }
  }
  EXPECT_EQ(allowed, static_cast<int>(std::size(kAllowed)));
}

TEST(RequestLifecycle, FinalStatesHaveNoWayOut) {
  for (S final_state : {S::declined, S::withdrawn, S::closed}) {
    for (E event : kRequestEvents) {
      EXPECT_FALSE(allows(final_state, event)) << state_id(final_state) << " x " << event_id(event);
    }
  }
}

TEST(RequestLifecycle, ARefusalSaysWhereTheRequestIsAndWhatCannotHappen) {
  const Result<S> next = next_state(S::declined, E::schedule);
  ASSERT_FALSE(next.ok());
  EXPECT_EQ(next.error().message, "This request is declined, so it cannot be scheduled");
  EXPECT_EQ(next_state(S::awaiting_approval, E::decline).error().message,
            "This request is awaiting approval, so it cannot be declined");
}

TEST(RequestLifecycle, EveryStateHasAnIdThatReadsBack) {
  for (S s : kRequestStates) {
    EXPECT_EQ(state_from_id(state_id(s)), s);
    EXPECT_FALSE(state_label(s).empty());
  }
  EXPECT_FALSE(state_from_id("more_information_needed").has_value());
  EXPECT_FALSE(state_from_id("").has_value());
  EXPECT_EQ(state_label(S::awaiting_approval), "Awaiting approval");
}

TEST(RequestLifecycle, OnlyDraftsAndRequestsAwaitingApprovalAreNotYetSentOn) {
  for (S s : kRequestStates) {
    EXPECT_EQ(sent_on(s), s != S::draft && s != S::awaiting_approval) << state_id(s);
  }
}

TEST(RequestLifecycle, TriagedOnceGivenASlotOrDeclined) {
  const struct {
    S state;
    bool triaged;
    const char* why;
  } rows[] = {
      {.state = S::draft, .triaged = false, .why = "not sent"},
      {.state = S::awaiting_approval, .triaged = false, .why = "not yet with the coordinator"},
      {.state = S::submitted, .triaged = false, .why = "waiting in the triage queue"},
      {.state = S::scheduled, .triaged = true, .why = "given a slot"},
      {.state = S::heard, .triaged = true, .why = "given a slot, then heard"},
      {.state = S::decided, .triaged = true, .why = "heard and decided"},
      {.state = S::closed, .triaged = true, .why = "decided and closed"},
      {.state = S::declined, .triaged = true, .why = "the coordinator declined it"},
      {.state = S::withdrawn, .triaged = false, .why = "withdrawn, perhaps before triage"},
  };
  for (const auto& row : rows) {
    EXPECT_EQ(triaged(row.state), row.triaged) << row.why;
  }
}

}  // namespace
}  // namespace casepanel::core
