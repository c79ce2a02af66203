// Supervision: a practice or group manager's printable view of what is
// outstanding after panel for their teams' children, by worker, and noting
// that a case was discussed (app/supervision.h). Thin, as every page.
#include "app/supervision.h"
#include "web/site.h"
#include "web/view.h"

namespace casepanel::web {
namespace {

WebResponse show(const Site& site, const WebRequest& r, const core::Error* errors,
                 const std::string& error_child = "") {
  auto teams = app::supervision(site.services(), r.actor());
  if (!teams) {
    return site.error(r, teams.error());
  }
  Data d;
  Data team_list{Data::type::list};
  for (const app::SupervisionTeam& t : *teams) {
    Data team;
    team.set("team", t.team);
    Data workers{Data::type::list};
    for (const app::SupervisionWorker& w : t.workers) {
      Data worker;
      worker.set("worker", w.worker);
      Data children{Data::type::list};
      for (const app::SupervisionChild& c : w.children) {
        Data x;
        x.set("child_id", str(c.child_id));
        x.set("child", c.child);
        x.set("child_born", c.child_born);
        std::string words;
        for (const std::string& o : c.outstanding) {
          words += (words.empty() ? "" : "; ") + o;
        }
        x.set("outstanding", words);
        set_flag(x, "overdue", c.overdue);
        set_flag(x, "escalated", c.escalated);
        set_if(x, "discussed", c.discussed);
        set_flag(x, "may_note",
                 r.actor().has(core::Role::practice_manager) ||
                     r.actor().has(core::Role::group_manager));
        const bool here = errors && error_child == str(c.child_id);
        set_flag(x, "note_error", here);
        if (here && !errors->fields.empty()) {
          x.set("error_message", errors->fields.front().message);
          x.set("form_note", r.field("note"));
        }
        children.push_back(x);
      }
      worker.set("children", children);
      workers.push_back(worker);
    }
    team.set("workers", workers);
    team_list.push_back(team);
  }
  d.set("teams", team_list);
  set_flag(d, "has_teams", !teams->empty());
  if (errors) {
    core::Error e = *errors;
    for (core::FieldError& f : e.fields) {
      f.field = "note-" + error_child;
    }
    add_errors(d, e);
  }
  return site.page(r, "supervision", "Supervision", std::move(d));
}

WebResponse view_supervision(const Site& site, WebRequest& r) { return show(site, r, nullptr); }

WebResponse note(const Site& site, WebRequest& r) {
  const std::string child = str(r.id_param());
  auto done = app::record_supervision(site.services(), r.actor(), r.id_param(), r.field("note"));
  if (!done) {
    if (done.error().kind == core::ErrorKind::invalid) {
      return show(site, r, &done.error(), child);
    }
    return site.error(r, done.error());
  }
  return WebResponse::redirect("/supervision#child-" + child);
}

}  // namespace

void add_supervision_routes(std::vector<Route>& routes) {
  // The managers' (and the auditor's) page: app/supervision.h refuses others.
  const Rule following{Access::signed_in, core::Permission::view_follow_ups};
  routes.push_back({"GET", "/supervision", following, view_supervision});
  routes.push_back({"POST", "/children/{id}/supervision", following, note});
}

}  // namespace casepanel::web
