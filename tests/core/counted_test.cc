// core/counted.h: counts as sentences and pages write them.
#include "core/counted.h"

#include <gtest/gtest.h>

#include <limits>

namespace casepanel::core {
namespace {

TEST(Counted, NumbersHaveACommaBetweenThousands) {
  const struct {
    std::int64_t n;
    const char* written;
    const char* why;
  } rows[] = {
      {.n = 0, .written = "0", .why = "nothing"},
      {.n = 999, .written = "999", .why = "no comma under a thousand"},
      {.n = 1000,
       .written = "1,000",
       .why = "GOV.UK style guide: 'use commas for numbers over 999'"},
      {.n = 4298, .written = "4,298", .why = "the large demo's requests of 2025"},
      {.n = 100000, .written = "100,000", .why = "a group of three zeros"},
      {.n = 7500000, .written = "7,500,000", .why = "the national demo's hearings"},
      {.n = -1234, .written = "-1,234", .why = "the sign stays in front"},
      {.n = -999, .written = "-999", .why = "no comma after the sign"},
      {.n = std::numeric_limits<std::int64_t>::min(),
       .written = "-9,223,372,036,854,775,808",
       .why = "the smallest, whose magnitude no int64 holds"},
  };
  for (const auto& row : rows) {
    EXPECT_EQ(thousands(row.n), row.written) << row.why;
  }
  EXPECT_EQ(counted(1, "case", "cases"), "1 case");
}

}  // namespace
}  // namespace casepanel::core
