#include "core/disclosure.h"

#include <optional>

namespace casepanel::core {
namespace {

// One line of the grid (a column or a row): its cells' positions.
struct Line {
  std::vector<std::pair<std::size_t, std::size_t>> cells;
};

// Applies the secondary rule to one line; true when it suppressed something.
bool protect(const CountGrid& counts, Disclosure& d, const Line& line, std::vector<bool>& totals,
             std::size_t total_at) {
  if (totals[total_at]) {
    return false;  // the total is hidden: nothing can be worked out from it
  }
  int hidden = 0;
  std::optional<std::pair<std::size_t, std::size_t>> smallest;
  for (const auto& [row, column] : line.cells) {
    const std::int64_t n = counts[row][column];
    if (d.cell[row][column]) {
      ++hidden;
    } else if (n > 0 && (!smallest || n < counts[smallest->first][smallest->second])) {
      smallest = std::pair{row, column};
    }
  }
  if (hidden != 1) {
    return false;
  }
  if (smallest) {
    d.cell[smallest->first][smallest->second] = true;
  } else {
    totals[total_at] = true;
  }
  return true;
}

}  // namespace

Disclosure suppress(const CountGrid& counts, TotalsShown totals) {
  const std::size_t rows = counts.size();
  const std::size_t columns = rows ? counts.front().size() : 0;
  Disclosure d;
  d.cell.assign(rows, std::vector<bool>(columns, false));
  d.column_total.assign(columns, false);
  d.row_total.assign(rows, false);
  for (std::size_t r = 0; r < rows; ++r) {
    std::int64_t sum = 0;
    for (std::size_t c = 0; c < columns; ++c) {
      d.cell[r][c] = small_number(counts[r][c]);
      sum += counts[r][c];
    }
    d.row_total[r] = small_number(sum);
  }
  for (std::size_t c = 0; c < columns; ++c) {
    std::int64_t sum = 0;
    for (std::size_t r = 0; r < rows; ++r) {
      sum += counts[r][c];
    }
    d.column_total[c] = small_number(sum);
  }
  const bool by_column = totals != TotalsShown::rows;
  const bool by_row = totals != TotalsShown::columns;
  for (bool changed = true; changed;) {
    changed = false;
    for (std::size_t c = 0; by_column && c < columns; ++c) {
      Line line;
      for (std::size_t r = 0; r < rows; ++r) {
        line.cells.push_back({r, c});
      }
      changed = protect(counts, d, line, d.column_total, c) || changed;
    }
    for (std::size_t r = 0; by_row && r < rows; ++r) {
      Line line;
      for (std::size_t c = 0; c < columns; ++c) {
        line.cells.push_back({r, c});
      }
      changed = protect(counts, d, line, d.row_total, r) || changed;
    }
  }
  return d;
}

}  // namespace casepanel::core
