// The annual review's equality tables (app/reports.h): the children of the
// requests submitted and the children with a decision, by age band, gender,
// ethnicity and disability, with small numbers suppressed as the DfE's
// statistics do (core/disclosure.h). A suppressed cell has no list of cases:
// the list's length would give the number away.
#include <algorithm>

#include "app/report_parts.h"
#include "core/disclosure.h"

namespace casepanel::app::report {
namespace {

using M = store::Measure;

struct Characteristic {
  const char* id;
  const char* words;
  M requested;
  M decided;
};
constexpr Characteristic kCharacteristics[] = {
    {"age", "Age band", M::requested_by_age, M::decided_by_age},
    {"gender", "Gender", M::requested_by_gender, M::decided_by_gender},
    {"ethnicity", "Ethnicity", M::requested_by_ethnicity, M::decided_by_ethnicity},
    {"disability", "Disability", M::requested_by_disability, M::decided_by_disability},
};

ReportCell shown(std::int64_t n, bool suppressed, M m, std::optional<std::string> key) {
  if (!suppressed) {
    return count(n, m, std::move(key));
  }
  ReportCell cell;
  cell.text = "[c]";
  cell.kind = CellKind::suppressed;
  cell.numeric = true;
  return cell;
}

ReportTable characteristic_table(const Context& c, const Characteristic& ch) {
  const auto requested = counts(c, ch.requested);
  const auto decided = counts(c, ch.decided);
  std::vector<std::string> keys;
  if (std::string_view(ch.id) == "age") {
    keys = {"under_1", "1_to_4", "5_to_9", "10_to_15", "16_and_over"};
  }
  for (const auto* m : {&requested, &decided}) {
    for (const auto& [key, n] : *m) {
      if (std::find(keys.begin(), keys.end(), key) == keys.end()) {
        keys.push_back(key);
      }
    }
  }
  core::CountGrid grid;
  for (const std::string& key : keys) {
    const auto get = [&](const std::map<std::string, std::int64_t>& m) {
      const auto at = m.find(key);
      return at == m.end() ? std::int64_t{0} : at->second;
    };
    grid.push_back({get(requested), get(decided)});
  }
  const core::Disclosure hide = core::suppress(grid, core::TotalsShown::columns);
  ReportTable t;
  t.id = std::string("equality.") + ch.id;
  t.title = std::string("Children by ") + (ch.id == std::string_view("age") ? "age band" : ch.id);
  t.headings = {ch.words, "Children in requests submitted", "Children with a decision"};
  std::int64_t total_requested = 0, total_decided = 0;
  for (std::size_t r = 0; r < keys.size(); ++r) {
    total_requested += grid[r][0];
    total_decided += grid[r][1];
    t.rows.push_back({label(key_words(c, ch.requested, keys[r])),
                      shown(grid[r][0], hide.cell[r][0], ch.requested, keys[r]),
                      shown(grid[r][1], hide.cell[r][1], ch.decided, keys[r])});
  }
  const bool empty = keys.empty();  // no rows: no column totals to hide
  t.rows.push_back(
      {label("Total"),
       shown(total_requested, !empty && hide.column_total[0], ch.requested, std::nullopt),
       shown(total_decided, !empty && hide.column_total[1], ch.decided, std::nullopt)});
  t.note =
      "[c]: a number from 1 to 4, or one from which such a number could be worked out, is not "
      "shown.";
  return t;
}

}  // namespace

ReportSection equality_section(const Context& c) {
  ReportSection s{"equality", "Equality", {}};
  for (const Characteristic& ch : kCharacteristics) {
    s.tables.push_back(characteristic_table(c, ch));
  }
  return s;
}

}  // namespace casepanel::app::report
