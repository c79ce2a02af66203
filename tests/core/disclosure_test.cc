// Small numbers suppressed as the DfE's statistics suppress them
// (core/disclosure.h): a count from 1 to 4 is hidden, and so is the next
// smallest cell of a line whose shown total would give it away; a true 0
// stays.
#include "core/disclosure.h"

#include <gtest/gtest.h>

namespace casepanel::core {
namespace {

TEST(Disclosure, RowByRow) {
  const struct {
    CountGrid counts;
    std::vector<std::vector<bool>> hidden;
    const char* why;
  } rows[] = {
      {{{6}, {5}, {1}}, {{false}, {true}, {true}}, "1 hidden; 5 is the next smallest"},
      {{{6}, {3}, {2}}, {{false}, {true}, {true}}, "two hidden already: nothing more"},
      {{{6}, {0}, {1}}, {{true}, {false}, {true}}, "a true 0 is not a cover: 6 is hidden"},
      {{{9}, {7}}, {{false}, {false}}, "nothing small"},
      {{{0}, {0}}, {{false}, {false}}, "zeros stay"},
  };
  for (const auto& row : rows) {
    EXPECT_EQ(suppress(row.counts, TotalsShown::columns).cell, row.hidden) << row.why;
  }
  // Rows and columns: the row rule exposes a column, which is then protected.
  const auto both = suppress({{2, 8, 9}, {7, 9, 8}, {6, 7, 9}}, TotalsShown::both);
  EXPECT_TRUE(both.cell[0][0]);
  EXPECT_TRUE(both.cell[0][1]);  // row 0: next smallest after the 2
  EXPECT_TRUE(both.cell[2][0]);  // column 0: next smallest after the 2
}

}  // namespace
}  // namespace casepanel::core
