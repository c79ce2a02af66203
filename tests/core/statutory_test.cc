// Tests for core/statutory: whether a hearing breaks a statutory date, and
// the check the coordinator's scheduling and moving make. CLAM: an emergency
// retrospective review "must be presented to panel within 7 working days of
// coming into care".
#include "core/statutory.h"

#include <gtest/gtest.h>

#include <string>

#include "iso_date.h"

namespace casepanel::core {
namespace {

struct Case {
  const char* due;  // "" for a request with no statutory date
  const char* heard_on;
  const char* reason;
  bool late;
  bool allowed;
  const char* why;
};

// Came into care on Monday 23 November 2026: 7 working days on is Wednesday
// 2 December (core::statutory_due).
const Case kCases[] = {
    {.due = "2026-12-02",
     .heard_on = "2026-12-01",
     .reason = "",
     .late = false,
     .allowed = true,
     .why = "the Tuesday sitting before the date is in time"},
    {.due = "2026-12-02",
     .heard_on = "2026-12-02",
     .reason = "",
     .late = false,
     .allowed = true,
     .why = "heard on the date itself is within 7 working days"},
    {.due = "2026-12-02",
     .heard_on = "2026-12-08",
     .reason = "",
     .late = true,
     .allowed = false,
     .why = "the next week's sitting is after it: refused without a reason"},
    {.due = "2026-12-02",
     .heard_on = "2026-12-08",
     .reason = "  \n ",
     .late = true,
     .allowed = false,
     .why = "a blank reason is no reason"},
    {.due = "2026-12-02",
     .heard_on = "2026-12-08",
     .reason = "No sitting before the date",
     .late = true,
     .allowed = true,
     .why = "late with the coordinator's reason"},
    {.due = "2026-12-02",
     .heard_on = "2026-12-03",
     .reason = "",
     .late = true,
     .allowed = false,
     .why = "one day late is late"},
    {.due = "",
     .heard_on = "2027-06-01",
     .reason = "",
     .late = false,
     .allowed = true,
     .why = "a request type with no statutory date is never late"},
};

TEST(Statutory, TheDeadlineTable) {
  for (const Case& c : kCases) {
    const std::optional<Date> due =
        std::string_view(c.due).empty() ? std::nullopt : std::optional<Date>(date(c.due));
    EXPECT_EQ(heard_after_deadline(due, date(c.heard_on)), c.late) << c.why;
    const Status s = check_statutory_date(due, date(c.heard_on), c.reason);
    EXPECT_EQ(s.ok(), c.allowed) << c.why;
    if (!s.ok()) {
      ASSERT_EQ(s.error().fields.size(), 1u) << c.why;
      EXPECT_EQ(s.error().fields[0].field, "late_reason") << c.why;
    }
  }
}

TEST(Statutory, TheRefusalNamesBothDates) {
  const Status s = check_statutory_date(date("2026-12-02"), date("2026-12-08"), "");
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().message,
            "This request must be heard by 2 December 2026 (statutory) and the sitting is on "
            "8 December 2026: enter why it is heard after that date");
}

TEST(Statutory, AReasonHasALimit) {
  const std::string long_reason(kMaxLateReasonChars + 1, 'x');
  EXPECT_FALSE(check_statutory_date(date("2026-12-02"), date("2026-12-08"), long_reason).ok());
  EXPECT_TRUE(check_statutory_date(date("2026-12-02"), date("2026-12-08"),
                                   std::string(kMaxLateReasonChars, 'x'))
                  .ok());
}

TEST(Statutory, TheTagSaysTheDateAndTheReason) {
  EXPECT_EQ(late_hearing_tag(date("2026-12-02"), "No sitting before the date"),
            "Heard after the statutory deadline of 2 December 2026: No sitting before the date");
  EXPECT_EQ(late_hearing_tag(date("2026-12-02"), ""),
            "Heard after the statutory deadline of 2 December 2026");
}

}  // namespace
}  // namespace casepanel::core
