#include "app/agenda_view.h"

#include <algorithm>

#include "app/audit_trail.h"
#include "app/child_names.h"
#include "app/display.h"
#include "app/notifications.h"
#include "app/request_access.h"
#include "app/scope.h"
#include "app/sitting_rows.h"
#include "core/statutory.h"
#include "store/content_version.h"
#include "store/hearings.h"
#include "store/seats.h"
#include "store/sittings.h"

namespace casepanel::app {
namespace {

using store::Tx;

// "Sam Alpha, Pat Manager": the author, and their team's manager when that
// is someone else.
std::string presenters_of(const store::HearingPeople& p) {
  if (!p.team_manager || p.team_manager->name.empty() || p.team_manager->name == p.author.name) {
    return p.author.name;
  }
  return p.author.name + ", " + p.team_manager->name;
}

// The as_relevant seats invited to the hearing (by label) and those that
// could still be (Support Panel 4.1).
void add_invitees(AgendaItem& item, const core::PanelType& panel,
                  const std::vector<std::string>& invited) {
  for (const core::Member& seat : panel.members) {
    if (!seat.as_relevant) {
      continue;
    }
    if (std::find(invited.begin(), invited.end(), seat.id) != invited.end()) {
      item.invited.push_back(seat.label);
    } else {
      item.invitable.push_back({seat.id, seat.label, ""});
    }
  }
}

AgendaItem agenda_item(const store::AgendaLine& line, const core::PanelType* panel,
                       const std::unordered_map<std::int64_t, ChildrenNames>& names) {
  const store::HearingRecord& h = line.hearing;
  AgendaItem item;
  item.hearing_id = h.id;
  item.request_id = h.request_id;
  item.start = london_time(h.starts_at);
  item.end = london_time(h.starts_at + std::chrono::minutes{h.minutes});
  int children = 0;
  if (auto n = names.find(h.request_id); n != names.end()) {
    item.children = n->second.names;
    children = n->second.count;
  }
  item.request_type = request_type_label(panel, line.request_type);
  item.conference_call = line.conference_call;
  item.presenters = presenters_of(line.people);
  item.decided = line.decisions >= children;
  item.statutory = line.statutory;
  item.immediate = line.must_go_to_next_sitting;
  if (line.statutory_due &&
      core::heard_after_deadline(line.statutory_due, core::london_date(h.starts_at))) {
    item.statutory_breach = core::late_hearing_tag(*line.statutory_due, h.late_reason);
  }
  item.chair = line.named_chair ? line.named_chair->name : "";
  return item;
}

// The agenda's lines, each with its chair warning where the panel's chair
// must be independent of the case (Support Panel 4.1): every worker's line
// management is read at once.
std::vector<AgendaItem> agenda_of(Tx& tx, std::int64_t sitting_id, const core::PanelType* panel) {
  const auto lines = store::sitting_agenda(tx, sitting_id);
  const auto names = sitting_children_names(tx, sitting_id);
  const bool independent = panel && panel->chair.independent_of_line_management;
  std::vector<std::int64_t> workers;
  for (const store::AgendaLine& line : lines) {
    workers.push_back(line.people.author.id);
  }
  const auto chains = independent ? line_management_of(tx, workers) : LineChains{};
  const auto presenters = store::sitting_presenters(tx, sitting_id);
  const auto invitees = store::sitting_invitees(tx, sitting_id);
  std::vector<AgendaItem> out;
  for (const store::AgendaLine& line : lines) {
    AgendaItem item = agenda_item(line, panel, names);
    if (panel) {
      const auto p = presenters.find(line.hearing.id);
      item.presenter = presenter_line(*panel, line.people,
                                      p == presenters.end() ? store::PresenterRecord{} : p->second);
      const auto i = invitees.find(line.hearing.id);
      add_invitees(item, *panel, i == invitees.end() ? std::vector<std::string>{} : i->second);
    }
    if (independent) {
      item.chair_warning = chair_conflict(line.people, chains);
    }
    out.push_back(std::move(item));
  }
  return out;
}

// Whether the person may read the sitting of `panel_id` (none: no such
// sitting). The check needs the sitting's panel only (sitting_view_version
// reads nothing else).
bool may_read_sitting(Tx& tx, const Services& s, const Actor& a, std::int64_t sitting_id,
                      const std::optional<std::string>& panel_id) {
  return panel_id &&
         may_sitting(tx, s, a, sitting_id, *panel_id, core::Resource::sitting, core::Use::read);
}

core::Result<SittingView> read_sitting_view(Tx& tx, const Services& s, const Actor& a,
                                            std::int64_t sitting_id) {
  auto m = store::find_sitting(tx, sitting_id);
  if (!may_read_sitting(tx, s, a, sitting_id,
                        m ? std::optional<std::string>(m->panel_id) : std::nullopt)) {
    return core::Error::not_found();
  }
  SittingView v;
  v.sitting = sitting_summary(s, *m);
  v.can_record =
      may_sitting(tx, s, a, sitting_id, m->panel_id, core::Resource::decision, core::Use::change) &&
      core::may_record_decision(m->status, m->date, today(s)).ok();
  v.can_manage =
      may_sitting(tx, s, a, sitting_id, m->panel_id, core::Resource::sitting, core::Use::change);
  v.can_take_attendance =
      (a.has(core::Role::coordinator) || a.has(core::Role::panel_admin)) &&
      (v.can_manage ||
       may_sitting(tx, s, a, sitting_id, m->panel_id, core::Resource::decision, core::Use::change));
  if (m->chair_id) {
    auto chair = store::find_contact(tx, *m->chair_id);
    v.chair = chair ? chair->name : "";
  }
  const core::PanelType* panel = s.panels.find(m->panel_id);
  v.agenda = agenda_of(tx, sitting_id, panel);
  // A member sees the agenda, not every request on it; the coordinator, the
  // panel administrator and oversight open them all (one question, not one a line).
  const bool whole = may_open_whole_agenda(tx, a, m->panel_id);
  for (AgendaItem& item : v.agenda) {
    item.can_open_request = whole || visible_request(tx, s, a, item.request_id).ok();
  }
  v.members = sitting_members(tx, s, *m);
  if (panel) {
    v.quorum = quorum_of(*panel, v.members);
    if (v.can_manage) {
      v.chairs = chairs_of(tx, *panel);
    }
  }
  return v;
}

}  // namespace

core::Result<SittingView> sitting_view(Services& s, const Actor& a, std::int64_t sitting_id,
                                       SittingPage page) {
  if (!a.may(core::Permission::view_sittings)) {
    return core::Error::not_found();
  }
  auto view = s.db.read<SittingView>(
      [&](Tx& tx) -> core::Result<SittingView> { return read_sitting_view(tx, s, a, sitting_id); });
  if (view) {
    // Recorded before the page is handed out, as a child's record is.
    sitting_viewed(s, a, sitting_id, page);
  }
  return view;
}

core::Result<std::int64_t> sitting_view_version(Services& s, const Actor& a,
                                                std::int64_t sitting_id) {
  if (!a.may(core::Permission::view_sittings)) {
    return core::Error::not_found();
  }
  return s.db.read<std::int64_t>([&](Tx& tx) -> core::Result<std::int64_t> {
    // The sitting's panel alone: reading the whole sitting (its hearings'
    // minutes summed) was a tenth of a kept page's CPU.
    if (!may_read_sitting(tx, s, a, sitting_id, store::sitting_panel(tx, sitting_id))) {
      return core::Error::not_found();
    }
    return store::content_version(tx);
  });
}

namespace {
const char* view_action(SittingPage page) {
  return page == SittingPage::print ? "sitting.print" : "sitting.view";
}
}  // namespace

void sitting_viewed(Services& s, const Actor& a, std::int64_t sitting_id, SittingPage page) {
  s.db.write_shared([&](Tx& tx) { audit(tx, s, a, view_action(page), "sitting", sitting_id); });
}

std::shared_ptr<core::Completion> sitting_viewed_async(Services& s, const Actor& a,
                                                       std::int64_t sitting_id, SittingPage page) {
  return s.db.write_shared_async([&s, a, sitting_id, page](Tx& tx) {
    audit(tx, s, a, view_action(page), "sitting", sitting_id);
  });
}

}  // namespace casepanel::app
