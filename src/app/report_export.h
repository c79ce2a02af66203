// Exports of the annual review (issue 16 §2): the SAME Report the page shows
// (app/reports.h), rendered as a CSV an analyst loads at once or as an Excel
// workbook. An export never counts again and never unsuppresses: it writes
// each cell's text, and a "[c]" stays "[c]".
//
// CSV (report_csv.cc): tidy ("long") form, one line a figure, every line
// carrying its panel and period, so that files for several periods or panels
// can be stacked and filtered without reshaping:
//
//   panel,period_from,period_to,section,table,row,column,value,unit
//
// RFC 4180 (commas, quotes and line breaks quoted, CRLF between lines), UTF-8
// without a byte order mark. Text that a spreadsheet would run as a formula
// (beginning with =, +, -, @, a tab or a carriage return) is prefixed with '
// (OWASP, CSV injection); numbers are written as numbers.
//
// XLSX (report_xlsx.cc, libxlsxwriter): a sheet "About" (panel, period, when
// made, the suppression rule, the source), then one sheet a table, its
// headings bold in a frozen first row, counts as numbers, shares as numbers
// with a % format, medians and means with one decimal place, "[c]" as text.
//
// Who: as the page (core/access.h, Resource::reports). Each export is one
// audit event `report.export` (format, panel, period, bytes), committed
// before the file is handed over.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "app/reports.h"
#include "core/clock.h"
#include "core/result.h"

namespace casepanel::app {

enum class ExportFormat { csv, xlsx };

// "csv" or "xlsx"; nothing for anything else.
std::optional<ExportFormat> export_format(std::string_view name);

struct ReportFile {
  std::string file_name;   // "annual-review-clam-2026-01-01-2026-12-31.csv"
  std::string media_type;  // "text/csv; charset=utf-8" or the XLSX type
  std::string bytes;
};

// The renderers: pure but for the XLSX's temporary file ($TMPDIR), which is
// removed whether or not the workbook could be written. report_xlsx throws
// std::runtime_error when it cannot be (a full disk: not an expected path).
std::string report_csv(const Report& report);
std::string report_xlsx(const Report& report, core::Instant generated_at);

// Text a spreadsheet would take for a formula, made safe: "=1+2" -> "'=1+2".
std::string neutralise_formula(std::string text);

// The review as the viewer may see it, as a file; audited.
core::Result<ReportFile> export_review(Services& s, const Actor& viewer, const ReportScope& scope,
                                       ExportFormat format);

// The command line (`casepanel report annual`): the whole service, as the
// assistant director would see it, audited as the system with "via":
// "command line".
core::Result<ReportFile> export_review_for_service(Services& s, const ReportScope& scope,
                                                   ExportFormat format);

}  // namespace casepanel::app
