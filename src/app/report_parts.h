// What the annual review's sections share (app/reports.h): the open
// transaction with the filter, the panels in scope and the calendar; how a
// measure's stored keys are grouped into what a table shows (working-day
// buckets, within or outside a timescale), and cells. For app/report_*.cc
// only.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/reports.h"
#include "store/reports.h"

namespace casepanel::app::report {

struct Context {
  store::Tx& tx;
  const Services& s;
  store::ReportFilter filter;
  std::vector<const core::PanelType*> panels;  // the one chosen, or every panel
  core::Date today;
};

// The group a stored key falls in, as the tables show it: the key itself,
// or for timeliness a bucket of working days ("1_5"), or whether a timescale
// was kept ("PANEL|TYPE|within").
std::string classify(const Context& c, store::Measure m, const std::string& stored_key);
// Whether classify() changes the key (the list of cases is then filtered
// after the query, by the same function).
bool classified(store::Measure m);
// The measure's counts by classified key.
std::map<std::string, std::int64_t> counts(const Context& c, store::Measure m);

// Working days after `from` up to and including `to` (ISO days).
int working_days(const Context& c, const std::string& from, const std::string& to);
// The working-day buckets of the timeliness tables, in order, with labels.
struct Bucket {
  const char* id;
  const char* label;
};
extern const std::vector<Bucket> kBuckets;

// Cells.
ReportCell label(std::string text);
ReportCell count(std::int64_t n, store::Measure m, std::optional<std::string> key);
ReportCell figure(std::string text);   // a number that is not a count of cases
ReportCell decimal(std::string text);  // a median or a mean: one decimal place in exports
std::string percent(std::int64_t part, std::int64_t whole);  // "75%", "-" for 0 of 0

// A table of one count a key, with a total row: `order` gives the keys in
// the order shown (absent ones shown as 0); `words` puts a key in words.
ReportTable counts_table(const Context& c, std::string id, std::string title, std::string heading,
                         store::Measure m, const std::vector<std::string>& order,
                         const std::function<std::string(const std::string&)>& words);

// Labels from the panels in scope: a request type, an entry criterion, a
// decision or outcome ("decision:OPTION"), a panel's name.
std::string type_words(const Context& c, const std::string& id);
std::string criterion_words(const Context& c, const std::string& id);
std::string option_words(const Context& c, const std::string& kind_and_id);
std::string panel_words(const Context& c, const std::string& id);
// "2026-03" -> "March 2026".
std::string month_words(const std::string& yyyy_mm);
// A stored status or group id in words: "accepted_late" -> "Missed the
// cut-off, accepted late"; an ethnicity (an SSDA903 code, or a census
// category with its code).
std::string id_words(const std::string& id);
std::string ethnicity_words(const std::string& stored);
// What a measure counts, as a list's title: "Requests by request type".
std::string measure_words(store::Measure m);
// Any measure's classified key in words (the lists of cases).
std::string key_words(const Context& c, store::Measure m, const std::string& key);
// A timescale's words: "PANEL|TYPE_OR_KIND" -> its label in the panel file.
std::string timescale_words(const Context& c, const std::string& panel, const std::string& id);

// The review's tables as the viewer may see them, read in one transaction.
// No audit event: annual_review() and the exports (report_export.cc) write
// their own, each committed before anything is shown or sent.
Report compose(Services& s, const Actor& viewer, const ReportScope& scope);
// What every report event's detail says: the panel ("all"), the period and
// whether the whole service or the viewer's line was counted.
nlohmann::json scope_detail(const Actor& viewer, const ReportScope& scope);

// One page of the list behind a figure (out.page, from 1; the last when it
// is past it): counted from the summary (the figure), then only the page read
// from its facts (store::case_lines_summarised). A
// classified key is listed by the stored keys that fall in it; with more than
// `most_keys_bound` of those the measure's rows are read whole and paged here
// instead (reports.cc passes kMostKeysBound; tests a smaller bound).
void read_case_page(const Context& c, store::Measure m, const std::optional<std::string>& key,
                    CaseList& out, std::size_t most_keys_bound);
// More stored keys than this are not bound as parameters: SQLite binds at
// most 32,766 in a statement. The distinct "FROM|TO" pairs of one bucket are
// a few thousand at most for a council's year; only a period of many years
// over many councils with their own dates nears it.
inline constexpr std::size_t kMostKeysBound = 10000;

// The sections (report_*.cc).
ReportSection volumes_section(const Context& c);
ReportSection decisions_section(const Context& c);
ReportSection timeliness_section(const Context& c);
ReportSection returns_section(const Context& c);
ReportSection sittings_section(const Context& c);
ReportSection equality_section(const Context& c);

}  // namespace casepanel::app::report
