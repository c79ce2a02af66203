// Reading stored dates and times strictly: what casepanel writes reads back;
// anything else is a broken database and throws, naming where it was.
#include "store/stored_values.h"

#include <gtest/gtest.h>

#include <stdexcept>

namespace casepanel::store {
namespace {

TEST(StoredValues, OnlyTheUtcFormCasepanelWritesIsAnInstant) {
  struct Case {
    const char* text;
    bool reads;
    const char* why;
  };
  const Case cases[] = {
      {.text = "2026-03-12T13:30:00Z", .reads = true, .why = "core::to_iso_utc's form"},
      {.text = "2026-03-12T23:59:59Z", .reads = true, .why = "the last second of a day"},
      {.text = "", .reads = false, .why = "empty is not 1 January 1970"},
      {.text = "yesterday", .reads = false, .why = "words are not a time"},
      {.text = "2026-03-12", .reads = false, .why = "a date alone is not an instant"},
      {.text = "2026-03-12T13:30:00", .reads = false, .why = "no Z: the zone is unknown"},
      {.text = "2026-03-12T13:30:00+01:00", .reads = false, .why = "casepanel stores UTC only"},
      {.text = "2026-02-30T13:30:00Z", .reads = false, .why = "30 February is not a date"},
      {.text = "2026-03-12T24:00:00Z", .reads = false, .why = "hour 24 is not a time"},
      {.text = "2026-03-12T13:3x:00Z", .reads = false, .why = "minutes must be digits"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.why);
    EXPECT_EQ(parse_stored_instant(c.text).has_value(), c.reads);
  }
  EXPECT_EQ(core::to_iso_utc(*parse_stored_instant("2026-03-12T13:30:00Z")),
            "2026-03-12T13:30:00Z");
}

TEST(StoredValues, AnUnreadableValueThrowsNamingTableIdColumnAndValue) {
  try {
    (void)stored_instant(std::string("soon"), {"approvals", 42, "at"});
    ADD_FAILURE() << "no exception";
  } catch (const std::runtime_error& e) {
    const std::string m = e.what();
    for (const char* part : {"approvals", "42", "at", "soon"}) {
      EXPECT_NE(m.find(part), std::string::npos) << m;
    }
  }
  EXPECT_THROW((void)stored_date(std::string("2026-13-01"), {"requests", 1, "statutory_due"}),
               std::runtime_error);
  // NULL and the empty text older rows hold are "no date", not an error.
  EXPECT_FALSE(stored_date(std::optional<std::string>{}, {"requests", 1, "statutory_due"}));
  EXPECT_FALSE(stored_date(std::optional<std::string>{""}, {"requests", 1, "statutory_due"}));
}

}  // namespace
}  // namespace casepanel::store
