// The exports as use cases (app/report_export.h): the review composed for
// the viewer, rendered, and the audit event committed before the file is
// handed over.
#include "app/report_export.h"

#include "app/audit_trail.h"
#include "app/report_parts.h"

namespace casepanel::app {
namespace {

constexpr const char* kXlsxType =
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

std::string file_name(const ReportScope& scope, ExportFormat format) {
  return "annual-review-" + (scope.panel.empty() ? std::string("all") : scope.panel) + "-" +
         core::to_iso(scope.from) + "-" + core::to_iso(scope.to) +
         (format == ExportFormat::csv ? ".csv" : ".xlsx");
}

ReportFile render(const Services& s, const Report& report, ExportFormat format) {
  ReportFile out;
  out.file_name = file_name(report.scope, format);
  if (format == ExportFormat::csv) {
    out.media_type = "text/csv; charset=utf-8";
    out.bytes = report_csv(report);
  } else {
    out.media_type = kXlsxType;
    out.bytes = report_xlsx(report, s.clock.now());
  }
  return out;
}

// Whoever reads it, the export is recorded as the page is, with what was
// sent: its format and size.
void audit_export(Services& s, const Actor& recorded_as, nlohmann::json detail, ExportFormat format,
                  const ReportFile& file) {
  detail["format"] = format == ExportFormat::csv ? "csv" : "xlsx";
  detail["bytes"] = file.bytes.size();
  s.db.write_all(
      [&](store::Tx& tx) { audit(tx, s, recorded_as, "report.export", "report", 0, detail); });
}

}  // namespace

std::optional<ExportFormat> export_format(std::string_view name) {
  if (name == "csv") {
    return ExportFormat::csv;
  }
  if (name == "xlsx") {
    return ExportFormat::xlsx;
  }
  return std::nullopt;
}

core::Result<ReportFile> export_review(Services& s, const Actor& viewer, const ReportScope& scope,
                                       ExportFormat format) {
  if (!viewer.may(core::Permission::view_reports)) {
    return core::Error::forbidden("You cannot see the annual review");
  }
  ReportFile file = render(s, report::compose(s, viewer, scope), format);
  audit_export(s, viewer, report::scope_detail(viewer, scope), format, file);
  return file;
}

core::Result<ReportFile> export_review_for_service(Services& s, const ReportScope& scope,
                                                   ExportFormat format) {
  // The operator at the command line reads what the assistant director
  // would; the event is the system's, as every command's is.
  Actor service;
  service.roles = {core::Role::assistant_director};
  ReportFile file = render(s, report::compose(s, service, scope), format);
  nlohmann::json detail = report::scope_detail(service, scope);
  detail["via"] = "command line";
  audit_export(s, Actor{}, std::move(detail), format, file);
  return file;
}

}  // namespace casepanel::app
