// The annual review (issue 16; Support Panel 8: "Panel activity is reviewed
// annually"): what the panels did, how fast and for whom, for a panel (or
// every panel) and a period, as DATA: a Report is sections of tables, each
// table a title, column headings and rows of cells. The web page renders it
// (web/pages_reports.cc); the exports will render the same tables.
//
// A cell that counts cases carries a drill-down (the measure and key of
// store/reports.h): the list of those cases is report_cases(), and its
// length is the figure. Equality figures are suppressed as the DfE's
// statistics are (core/disclosure.h); a suppressed cell has no drill-down.
//
// Who: group managers (their line's teams only: app/scope.h), the assistant
// director and the auditor (core/access.h, Resource::reports). Each report
// and each list of cases is an audit event, committed before it is shown.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/services.h"
#include "core/calendar.h"
#include "core/result.h"

namespace casepanel::app {

// The form (GET /reports): a panel id ("" for every panel) and a period: a
// year, a quarter of a year, or any range of days (GOV.UK date inputs).
struct ReportInput {
  std::string panel;
  std::string period;  // "year", "quarter" or "range"; "" shows the form only
  std::string year;
  std::string quarter;  // "1" to "4"
  std::string from_day, from_month, from_year;
  std::string to_day, to_month, to_year;
};

// What a report or a list of cases covers, once the input is checked.
struct ReportScope {
  std::string panel;  // "" for every panel
  core::Date from;
  core::Date to;
};
// Checks the input: field errors (GOV.UK error summary) for an unknown
// panel, a date that is not one, a period whose end is before its start.
core::Result<ReportScope> report_scope(const Services& s, const ReportInput& in);

// Where a figure's cases are: the measure's id and, for one group of it, its
// key (none: every row the measure counts).
struct Drill {
  std::string measure;
  std::optional<std::string> key;
};

// What a cell's text is, so that an export keeps numbers as numbers
// (app/report_export.h): a count of cases ("12"), another whole number
// ("3"), a number with one decimal place (a median or a mean: "4.5"), a
// share ("75%"), a suppressed count ("[c]"), or words (a label, or "-" where
// there is nothing to work a share or median out of).
enum class CellKind { words, count, number, decimal, percent, suppressed };

struct ReportCell {
  std::string text;  // "12", "[c]", "4.0", "75%", or a row's label
  CellKind kind = CellKind::words;
  bool heading = false;               // the row's label (th scope="row")
  bool numeric = false;               // right-aligned
  std::optional<Drill> drill;         // cases behind a count
  std::optional<std::int64_t> count;  // the figure when it is a count shown
};

struct ReportTable {
  std::string id;  // stable, for exports and tests: "volumes.by_type"
  std::string title;
  std::vector<std::string> headings;
  std::vector<std::vector<ReportCell>> rows;
  std::string note;    // how to read it, or "" (empty table: "No cases")
  bool chart = false;  // worth drawing: bars of the second column
  // The bars' short labels, one a row but the total ("Jan", "1-5"); none:
  // the first three letters of each row's label.
  std::vector<std::string> chart_labels;
};

struct ReportSection {
  std::string id;  // "volumes", "decisions", "timeliness", "returns", "sittings", "equality"
  std::string title;
  std::vector<ReportTable> tables;
};

struct Report {
  ReportScope scope;
  std::string panel_name;     // "Every panel" or the panel's name
  std::string period_text;    // "1 January 2026 to 31 December 2026"
  bool whole_service = true;  // false: only the viewer's line's teams
  std::vector<ReportSection> sections;
};

core::Result<Report> annual_review(Services& s, const Actor& a, const ReportScope& scope);

// The table with this id, or null (tests, exports).
const ReportTable* find_table(const Report& r, const std::string& id);

struct CaseRow {
  std::int64_t request_id = 0;
  std::string panel;
  std::string team;
  std::string date;  // "12 March 2026": the day the case is counted on
  std::string what;  // the group it falls in, in words
};
// A list is shown a page at a time (the GOV.UK pagination component): a
// figure on the large demo has 4,298 cases behind it.
inline constexpr std::int64_t kCasesPerPage = 50;
struct CaseList {
  ReportScope scope;
  std::string title;          // what the figure counts
  std::vector<CaseRow> rows;  // the page's
  std::int64_t total = 0;     // every case behind the figure: the figure itself
  std::int64_t page = 1;      // the page shown, from 1
  std::int64_t pages = 1;     // how many there are (1 for an empty list)
  // The page asked for was past the last: the last is shown instead.
  bool asked_past_the_end = false;
  bool may_open_requests = false;  // links to /requests/{id} would be followed
};
// The cases behind a figure, page `page` (from 1) of kCasesPerPage; a page
// past the last gets the last (asked_past_the_end). Audited with the page.
core::Result<CaseList> report_cases(Services& s, const Actor& a, const ReportScope& scope,
                                    const Drill& drill, std::int64_t page);

}  // namespace casepanel::app
