// The annual review's counting sections (app/reports.h): volumes, decisions
// and outcomes, return to panel. Each table is one measure of
// store/reports.h counted by key, with its total; every count links to its
// cases.
#include <algorithm>
#include <cstdio>

#include "app/report_parts.h"

namespace casepanel::app::report {
namespace {

using M = store::Measure;

std::function<std::string(const std::string&)> words_for(const Context& c, M m) {
  return [&c, m](const std::string& key) { return key_words(c, m, key); };
}

// The request types (or, for Support, criteria) of the panels in scope, in
// their files' order: shown even when none was asked for.
std::vector<std::string> type_order(const Context& c) {
  std::vector<std::string> out;
  for (const core::PanelType* p : c.panels) {
    for (const core::RequestType& t : p->request_types) {
      out.push_back(t.id);
    }
  }
  return out;
}

std::vector<std::string> criterion_order(const Context& c) {
  std::vector<std::string> out;
  for (const core::PanelType* p : c.panels) {
    for (const core::EntryCriterion& e : p->entry_criteria) {
      out.push_back(e.id);
    }
  }
  return out;
}

// Every month of the period, "2026-01" ... "2026-12".
std::vector<std::string> months_of(const Context& c) {
  std::vector<std::string> out;
  const std::string from = c.filter.from.substr(0, 7);
  const std::string to = c.filter.to.substr(0, 7);
  int year = std::stoi(from.substr(0, 4));
  int month = std::stoi(from.substr(5, 2));
  for (int guard = 0; guard < 1200; ++guard) {
    char text[8];
    std::snprintf(text, sizeof text, "%04d-%02d", year, month);
    out.push_back(text);
    if (out.back() >= to) {
      break;
    }
    month = month == 12 ? 1 : month + 1;
    year += month == 1 ? 1 : 0;
  }
  return out;
}

// Rows (request types or criteria) by the months of the period, each cell
// the requests of that row and month ("TYPE|YYYY-MM").
ReportTable by_month_table(const Context& c, std::string id, std::string title, M m,
                           std::vector<std::string> rows,
                           const std::function<std::string(const std::string&)>& words) {
  const auto n = counts(c, m);
  for (const auto& [key, k] : n) {
    const std::string row = key.substr(0, key.rfind('|'));
    if (std::find(rows.begin(), rows.end(), row) == rows.end()) {
      rows.push_back(row);
    }
  }
  const std::vector<std::string> months = months_of(c);
  ReportTable t;
  t.id = std::move(id);
  t.title = std::move(title);
  t.headings = {"", "Total"};
  for (const std::string& month : months) {
    t.headings.push_back(month_words(month).substr(0, 3) + " " + month.substr(0, 4));
  }
  for (const std::string& row : rows) {
    std::vector<ReportCell> cells = {label(words(row)), figure("")};
    std::int64_t total = 0;
    for (const std::string& month : months) {
      const auto at = n.find(row + "|" + month);
      const std::int64_t k = at == n.end() ? 0 : at->second;
      total += k;
      cells.push_back(count(k, m, row + "|" + month));
    }
    cells[1] = figure(std::to_string(total));
    t.rows.push_back(std::move(cells));
  }
  return t;
}

}  // namespace

ReportSection volumes_section(const Context& c) {
  ReportSection s{"volumes", "Volumes", {}};
  s.tables.push_back(counts_table(c, "volumes.by_type", "Requests by request type", "Request type",
                                  M::requests_by_type, type_order(c),
                                  words_for(c, M::requests_by_type)));
  ReportTable criteria = counts_table(c, "volumes.by_criterion", "Requests by entry criterion",
                                      "Entry criterion", M::requests_by_criterion,
                                      criterion_order(c), words_for(c, M::requests_by_criterion));
  criteria.note = "A request may name more than one criterion: the total counts criteria.";
  s.tables.push_back(std::move(criteria));
  ReportTable months =
      counts_table(c, "volumes.by_month", "Requests by month submitted", "Month",
                   M::requests_by_month, months_of(c), words_for(c, M::requests_by_month));
  months.chart = true;
  for (const std::string& month : months_of(c)) {
    months.chart_labels.push_back(month_words(month).substr(0, 3));
  }
  s.tables.push_back(std::move(months));
  ReportTable types = by_month_table(
      c, "volumes.by_type_month", "Requests by request type and month", M::requests_by_type_month,
      type_order(c), [&c](const std::string& k) { return type_words(c, k); });
  types.headings[0] = "Request type";
  s.tables.push_back(std::move(types));
  ReportTable criteria_months = by_month_table(
      c, "volumes.by_criterion_month", "Entry criteria by month", M::requests_by_criterion_month,
      criterion_order(c), [&c](const std::string& k) { return criterion_words(c, k); });
  criteria_months.headings[0] = "Entry criterion";
  s.tables.push_back(std::move(criteria_months));
  s.tables.push_back(counts_table(c, "volumes.by_team", "Requests by team", "Team",
                                  M::requests_by_team, {}, words_for(c, M::requests_by_team)));
  s.tables.push_back(counts_table(c, "volumes.by_locality", "Requests by locality", "Locality",
                                  M::requests_by_locality, {},
                                  words_for(c, M::requests_by_locality)));
  s.tables.push_back(counts_table(c, "volumes.siblings",
                                  "Requests for one child and for sibling groups", "Children",
                                  M::requests_by_children, {"one_child", "sibling_group"},
                                  words_for(c, M::requests_by_children)));
  s.tables.push_back(counts_table(
      c, "volumes.cutoff", "Requests and the cut-off (late requests)", "When sent",
      M::requests_by_cutoff, {"in_time", "accepted_late", "missed", "next_sitting", "no_cutoff"},
      words_for(c, M::requests_by_cutoff)));
  return s;
}

ReportSection decisions_section(const Context& c) {
  ReportSection s{"decisions", "Decisions and outcomes", {}};
  ReportTable items =
      counts_table(c, "decisions.by_option", "Decisions and outcomes recorded",
                   "Decision or outcome", M::items_by_option, {}, words_for(c, M::items_by_option));
  items.note = "One a decision or outcome recorded for a child; a record may hold several.";
  s.tables.push_back(std::move(items));
  s.tables.push_back(counts_table(
      c, "decisions.recommendations", "Recommendations and their final decisions", "Final decision",
      M::recommendations, {"awaiting", "agreed", "otherwise"}, words_for(c, M::recommendations)));
  s.tables.push_back(counts_table(c, "decisions.disagreements", "Disagreements and how resolved",
                                  "Disagreement", M::disagreements, {"unresolved", "resolved"},
                                  words_for(c, M::disagreements)));
  s.tables.push_back(counts_table(
      c, "decisions.plan_changes", "Changes of plan after panel", "Change of plan", M::plan_changes,
      {"proposed", "approved", "refused"}, words_for(c, M::plan_changes)));
  return s;
}

ReportSection returns_section(const Context& c) {
  ReportSection s{"returns", "Return to panel", {}};
  ReportTable due = counts_table(
      c, "returns.reviews", "Reviews due in the period", "Outcome", M::returns,
      {"heard_on_time", "heard_late", "update_accepted", "overdue", "not_yet_due", "withdrawn"},
      words_for(c, M::returns));
  due.note = "Each return to panel a decision set, counted on the day the review was due.";
  s.tables.push_back(std::move(due));
  ReportTable again =
      counts_table(c, "returns.heard_again", "Children heard again within 12 months of a decision",
                   "Child's decision", M::heard_again, {"heard_again", "not_heard_again"},
                   words_for(c, M::heard_again));
  again.note =
      "Each child's decision at a sitting in the period; for recent decisions the 12 months "
      "are not over yet.";
  s.tables.push_back(std::move(again));
  return s;
}

}  // namespace casepanel::app::report
