#include "app/watch.h"

#include <algorithm>
#include <cctype>

#include "app/support.h"
#include "core/cutoff.h"

namespace casepanel::app {
namespace {

using store::Row;
using store::Tx;

// The children's column a criterion's months count from.
std::string months_column(const std::string& from) {
  if (from == "child_protection_plan_start") {
    return "c.cp_plan_start";
  }
  if (from == "came_into_care") {
    return "c.came_into_care";
  }
  return "c.case_opened";  // "case_open"
}

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

std::string outcome_label(const std::string& id) {
  return id == "refer" ? "Take to panel" : "Not to panel now";
}

}  // namespace

std::vector<WatchedCriterion> watched_criteria(const Services& s) {
  std::vector<WatchedCriterion> out;
  for (const core::PanelType& p : s.panels.all()) {
    for (const core::EntryCriterion& c : p.entry_criteria) {
      if (c.after_months) {
        out.push_back({&p, &c});
      }
    }
  }
  return out;
}

core::Result<std::vector<WatchList>> watch_lists(Services& s, const Actor& a) {
  if (!a.may(core::Permission::approve_request)) {
    return core::Error::forbidden("Watch lists are for managers");
  }
  std::vector<WatchList> out;
  s.db.read_all([&](Tx& tx) {
    const std::vector<std::int64_t> teams = teams_in_scope(tx, a);
    const core::Date today = core::london_date(s.clock.now());
    for (const WatchedCriterion& w : watched_criteria(s)) {
      const core::EntryCriterion& c = *w.criterion;
      WatchList list{w.panel->id, w.panel->name, c.id, c.label, c.hint, {}, {}};
      // More than N months: the start is before today less N months.
      const std::string before = core::to_iso(core::add_months(today, -*c.after_months));
      const std::string column = months_column(c.months_from);
      // Parameters are numbered in order of appearance (store/database.h).
      store::Params params{c.id, c.id, w.panel->id, before};
      std::string sql =
          "SELECT c.id, c.first_name || ' ' || c.last_name, t.name, " + column +
          ", t.kind, "
          "(SELECT MAX(d.discussed_on) FROM child_discussions d WHERE d.child_id = c.id AND "
          " d.criterion_id = $1), "
          "(SELECT d.outcome FROM child_discussions d WHERE d.child_id = c.id AND "
          " d.criterion_id = $2 ORDER BY d.discussed_on DESC, d.id DESC LIMIT 1), "
          "(SELECT MAX(r.id) FROM requests r JOIN request_children rc ON rc.request_id = r.id "
          " WHERE rc.child_id = c.id AND r.panel_id = $3 AND r.state IN ('draft', "
          " 'awaiting_approval', 'submitted', 'scheduled')) "
          "FROM children c JOIN teams t ON t.id = c.team_id WHERE " +
          column + " < $4";
      if (!teams.empty()) {
        sql += " AND c.team_id IN (" + placeholders(5, teams.size()) + ")";
        for (std::int64_t t : teams) {
          params.push_back(t);
        }
      } else {
        sql += " AND 1 = 0";
      }
      sql += " ORDER BY " + column + ", c.id";
      for (const Row& r : tx.query(sql, params)) {
        if (!team_is_watched(c, r.text(4), r.text(2))) {
          continue;
        }
        WatchedChild child;
        child.id = r.integer(0);
        child.name = r.text(1);
        child.team = r.text(2);
        child.since = long_date(r.text(3));
        if (auto from = core::parse_iso_date(r.text(3))) {
          int months = 0;
          while (std::chrono::sys_days{core::add_months(*from, months + 1)} <=
                 std::chrono::sys_days{today}) {
            ++months;
          }
          child.months = months;
        }
        child.last_discussed = long_date(r.text(5));
        if (!r.text(6).empty()) {
          child.last_outcome = outcome_label(r.text(6));
        }
        child.open_request_id = r.integer(7);
        (child.last_discussed.empty() ? list.not_discussed : list.discussed)
            .push_back(std::move(child));
      }
      out.push_back(std::move(list));
    }
  });
  // The lists name children: recorded before they are handed out.
  std::size_t shown = 0;
  for (const WatchList& l : out) {
    shown += l.discussed.size() + l.not_discussed.size();
  }
  s.db.write_all([&](Tx& tx) { audit(tx, s, a, "watch.view", "child", 0, {{"shown", shown}}); });
  return out;
}

core::Status record_discussion(Services& s, const Actor& a, std::int64_t child_id,
                               const DiscussionInput& in) {
  if (!a.may(core::Permission::approve_request)) {
    return core::Error::forbidden("Only managers record these discussions");
  }
  const core::PanelType* panel = s.panels.find(in.panel_id);
  const core::EntryCriterion* criterion = panel ? panel->entry_criterion(in.criterion_id) : nullptr;
  if (criterion == nullptr) {
    return core::Error::invalid("criterion_id", "Select what was discussed");
  }
  std::vector<core::FieldError> problems;
  const auto date = core::parse_iso_date(in.discussed_on);
  if (!date) {
    problems.push_back({"discussed_on", "Enter the date of the discussion, as a real date"});
  } else if (std::chrono::sys_days{*date} >
             std::chrono::sys_days{core::london_date(s.clock.now())}) {
    problems.push_back({"discussed_on", "The date of the discussion must be today or in the past"});
  }
  if (in.outcome != "refer" && in.outcome != "not_now") {
    problems.push_back({"outcome", "Select what was decided"});
  }
  if (blank(in.arguments)) {
    problems.push_back({"arguments", "Enter the arguments for the decision"});
  } else if (in.arguments.size() > 20000) {
    problems.push_back({"arguments", "Keep this to 20,000 characters or fewer"});
  }
  if (!problems.empty()) {
    return core::Error::invalid_fields(std::move(problems));
  }
  return s.db.write<core::Done>([&](Tx& tx) -> core::Status {
    // A discussion is a change to the child's record: their line's managers.
    if (!may_child(tx, s, a, child_id, core::Use::change)) {
      return core::Error::not_found();
    }
    const std::int64_t id = tx.insert(
        "INSERT INTO child_discussions (child_id, criterion_id, discussed_on, outcome, arguments, "
        "recorded_by, recorded_at) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
        {child_id, in.criterion_id, in.discussed_on, in.outcome, in.arguments, a.id, now_utc(s)});
    audit(tx, s, a, "child.discussion", "child", child_id,
          {{"discussion", id}, {"criterion", in.criterion_id}, {"outcome", in.outcome}});
    return core::Done{};
  });
}

bool team_is_watched(const core::EntryCriterion& c, const std::string& team_kind,
                     const std::string& team_name) {
  return c.team.empty() || lower(team_kind) == lower(c.team) ||
         lower(team_name).find(lower(c.team)) != std::string::npos;
}

std::vector<ChildDiscussion> child_discussions(Tx& tx, const Services& s, std::int64_t child_id) {
  std::vector<ChildDiscussion> out;
  for (const Row& r : tx.query("SELECT d.criterion_id, d.discussed_on, d.outcome, d.arguments, "
                               "u.name FROM child_discussions d JOIN users u ON "
                               "u.id = d.recorded_by WHERE d.child_id = $1 "
                               "ORDER BY d.discussed_on DESC, d.id DESC",
                               {child_id})) {
    std::string label = r.text(0);
    for (const WatchedCriterion& w : watched_criteria(s)) {
      if (w.criterion->id == r.text(0)) {
        label = w.criterion->label;
      }
    }
    out.push_back({label, long_date(r.text(1)), outcome_label(r.text(2)), r.text(3), r.text(4)});
  }
  return out;
}

}  // namespace casepanel::app
