// Migrations whose SQL is long enough to keep schema_history.cc readable
// live in files of their own; schema_history.cc lists them in order.
#pragma once

namespace casepanel::store {

extern const char kPanelDaySql[];    // 11: the panel day (schema_panel_day.cc)
extern const char kAfterPanelSql[];  // 12: after panel (schema_after_panel.cc)
// 16: the annual review at national scale (schema_review_indexes.cc)
extern const char kReviewIndexesSql[];
// 17: the review's summary rows (schema_report_summary.cc)
extern const char kReportSummarySql[];
extern const char kReportSummarySqliteSql[];
extern const char kReportSummaryPostgresqlSql[];
// 18: when a request was triaged (schema_triaged.cc)
extern const char kTriagedSql[];
// 20: the summary's SQLite triggers without a conflict policy
// (schema_report_dirty.cc)
extern const char kReportDirtySqliteSql[];
// 22: the same triggers looking up what they mark (schema_report_dirty_lookup.cc)
extern const char kReportDirtyLookupSqliteSql[];
// 23: what a write presumed, checked in the server (schema_presumed.cc)
extern const char kPresumedWritesPostgresqlSql[];

}  // namespace casepanel::store
