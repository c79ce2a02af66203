#include "app/my_tasks.h"

#include <algorithm>
#include <chrono>

#include "app/audit_trail.h"
#include "app/child_names.h"
#include "app/display.h"
#include "app/notifications.h"
#include "app/scope.h"
#include "core/request.h"
#include "store/request_sittings.h"
#include "store/requests.h"

namespace casepanel::app {
namespace {

using store::Tx;

TaskItem item(Tx& tx, const Services& s, const store::RequestRecord& r, std::string detail) {
  const core::PanelType* p = s.panels.find(r.panel_id);
  return TaskItem{r.id,
                  request_children_names(tx, r.id),
                  p ? p->name : r.panel_id,
                  request_type_label(p, r.request_type),
                  std::move(detail),
                  ""};
}

// The author's drafts; those an approver or the coordinator sent back are
// listed apart, with what to change.
void add_drafts(Tx& tx, const Services& s, const Actor& a, Tasks& t) {
  for (const store::RequestRecord& r :
       store::requests_of_author(tx, a.id, core::RequestState::draft)) {
    const auto last = store::last_history(tx, r.id);
    const bool sent_back = last && (last->outcome == store::HistoryOutcome::returned ||
                                    last->outcome == store::HistoryOutcome::more_information);
    if (sent_back) {
      t.returned.push_back(item(tx, s, r, last->comments));
    } else {
      t.drafts.push_back(item(tx, s, r, ""));
    }
  }
}

std::string heard_on(core::Instant t) { return long_date(core::to_iso(core::london_date(t))); }

// Where a request sent by the author has got to, in words.
std::string progress(Tx& tx, const Services& s, const store::RequestRecord& r) {
  const core::PanelType* p = s.panels.find(r.panel_id);
  if (r.state == core::RequestState::awaiting_approval && p != nullptr &&
      r.approval_step < static_cast<int>(p->approval_steps.size())) {
    return "Waiting for: " + p->approval_steps[static_cast<std::size_t>(r.approval_step)].label;
  }
  if (const auto h = store::request_hearing(tx, r.id)) {
    if (h->starts_at < s.clock.now()) {
      return "Heard on " + heard_on(h->starts_at) + "; the decision is not yet recorded";
    }
    const core::Venue* venue = p ? p->venue(h->venue_id) : nullptr;
    return heard_on(h->starts_at) + " at " +
           core::to_hh_mm(core::london_time_of_day(h->starts_at)) + ", " +
           (venue ? venue->name : h->venue_id);
  }
  if (r.target_sitting) {
    return "For the sitting on " + long_date(core::to_iso(*r.target_sitting)) + ", once triaged";
  }
  return "Waiting for triage";
}

// The author's requests sent and not yet decided, and those heard lately,
// the latest first.
void add_my_requests(Tx& tx, const Services& s, const Actor& a, Tasks& t) {
  for (const core::RequestState state :
       {core::RequestState::scheduled, core::RequestState::submitted,
        core::RequestState::awaiting_approval}) {
    for (const store::RequestRecord& r : store::requests_of_author(tx, a.id, state)) {
      TaskItem x = item(tx, s, r, progress(tx, s, r));
      x.state = std::string(core::state_label(state));
      t.on_the_way.push_back(std::move(x));
    }
  }
  const core::Instant since = s.clock.now() - std::chrono::days(56);
  std::vector<std::pair<core::Instant, TaskItem>> heard;
  for (const core::RequestState state :
       {core::RequestState::heard, core::RequestState::decided, core::RequestState::closed}) {
    for (const store::RequestRecord& r : store::requests_of_author(tx, a.id, state)) {
      const auto h = store::request_hearing(tx, r.id);
      if (h && h->starts_at >= since) {
        TaskItem x = item(tx, s, r, "Heard on " + heard_on(h->starts_at));
        x.state = std::string(core::state_label(state));
        heard.emplace_back(h->starts_at, std::move(x));
      }
    }
  }
  std::stable_sort(heard.begin(), heard.end(),
                   [](const auto& x, const auto& y) { return x.first > y.first; });
  for (auto& [at, x] : heard) {
    t.decided.push_back(std::move(x));
  }
}

// The requests waiting at a step the actor may approve.
void add_approvals(Tx& tx, const Services& s, const Actor& a, Tasks& t) {
  const std::vector<std::int64_t> teams = teams_in_scope(tx, a);
  for (const store::RequestRecord& r :
       store::requests_in_state(tx, core::RequestState::awaiting_approval)) {
    const core::PanelType* p = s.panels.find(r.panel_id);
    if (p == nullptr) {
      continue;
    }
    const bool manages = std::find(teams.begin(), teams.end(), r.team_id) != teams.end();
    auto step = core::approval_step_for(
        *p, {r.state, r.approval_step, r.author_id, a.id, a.roles, manages});
    if (step) {
      t.awaiting_my_approval.push_back(item(tx, s, r, (*step)->label));
    }
  }
}

}  // namespace

core::Result<Tasks> my_tasks(Services& s, const Actor& a) {
  Tasks t;
  s.db.read_all([&](Tx& tx) {
    add_drafts(tx, s, a, t);
    add_my_requests(tx, s, a, t);
    if (a.may(core::Permission::approve_request)) {
      add_approvals(tx, s, a, t);
    }
    t.minutes_to_authorise = minutes_to_authorise(tx, s, a);
  });
  return t;
}

}  // namespace casepanel::app
