// The request page, "check your answers", the approval steps and the
// coordinator's late acceptance; and the routes of every /requests page
// (the drafting pages are web/pages_drafts.h).
#include <cctype>

#include "app/requests.h"
#include "web/confirmations.h"
#include "web/decision_parts.h"
#include "web/forms.h"
#include "web/pages_drafts.h"
#include "web/request_form_parts.h"
#include "web/site.h"
#include "web/view.h"

namespace casepanel::web {
namespace {

// What the page is: the request itself, or its author checking the answers
// before sending.
enum class Page { request, check };

// What one page shows, with what it was given.
struct RequestPage {
  const Site& site;
  const WebRequest& r;
  const app::RequestView& v;
  const core::PanelType* panel;  // null when no longer configured
  Page page;
  const core::Error* errors;
  bool checking() const { return page == Page::check; }
  bool tasks() const { return v.can_edit && !checking(); }
  std::string base() const { return "/requests/" + str(v.id); }
};

Data row(const std::string& key, std::vector<std::string> lines, const std::string& change) {
  Data x;
  x.set("key", key);
  std::string lower = key;
  if (!lower.empty()) {
    lower[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(lower[0])));
  }
  x.set("key_lower", lower);
  Data l{Data::type::list};
  for (auto& line : lines) {
    l.push_back(Data(std::move(line)));
  }
  x.set("lines", l);
  set_if(x, "change", change);
  return x;
}

Data link(const std::string& href, const std::string& text) {
  Data l;
  l.set("href", href);
  l.set("text", text);
  return l;
}

std::string heading(const RequestPage& p) {
  if (p.tasks()) {
    return "Your request to " + p.v.panel_name;
  }
  return p.checking() ? "Check your answers before sending your request" : p.v.request_type;
}

// Issue 14, item 8: criteria claimed against the child's record, with what
// the record shows; whether the practitioner confirmed each.
void add_claims(Data& d, const app::RequestView& v) {
  Data claims{Data::type::list};
  for (const app::ClaimEntry& c : v.claims_against_record) {
    Data x;
    x.set("criterion_id", c.criterion_id);
    x.set("criterion", c.criterion);
    set_flag(x, "confirmed", c.confirmed);
    Data record{Data::type::list};
    for (const std::string& line : c.record) {
      record.push_back(Data(line));
    }
    x.set("record", record);
    if (v.can_edit) {
      x.set("confirm_href", "/requests/" + str(v.id) + "/edit/type#" +
                                core::record_confirmation_field(c.criterion_id));
    }
    claims.push_back(x);
  }
  d.set("claims", claims);
  d.set("author", v.author);
}

void add_status(Data& d, const app::RequestView& v) {
  set_if(d, "statutory_due", v.statutory_due);
  set_flag(d, "statutory_overdue", v.statutory_overdue);
  set_flag(d, "must_go_next", v.must_go_to_next_sitting);
  set_if(d, "cutoff_note", v.cutoff_note);
  set_if(d, "target_sitting", v.target_sitting);
  set_if(d, "missed_sitting", v.missed_sitting);
  set_if(d, "late_accepted", v.late_accepted);
  set_flag(d, "can_accept_late", v.can_accept_late);
  set_if(d, "waiting_for", v.waiting_for);
}

// "Check your answers": what sending does, and to whom.
void add_send(Data& d, const core::PanelType* panel) {
  const bool steps = panel && !panel->approval_steps.empty();
  d.set("send_label", steps ? "Send for approval" : "Send to the panel");
  std::string who;
  if (steps) {
    who = "your " + panel->title_of(panel->approval_steps.front().role);
  } else if (panel) {
    who = "the " + panel->title_of(core::Role::coordinator);
  }
  d.set("send_explanation",
        "By sending this request you confirm that, to the best of your "
        "knowledge, the details you are providing are correct. It goes to " +
            who + ", and you will be told when it moves on.");
}

Data task_list(const app::RequestView& v) {
  Data list{Data::type::list};
  for (const auto& t : v.tasks) {
    Data x;
    x.set("id", t.id);
    x.set("label", t.label);
    if (t.status != core::TaskStatus::cannot_start) {
      x.set("href", t.href);
    }
    x.set("status", t.status_label);
    set_flag(x, "completed", t.status == core::TaskStatus::completed);
    x.set("tag_colour", t.status == core::TaskStatus::in_progress ? "light-blue" : "blue");
    list.push_back(x);
  }
  return list;
}

// The request type (CLAM) or the criteria and their authorisations (Support).
void add_type_rows(Data& rows, const RequestPage& p, const std::string& change) {
  const app::RequestView& v = p.v;
  if (p.panel && !p.panel->request_types.empty()) {
    rows.push_back(row("Request type", {v.request_type}, change));
    if (!v.came_into_care.empty()) {
      rows.push_back(row("Came into care", {v.came_into_care}, change));
    }
  }
  if (p.panel && !p.panel->entry_criteria.empty()) {
    rows.push_back(row("Entry criteria", v.criteria, change));
    for (const auto& a : v.authorisations) {
      rows.push_back(
          row("Authorisation", {"By " + a.authorised_by + " on " + a.at, a.what}, change));
    }
  }
}

void add_plan_rows(Data& rows, const RequestPage& p, const std::string& change) {
  const app::RequestView& v = p.v;
  rows.push_back(row("Reason", {v.reason}, change));
  rows.push_back(row("Proposed plan", {v.proposed_plan}, change));
  if (!v.parallel_plan.empty() || p.checking()) {
    rows.push_back(
        row("Parallel plan", {v.parallel_plan.empty() ? "None" : v.parallel_plan}, change));
  }
}

void add_attendance_rows(Data& rows, const app::RequestView& v, const std::string& change) {
  if (v.asks_venue) {
    rows.push_back(row("Preferred venue", {v.venue}, change));
  }
  if (v.asks_conference_call) {
    rows.push_back(row("Conference call needed", {v.conference_call ? "Yes" : "No"}, change));
  }
}

// The summary list of the request's answers; "Change" links when checking.
Data summary_rows(const RequestPage& p) {
  const app::RequestView& v = p.v;
  const auto change = [&](const std::string& section) {
    return p.checking() ? p.base() + "/edit/" + section : "";
  };
  Data rows{Data::type::list};
  // Linked only for a reader who may open the records; born dates always,
  // so that two children of one name are told apart.
  std::vector<std::string> named;
  Data links{Data::type::list};
  for (std::size_t i = 0; i < v.children.size(); ++i) {
    const std::string label = v.children[i].name + ", born " + v.children_born[i];
    if (v.may_open_children) {
      links.push_back(link("/children/" + str(v.children[i].id), label));
    } else {
      named.push_back(label);
    }
  }
  Data kids = row("Children", named, "");
  kids.set("links", links);
  rows.push_back(kids);
  add_type_rows(rows, p, change("type"));
  add_plan_rows(rows, p, change("details"));
  add_attendance_rows(rows, v, change("attendance"));
  if (v.has_papers) {
    Data papers = row("Papers", {}, p.checking() ? p.base() + "/papers" : "");
    Data plinks{Data::type::list};
    plinks.push_back(link(p.base() + "/papers", "See the papers"));
    papers.set("links", plinks);
    rows.push_back(papers);
  }
  if (!v.three_way_discussion.empty()) {
    rows.push_back(row("3-way discussion", {v.three_way_discussion}, ""));
  }
  rows.push_back(row("Requested by", {v.author}, ""));
  return rows;
}

// The request's history: approvals and the coordinator's triage outcomes.
void add_history(Data& d, const app::RequestView& v) {
  Data approvals{Data::type::list};
  for (const auto& ap : v.approvals) {
    Data x;
    x.set("step", ap.step);
    x.set("approver", ap.approver);
    x.set("outcome", ap.outcome_label);
    set_if(x, "comments", ap.comments);
    x.set("at", ap.at);
    approvals.push_back(x);
  }
  d.set("approvals", approvals);
  set_flag(d, "has_approvals", !v.approvals.empty());
  Data consultations{Data::type::list};
  for (const app::ReferralSummary& c : v.consultations) {
    Data x;
    x.set("referred", c.referred);
    x.set("note", c.note);
    set_if(x, "advice_given", c.advice_given);
    set_if(x, "advice", c.advice);
    if (c.yours_to_answer != 0) {
      x.set("answer_href", "/consultations/" + str(c.yours_to_answer));
    }
    consultations.push_back(x);
  }
  d.set("consultations", consultations);
  set_flag(d, "has_consultations", !v.consultations.empty());
}

// The approval form, with the CLAM 3-way discussion where the step records it.
void add_approve_form(Data& d, const RequestPage& p) {
  const app::RequestView& v = p.v;
  set_flag(d, "can_approve", v.can_approve);
  set_if(d, "approve_label", v.approve_label);
  if (!v.can_approve || !v.records_three_way_discussion || !p.panel) {
    return;
  }
  set_flag(d, "records_three_way", true);
  d.set("pm_title", p.panel->title_of(core::Role::practice_manager));
  d.set("gm_title", p.panel->title_of(core::Role::group_manager));
  const bool posted = p.errors != nullptr;
  d.set("practice_managers",
        people(v.practice_managers,
               posted ? parse_id(p.r.field("discussion_practice_manager")) : p.r.actor().id));
  d.set("group_managers",
        people(v.group_managers, posted ? parse_id(p.r.field("discussion_group_manager")) : 0));
  set_date_parts(d, "discussion_", p.r, "discussion_date", "", posted);
}

void add_hearing(Data& d, const app::RequestView& v) {
  set_flag(d, "can_schedule", v.can_schedule);
  set_if(d, "hearing_date", v.hearing_date);
  set_if(d, "hearing_time", v.hearing_time);
  set_if(d, "hearing_venue", v.hearing_venue);
  set_flag(d, "heard", v.heard);
  if (v.sitting_id) {
    d.set("sitting_id", str(v.sitting_id));
  }
}

// Where a problem found on sending is fixed: its section page or the papers.
std::string problem_href(const RequestPage& p, const std::string& field) {
  if (field.rfind("paper", 0) == 0) {
    return p.base() + "/papers#" + field;
  }
  return p.base() + "/edit/" + std::string(core::section_id(core::section_of_field(field))) + "#" +
         field;
}

void add_problems(Data& d, const RequestPage& p) {
  add_errors(d, *p.errors);
  d.set("comments", p.r.field("comments"));
  d.set("late_reason", p.r.field("late_reason"));
  if (!p.checking() || p.errors->fields.empty()) {
    return;
  }
  // The fields are on the section pages: link each problem there.
  Data list{Data::type::list};
  for (const auto& f : p.errors->fields) {
    Data item;
    item.set("href", problem_href(p, f.field));
    item.set("message", f.message);
    list.push_back(item);
  }
  d.set("errors", list);
}

Data page_data(const RequestPage& p) {
  const app::RequestView& v = p.v;
  Data d;
  d.set("id", str(v.id));
  d.set("panel_name", v.panel_name);
  d.set("children_names", joined_names(v.children));
  d.set("state", std::string(core::state_id(v.state)));
  d.set("state_label", v.state_label);
  d.set("heading", heading(p));
  add_status(d, v);
  add_claims(d, v);
  set_flag(d, "checking", p.checking());
  if (p.checking()) {
    add_send(d, p.panel);
  }
  set_flag(d, "show_tasks", p.tasks());
  if (p.tasks()) {
    d.set("tasks", task_list(v));
  }
  set_flag(d, "show_summary", !p.tasks());
  if (!p.tasks()) {
    d.set("rows", summary_rows(p));
  }
  add_history(d, v);
  add_approve_form(d, p);
  add_hearing(d, v);
  if (p.errors) {
    add_problems(d, p);
  }
  return d;
}

WebResponse show_request(const Site& site, const WebRequest& r, Page page,
                         const core::Error* errors) {
  auto v = app::request_view(site.services(), r.actor(), r.id_param());
  if (!v) {
    return site.error(r, v.error());
  }
  const bool checking = page == Page::check;
  if (checking && (!v->can_edit || !v->ready_to_send) && !errors) {
    return WebResponse::redirect("/requests/" + str(v->id));
  }
  const RequestPage p{site, r, *v, site.services().panels.find(v->panel_id), page, errors};
  const std::string title = checking ? "Check your answers: request " + str(v->id)
                                     : "Request " + str(v->id) + ": " + v->panel_name;
  Data d = page_data(p);
  if (!v->decisions.empty()) {
    d.set("has_decisions", true);
    d.set("decision_records",
          render_records(site, v->decisions, {.child = true, .disagree = v->may_disagree}));
  }
  return site.page(r, "request", title, std::move(d));
}

WebResponse view(const Site& site, WebRequest& r) {
  return show_request(site, r, Page::request, nullptr);
}
WebResponse check(const Site& site, WebRequest& r) {
  return show_request(site, r, Page::check, nullptr);
}

WebResponse after(const Site& site, WebRequest& r, const core::Status& done, Page page,
                  std::string_view key) {
  if (!done) {
    if (done.error().kind == core::ErrorKind::invalid) {
      return show_request(site, r, page, &done.error());
    }
    return site.error(r, done.error());
  }
  return WebResponse::redirect(confirmed("/requests/" + str(r.id_param()), key));
}

WebResponse send(const Site& site, WebRequest& r) {
  return after(site, r, app::send_for_approval(site.services(), r.actor(), r.id_param()),
               Page::check, "sent");
}

WebResponse approve(const Site& site, WebRequest& r) {
  app::ApprovalInput in;
  in.comments = r.field("comments");
  in.discussion_date = date_field(r, "discussion_date");
  in.discussion_practice_manager = parse_id(r.field("discussion_practice_manager"));
  in.discussion_group_manager = parse_id(r.field("discussion_group_manager"));
  return after(site, r, app::approve_request(site.services(), r.actor(), r.id_param(), in),
               Page::request, "approved");
}

WebResponse send_back(const Site& site, WebRequest& r) {
  return after(site, r,
               app::return_request(site.services(), r.actor(), r.id_param(), r.field("comments")),
               Page::request, "returned");
}

WebResponse accept_late(const Site& site, WebRequest& r) {
  return after(site, r,
               app::accept_late(site.services(), r.actor(), r.id_param(), r.field("late_reason")),
               Page::request, "accepted_late");
}

}  // namespace

void add_request_routes(std::vector<Route>& routes) {
  const Rule drafting{Access::signed_in, core::Permission::draft_request};
  const Rule approving{Access::signed_in, core::Permission::approve_request};
  routes.push_back({"GET", "/requests/new", drafting, new_request_page});
  routes.push_back({"POST", "/requests", drafting, create_request_page});
  routes.push_back(
      {"GET", "/requests/{id}", {Access::signed_in, core::Permission::view_requests}, view});
  routes.push_back({"GET", "/requests/{id}/edit/{section}", drafting, edit_section_page});
  routes.push_back({"POST", "/requests/{id}/edit/{section}", drafting, save_section_page});
  routes.push_back({"GET", "/requests/{id}/check", drafting, check});
  routes.push_back({"POST", "/requests/{id}/send", drafting, send});
  routes.push_back({"POST", "/requests/{id}/approve", approving, approve});
  routes.push_back({"POST", "/requests/{id}/return", approving, send_back});
  // Whoever the panel's deadline.late_acceptance_by names (app::accept_late).
  routes.push_back({"POST",
                    "/requests/{id}/accept-late",
                    {Access::signed_in, core::Permission::view_requests},
                    accept_late});
}

}  // namespace casepanel::web
