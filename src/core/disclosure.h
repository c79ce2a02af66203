// Small numbers in published figures (issue 16, the annual review's
// equality tables), as the DfE's statistics suppress them: a count from 1 to
// 4 is shown as "[c]", and so is any count from which one could be worked
// out. A true 0 stays 0 (it discloses nobody).
//
// Primary suppression: every cell (and every shown total) from 1 to 4.
// Secondary suppression: a line (a column, or a row) whose total is shown
// and which has exactly one suppressed cell would give that cell away (the
// total less the others), so the next smallest shown non-zero cell in the
// line is suppressed too; where there is none, the line's total is. This
// repeats until no line gives a cell away, since each new suppression may
// expose another line.
//
// Pure: values in, values out.
#pragma once

#include <cstdint>
#include <vector>

namespace casepanel::core {

using CountGrid = std::vector<std::vector<std::int64_t>>;  // [row][column]

enum class TotalsShown { columns, rows, both };

struct Disclosure {
  std::vector<std::vector<bool>> cell;  // [row][column]: shown as "[c]"
  std::vector<bool> column_total;       // one a column
  std::vector<bool> row_total;          // one a row
};

inline constexpr std::int64_t kSmallestShown = 5;
inline bool small_number(std::int64_t n) { return n > 0 && n < kSmallestShown; }

// Which cells and totals of a grid (every row as long as the first) to show
// as "[c]", with totals shown for its columns, rows or both.
Disclosure suppress(const CountGrid& counts, TotalsShown totals);

}  // namespace casepanel::core
