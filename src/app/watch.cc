#include "app/watch.h"

#include <algorithm>
#include <cctype>

#include "app/audit_trail.h"
#include "app/display.h"
#include "app/scope.h"
#include "core/criterion_record.h"
#include "core/cutoff.h"
#include "core/text.h"
#include "store/children.h"

namespace casepanel::app {
namespace {

using store::Tx;

// The child's date a criterion's months count from (its `months_from`).
store::MonthsFrom months_from(const std::string& from) {
  if (from == "child_protection_plan_start") {
    return store::MonthsFrom::child_protection_plan_start;
  }
  if (from == "came_into_care") {
    return store::MonthsFrom::came_into_care;
  }
  return store::MonthsFrom::case_opened;  // "case_open"
}

std::string discussion_outcome_label(store::DiscussionOutcome o) {
  return o == store::DiscussionOutcome::refer ? "Take to panel" : "Not to panel now";
}

WatchedChild watched_child(const store::WatchCandidate& c, core::Date today) {
  WatchedChild child;
  child.id = c.id;
  child.name = c.name;
  child.team = c.team;
  child.since = long_date(core::to_iso(c.since));
  child.months = core::whole_months(c.since, today);
  if (c.last_discussed) {
    child.last_discussed = long_date(core::to_iso(*c.last_discussed));
  }
  if (c.last_outcome) {
    child.last_outcome = discussion_outcome_label(*c.last_outcome);
  }
  child.open_request_id = c.open_request_id.value_or(0);
  return child;
}

WatchList watch_list(Tx& tx, const WatchedCriterion& w, const Actor& a,
                     const std::vector<std::int64_t>& teams, core::Date today) {
  const core::EntryCriterion& c = *w.criterion;
  WatchList list{.panel_id = w.panel->id,
                 .panel_name = w.panel->name,
                 .criterion_id = c.id,
                 .label = c.label,
                 .hint = c.hint,
                 .considered_by = c.considered_by ? w.panel->title_of(*c.considered_by) : "",
                 .may_record = may_record_discussion(a, *w.panel, c).ok(),
                 .not_discussed = {},
                 .discussed = {}};
  // More than N months: the start is before today less N months.
  const store::WatchQuery query{.panel_id = w.panel->id,
                                .criterion_id = c.id,
                                .from = months_from(c.months_from),
                                .before = core::add_months(today, -*c.after_months),
                                .team_ids = teams};
  for (const store::WatchCandidate& candidate : store::watch_candidates(tx, query)) {
    if (!team_is_watched(c, candidate.team_kind, candidate.team)) {
      continue;
    }
    WatchedChild child = watched_child(candidate, today);
    (child.last_discussed.empty() ? list.not_discussed : list.discussed)
        .push_back(std::move(child));
  }
  return list;
}

std::vector<core::FieldError> discussion_problems(const Services& s, const DiscussionInput& in) {
  std::vector<core::FieldError> problems;
  const auto date = core::parse_iso_date(in.discussed_on);
  if (!date) {
    problems.push_back({"discussed_on", "Enter the date of the discussion, as a real date"});
  } else if (std::chrono::sys_days{*date} >
             std::chrono::sys_days{core::london_date(s.clock.now())}) {
    problems.push_back({"discussed_on", "The date of the discussion must be today or in the past"});
  }
  if (!store::outcome_from_id(in.outcome)) {
    problems.push_back({"outcome", "Select what was decided"});
  }
  if (blank(in.arguments)) {
    problems.push_back({"arguments", "Enter the arguments for the decision"});
  } else if (in.arguments.size() > 20000) {
    problems.push_back({"arguments", "Keep this to 20,000 characters or fewer"});
  }
  return problems;
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
      out.push_back(watch_list(tx, w, a, teams, today));
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

core::Status may_record_discussion(const Actor& a, const core::PanelType& panel,
                                   const core::EntryCriterion& c) {
  if (!a.may(core::Permission::approve_request)) {
    return core::Error::forbidden("Only managers record these discussions");
  }
  if (c.considered_by && !a.has(*c.considered_by)) {
    return core::Error::forbidden("The " + panel.title_of(*c.considered_by) +
                                  " records this discussion");
  }
  return core::Done{};
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
  if (core::Status allowed = may_record_discussion(a, *panel, *criterion); !allowed) {
    return allowed;
  }
  std::vector<core::FieldError> problems = discussion_problems(s, in);
  if (!problems.empty()) {
    return core::Error::invalid_fields(std::move(problems));
  }
  return s.db.write<core::Done>([&](Tx& tx) -> core::Status {
    // A discussion is a change to the child's record: their line's managers.
    if (!may_child(tx, s, a, child_id, core::Use::change)) {
      return core::Error::not_found();
    }
    const std::int64_t id =
        store::insert_discussion(tx, {.child_id = child_id,
                                      .criterion_id = in.criterion_id,
                                      .discussed_on = *core::parse_iso_date(in.discussed_on),
                                      .outcome = *store::outcome_from_id(in.outcome),
                                      .arguments = in.arguments,
                                      .recorded_by = a.id,
                                      .recorded_at = s.clock.now()});
    audit(tx, s, a, "child.discussion", "child", child_id,
          {{"discussion", id}, {"criterion", in.criterion_id}, {"outcome", in.outcome}});
    return core::Done{};
  });
}

bool team_is_watched(const core::EntryCriterion& c, const std::string& team_kind,
                     const std::string& team_name) {
  return c.team.empty() || core::ascii_lower(team_kind) == core::ascii_lower(c.team) ||
         core::ascii_lower(team_name).find(core::ascii_lower(c.team)) != std::string::npos;
}

std::vector<ChildDiscussion> child_discussions(Tx& tx, const Services& s, std::int64_t child_id) {
  std::vector<ChildDiscussion> out;
  for (const store::DiscussionRecord& d : store::child_discussions(tx, child_id)) {
    std::string label = d.criterion_id;
    for (const WatchedCriterion& w : watched_criteria(s)) {
      if (w.criterion->id == d.criterion_id) {
        label = w.criterion->label;
      }
    }
    out.push_back({label, long_date(core::to_iso(d.discussed_on)),
                   discussion_outcome_label(d.outcome), d.arguments, d.recorded_by});
  }
  return out;
}

}  // namespace casepanel::app
