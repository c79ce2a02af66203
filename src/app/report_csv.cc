// The annual review as one tidy CSV (app/report_export.h).
#include "app/report_export.h"

#include <initializer_list>
#include <string_view>
#include <utility>

namespace casepanel::app {
namespace {

// RFC 4180: a field holding a comma, a quote or a line break is quoted, and
// its quotes doubled.
std::string field(const std::string& text) {
  if (text.find_first_of(",\"\r\n") == std::string::npos) {
    return text;
  }
  std::string out = "\"";
  for (char ch : text) {
    out += ch;
    if (ch == '"') {
      out += '"';
    }
  }
  return out + "\"";
}

// "12", "-3", "4.5": written as it is (a number is never a formula).
bool plain_number(const std::string& text) {
  const std::size_t start = !text.empty() && text.front() == '-' ? 1 : 0;
  if (start == text.size() || text[start] == '.') {
    return false;
  }
  int points = 0;
  for (std::size_t i = start; i < text.size(); ++i) {
    if (text[i] == '.') {
      ++points;
    } else if (text[i] < '0' || text[i] > '9') {
      return false;
    }
  }
  return points <= 1 && text.back() != '.';
}

void line(std::string& out, std::initializer_list<std::string> fields) {
  bool first = true;
  for (const std::string& f : fields) {
    out += first ? "" : ",";
    out += field(plain_number(f) ? f : neutralise_formula(f));
    first = false;
  }
  out += "\r\n";
}

// The value as an analyst's tools read it, and what it is. A share is
// written as its number of per cent ("75"); "-" (nothing to work it out
// of) as an empty value, which R and pandas read as missing.
std::pair<std::string, std::string> value_and_unit(const ReportCell& c) {
  switch (c.kind) {
    case CellKind::count:
      return {c.text, "count"};
    case CellKind::suppressed:
      return {c.text, "count"};
    case CellKind::number:
    case CellKind::decimal:
      return {c.text, "number"};
    case CellKind::percent:
      return {c.text.substr(0, c.text.size() - 1), "percent"};
    case CellKind::words:
      break;
  }
  if (c.numeric && c.text == "-") {
    return {"", ""};
  }
  return {c.text, ""};
}

}  // namespace

std::string neutralise_formula(std::string text) {
  // OWASP, CSV injection: a cell beginning with one of these is a formula
  // (or becomes one) in Excel, LibreOffice and Google Sheets.
  if (!text.empty() && std::string_view("=+-@\t\r").find(text.front()) != std::string_view::npos) {
    text.insert(text.begin(), '\'');
  }
  return text;
}

std::string report_csv(const Report& report) {
  std::string out;
  line(out,
       {"panel", "period_from", "period_to", "section", "table", "row", "column", "value", "unit"});
  const std::string panel = report.panel_name;
  const std::string from = core::to_iso(report.scope.from);
  const std::string to = core::to_iso(report.scope.to);
  for (const ReportSection& section : report.sections) {
    for (const ReportTable& table : section.tables) {
      for (const std::vector<ReportCell>& row : table.rows) {
        // The row's label is its first cell; each other cell is one figure,
        // named by its column's heading.
        const std::string row_label = row.empty() ? std::string() : row.front().text;
        for (std::size_t i = 1; i < row.size(); ++i) {
          const std::string column = i < table.headings.size() ? table.headings[i] : "";
          const auto [value, unit] = value_and_unit(row[i]);
          line(out, {panel, from, to, section.title, table.title, row_label, column, value, unit});
        }
      }
    }
  }
  return out;
}

}  // namespace casepanel::app
