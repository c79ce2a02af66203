#include "app/my_tasks.h"

#include <algorithm>

#include "app/audit_trail.h"
#include "app/child_names.h"
#include "app/display.h"
#include "app/notifications.h"
#include "app/scope.h"
#include "core/request.h"
#include "store/requests.h"

namespace casepanel::app {
namespace {

using store::Tx;

TaskItem item(Tx& tx, const Services& s, const store::RequestRecord& r, std::string detail) {
  const core::PanelType* p = s.panels.find(r.panel_id);
  return TaskItem{r.id, request_children_names(tx, r.id), p ? p->name : r.panel_id,
                  request_type_label(p, r.request_type), std::move(detail)};
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
    if (a.may(core::Permission::approve_request)) {
      add_approvals(tx, s, a, t);
    }
    t.minutes_to_authorise = minutes_to_authorise(tx, s, a);
  });
  return t;
}

}  // namespace casepanel::app
