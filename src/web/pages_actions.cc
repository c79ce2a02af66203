// After panel: "My actions" (with what was escalated to me and the
// timescales I record), a manager's team view, one action's page with its
// escalation steps, and closing it as done (with evidence, a file, where a
// legal document is held) or not done (with the reason). Thin: each handler
// parses, calls one app/ function (app/actions.h) and renders or redirects.
#include "app/actions.h"
#include "core/sittings.h"
#include "web/downloads.h"
#include "web/forms.h"
#include "web/site.h"
#include "web/view.h"

namespace casepanel::web {
namespace {

Data line_data(const app::ActionLine& l) {
  Data x;
  x.set("id", str(l.id));
  x.set("child", l.child);
  x.set("child_born", l.child_born);
  x.set("team", l.team);
  x.set("panel", l.panel);
  x.set("what", l.what);
  x.set("owner", l.owner);
  x.set("due", core::long_date(l.due));
  set_flag(x, "overdue", l.overdue);
  set_flag(x, "timescale", l.timescale);
  set_if(x, "last_step", l.last_step);
  set_if(x, "closed", l.closed);
  // The status as a GOV.UK tag (issue 14, item 17): an open action past its
  // day is Overdue.
  const auto [status, colour] = [&]() -> std::pair<const char*, const char*> {
    switch (l.status) {
      case core::ActionStatus::done:
        return {"Done", "green"};
      case core::ActionStatus::not_done:
        return {"Not done", "grey"};
      case core::ActionStatus::open:
        break;
    }
    return l.overdue ? std::pair{"Overdue", "red"} : std::pair{"Open", "blue"};
  }();
  x.set("status", status);
  x.set("status_colour", colour);
  return x;
}

// The lines as one table (templates/actions_rows.mustache) in `key`.
void set_lines(const Site& site, Data& d, const std::string& key,
               const std::vector<app::ActionLine>& lines) {
  Data list{Data::type::list};
  for (const app::ActionLine& l : lines) {
    list.push_back(line_data(l));
  }
  d.set(key + "_count", str(static_cast<std::int64_t>(lines.size())));
  set_flag(d, "has_" + key, !lines.empty());
  if (!lines.empty()) {
    Data rows;
    rows.set("rows", list);
    d.set(key, site.fragment("actions_rows", rows));
  }
}

WebResponse mine(const Site& site, WebRequest& r) {
  auto mine = app::my_actions(site.services(), r.actor());
  if (!mine) {
    return site.error(r, mine.error());
  }
  Data d;
  set_lines(site, d, "escalated", mine->escalated_to_me);
  set_lines(site, d, "to_record", mine->to_record);
  set_lines(site, d, "open", mine->open);
  set_lines(site, d, "closed", mine->closed);
  set_flag(d, "manages",
           r.actor().has(core::Role::practice_manager) ||
               r.actor().has(core::Role::group_manager) || r.actor().has(core::Role::auditor));
  return site.page(r, "actions", "My actions", std::move(d));
}

WebResponse team(const Site& site, WebRequest& r) {
  auto teams = app::team_actions(site.services(), r.actor());
  if (!teams) {
    return site.error(r, teams.error());
  }
  Data d;
  Data list{Data::type::list};
  for (const app::TeamActions& t : *teams) {
    Data x;
    x.set("team", t.team);
    set_lines(site, x, "open", t.open);
    set_lines(site, x, "closed", t.closed);
    list.push_back(x);
  }
  d.set("teams", list);
  set_flag(d, "has_teams", !teams->empty());
  return site.page(r, "actions_team", "My teams' actions", std::move(d));
}

WebResponse show_action(const Site& site, const WebRequest& r, const core::Error* errors) {
  auto v = app::action_view(site.services(), r.actor(), r.id_param());
  if (!v) {
    return site.error(r, v.error());
  }
  const store::FollowUpRecord& f = v->record;
  Data d = line_data(v->line);
  d.set("child_id", str(f.child_id));
  d.set("request_id", str(f.request_id));
  d.set("sitting_date", core::long_date(f.hearing));
  set_flag(d, "open", f.status == core::ActionStatus::open);
  set_flag(d, "done", f.status == core::ActionStatus::done);
  set_flag(d, "not_done", f.status == core::ActionStatus::not_done);
  set_if(d, "evidence", f.evidence);
  set_if(d, "legal_document_at", f.legal_document_at);
  set_if(d, "not_done_reason", f.not_done_reason);
  set_if(d, "evidence_file_name", f.evidence_file_name);
  Data steps{Data::type::list};
  for (const app::EscalationLine& e : v->steps) {
    Data x;
    x.set("day", e.day);
    x.set("to", e.to);
    x.set("label", e.label);
    steps.push_back(x);
  }
  d.set("steps", steps);
  set_flag(d, "has_steps", !v->steps.empty());
  set_flag(d, "may_close", v->may_close);
  set_flag(d, "asks_date", v->asks_date);
  d.set("closes_as", v->closes_as);
  for (const char* field : {"evidence_text", "legal_document_at_text", "reason"}) {
    d.set(std::string("form_") + field, r.field(field));
  }
  for (const char* part : {"day", "month", "year"}) {
    d.set(std::string("form_met_") + part, r.field(std::string("met_on-") + part));
  }
  set_flag(d, "legal_checked", r.field("legal") == "yes");
  if (errors) {
    add_errors(d, *errors);
  }
  return site.page(r, "action", v->line.what, std::move(d));
}

WebResponse view_action(const Site& site, WebRequest& r) { return show_action(site, r, nullptr); }

WebResponse after_action(const Site& site, const WebRequest& r, const core::Status& done) {
  if (!done) {
    if (done.error().kind == core::ErrorKind::invalid) {
      return show_action(site, r, &done.error());
    }
    return site.error(r, done.error());
  }
  return WebResponse::redirect("/actions/" + str(r.id_param()));
}

WebResponse done(const Site& site, WebRequest& r) {
  core::CompletionEntry entry;
  entry.done = true;
  entry.evidence = r.field("evidence_text");
  entry.legal = r.field("legal") == "yes";
  entry.legal_document_at = r.field("legal_document_at_text");
  entry.met_on = date_field(r, "met_on");
  app::Upload file;
  for (auto& f : r.files) {
    if (f.field == "evidence_file") {
      file.file_name = std::move(f.file_name);
      file.content = std::move(f.content);
      break;
    }
  }
  return after_action(site, r,
                      app::close_action(site.services(), r.actor(), r.id_param(), entry, file));
}

WebResponse not_done(const Site& site, WebRequest& r) {
  core::CompletionEntry entry;
  entry.done = false;
  entry.not_done_reason = r.field("reason");
  auto closed = app::close_action(site.services(), r.actor(), r.id_param(), entry);
  if (!closed && closed.error().kind == core::ErrorKind::invalid) {
    // The form's field is "reason".
    core::Error e = closed.error();
    for (core::FieldError& f : e.fields) {
      f.field = f.field == "not_done_reason" ? "reason" : f.field;
    }
    return show_action(site, r, &e);
  }
  return after_action(site, r, closed);
}

WebResponse evidence(const Site& site, WebRequest& r) {
  auto file = app::action_evidence_file(site.services(), r.actor(), r.id_param());
  if (!file) {
    return site.error(r, file.error());
  }
  return download_response(std::move(*file));
}

}  // namespace

void add_action_routes(std::vector<Route>& routes) {
  // Who may close an action is the use case's question (its owner, a
  // manager of the case, the role a timescale names): the routes ask only
  // that the person has some follow-up to see.
  const Rule following{Access::signed_in, core::Permission::view_follow_ups};
  routes.push_back({"GET", "/actions", following, mine});
  routes.push_back({"GET", "/actions/team", following, team});
  routes.push_back({"GET", "/actions/{id}", following, view_action});
  routes.push_back({"GET", "/actions/{id}/evidence", following, evidence});
  routes.push_back({"POST", "/actions/{id}/done", following, done});
  routes.push_back({"POST", "/actions/{id}/not-done", following, not_done});
}

}  // namespace casepanel::web
