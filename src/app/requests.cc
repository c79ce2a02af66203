#include "app/requests.h"

#include <algorithm>

#include "app/auth.h"
#include "app/support.h"

namespace casepanel::app {
namespace {

using store::Row;
using store::Tx;

struct Loaded {
  std::int64_t id;
  std::string panel_id;
  core::RequestState state;
  int step;
  std::int64_t author_id;
  std::int64_t team_id;
};

std::optional<Loaded> load(Tx& tx, std::int64_t id) {
  auto r = tx.query_one(
      "SELECT id, panel_id, state, approval_step, author_id, team_id FROM requests WHERE id = $1",
      {id});
  if (!r) {
    return std::nullopt;
  }
  return Loaded{r->integer(0),
                r->text(1),
                core::state_from_id(r->text(2)).value_or(core::RequestState::draft),
                static_cast<int>(r->integer(3)),
                r->integer(4),
                r->integer(5)};
}

// A request is visible to its author and to whoever may see its team's records.
bool visible(Tx& tx, const Actor& a, const Loaded& r) {
  return r.author_id == a.id || team_visible(tx, a, r.team_id);
}

// Everyone who holds the step's role and manages the team: told by email.
void notify_approvers(Tx& tx, Services& s, const core::PanelType& panel, const Loaded& r) {
  const core::ApprovalStep& step = panel.approval_steps[static_cast<std::size_t>(r.step)];
  for (const Row& u : tx.query("SELECT u.id FROM users u JOIN user_roles ur ON ur.user_id = u.id "
                               "WHERE ur.role = $1 AND u.active = 1",
                               {std::string(core::role_id(step.role))})) {
    auto approver = load_actor(tx, u.integer(0));
    if (approver && approver->id != r.author_id && team_in_scope(tx, *approver, r.team_id)) {
      queue_email(tx, s, approver->id, "A request to " + panel.name + " needs you",
                  "Request " + std::to_string(r.id) + " is waiting for: " + step.label + ".");
    }
  }
}

core::Result<Loaded> load_visible(Tx& tx, const Actor& a, std::int64_t id) {
  auto r = load(tx, id);
  if (!r || !visible(tx, a, *r)) {
    return core::Error::not_found();
  }
  return *r;
}

// The approval step the actor may act on now, with its request and panel.
struct CurrentStep {
  Loaded request;
  const core::PanelType* panel;
  const core::ApprovalStep* step;
};
core::Result<CurrentStep> current_step(Tx& tx, Services& s, const Actor& a,
                                       std::int64_t request_id) {
  auto r = load_visible(tx, a, request_id);
  if (!r) {
    return r.error();
  }
  const core::PanelType* panel = s.panels.find(r->panel_id);
  if (panel == nullptr) {
    return core::Error::conflict("This request's panel is no longer configured");
  }
  auto step = core::approval_step_for(
      *panel, {r->state, r->step, r->author_id, a.id, a.roles, team_in_scope(tx, a, r->team_id)});
  if (!step) {
    return step.error();
  }
  return CurrentStep{*r, panel, *step};
}

}  // namespace

core::Result<std::int64_t> create_request(Services& s, const Actor& a,
                                          const std::vector<std::int64_t>& child_ids,
                                          const core::RequestDraft& draft) {
  if (!a.may(core::Permission::draft_request)) {
    return core::Error::forbidden("You cannot make requests to panel");
  }
  const core::PanelType* panel = s.panels.find(draft.panel_id);
  if (panel == nullptr) {
    return core::Error::invalid("panel_id", "Select the panel");
  }
  core::RequestDraft checked = draft;
  checked.children = static_cast<int>(child_ids.size());
  if (auto ok = core::validate_draft(*panel, checked); !ok) {
    return ok.error();
  }
  return s.db.write<std::int64_t>([&](Tx& tx) -> core::Result<std::int64_t> {
    std::optional<std::int64_t> team;
    for (std::int64_t child : child_ids) {
      if (!child_visible(tx, a, child)) {
        return core::Error::not_found();
      }
      auto row = tx.query_one("SELECT team_id FROM children WHERE id = $1", {child});
      if (team && *team != row->integer(0)) {
        return core::Error::invalid("children", "Children in one request must share a team");
      }
      team = row->integer(0);
    }
    const std::string now = now_utc(s);
    const std::int64_t id = tx.insert(
        "INSERT INTO requests (panel_id, state, request_type, reason, proposed_plan, "
        "parallel_plan, conference_call, venue_preference, author_id, team_id, created_at, "
        "updated_at) VALUES ($1, 'draft', $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id",
        {draft.panel_id, draft.request_type, draft.reason, draft.proposed_plan, draft.parallel_plan,
         std::int64_t{draft.conference_call ? 1 : 0}, draft.venue_preference, a.id, *team, now,
         now});
    for (std::int64_t child : child_ids) {
      tx.exec("INSERT INTO request_children (request_id, child_id) VALUES ($1, $2)", {id, child});
    }
    audit(
        tx, s, a, "request.create", "request", id,
        {{"panel", draft.panel_id}, {"request_type", draft.request_type}, {"children", child_ids}});
    return id;
  });
}

core::Status send_for_approval(Services& s, const Actor& a, std::int64_t request_id) {
  return s.db.write<core::Done>([&](Tx& tx) -> core::Status {
    auto r = load_visible(tx, a, request_id);
    if (!r) {
      return r.error();
    }
    if (r->author_id != a.id) {
      return core::Error::forbidden("Only the request's author can send it");
    }
    if (r->state != core::RequestState::draft) {
      return core::Error::conflict("This request has already been sent");
    }
    const core::PanelType* panel = s.panels.find(r->panel_id);
    const bool needs_approval = panel && !panel->approval_steps.empty();
    const std::string state = needs_approval ? "awaiting_approval" : "submitted";
    tx.exec(
        "UPDATE requests SET state = $1, approval_step = 0, updated_at = $2, submitted_at = "
        "CASE WHEN $3 = 'submitted' THEN $4 ELSE NULL END WHERE id = $5",
        {state, now_utc(s), state, now_utc(s), request_id});
    audit(tx, s, a, "request.send", "request", request_id, {{"state", state}});
    if (needs_approval) {
      Loaded sent = *r;
      sent.step = 0;
      notify_approvers(tx, s, *panel, sent);
    }
    return core::Done{};
  });
}

core::Status approve_request(Services& s, const Actor& a, std::int64_t request_id,
                             const std::string& comments) {
  return s.db.write<core::Done>([&](Tx& tx) -> core::Status {
    auto current = current_step(tx, s, a, request_id);
    if (!current) {
      return current.error();
    }
    const Loaded& r = current->request;
    const core::PanelType& panel = *current->panel;
    const core::ApprovalStep& step = *current->step;
    const std::string now = now_utc(s);
    tx.exec(
        "INSERT INTO approvals (request_id, step_id, approver_id, outcome, comments, at) "
        "VALUES ($1, $2, $3, 'approved', $4, $5)",
        {request_id, step.id, a.id, comments, now});
    const int next = r.step + 1;
    const bool last = next >= static_cast<int>(panel.approval_steps.size());
    tx.exec(
        "UPDATE requests SET state = $1, approval_step = $2, updated_at = $3, submitted_at = "
        "CASE WHEN $4 = 1 THEN $5 ELSE submitted_at END WHERE id = $6",
        {std::string(last ? "submitted" : "awaiting_approval"), std::int64_t{next}, now,
         std::int64_t{last ? 1 : 0}, now, request_id});
    audit(tx, s, a, "request.approve", "request", request_id,
          {{"step", step.id}, {"comments", comments}});
    Loaded moved = r;
    moved.step = next;
    if (!last) {
      notify_approvers(tx, s, panel, moved);
    }
    queue_email(tx, s, r.author_id, "Your request to " + panel.name + " was approved",
                step.label + ": approved." + (last ? " It is now with the coordinator." : ""));
    return core::Done{};
  });
}

core::Status return_request(Services& s, const Actor& a, std::int64_t request_id,
                            const std::string& comments) {
  if (comments.find_first_not_of(" \t\r\n") == std::string::npos) {
    return core::Error::invalid("comments", "Enter what needs to change");
  }
  return s.db.write<core::Done>([&](Tx& tx) -> core::Status {
    auto current = current_step(tx, s, a, request_id);
    if (!current) {
      return current.error();
    }
    const Loaded& r = current->request;
    const core::PanelType& panel = *current->panel;
    const core::ApprovalStep& step = *current->step;
    tx.exec(
        "INSERT INTO approvals (request_id, step_id, approver_id, outcome, comments, at) "
        "VALUES ($1, $2, $3, 'returned', $4, $5)",
        {request_id, step.id, a.id, comments, now_utc(s)});
    tx.exec("UPDATE requests SET state = 'draft', approval_step = 0, updated_at = $1 WHERE id = $2",
            {now_utc(s), request_id});
    audit(tx, s, a, "request.return", "request", request_id,
          {{"step", step.id}, {"comments", comments}});
    queue_email(tx, s, r.author_id, "Your request to " + panel.name + " was returned",
                "Changes asked for: " + comments);
    return core::Done{};
  });
}

core::Result<RequestView> request_view(Services& s, const Actor& a, std::int64_t request_id) {
  return s.db.read<RequestView>([&](Tx& tx) -> core::Result<RequestView> {
    auto r = load_visible(tx, a, request_id);
    if (!r) {
      return r.error();
    }
    auto row = tx.query_one(
        "SELECT r.request_type, r.reason, r.proposed_plan, r.parallel_plan, r.venue_preference, "
        "r.conference_call, u.name, COALESCE(r.statutory_due, '') FROM requests r "
        "JOIN users u ON u.id = r.author_id WHERE r.id = $1",
        {request_id});
    const core::PanelType* panel = s.panels.find(r->panel_id);
    RequestView v;
    v.id = request_id;
    v.panel_id = r->panel_id;
    v.panel_name = panel ? panel->name : r->panel_id;
    v.state = std::string(core::state_id(r->state));
    v.state_label = std::string(core::state_label(r->state));
    v.request_type = request_type_label(panel, row->text(0));
    v.reason = row->text(1);
    v.proposed_plan = row->text(2);
    v.parallel_plan = row->text(3);
    const core::Venue* venue = panel ? panel->venue(row->text(4)) : nullptr;
    v.venue = venue ? venue->name + " (" + venue->code + ")" : "";
    v.conference_call = row->integer(5) != 0;
    v.author = row->text(6);
    v.statutory_due = long_date(row->text(7));
    for (const Row& c : tx.query("SELECT c.id, c.first_name || ' ' || c.last_name FROM children c "
                                 "JOIN request_children rc ON rc.child_id = c.id "
                                 "WHERE rc.request_id = $1 ORDER BY c.date_of_birth",
                                 {request_id})) {
      v.children.push_back({c.integer(0), c.text(1)});
    }
    for (const Row& ap : tx.query("SELECT a.step_id, u.name, a.outcome, a.comments, a.at "
                                  "FROM approvals a JOIN users u ON u.id = a.approver_id "
                                  "WHERE a.request_id = $1 ORDER BY a.id",
                                  {request_id})) {
      std::string step = ap.text(0);
      if (panel) {
        for (const auto& st : panel->approval_steps) {
          if (st.id == step) {
            step = st.label;
          }
        }
      }
      v.approvals.push_back({step, ap.text(1), ap.text(2), ap.text(3),
                             london_long_date(ap.text(4)) + " at " + london_hh_mm(ap.text(4))});
    }
    v.can_send = r->state == core::RequestState::draft && r->author_id == a.id;
    if (panel && r->state == core::RequestState::awaiting_approval &&
        r->step < static_cast<int>(panel->approval_steps.size())) {
      const auto& st = panel->approval_steps[static_cast<std::size_t>(r->step)];
      v.waiting_for = panel->title_of(st.role) + ": " + st.label;
      auto step = core::approval_step_for(*panel, {r->state, r->step, r->author_id, a.id, a.roles,
                                                   team_in_scope(tx, a, r->team_id)});
      v.can_approve = step.ok();
      v.approve_label = st.label;
    }
    v.can_schedule = r->state == core::RequestState::submitted && a.may(core::Permission::triage);
    if (auto h = tx.query_one("SELECT m.id, h.starts_at, m.venue_id FROM hearings h "
                              "JOIN meetings m ON m.id = h.meeting_id WHERE h.request_id = $1",
                              {request_id})) {
      v.meeting_id = h->integer(0);
      v.hearing_date = london_long_date(h->text(1));
      v.hearing_time = london_hh_mm(h->text(1));
      const core::Venue* hv = panel ? panel->venue(h->text(2)) : nullptr;
      v.hearing_venue = hv ? hv->name : h->text(2);
    }
    return v;
  });
}

core::Result<Tasks> my_tasks(Services& s, const Actor& a) {
  Tasks t;
  s.db.read_all([&](Tx& tx) {
    auto item = [&](const Row& r, std::string detail) {
      const core::PanelType* p = s.panels.find(r.text(1));
      return TaskItem{r.integer(0), request_children_names(tx, r.integer(0)),
                      p ? p->name : r.text(1), request_type_label(p, r.text(2)), std::move(detail)};
    };
    for (const Row& r : tx.query(
             "SELECT r.id, r.panel_id, r.request_type, "
             "(SELECT a.comments FROM approvals a WHERE a.request_id = r.id "
             " ORDER BY a.id DESC LIMIT 1), "
             "(SELECT a.outcome FROM approvals a WHERE a.request_id = r.id "
             " ORDER BY a.id DESC LIMIT 1) "
             "FROM requests r WHERE r.author_id = $1 AND r.state = 'draft' ORDER BY r.updated_at",
             {a.id})) {
      if (r.text(4) == "returned") {
        t.returned.push_back(item(r, r.text(3)));
      } else {
        t.drafts.push_back(item(r, ""));
      }
    }
    if (!a.may(core::Permission::approve_request)) {
      return;
    }
    const std::vector<std::int64_t> teams = teams_in_scope(tx, a);
    auto manages = [&](std::int64_t team) {
      return std::find(teams.begin(), teams.end(), team) != teams.end();
    };
    for (const Row& r :
         tx.query("SELECT id, panel_id, request_type, approval_step, author_id, team_id "
                  "FROM requests WHERE state = 'awaiting_approval' ORDER BY updated_at")) {
      const core::PanelType* p = s.panels.find(r.text(1));
      if (p == nullptr) {
        continue;
      }
      auto step = core::approval_step_for(
          *p, {core::RequestState::awaiting_approval, static_cast<int>(r.integer(3)), r.integer(4),
               a.id, a.roles, manages(r.integer(5))});
      if (step) {
        t.awaiting_my_approval.push_back(item(r, (*step)->label));
      }
    }
  });
  return t;
}

}  // namespace casepanel::app
