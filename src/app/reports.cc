#include "app/reports.h"

#include <algorithm>

#include "app/audit_trail.h"
#include "app/display.h"
#include "app/report_parts.h"
#include "app/scope.h"
#include "core/sittings.h"

namespace casepanel::app {
namespace {

using report::Context;

// Oversight sees the whole service; a group manager their line's teams
// (core/access.h: reports read through own_line).
bool whole_service(const Actor& a) {
  return core::may(a.roles, {}, core::Resource::reports, core::Use::read);
}

Context context_for(store::Tx& tx, const Services& s, const Actor& a, const ReportScope& scope) {
  Context c{tx, s, {}, {}, core::london_date(s.clock.now())};
  c.filter.panel_id = scope.panel;
  c.filter.from = core::to_iso(scope.from);
  c.filter.to = core::to_iso(scope.to);
  c.filter.today = core::to_iso(c.today);
  if (!whole_service(a)) {
    c.filter.teams = teams_in_scope(tx, a);
  }
  for (const core::PanelType& p : s.panels.all()) {
    if (scope.panel.empty() || p.id == scope.panel) {
      c.panels.push_back(&p);
    }
  }
  return c;
}

nlohmann::json audit_detail(const Actor& a, const ReportScope& scope) {
  return {{"panel", scope.panel.empty() ? "all" : scope.panel},
          {"from", core::to_iso(scope.from)},
          {"to", core::to_iso(scope.to)},
          {"scope", whole_service(a) ? "service" : "line"}};
}

std::string period_text(const ReportScope& scope) {
  return core::long_date(scope.from) + " to " + core::long_date(scope.to);
}

}  // namespace

namespace report {

Report compose(Services& s, const Actor& viewer, const ReportScope& scope) {
  Report out;
  out.scope = scope;
  out.period_text = period_text(scope);
  out.whole_service = whole_service(viewer);
  s.db.read_all([&](store::Tx& tx) {
    const Context c = context_for(tx, s, viewer, scope);
    out.panel_name = scope.panel.empty() ? "Every panel" : panel_words(c, scope.panel);
    out.sections = {volumes_section(c), decisions_section(c), timeliness_section(c),
                    returns_section(c), sittings_section(c),  equality_section(c)};
  });
  return out;
}

nlohmann::json scope_detail(const Actor& viewer, const ReportScope& scope) {
  return audit_detail(viewer, scope);
}

namespace {

// The stored keys behind a figure's key, and how many rows they count (the
// figure itself, from the same summary): the key itself, or for a classified
// measure (working days, a timescale kept: not stored) every stored key that
// classifies as it. nullopt: every row. `every`: the measure's rows, whatever
// their key.
struct FigureKeys {
  store::CaseKeys keys;
  std::int64_t total = 0;
  std::int64_t every = 0;
};
FigureKeys figure_keys(const Context& c, store::Measure m, const std::optional<std::string>& key) {
  FigureKeys out;
  if (key) {
    out.keys.emplace();
  }
  for (const store::Tally& t : store::tally(c.tx, m, c.filter)) {
    out.every += t.count;
    if (!key) {
      out.total += t.count;
    } else if (classified(m) ? classify(c, m, t.key) == *key : t.key == *key) {
      out.keys->push_back(t.key);
      out.total += t.count;
    }
  }
  return out;
}

CaseRow case_row(const Context& c, store::Measure m, const store::CaseLine& l) {
  return {l.request_id, panel_words(c, l.panel_id), l.team, long_date(l.day),
          key_words(c, m, classify(c, m, l.key))};
}

// The page out.page asks for, or the last when it is past it.
void clamp_page(CaseList& out) {
  out.pages = std::max<std::int64_t>(1, (out.total + kCasesPerPage - 1) / kCasesPerPage);
  if (out.page > out.pages) {
    out.asked_past_the_end = true;
    out.page = out.pages;
  }
}

}  // namespace

void read_case_page(const Context& c, store::Measure m, const std::optional<std::string>& key,
                    CaseList& out, std::size_t most_keys_bound) {
  const FigureKeys figure = figure_keys(c, m, key);
  out.total = figure.total;
  clamp_page(out);
  const store::CasePage page{(out.page - 1) * kCasesPerPage, kCasesPerPage};
  if (!figure.keys || figure.keys->size() <= most_keys_bound) {
    for (const store::CaseLine& l :
         store::case_lines_summarised(c.tx, m, c.filter, figure.keys, page, out.total)) {
      out.rows.push_back(case_row(c, m, l));
    }
    return;
  }
  // Every row of the measure, kept when it classifies as the key.
  std::int64_t at = 0;
  for (const store::CaseLine& l : store::case_lines_summarised(c.tx, m, c.filter, std::nullopt,
                                                               {0, figure.every}, figure.every)) {
    if (classify(c, m, l.key) != *key) {
      continue;
    }
    if (at >= page.offset && at < page.offset + page.limit) {
      out.rows.push_back(case_row(c, m, l));
    }
    ++at;
  }
}

}  // namespace report

core::Result<Report> annual_review(Services& s, const Actor& a, const ReportScope& scope) {
  if (!a.may(core::Permission::view_reports)) {
    return core::Error::forbidden("You cannot see the annual review");
  }
  Report out = report::compose(s, a, scope);
  // Committed before the report is shown, as every read of case data is.
  s.db.write_all(
      [&](store::Tx& tx) { audit(tx, s, a, "report.view", "report", 0, audit_detail(a, scope)); });
  return out;
}

const ReportTable* find_table(const Report& r, const std::string& id) {
  for (const ReportSection& section : r.sections) {
    for (const ReportTable& t : section.tables) {
      if (t.id == id) {
        return &t;
      }
    }
  }
  return nullptr;
}

core::Result<CaseList> report_cases(Services& s, const Actor& a, const ReportScope& scope,
                                    const Drill& drill, std::int64_t page) {
  if (!a.may(core::Permission::view_reports)) {
    return core::Error::forbidden("You cannot see the annual review");
  }
  const auto measure = store::measure_from_id(drill.measure);
  if (!measure) {
    return core::Error::not_found();
  }
  if (page < 1) {
    return core::Error::invalid("page", "Enter a page number of 1 or more");
  }
  CaseList out;
  out.scope = scope;
  out.may_open_requests =
      whole_service(a) ? a.has(core::Role::auditor) : a.may(core::Permission::view_requests);
  s.db.read_all([&](store::Tx& tx) {
    const Context c = context_for(tx, s, a, scope);
    out.page = page;
    report::read_case_page(c, *measure, drill.key, out, report::kMostKeysBound);
    out.title = report::measure_words(*measure) +
                (drill.key ? ": " + report::key_words(c, *measure, *drill.key) : "");
  });
  nlohmann::json detail = audit_detail(a, scope);
  detail["measure"] = drill.measure;
  detail["key"] = drill.key ? *drill.key : "all";
  detail["page"] = out.page;
  detail["pages"] = out.pages;
  detail["shown"] = out.rows.size();
  detail["total"] = out.total;
  s.db.write_all([&](store::Tx& tx) { audit(tx, s, a, "report.cases", "report", 0, detail); });
  return out;
}

}  // namespace casepanel::app
