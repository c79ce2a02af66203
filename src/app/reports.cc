#include "app/reports.h"

#include <algorithm>
#include <limits>

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

// The stored keys behind a figure's key: the key itself, or for a classified
// measure (working days, a timescale kept: not stored) every stored key that
// classifies as it, found in the measure's tally. nullopt: every row.
store::CaseKeys stored_keys(const Context& c, store::Measure m,
                            const std::optional<std::string>& key) {
  if (!key) {
    return std::nullopt;
  }
  if (!classified(m)) {
    return std::vector<std::string>{*key};
  }
  std::vector<std::string> out;
  for (const store::Tally& t : store::tally(c.tx, m, c.filter)) {
    if (classify(c, m, t.key) == *key) {
      out.push_back(t.key);
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
  const store::CaseKeys keys = stored_keys(c, m, key);
  if (keys && keys->size() > most_keys_bound) {
    // Every row of the measure, kept when it classifies as the key.
    std::vector<CaseRow> all;
    for (const store::CaseLine& l : store::case_lines(
             c.tx, m, c.filter, std::nullopt, {0, std::numeric_limits<std::int64_t>::max()})) {
      if (classify(c, m, l.key) == *key) {
        all.push_back(case_row(c, m, l));
      }
    }
    out.total = static_cast<std::int64_t>(all.size());
    clamp_page(out);
    const auto first =
        std::min(all.size(), static_cast<std::size_t>((out.page - 1) * kCasesPerPage));
    const auto last = std::min(all.size(), first + static_cast<std::size_t>(kCasesPerPage));
    out.rows.assign(all.begin() + static_cast<std::ptrdiff_t>(first),
                    all.begin() + static_cast<std::ptrdiff_t>(last));
    return;
  }
  out.total = store::case_count(c.tx, m, c.filter, keys);
  clamp_page(out);
  for (const store::CaseLine& l : store::case_lines(
           c.tx, m, c.filter, keys, {(out.page - 1) * kCasesPerPage, kCasesPerPage})) {
    out.rows.push_back(case_row(c, m, l));
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
