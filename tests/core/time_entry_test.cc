#include "core/time_entry.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>

namespace casepanel::core {
namespace {

// What parse_time_entered makes of the text, as HH:MM, or "-" when refused.
std::string read(const std::string& text) {
  const std::optional<LocalTime> t = parse_time_entered(text);
  return t ? to_hh_mm(*t) : "-";
}

TEST(TimeEntry, AcceptsTheWaysPeopleWriteATime) {
  const struct {
    const char* typed;
    const char* means;
  } cases[] = {
      {"09:45", "09:45"},   {"9:45", "09:45"},      {"9.45", "09:45"},   {"9:45am", "09:45"},
      {"9.45 AM", "09:45"}, {"9.45 a.m.", "09:45"}, {"9am", "09:00"},    {"9 pm", "21:00"},
      {"1:30pm", "13:30"},  {"13.30", "13:30"},     {"12pm", "12:00"},   {"12:15am", "00:15"},
      {"12am", "00:00"},    {"noon", "12:00"},      {"Midday", "12:00"}, {" 17:00 ", "17:00"},
      {"00:00", "00:00"},   {"23:59", "23:59"},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(read(c.typed), c.means) << c.typed;
  }
}

TEST(TimeEntry, RefusesWhatIsNotATime) {
  for (const char* typed : {"", "9", "13", "13pm", "0am", "24:00", "9:60", "9:5", "9:455", "9;45",
                            "half one", "9:45xm", "9:45 am pm", ":45", "9.", "9..45", "-1:00"}) {
    EXPECT_EQ(read(typed), "-") << '"' << typed << '"';
  }
}

}  // namespace
}  // namespace casepanel::core
