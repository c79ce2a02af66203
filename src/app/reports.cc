#include "app/reports.h"

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
                                    const Drill& drill) {
  if (!a.may(core::Permission::view_reports)) {
    return core::Error::forbidden("You cannot see the annual review");
  }
  const auto measure = store::measure_from_id(drill.measure);
  if (!measure) {
    return core::Error::not_found();
  }
  CaseList out;
  out.scope = scope;
  out.may_open_requests =
      whole_service(a) ? a.has(core::Role::auditor) : a.may(core::Permission::view_requests);
  s.db.read_all([&](store::Tx& tx) {
    const Context c = context_for(tx, s, a, scope);
    const bool after = report::classified(*measure);
    // A classified key (working days, a timescale kept) is not stored: every
    // row is read and kept when it classifies as the figure's key.
    for (const store::CaseLine& l :
         store::case_lines(tx, *measure, c.filter, after ? std::nullopt : drill.key)) {
      const std::string key = report::classify(c, *measure, l.key);
      if (after && drill.key && key != *drill.key) {
        continue;
      }
      out.rows.push_back({l.request_id, report::panel_words(c, l.panel_id), l.team,
                          long_date(l.day), report::key_words(c, *measure, key)});
    }
    out.title = report::measure_words(*measure) +
                (drill.key ? ": " + report::key_words(c, *measure, *drill.key) : "");
  });
  nlohmann::json detail = audit_detail(a, scope);
  detail["measure"] = drill.measure;
  detail["key"] = drill.key ? *drill.key : "all";
  detail["shown"] = out.rows.size();
  s.db.write_all([&](store::Tx& tx) { audit(tx, s, a, "report.cases", "report", 0, detail); });
  return out;
}

}  // namespace casepanel::app
