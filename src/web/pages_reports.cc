// The annual review (issue 16): GET /reports, a form (panel; a year, a
// quarter or any range of dates) and the report's sections as GOV.UK tables,
// and GET /reports/cases, the cases behind one figure. Thin: each handler
// reads the form, calls one app/ function (app/reports.h) and renders the
// data it returns; charts are drawn here as SVG from the same tables
// (templates/report_chart.mustache). GET /reports/export sends the same
// report as a CSV or XLSX file (app/report_export.h). All are GET forms: they
// change nothing but the audit log.
#include <algorithm>

#include "app/report_export.h"
#include "app/reports.h"
#include "core/calendar.h"
#include "core/counted.h"
#include "core/sittings.h"
#include "web/downloads.h"
#include "web/pagination.h"
#include "web/site.h"
#include "web/view.h"
#include "web/wire.h"

namespace casepanel::web {
namespace {

app::ReportInput report_input_of(const WebRequest& r) {
  app::ReportInput in;
  in.panel = r.query_value("panel");
  in.period = r.query_value("period");
  // A quarter's year has a field of its own, revealed under its radio (a
  // link made with `year` still works).
  in.year = r.query_value("year");
  if (in.period == "quarter" && !r.query_value("quarter_year").empty()) {
    in.year = r.query_value("quarter_year");
  }
  in.quarter = r.query_value("quarter");
  in.from_day = r.query_value("from-day");
  in.from_month = r.query_value("from-month");
  in.from_year = r.query_value("from-year");
  in.to_day = r.query_value("to-day");
  in.to_month = r.query_value("to-month");
  in.to_year = r.query_value("to-year");
  return in;
}

std::string scope_query(const app::ReportScope& s) {
  const auto part = [](const char* name, unsigned v) {
    return std::string("&") + name + "=" + std::to_string(v);
  };
  return "panel=" + percent_encode(s.panel, "") + "&period=range" +
         part("from-day", unsigned(s.from.day())) + part("from-month", unsigned(s.from.month())) +
         part("from-year", unsigned(int(s.from.year()))) + part("to-day", unsigned(s.to.day())) +
         part("to-month", unsigned(s.to.month())) + part("to-year", unsigned(int(s.to.year())));
}

// The form's fields as typed, its panels, and which period is chosen.
void add_form(const Site& site, const WebRequest& r, const app::ReportInput& in, Data& d) {
  Data panels{Data::type::list};
  for (const core::PanelType& p : site.services().panels.all()) {
    Data x;
    x.set("id", p.id);
    x.set("name", p.name);
    set_flag(x, "selected", p.id == in.panel);
    panels.push_back(x);
  }
  d.set("panels", panels);
  set_flag(d, "period_" + in.period, true);
  set_flag(d, "quarter_" + in.quarter, true);
  for (const char* f : {"year", "quarter_year", "from-day", "from-month", "from-year", "to-day",
                        "to-month", "to-year"}) {
    std::string key = std::string("value_") + f;
    std::replace(key.begin(), key.end(), '-', '_');
    d.set(key, r.query_value(f));
  }
  d.set(in.period == "quarter" ? "value_quarter_year" : "value_year", in.year);
}

// A table's counts as a bar chart (SVG drawn here, no script), beside the
// table that holds the same figures: the rows but the total, the second
// column's counts as bars, the first column's first three letters below
// them.
std::string bar_chart(const Site& site, const app::ReportTable& t) {
  constexpr int kWidth = 640, kHeight = 220, kBase = 190, kTop = 20;
  std::vector<std::pair<std::string, std::int64_t>> bars;
  std::int64_t most = 0;
  for (const auto& row : t.rows) {
    if (row.size() < 2 || row[0].text == "Total" || !row[1].count) {
      continue;
    }
    const std::size_t i = bars.size();
    bars.push_back(
        {i < t.chart_labels.size() ? t.chart_labels[i] : row[0].text.substr(0, 3), *row[1].count});
    most = std::max(most, *row[1].count);
  }
  if (bars.empty()) {
    return "";
  }
  const int slot = kWidth / static_cast<int>(bars.size());
  Data list{Data::type::list};
  for (std::size_t i = 0; i < bars.size(); ++i) {
    const int h = most ? static_cast<int>(bars[i].second * (kBase - kTop) / most) : 0;
    const int x = static_cast<int>(i) * slot;
    Data b;
    b.set("x", str(x + slot / 6));
    b.set("y", str(kBase - h));
    b.set("width", str(slot * 2 / 3));
    b.set("height", str(h));
    b.set("label_x", str(x + slot / 2));
    b.set("value_y", str(kBase - h - 4));
    b.set("label", bars[i].first);
    b.set("value", str(bars[i].second));
    list.push_back(b);
  }
  Data d;
  d.set("id", t.id);
  d.set("title", t.title);
  d.set("width", str(kWidth));
  d.set("height", str(kHeight));
  d.set("base", str(kBase + 18));
  d.set("bars", list);
  return site.fragment("report_chart", d);
}

Data cell_data(const app::ReportCell& c, const std::string& scope) {
  Data x;
  x.set("text", c.text);
  set_flag(x, "heading", c.heading);
  set_flag(x, "numeric", c.numeric);
  if (c.drill) {
    std::string href =
        "/reports/cases?" + scope + "&measure=" + percent_encode(c.drill->measure, "");
    if (c.drill->key) {
      href += "&key=" + percent_encode(*c.drill->key, "");
    }
    x.set("href", href);
  }
  return x;
}

Data table_data(const Site& site, const app::ReportTable& t, const std::string& scope) {
  Data x;
  x.set("id", t.id);
  x.set("title", t.title);
  set_if(x, "note", t.note);
  Data headings{Data::type::list};
  for (std::size_t i = 0; i < t.headings.size(); ++i) {
    Data h;
    h.set("text", t.headings[i]);
    set_flag(h, "numeric", i > 0);
    headings.push_back(h);
  }
  x.set("headings", headings);
  Data rows{Data::type::list};
  for (const auto& row : t.rows) {
    Data cells{Data::type::list};
    for (const app::ReportCell& c : row) {
      cells.push_back(cell_data(c, scope));
    }
    Data rx;
    rx.set("cells", cells);
    rows.push_back(rx);
  }
  x.set("rows", rows);
  if (t.chart) {
    set_if(x, "chart", bar_chart(site, t));
  }
  return x;
}

Data report_data(const Site& site, const app::Report& rep) {
  const std::string scope = scope_query(rep.scope);
  Data d;
  d.set("export_csv", "/reports/export?" + scope + "&format=csv");
  d.set("export_xlsx", "/reports/export?" + scope + "&format=xlsx");
  d.set("panel_name", rep.panel_name);
  d.set("period_text", rep.period_text);
  set_flag(d, "line_only", !rep.whole_service);
  Data sections{Data::type::list};
  for (const app::ReportSection& s : rep.sections) {
    Data sx;
    sx.set("id", s.id);
    sx.set("title", s.title);
    Data tables{Data::type::list};
    for (const app::ReportTable& t : s.tables) {
      tables.push_back(table_data(site, t, scope));
    }
    sx.set("tables", tables);
    sections.push_back(sx);
  }
  d.set("sections", sections);
  return d;
}

app::ReportInput input_or_this_year(const Site& site, const WebRequest& r);

// The form again with the GOV.UK error summary, nothing counted.
WebResponse form_with_errors(const Site& site, const WebRequest& r, const app::ReportInput& in,
                             const core::Error& e) {
  if (e.kind != core::ErrorKind::invalid) {
    return site.error(r, e);
  }
  Data form;
  add_form(site, r, in, form);
  core::Error shown = e;
  for (core::FieldError& f : shown.fields) {
    if (f.field == "year" && in.period == "quarter") {
      f.field = "quarter_year";  // the year under the quarter's radio
    }
  }
  add_errors(form, shown);
  return site.page(r, "reports", "Annual review", std::move(form));
}

WebResponse reports(const Site& site, WebRequest& r) {
  // The first visit: this year, every panel.
  const app::ReportInput in = input_or_this_year(site, r);
  const auto scope = app::report_scope(site.services(), in);
  if (!scope) {
    return form_with_errors(site, r, in, scope.error());
  }
  const auto rep = app::annual_review(site.services(), r.actor(), *scope);
  if (!rep) {
    return site.error(r, rep.error());
  }
  Data d = report_data(site, *rep);
  add_form(site, r, in, d);
  d.set("has_report", true);
  return site.page(r, "reports", "Annual review", std::move(d));
}

// The period as the form gave it; this year when none is given.
app::ReportInput input_or_this_year(const Site& site, const WebRequest& r) {
  app::ReportInput in = report_input_of(r);
  if (in.period.empty()) {
    in.period = "year";
    in.year = std::to_string(int(core::london_date(site.services().clock.now()).year()));
  }
  return in;
}

// The page asked for: nullopt when none is (the first page), 0 when `page`
// is not a whole number from 1 to 999,999,999.
std::optional<std::int64_t> page_asked(const WebRequest& r) {
  constexpr std::size_t kLongestPageNumber = 9;
  if (r.query.count("page") == 0) {
    return std::nullopt;
  }
  const std::string text = r.query_value("page");
  if (text.size() > kLongestPageNumber) {
    return 0;
  }
  return parse_id(text);
}

// Every parameter of the list's address but the page, then page=N: paging
// keeps the figure, the panel and the period exactly as they were given.
std::string cases_page_href(const WebRequest& r, int page) {
  std::string out = "/reports/cases?";
  for (const auto& [name, value] : r.query) {
    if (name != "page") {
      out += percent_encode(name, "") + "=" + percent_encode(value, "") + "&";
    }
  }
  return out + "page=" + std::to_string(page);
}

// "Showing 51 to 100 of 4,298 cases", and why another page than the one
// asked for is shown.
void add_page_words(const app::CaseList& list, const std::optional<std::int64_t>& asked, Data& d) {
  const std::int64_t first = (list.page - 1) * app::kCasesPerPage + 1;
  const std::int64_t last = first + static_cast<std::int64_t>(list.rows.size()) - 1;
  d.set("showing", list.total == 0
                       ? std::string("No cases")
                       : "Showing " + core::thousands(first) + " to " + core::thousands(last) +
                             " of " + core::thousands(list.total) +
                             (list.total == 1 ? " case" : " cases"));
  if (asked && *asked == 0) {
    d.set("page_message", "A page number is a whole number, like 2: this is the first page.");
  } else if (list.asked_past_the_end) {
    d.set("page_message", "There is no page " + core::thousands(*asked) + ": the list has " +
                              core::thousands(list.pages) + (list.pages == 1 ? " page" : " pages") +
                              ". This is the last.");
  }
}

Data case_rows(const app::CaseList& list) {
  Data rows{Data::type::list};
  for (const app::CaseRow& c : list.rows) {
    Data x;
    x.set("id", str(c.request_id));
    set_flag(x, "link", list.may_open_requests);
    x.set("panel", c.panel);
    x.set("team", c.team);
    x.set("date", c.date);
    x.set("what", c.what);
    rows.push_back(x);
  }
  return rows;
}

// GET /reports/cases?(the review's filters)&measure=M[&key=K][&page=N]: a
// page of the cases behind a figure (50 a page); a page that is not a number
// gets the first, one past the end the last, each with a message saying so.
WebResponse cases(const Site& site, WebRequest& r) {
  if (r.query_value("measure").empty()) {
    return WebResponse::redirect("/reports");  // no figure chosen: the review
  }
  const auto scope = app::report_scope(site.services(), input_or_this_year(site, r));
  if (!scope) {
    return site.error(r, core::Error::not_found());
  }
  app::Drill drill{r.query_value("measure"), std::nullopt};
  if (r.query.count("key")) {
    drill.key = r.query_value("key");
  }
  const std::optional<std::int64_t> asked = page_asked(r);
  const auto list = app::report_cases(site.services(), r.actor(), *scope, drill,
                                      asked && *asked > 0 ? *asked : 1);
  if (!list) {
    return site.error(r, list.error());
  }
  Data d;
  d.set("title", list->title);
  d.set("period_text", core::long_date(scope->from) + " to " + core::long_date(scope->to));
  d.set("count", core::thousands(list->total));
  d.set("back", "/reports?" + scope_query(*scope));
  add_page_words(*list, asked, d);
  d.set("rows", case_rows(*list));
  set_flag(d, "has_rows", !list->rows.empty());
  set_if(d, "pagination",
         pagination(
             site, static_cast<int>(list->page), static_cast<int>(list->pages),
             [&r](int n) { return cases_page_href(r, n); }, "Pages of the cases"));
  return site.page(r, "report_cases", "Cases: " + list->title, std::move(d));
}

// GET /reports/export?format=csv|xlsx&(the review's filters): the file,
// audited before it is sent; bad filters: the form with its errors.
WebResponse export_file(const Site& site, WebRequest& r) {
  if (r.query_value("format").empty()) {
    return WebResponse::redirect("/reports");  // no format chosen: the review
  }
  const auto format = app::export_format(r.query_value("format"));
  if (!format) {
    return site.error(r, core::Error::not_found());
  }
  const app::ReportInput in = input_or_this_year(site, r);
  const auto scope = app::report_scope(site.services(), in);
  if (!scope) {
    return form_with_errors(site, r, in, scope.error());
  }
  auto file = app::export_review(site.services(), r.actor(), *scope, *format);
  if (!file) {
    return site.error(r, file.error());
  }
  WebResponse out;
  out.content_type = file->media_type;
  out.body = std::move(file->bytes);
  out.headers.emplace_back("Content-Disposition", content_disposition(file->file_name));
  return out;  // not cacheable: the site sends Cache-Control: no-store
}

}  // namespace

void add_report_routes(std::vector<Route>& routes) {
  const Rule may_view{Access::signed_in, core::Permission::view_reports};
  routes.push_back({"GET", "/reports", may_view, reports});
  routes.push_back({"GET", "/reports/cases", may_view, cases});
  routes.push_back({"GET", "/reports/export", may_view, export_file});
}

}  // namespace casepanel::web
