// The minutes lifecycle, pair by pair: every (status, event) is either a row
// of kAllowed below, with the status it leads to, or refused with a message
// a person can read. The rows are DESIGN.md's "Minutes: per sitting: draft
// (panel administrator) -> with the chair -> authorised; after that
// immutable, corrected only by addenda".
#include "core/minutes.h"

#include <gtest/gtest.h>

#include "core/transition_rows.h"

namespace casepanel::core {
namespace {

using S = MinutesStatus;
using E = MinutesEvent;
using std::chrono::year;

struct Allowed {
  S from;
  E event;
  S to;
  const char* why;
};

constexpr Allowed kAllowed[] = {
    {.from = S::draft,
     .event = E::save,
     .to = S::draft,
     .why = "Support Panel 6: the administrator drafts the minutes, as often as needed"},
    {.from = S::draft,
     .event = E::send,
     .to = S::with_chair,
     .why = "the draft goes to the chair to be authorised"},
    {.from = S::with_chair,
     .event = E::return_to_draft,
     .to = S::draft,
     .why = "the chair returns them with comments"},
    {.from = S::with_chair,
     .event = E::authorise,
     .to = S::authorised,
     .why = "Support Panel 6: minutes authorised by the panel chair"},
    {.from = S::authorised,
     .event = E::add_addendum,
     .to = S::authorised,
     .why = "authorised minutes are corrected only by an addendum"},
};

TEST(MinutesLifecycle, EveryPairIsAllowedOrRefusedInWords) {
  for (S from : kMinutesStatuses) {
    for (E event : kMinutesEvents) {
      const auto next = next_minutes_status(from, event);
      const std::string pair =
          std::string(minutes_status_id(from)) + " x " + std::string(minutes_event_id(event));
      if (const Allowed* a = transition_row(kAllowed, from, event)) {
        ASSERT_TRUE(next.ok()) << pair << ": " << a->why;
        EXPECT_EQ(*next, a->to) << pair << ": " << a->why;
        EXPECT_TRUE(minutes_allow(from, event)) << pair;
      } else {
        ASSERT_FALSE(next.ok()) << pair << " should be refused";
        EXPECT_EQ(next.error().kind, ErrorKind::conflict) << pair;
        EXPECT_FALSE(next.error().message.empty()) << pair;
        EXPECT_FALSE(minutes_allow(from, event)) << pair;
      }
    }
  }
}

TEST(MinutesLifecycle, AuthorisedMinutesPointToAnAddendum) {
  for (E event : {E::save, E::send, E::return_to_draft, E::authorise}) {
    const auto next = next_minutes_status(S::authorised, event);
    ASSERT_FALSE(next.ok());
    EXPECT_NE(next.error().message.find("addendum"), std::string::npos);
  }
}

TEST(MinutesLifecycle, StatusIdsReadBack) {
  for (S s : kMinutesStatuses) {
    EXPECT_EQ(minutes_status_from_id(minutes_status_id(s)), s);
    EXPECT_FALSE(minutes_status_label(s).empty());
  }
  EXPECT_EQ(minutes_status_from_id("approved"), std::nullopt);
}

struct WhenCase {
  SittingStatus status;
  Date today;
  bool allowed;
  const char* why;
};

const Date kSitting = year{2026} / 12 / 2;
const WhenCase kWhen[] = {
    {.status = SittingStatus::planned,
     .today = year{2026} / 12 / 1,
     .allowed = false,
     .why = "the day before the sitting: nothing to minute yet"},
    {.status = SittingStatus::planned,
     .today = year{2026} / 12 / 2,
     .allowed = true,
     .why = "on the day, after the hearings"},
    {.status = SittingStatus::held,
     .today = year{2026} / 12 / 9,
     .allowed = true,
     .why = "a week later"},
    {.status = SittingStatus::cancelled,
     .today = year{2026} / 12 / 9,
     .allowed = false,
     .why = "a cancelled sitting has no minutes"},
};

TEST(MinutesLifecycle, WrittenOnOrAfterTheSittingNeverForACancelledOne) {
  for (const WhenCase& c : kWhen) {
    EXPECT_EQ(may_minute(c.status, kSitting, c.today).ok(), c.allowed) << c.why;
  }
}

struct TextCase {
  std::string text;
  std::string why_text;
  std::vector<std::string> fields;  // in error
  const char* why;
};

TEST(MinutesLifecycle, AnAddendumNeedsItsTextAndWhy) {
  const TextCase cases[] = {
      {.text = "The action owner is Sam Alpha.",
       .why_text = "The wrong owner was minuted.",
       .fields = {},
       .why = "both given"},
      {.text = " ", .why_text = "A typo.", .fields = {"text"}, .why = "blank text"},
      {.text = "Corrected.", .why_text = "", .fields = {"why"}, .why = "no reason"},
      {.text = "", .why_text = "\n", .fields = {"text", "why"}, .why = "neither"},
  };
  for (const TextCase& c : cases) {
    const Status done = check_addendum(c.text, c.why_text);
    ASSERT_EQ(done.ok(), c.fields.empty()) << c.why;
    if (!done.ok()) {
      std::vector<std::string> fields;
      for (const FieldError& e : done.error().fields) {
        fields.push_back(e.field);
      }
      EXPECT_EQ(fields, c.fields) << c.why;
    }
  }
}

TEST(MinutesLifecycle, AReturnNeedsComments) {
  EXPECT_FALSE(check_return("  ").ok());
  EXPECT_EQ(check_return("").error().fields.at(0).field, "comments");
  EXPECT_TRUE(check_return("Add the FGC referral date to the second hearing.").ok());
}

}  // namespace
}  // namespace casepanel::core
