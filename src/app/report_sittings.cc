// The annual review's sittings (app/reports.h): how many were held,
// cancelled and moved, hearings per sitting, minutes used against the time
// the sittings had, attendance and quorum (core/seat_quorum.h). Sittings are
// no team's record and name no child: these figures are not limited to a
// group manager's teams and have no list of cases.
#include <map>

#include "app/display.h"
#include "app/report_parts.h"
#include "core/seat_quorum.h"

namespace casepanel::app::report {
namespace {

bool held(const Context& c, const store::SittingFigures& s) {
  return s.status != "cancelled" && s.starts_at.substr(0, 10) <= core::to_iso(c.today);
}

std::string n(std::int64_t v) { return std::to_string(v); }

ReportTable sittings_table(const Context& c, const std::vector<store::SittingFigures>& all) {
  std::int64_t done = 0, to_come = 0, cancelled = 0, moved = 0;
  for (const store::SittingFigures& s : all) {
    if (s.status == "cancelled") {
      ++cancelled;
    } else if (held(c, s)) {
      ++done;
    } else {
      ++to_come;
    }
    moved += s.moved ? 1 : 0;
  }
  ReportTable t;
  t.id = "sittings.count";
  t.title = "Sittings";
  t.headings = {"Sittings", "Number"};
  t.rows = {{label("Held"), figure(n(done))},
            {label("Still to come"), figure(n(to_come))},
            {label("Cancelled"), figure(n(cancelled))},
            {label("Moved from their scheduled time"), figure(n(moved))},
            {label("Total"), figure(n(done + to_come + cancelled))}};
  return t;
}

ReportTable use_table(const Context& c, const std::vector<store::SittingFigures>& all) {
  std::int64_t sittings = 0, hearings = 0, used = 0, capacity = 0;
  std::int64_t few = 0, some = 0, many = 0, none = 0;
  for (const store::SittingFigures& s : all) {
    if (!held(c, s)) {
      continue;
    }
    ++sittings;
    hearings += s.hearings;
    used += s.hearing_minutes;
    capacity += (parse_utc(s.ends_at) - parse_utc(s.starts_at)).count() / 60;
    none += s.hearings == 0 ? 1 : 0;
    few += s.hearings >= 1 && s.hearings <= 3 ? 1 : 0;
    some += s.hearings >= 4 && s.hearings <= 6 ? 1 : 0;
    many += s.hearings >= 7 ? 1 : 0;
  }
  ReportTable t;
  t.id = "sittings.use";
  t.title = "Hearings and time at the sittings held";
  t.headings = {"Measure", "Value"};
  const std::int64_t tenths = sittings ? (hearings * 10 + sittings / 2) / sittings : 0;
  t.rows = {{label("Hearings"), figure(n(hearings))},
            {label("Hearings per sitting (mean)"), decimal(n(tenths / 10) + "." + n(tenths % 10))},
            {label("Sittings with no hearing"), figure(n(none))},
            {label("Sittings with 1 to 3 hearings"), figure(n(few))},
            {label("Sittings with 4 to 6 hearings"), figure(n(some))},
            {label("Sittings with 7 or more hearings"), figure(n(many))},
            {label("Minutes of hearings"), figure(n(used))},
            {label("Minutes the sittings had"), figure(n(capacity))},
            {label("Share of the time used"), figure(percent(used, capacity))}};
  return t;
}

ReportTable attendance_table(const std::vector<store::SeatAttendance>& places) {
  std::map<std::string, std::int64_t> by;
  for (const store::SeatAttendance& p : places) {
    ++by[p.attendance];
  }
  ReportTable t;
  t.id = "sittings.attendance";
  t.title = "Attendance of members at the sittings held";
  t.headings = {"Attendance", "Members"};
  const std::pair<const char*, const char*> kinds[] = {{"present", "Present"},
                                                       {"conference_call", "By conference call"},
                                                       {"apologies", "Sent apologies"},
                                                       {"absent", "Absent"},
                                                       {"expected", "Not recorded"}};
  for (const auto& [id, words] : kinds) {
    t.rows.push_back({label(words), figure(n(by[id]))});
  }
  return t;
}

ReportTable quorum_table(const Context& c, const std::vector<store::SeatAttendance>& places) {
  std::map<std::int64_t, std::pair<std::string, std::vector<core::SeatPlace>>> by_sitting;
  for (const store::SeatAttendance& p : places) {
    auto& [panel_id, seats] = by_sitting[p.sitting_id];
    panel_id = p.panel_id;
    bool counts = true;
    for (const core::PanelType* panel : c.panels) {
      for (const core::Member& m : panel->members) {
        if (panel->id == p.panel_id && m.id == p.seat_id) {
          counts = m.counts_to_quorum;
        }
      }
    }
    const auto attendance = core::attendance_from_id(p.attendance);
    seats.push_back({p.seat_id, counts, attendance.value_or(core::Attendance::expected)});
  }
  std::int64_t quorate = 0, short_of = 0, unrecorded = 0;
  for (const auto& [id, sitting] : by_sitting) {
    const core::SeatCount seats = core::count_seats(sitting.second);
    int quorum = 0;
    for (const core::PanelType* panel : c.panels) {
      quorum = panel->id == sitting.first ? panel->quorum : quorum;
    }
    if (!seats.recorded) {
      ++unrecorded;
    } else if (seats.present >= quorum) {
      ++quorate;
    } else {
      ++short_of;
    }
  }
  ReportTable t;
  t.id = "sittings.quorum";
  t.title = "Quorum at the sittings held";
  t.headings = {"Sittings with a list of members", "Number"};
  t.rows = {{label("Quorate"), figure(n(quorate))},
            {label("Not quorate"), figure(n(short_of))},
            {label("Attendance not recorded"), figure(n(unrecorded))}};
  return t;
}

}  // namespace

ReportSection sittings_section(const Context& c) {
  ReportSection s{"sittings", "Sittings", {}};
  const auto all = store::sitting_figures(c.tx, c.filter);
  const auto places = store::seat_attendance(c.tx, c.filter);
  s.tables.push_back(sittings_table(c, all));
  s.tables.push_back(use_table(c, all));
  s.tables.push_back(attendance_table(places));
  s.tables.push_back(quorum_table(c, places));
  return s;
}

}  // namespace casepanel::app::report
