// The home page ("My tasks"): each person's own work, by what they do. The
// practitioner's requests from draft to decision; the manager's approvals
// and changes of plan; the coordinator's triage queue; the sittings for those
// who sit or serve them (today's first); the chair's minutes; the assistant
// director's final decisions; the actions after panel; the referrals for
// consultation waiting for advice. Roles show with the
// panels' own titles.
#include <algorithm>
#include <cctype>
#include <set>

#include "app/actions.h"
#include "app/consultations.h"
#include "app/display.h"
#include "app/plan_changes.h"
#include "app/recommendations.h"
#include "app/requests.h"
#include "app/returns.h"
#include "app/sittings.h"
#include "app/triage.h"
#include "core/counted.h"
#include "web/site.h"
#include "web/view.h"

namespace casepanel::web {
namespace {

Data home_task_list(const std::vector<app::TaskItem>& items) {
  Data list{Data::type::list};
  for (const auto& t : items) {
    Data d;
    d.set("request_id", std::to_string(t.request_id));
    d.set("children", t.children);
    d.set("panel", t.panel);
    d.set("request_type", t.request_type);
    d.set("detail", t.detail);
    set_if(d, "state", t.state);
    list.push_back(d);
  }
  return list;
}

void add_tasks(Data& data, const std::string& key, const std::vector<app::TaskItem>& items) {
  data.set(key, home_task_list(items));
  data.set(key + "_count", std::to_string(items.size()));
  if (!items.empty()) {
    data.set("has_" + key, true);
  }
}

// Recommendations awaiting the actor's final decision, and disagreements
// for them to resolve: shown only to those who have some.
void add_open_decisions(Data& data, const app::OpenDecisions& open) {
  for (const auto& [key, items] : {std::pair{"final_decisions", &open.final_decisions},
                                   std::pair{"disagreements", &open.disagreements}}) {
    Data list{Data::type::list};
    for (const app::OpenDecision& o : *items) {
      Data x;
      x.set("href", o.href);
      x.set("child", o.child);
      x.set("what", o.what);
      x.set("panel_date", o.panel_date);
      list.push_back(x);
    }
    if (!items->empty()) {
      data.set(key, list);
      data.set(std::string("has_") + key, true);
      data.set(std::string(key) + "_count", std::to_string(items->size()));
    }
  }
}

// The chair's minutes to authorise (app/minutes.h).
void add_minutes_tasks(Data& data, const std::vector<app::MinutesTask>& items) {
  if (items.empty()) {
    return;
  }
  Data list{Data::type::list};
  for (const app::MinutesTask& m : items) {
    Data x;
    x.set("sitting_id", std::to_string(m.sitting_id));
    x.set("panel", m.panel);
    x.set("date", m.date);
    list.push_back(x);
  }
  data.set("minutes", list);
  data.set("minutes_count", std::to_string(items.size()));
  data.set("has_minutes", true);
}

// The actor's actions after panel, as counts linking to "My actions".
void add_action_counts(Data& data, const app::ActionCounts& c) {
  if (c.open + c.escalated_to_me + c.to_record == 0) {
    return;
  }
  data.set("has_actions", true);
  data.set("actions_open", std::to_string(c.open));
  set_flag(data, "actions_overdue", c.overdue > 0);
  data.set("actions_overdue_count", std::to_string(c.overdue));
  set_flag(data, "actions_escalated", c.escalated_to_me > 0);
  data.set("actions_escalated_count", std::to_string(c.escalated_to_me));
  set_flag(data, "actions_to_record", c.to_record > 0);
  data.set("actions_to_record_count", std::to_string(c.to_record));
}

// Reviews due back at panel, and progress updates to consider (app/returns.h).
void add_returns(Data& data, const app::MyReturns& m) {
  for (const auto& [key, lines] :
       {std::pair{"reviews", &m.reviews_due}, std::pair{"updates", &m.updates_to_consider}}) {
    if (lines->empty()) {
      continue;
    }
    Data list{Data::type::list};
    for (const app::ReturnLine& l : *lines) {
      Data x;
      x.set("id", std::to_string(l.id));
      x.set("child", l.child + ", born " + l.child_born);
      x.set("panel", l.panel);
      x.set("due", l.due);
      set_flag(x, "overdue", l.overdue);
      set_flag(x, "update_sent", l.update_sent);
      set_if(x, "request_state", l.request_id ? l.request_state : "");
      list.push_back(x);
    }
    data.set(key, list);
    data.set(std::string(key) + "_count", std::to_string(lines->size()));
    data.set(std::string("has_") + key, true);
  }
}

// Changes of plan waiting for the actor's approval (app/plan_changes.h).
void add_plan_changes(Data& data, const std::vector<app::PlanChangeLine>& lines) {
  if (lines.empty()) {
    return;
  }
  Data list{Data::type::list};
  for (const app::PlanChangeLine& l : lines) {
    Data x;
    x.set("id", std::to_string(l.id));
    x.set("child", l.child);
    x.set("panel", l.panel);
    x.set("proposed", l.proposed);
    list.push_back(x);
  }
  data.set("plan_changes", list);
  data.set("plan_changes_count", std::to_string(lines.size()));
  data.set("has_plan_changes", true);
}

// Referrals for consultation made to the actor (app/consultations.h): how
// many wait for their advice, linking to their list.
void add_consultations(Data& data, app::Services& s, const app::Actor& a) {
  const app::ConsultationCounts n = app::consultation_counts(s, a);
  if (n.waiting + n.answered == 0) {
    return;
  }
  data.set("has_consultations", true);
  data.set("consultations_count", std::to_string(n.waiting));
}

// The roles the person holds, with what the panels call them: one title
// when every panel agrees, else each panel's own ("CLAM Coordinator (CLAM
// Panel) and Administrator (Support Panel)").
std::string roles_text(const app::Services& s, const core::Roles& roles) {
  std::vector<std::string> parts;
  for (const core::Role role : roles) {
    std::set<std::string> titles;  // compared without case: "Assistant director"
    std::vector<std::string> each;
    for (const core::PanelType& p : s.panels.all()) {
      std::string title = p.title_of(role);
      std::transform(title.begin(), title.end(), title.begin(),
                     [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
      titles.insert(title);
      each.push_back(p.title_of(role) + " (" + p.name + ")");
    }
    if (titles.size() == 1) {
      parts.push_back(s.panels.all().front().title_of(role));
    } else if (titles.empty()) {
      parts.emplace_back(core::role_title(role));
    } else {
      parts.insert(parts.end(), each.begin(), each.end());
    }
  }
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    out += (i == 0 ? "" : i + 1 == parts.size() ? " and " : ", ") + parts[i];
  }
  return out;
}

// The sittings ahead the person may see: today's first, then the next few.
void add_sittings(Data& data, const app::Services& s,
                  const std::vector<app::SittingSummary>& sittings) {
  const std::string today = core::to_iso(core::london_date(s.clock.now()));
  Data list{Data::type::list};
  int shown = 0;
  for (const app::SittingSummary& x : sittings) {
    if (x.id == 0 || x.status == core::SittingStatus::cancelled || shown == 4) {
      continue;
    }
    Data d;
    d.set("id", std::to_string(x.id));
    d.set("panel", x.panel);
    d.set("date", x.date);
    d.set("time", x.start + " to " + x.end);
    d.set("venue", x.venue);
    d.set("hearings", core::counted(x.hearings, "hearing", "hearings"));
    if (x.iso_date == today) {
      data.set("today_sitting", d);
    }
    list.push_back(d);
    ++shown;
  }
  if (shown > 0) {
    data.set("sittings", list);
    data.set("has_sittings", true);
  }
}

WebResponse home(const Site& site, WebRequest& r) {
  const app::Actor& a = r.actor();
  app::Services& s = site.services();
  auto tasks = app::my_tasks(s, a);
  if (!tasks) {
    return site.error(r, tasks.error());
  }
  Data data;
  data.set("name", a.name);
  data.set("roles_text", roles_text(s, a.roles));
  if (a.may(core::Permission::draft_request)) {
    data.set("drafts_section", true);
    add_tasks(data, "drafts", tasks->drafts);
    add_tasks(data, "returned", tasks->returned);
    add_tasks(data, "on_the_way", tasks->on_the_way);
    add_tasks(data, "decided", tasks->decided);
  }
  if (a.may(core::Permission::approve_request)) {
    data.set("approvals_section", true);
    add_tasks(data, "approvals", tasks->awaiting_my_approval);
  }
  add_open_decisions(data, app::open_decisions(s, a));
  add_minutes_tasks(data, tasks->minutes_to_authorise);
  add_action_counts(data, app::action_counts(s, a));
  add_returns(data, app::my_returns(s, a));
  add_plan_changes(data, app::plan_changes_to_decide(s, a));
  add_consultations(data, s, a);
  if (a.may(core::Permission::triage)) {
    data.set("can_triage", true);
    auto queue = app::triage_queue(s, a);
    const std::size_t waiting = queue ? queue->size() : 0;
    data.set("triage_count", std::to_string(waiting));
    data.set("triage_waiting",
             core::counted(static_cast<std::int64_t>(waiting), "request", "requests") +
                 (waiting == 1 ? " is" : " are") + " waiting for triage");
  }
  if (a.may(core::Permission::view_sittings)) {
    data.set("can_view_sittings", true);
    if (auto ahead = app::upcoming_sittings(s, a)) {
      add_sittings(data, s, *ahead);
    }
  }
  set_flag(data, "can_view_children", a.may(core::Permission::view_children));
  data.set("children_heading", children_heading(a));
  set_flag(data, "can_draft", a.may(core::Permission::draft_request));
  set_flag(data, "can_watch", a.may(core::Permission::approve_request));
  set_flag(data, "can_view_audit", a.may(core::Permission::view_audit));
  set_flag(data, "can_administer", a.may(core::Permission::administer));
  // Someone with nothing listed is told so, not shown an empty page.
  bool listed = false;
  for (const char* key :
       {"has_final_decisions", "has_disagreements", "has_plan_changes", "has_reviews",
        "has_updates", "has_actions", "approvals_section", "has_consultations", "can_triage",
        "has_minutes", "drafts_section", "has_sittings"}) {
    listed = listed || data.get(key) != nullptr;
  }
  set_flag(data, "nothing_listed", !listed);
  return site.page(r, "home", "My tasks", std::move(data));
}

}  // namespace

void add_home_routes(std::vector<Route>& routes) {
  routes.push_back({"GET", "/", {Access::signed_in, {}}, home});
}

}  // namespace casepanel::web
