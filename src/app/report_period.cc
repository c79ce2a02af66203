// The annual review's form (app/reports.h, report_scope): which panel and
// which period, checked field by field so that the page can show every
// problem at once (the GOV.UK error summary).
#include <charconv>

#include "app/reports.h"

namespace casepanel::app {
namespace {

constexpr int kMaxDays = 3653;  // ten years and their leap days

std::optional<int> whole_number(const std::string& text) {
  int n = 0;
  const char* end = text.data() + text.size();
  const auto [at, ec] = std::from_chars(text.data(), end, n);
  if (text.empty() || ec != std::errc() || at != end) {
    return std::nullopt;
  }
  return n;
}

std::optional<core::Date> period_date_of(const std::string& day, const std::string& month,
                                         const std::string& year) {
  const auto d = whole_number(day);
  const auto m = whole_number(month);
  const auto y = whole_number(year);
  if (!d || !m || !y || *y < 1900 || *y > 2200) {
    return std::nullopt;
  }
  const core::Date date{std::chrono::year{*y}, std::chrono::month{static_cast<unsigned>(*m)},
                        std::chrono::day{static_cast<unsigned>(*d)}};
  if (*m < 1 || *d < 1 || !date.ok()) {
    return std::nullopt;
  }
  return date;
}

std::optional<int> year_of(const std::string& text) {
  const auto y = whole_number(text);
  return y && *y >= 1900 && *y <= 2200 ? y : std::nullopt;
}

core::Date day(int y, unsigned m, unsigned d) {
  return core::Date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
}

// The period's first and last days, or the fields' problems.
void period_of(const ReportInput& in, ReportScope& out, std::vector<core::FieldError>& problems) {
  if (in.period == "year" || in.period == "quarter") {
    const auto y = year_of(in.year);
    if (!y) {
      problems.push_back({"year", "Enter a year as 4 digits, for example 2026"});
      return;
    }
    if (in.period == "year") {
      out.from = day(*y, 1, 1);
      out.to = day(*y, 12, 31);
      return;
    }
    const auto q = whole_number(in.quarter);
    if (!q || *q < 1 || *q > 4) {
      problems.push_back({"quarter", "Select a quarter"});
      return;
    }
    const auto first = static_cast<unsigned>(*q * 3 - 2);
    out.from = day(*y, first, 1);
    const core::Date last_month = day(*y, first + 2, 1);
    out.to = core::Date{std::chrono::year_month_day_last{
        last_month.year(), std::chrono::month_day_last{last_month.month()}}};
    return;
  }
  if (in.period != "range") {
    problems.push_back({"period", "Select a year, a quarter or a range of dates"});
    return;
  }
  const auto from = period_date_of(in.from_day, in.from_month, in.from_year);
  const auto to = period_date_of(in.to_day, in.to_month, in.to_year);
  if (!from) {
    problems.push_back({"from", "The start of the period must be a real date"});
  }
  if (!to) {
    problems.push_back({"to", "The end of the period must be a real date"});
  }
  if (from && to && *to < *from) {
    problems.push_back({"to", "The end of the period must be the same as or after the start"});
  }
  // A review covers years, not centuries: the month-by-month tables have a
  // column a month.
  if (from && to && *to >= *from &&
      std::chrono::sys_days{*to} - std::chrono::sys_days{*from} > std::chrono::days{kMaxDays}) {
    problems.push_back({"to", "The period must be 10 years or shorter"});
  }
  if (from && to) {
    out.from = *from;
    out.to = *to;
  }
}

}  // namespace

core::Result<ReportScope> report_scope(const Services& s, const ReportInput& in) {
  std::vector<core::FieldError> problems;
  ReportScope out;
  if (!in.panel.empty() && !s.panels.find(in.panel)) {
    problems.push_back({"panel", "Select a panel from the list"});
  }
  out.panel = in.panel;
  period_of(in, out, problems);
  if (!problems.empty()) {
    return core::Error::invalid_fields(std::move(problems));
  }
  return out;
}

}  // namespace casepanel::app
