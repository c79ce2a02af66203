#include "app/children.h"

#include <map>

#include "app/audit_trail.h"
#include "app/display.h"
#include "app/scope.h"
#include "core/follow_up.h"
#include "core/request.h"
#include "store/children.h"
#include "store/content_version.h"
#include "store/decision_records.h"
#include "store/relationships.h"
#include "store/significant_events.h"

namespace casepanel::app {
namespace {

using store::Tx;

// Outside scope answers "not found", so record ids cannot be probed.
bool may_read_child(Tx& tx, const Services& s, const Actor& a, std::int64_t child_id) {
  return a.may(core::Permission::view_children) && may_child(tx, s, a, child_id, core::Use::read);
}

std::string optional_long_date(const std::optional<core::Date>& d) {
  return d ? long_date(core::to_iso(*d)) : std::string();
}

ChildSummary summary_of(const store::ChildSummaryRecord& r) {
  return {r.id,
          r.external_id,
          r.name,
          core::to_iso(r.date_of_birth),
          r.team,
          r.legal_status,
          r.allocated_worker.value_or("")};
}

std::string panel_name(const Services& s, const std::string& id) {
  const core::PanelType* p = s.panels.find(id);
  return p ? p->name : id;
}

// The date part of a stored UTC instant, as the history has always shown it.
core::Date utc_date(core::Instant t) {
  return core::Date{std::chrono::floor<std::chrono::days>(t)};
}

void load_requests(Services& s, Tx& tx, ChildRecord& rec) {
  for (const store::ChildRequestRecord& r : store::child_request_history(tx, rec.child.id)) {
    rec.requests.push_back({r.id, panel_name(s, r.panel_id),
                            request_type_label(s.panels.find(r.panel_id), r.request_type),
                            std::string(core::state_id(r.state)),
                            std::string(core::state_label(r.state)),
                            long_date(core::to_iso(utc_date(r.created_at)))});
  }
}

void load_hearings(Services& s, Tx& tx, ChildRecord& rec) {
  for (const store::ChildHearingRecord& h : store::child_hearings(tx, rec.child.id)) {
    const core::PanelType* p = s.panels.find(h.panel_id);
    const core::Venue* v = p ? p->venue(h.venue_id) : nullptr;
    const std::string starts = core::to_iso_utc(h.starts_at);
    rec.hearings.push_back({h.sitting_id, panel_name(s, h.panel_id), london_long_date(starts),
                            london_hh_mm(starts), v ? v->name : h.venue_id, h.request_id});
  }
}

std::string event_kind_label(store::EventKind k) {
  switch (k) {
    case store::EventKind::decision:
      return "Decision";
    case store::EventKind::outcome:
      return "Outcome";
    case store::EventKind::recommendation:
      return "Recommendation";
    case store::EventKind::final_decision:
      return "Final decision";
    case store::EventKind::agreed_outcome:
      return "Agreed outcome";
    case store::EventKind::correction:
      return "Correction";
    case store::EventKind::return_closed:
      return "Return to panel closed";
    case store::EventKind::change_of_plan:
      return "Change of plan";
  }
  return "Decision";
}

void load_decisions(Services& s, Tx& tx, ChildRecord& rec) {
  rec.decisions = record_views(s, store::child_decision_records(tx, rec.child.id));
  for (const store::EventRecord& e : store::child_events(tx, rec.child.id)) {
    const std::string at = core::to_iso_utc(e.recorded_at);
    rec.events.push_back(
        {london_long_date(at), event_kind_label(e.kind), e.summary, e.recorded_by});
  }
}

void load_actions(Tx& tx, ChildRecord& rec) {
  for (const store::ChildActionRecord& a : store::child_actions(tx, rec.child.id)) {
    rec.actions.push_back({a.description, a.owner, long_date(core::to_iso(a.due_date)),
                           core::action_status_words(a.status)});
  }
}

// The ids of the children on a sitting on the actor's agenda now; each
// sitting is asked once, however many children it hears.
std::vector<std::int64_t> children_on_agenda(Services& s, Tx& tx, const Actor& a) {
  std::vector<std::int64_t> ids;
  std::map<std::int64_t, bool> mine;
  for (const store::AgendaSitting& c : store::agenda_children(tx, window_since(tx, s))) {
    auto [at, fresh] = mine.try_emplace(c.sitting_id, false);
    if (fresh) {
      at->second = on_agenda(tx, s, a, c);
    }
    if (at->second) {
      ids.push_back(c.child_id);
    }
  }
  return ids;
}

std::vector<store::ChildSummaryRecord> visible_children(Services& s, Tx& tx, const Actor& a) {
  using core::Relationship;
  const core::Relationships wanted = core::relevant(a.roles, core::Resource::child_record);
  if (wanted.count(Relationship::any)) {
    return store::all_children(tx);
  }
  std::vector<std::int64_t> teams;
  if (wanted.count(Relationship::own_line)) {
    teams = teams_in_scope(tx, a);
  }
  std::vector<std::int64_t> ids;
  if (wanted.count(Relationship::panel_served)) {
    ids = store::children_of_panels(tx, store::panels_served(tx, a.id));
  }
  if (wanted.count(Relationship::on_agenda)) {
    const std::vector<std::int64_t> agenda = children_on_agenda(s, tx, a);
    ids.insert(ids.end(), agenda.begin(), agenda.end());
  }
  if (teams.empty() && ids.empty()) {
    return {};
  }
  return store::children_of(tx, teams, ids);
}

ChildRecord record_of(const store::ChildDetailsRecord& r) {
  ChildRecord rec;
  rec.child = summary_of(r.summary);
  rec.gender = r.gender;
  rec.ethnicity = r.ethnicity;
  rec.disability = r.disability;
  rec.came_into_care = optional_long_date(r.came_into_care);
  rec.cp_plan_start = optional_long_date(r.cp_plan_start);
  rec.case_opened = optional_long_date(r.case_opened);
  return rec;
}

}  // namespace

core::Result<std::vector<ChildSummary>> children_in_scope(Services& s, const Actor& a,
                                                          const std::string& audit_action) {
  if (!a.may(core::Permission::view_children)) {
    return core::Error::forbidden("You cannot see children's records");
  }
  std::vector<ChildSummary> out;
  s.db.read_all([&](Tx& tx) {
    for (const store::ChildSummaryRecord& r : visible_children(s, tx, a)) {
      out.push_back(summary_of(r));
    }
  });
  // Recorded before the list is handed out, as a child's record is (below).
  s.db.write_all([&](Tx& tx) {
    audit(tx, s, a, audit_action, "child", 0, {{"shown", out.size()}});
  });
  return out;
}

core::Result<ChildRecord> child_record(Services& s, const Actor& a, std::int64_t child_id) {
  // DESIGN.md: every view of a child's record is logged. The record is read
  // in a read transaction and the view appended in a short write of its own,
  // so that views of children do not queue behind one another for SQLite's
  // single writer while the history is read. The record is handed out only
  // once its view is committed: when the audit write fails it throws, and
  // the page is not shown.
  auto rec = s.db.read<ChildRecord>([&](Tx& tx) -> core::Result<ChildRecord> {
    if (!may_read_child(tx, s, a, child_id)) {
      return core::Error::not_found();
    }
    const std::optional<store::ChildDetailsRecord> found = store::find_child(tx, child_id);
    if (!found) {
      return core::Error::not_found();
    }
    ChildRecord rec = record_of(*found);
    if (found->sibling_group_id) {
      for (const store::ChildSummaryRecord& sib :
           store::siblings(tx, *found->sibling_group_id, child_id)) {
        rec.siblings.push_back(summary_of(sib));
      }
    }
    load_requests(s, tx, rec);
    load_hearings(s, tx, rec);
    load_decisions(s, tx, rec);
    load_actions(tx, rec);
    rec.discussions = child_discussions(tx, s, child_id);
    if (const auto team = store::child_team(tx, child_id)) {
      rec.may_change_plan =
          (a.has(core::Role::social_worker) || a.has(core::Role::practice_manager) ||
           a.has(core::Role::group_manager)) &&
          team_in_scope(tx, a, *team);
    }
    return rec;
  });
  if (!rec) {
    return rec;  // not found or out of scope: nothing was shown, nothing to log
  }
  child_record_viewed(s, a, child_id);
  return rec;
}

core::Result<std::int64_t> child_record_version(Services& s, const Actor& a,
                                                std::int64_t child_id) {
  return s.db.read<std::int64_t>([&](Tx& tx) -> core::Result<std::int64_t> {
    if (!may_read_child(tx, s, a, child_id)) {
      return core::Error::not_found();
    }
    return store::content_version(tx);
  });
}

void child_record_viewed(Services& s, const Actor& a, std::int64_t child_id) {
  s.db.write_shared([&](Tx& tx) { audit(tx, s, a, "child.view", "child", child_id); });
}

std::shared_ptr<core::Completion> child_record_viewed_async(Services& s, const Actor& a,
                                                            std::int64_t child_id) {
  // The work outlives this call: it holds its own copy of the person.
  return s.db.write_shared_async(
      [&s, a, child_id](Tx& tx) { audit(tx, s, a, "child.view", "child", child_id); });
}

}  // namespace casepanel::app
