// The SQL of each report measure (store/reports.h), for reports.cc only: the
// rows it counts (FROM ... WHERE), the day each row is dated by, and its key.
// A text may hold {today}, which reports.cc binds to the filter's today.
// {today} is only ever compared as "DAY < {today}", where DAY is the
// measure's day: the summary rows (store/report_summary.h) rely on it to
// count a row once with today before its day and once with today after.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

#include "store/reports.h"

namespace casepanel::store {

struct MeasureSql {
  Measure measure;
  std::string_view id;
  std::string_view key;    // an expression: the group a row falls in
  std::string_view day;    // an expression: the ISO day a row is dated by
  std::string_view from;   // FROM ... JOIN ...: names r (requests) and t (teams)
  std::string_view where;  // the rows counted, before the period and scope
};

const MeasureSql& measure_sql(Measure m);
// Every measure, in the order of enum Measure.
std::span<const MeasureSql> all_measure_sql();
// The measure's place in that list: how the summary rows name it.
std::int64_t measure_number(Measure m);

}  // namespace casepanel::store
