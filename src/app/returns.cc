#include "app/returns.h"

#include <algorithm>

#include "app/actions.h"
#include "app/audit_trail.h"
#include "app/decision_view.h"
#include "app/drafting.h"
#include "app/notifications.h"
#include "app/scope.h"
#include "app/sitting_rows.h"
#include "core/sittings.h"
#include "core/text.h"
#include "store/actions.h"
#include "store/decision_records.h"
#include "store/relationships.h"
#include "store/requests.h"
#include "store/returns.h"
#include "store/role_holders.h"
#include "store/settings.h"
#include "store/significant_events.h"

namespace casepanel::app {
namespace {

using store::ReturnRecord;
using store::ReturnStatus;
using store::Tx;

// settings.review_notice_working_days, else the default.
int notice_days(Tx& tx) {
  const auto text = store::find_setting(tx, "review_notice_working_days");
  if (text && !text->empty() && text->size() <= 3 &&
      std::all_of(text->begin(), text->end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return std::stoi(*text);
  }
  return kReviewNoticeWorkingDays;
}

// The last day whose returns are shown: `notice` working days from today.
core::Date notice_horizon(Tx& tx, const Services& s) {
  return s.calendar.add_working_days(today(s), notice_days(tx));
}

const core::PanelType* return_panel_of(const Services& s, const ReturnRecord& r) {
  return s.panels.find(r.panel_id);
}

ReturnLine return_line_of(const Services& s, const ReturnRecord& r) {
  const core::PanelType* p = return_panel_of(s, r);
  ReturnLine l;
  l.id = r.id;
  l.child_id = r.child_id;
  l.child = r.child;
  l.child_born = core::long_date(r.child_born);
  l.panel = p ? p->name : r.panel_id;
  l.due = core::long_date(r.due);
  l.decided_on = core::long_date(r.decided_on);
  l.overdue = r.due < today(s);
  l.update_sent = r.status == ReturnStatus::update_sent;
  l.request_id = r.request_id;
  l.request_state = r.request_state;
  l.may_send_update = p && p->return_to_panel.progress_update_to.has_value() &&
                      r.status == ReturnStatus::due &&
                      (!r.request_id || r.request_state == "draft");
  l.progress_update = r.progress_update;
  l.update_by = r.update_by;
  return l;
}

// Who considers a progress update: the hearing's chair for the chair's
// role; a manager of the case for a manager's; else any holder of the role.
std::vector<std::int64_t> considerers(Tx& tx, const Services& s, const ReturnRecord& r) {
  const core::PanelType* p = return_panel_of(s, r);
  if (!p || !p->return_to_panel.progress_update_to) {
    return {};
  }
  const core::Role role = *p->return_to_panel.progress_update_to;
  if (role == p->chair.role && r.chair_id) {
    return {*r.chair_id};
  }
  if (role == core::Role::practice_manager || role == core::Role::group_manager) {
    if (auto h = store::case_role_holder(tx, r.child_id, r.author_id, role)) {
      return {h->id};
    }
    return {};
  }
  std::vector<std::int64_t> out;
  for (const store::RoleHolder& h : store::role_holders(tx, role)) {
    out.push_back(h.id);
  }
  return out;
}

bool considers(Tx& tx, const Services& s, const Actor& a, const ReturnRecord& r) {
  const auto people = considerers(tx, s, r);
  return std::find(people.begin(), people.end(), a.id) != people.end();
}

// The author, or a manager of the child's team.
bool speaks_for_case(Tx& tx, const Actor& a, const ReturnRecord& r) {
  return a.id == r.author_id ||
         ((a.has(core::Role::practice_manager) || a.has(core::Role::group_manager)) &&
          team_in_scope(tx, a, r.team_id));
}

core::Result<ReturnRecord> visible_return(Tx& tx, const Services& s, const Actor& a,
                                          std::int64_t id) {
  auto r = store::find_return(tx, id);
  if (!r ||
      !(speaks_for_case(tx, a, *r) || considers(tx, s, a, *r) || a.has(core::Role::auditor))) {
    return core::Error::not_found();
  }
  return *r;
}

std::string decision_words(Tx& tx, const Services& s, const ReturnRecord& r) {
  const auto d = store::find_decision(tx, r.decision_id);
  if (!d) {
    return "";
  }
  std::string out;
  for (const store::ItemRecord& it : d->items) {
    const bool ends =
        !it.detail.empty() && std::string(".!?").find(it.detail.back()) != std::string::npos;
    out += (out.empty() ? "" : "\n") + item_label(s, d->panel_id, it.kind, it.option_id) + ": " +
           it.detail + (ends ? "" : ".");
  }
  return out;
}

std::string one_line(std::string text) {
  std::replace(text.begin(), text.end(), '\n', ' ');
  return text;
}

}  // namespace

MyReturns my_returns(Services& s, const Actor& a) {
  MyReturns out;
  s.db.read_all([&](Tx& tx) {
    const core::Date horizon = notice_horizon(tx, s);
    // One read, soonest due first: the author's reviews from the notice date;
    // updates to consider whatever their date.
    for (const ReturnRecord& r :
         store::open_returns_by(tx, core::Date{std::chrono::year{9999} / 12 / 31})) {
      if (r.author_id == a.id && r.due <= horizon) {
        out.reviews_due.push_back(return_line_of(s, r));
      }
      if (r.status == ReturnStatus::update_sent && considers(tx, s, a, r)) {
        out.updates_to_consider.push_back(return_line_of(s, r));
      }
    }
  });
  return out;
}

std::vector<ReturnLine> returns_for_triage(Services& s, const Actor& a) {
  std::vector<ReturnLine> out;
  if (!a.may(core::Permission::view_triage)) {
    return out;
  }
  s.db.write_all([&](Tx& tx) {
    const auto served = store::panels_served(tx, a.id);
    for (const ReturnRecord& r : store::open_returns_by(tx, notice_horizon(tx, s))) {
      const bool mine = a.has(core::Role::auditor) ||
                        std::find(served.begin(), served.end(), r.panel_id) != served.end();
      const bool sent =
          r.request_id && r.request_state != "draft" && r.request_state != "awaiting_approval";
      if (mine && !sent) {
        out.push_back(return_line_of(s, r));
      }
    }
    if (!out.empty()) {
      audit(tx, s, a, "returns.triage", "user", a.id, {{"shown", out.size()}});
    }
  });
  return out;
}

core::Result<std::int64_t> start_review(Services& s, const Actor& a, std::int64_t return_id) {
  return s.db.write<std::int64_t>([&](Tx& tx) -> core::Result<std::int64_t> {
    const ReturnRecord r = TRY(visible_return(tx, s, a, return_id));
    if (!speaks_for_case(tx, a, r) || !a.may(core::Permission::draft_request)) {
      return core::Error::forbidden("Only the author or a manager of the case starts the review.");
    }
    if (r.status != ReturnStatus::due) {
      return core::Error::conflict("This return to panel is no longer due.");
    }
    if (r.request_id && r.request_state != "withdrawn" && r.request_state != "declined") {
      return *r.request_id;  // already started: carry on with it
    }
    const core::PanelType* panel = return_panel_of(s, r);
    const auto last = store::find_request(tx, r.decided_request_id);
    if (panel == nullptr || !last) {
      return core::Error::not_found();
    }
    const std::int64_t id = TRY(insert_draft(tx, s, a, r.panel_id, {r.child_id}));
    const core::RequestType* type = panel->request_type(last->request_type);
    if (type != nullptr && !type->statutory()) {
      store::write_request_type(tx, id, {last->request_type, std::nullopt, std::nullopt, false});
    }
    store::replace_criteria(tx, id, store::request_criteria(tx, last->id));
    store::write_details(tx, id,
                         "Return to panel on the review date of " + core::long_date(r.due) +
                             " set on " + core::long_date(r.decided_on) + ". The panel decided: " +
                             one_line(decision_words(tx, s, r)) + " Progress since then: ",
                         last->proposed_plan, last->parallel_plan);
    store::set_return_request(tx, r.id, id);
    audit(tx, s, a, "return.start_review", "request", id,
          {{"return", r.id}, {"child", r.child_id}, {"review_date", core::to_iso(r.due)}});
    return id;
  });
}

core::Result<ReturnView> return_view(Services& s, const Actor& a, std::int64_t return_id) {
  return s.db.write<ReturnView>([&](Tx& tx) -> core::Result<ReturnView> {
    const ReturnRecord r = TRY(visible_return(tx, s, a, return_id));
    const core::PanelType* p = return_panel_of(s, r);
    ReturnView v;
    v.line = return_line_of(s, r);
    v.decision = decision_words(tx, s, r);
    if (p && p->return_to_panel.progress_update_to) {
      v.consider_title = p->title_of(*p->return_to_panel.progress_update_to);
    }
    v.may_start = r.status == ReturnStatus::due && speaks_for_case(tx, a, r) &&
                  a.may(core::Permission::draft_request);
    v.may_send = v.line.may_send_update && speaks_for_case(tx, a, r);
    v.may_consider = r.status == ReturnStatus::update_sent && considers(tx, s, a, r);
    audit(tx, s, a, "return.view", "child", r.child_id, {{"return", r.id}});
    return v;
  });
}

core::Status send_progress_update(Services& s, const Actor& a, std::int64_t return_id,
                                  const std::string& update) {
  return s.db.write<core::Done>([&](Tx& tx) -> core::Status {
    const ReturnRecord r = TRY(visible_return(tx, s, a, return_id));
    if (!return_line_of(s, r).may_send_update || !speaks_for_case(tx, a, r)) {
      return core::Error::forbidden("A progress update cannot be sent for this return to panel.");
    }
    if (core::blank(update)) {
      return core::Error::invalid("update", "Enter the progress made since the panel");
    }
    if (!store::send_progress_update(tx, r.id, update, a.id, s.clock.now())) {
      return core::Error::conflict("This return to panel is no longer due.");
    }
    for (std::int64_t person : considerers(tx, s, r)) {
      queue_email(tx, s, person, "A progress update instead of a return to panel",
                  "A progress update waits for you to accept it or ask for the case to be "
                  "heard. See " +
                      link(s, "/returns/" + std::to_string(r.id)));
    }
    audit(tx, s, a, "return.progress_update", "child", r.child_id, {{"return", r.id}});
    return core::Done{};
  });
}

core::Status consider_progress_update(Services& s, const Actor& a, std::int64_t return_id,
                                      bool accept, const std::string& note) {
  return s.db.write<core::Done>([&](Tx& tx) -> core::Status {
    const ReturnRecord r = TRY(visible_return(tx, s, a, return_id));
    if (!considers(tx, s, a, r)) {
      return core::Error::forbidden("Only the person the panel names considers this update.");
    }
    if (!accept && core::blank(note)) {
      return core::Error::invalid("note", "Enter why the case needs to be heard");
    }
    if (!store::consider_progress_update(tx, r.id, accept, note, a.id, s.clock.now())) {
      return core::Error::conflict("No progress update is waiting.");
    }
    const core::PanelType* p = return_panel_of(s, r);
    if (accept) {
      store::add_event(tx, {.child_id = r.child_id,
                            .decision_id = r.decision_id,
                            .item_id = std::nullopt,
                            .kind = store::EventKind::return_closed,
                            .summary = (p ? p->name : r.panel_id) +
                                       ": progress update accepted; attendance at panel on " +
                                       core::long_date(r.due) + " not required. " +
                                       r.progress_update + (core::blank(note) ? "" : " " + note),
                            .recorded_by = a.id,
                            .recorded_at = s.clock.now()});
    }
    queue_email(tx, s, r.author_id,
                accept ? "Progress update accepted" : "The case is to be heard at panel",
                (accept ? std::string("Your progress update was accepted: the return to panel "
                                      "is closed. See ")
                        : std::string("The return to panel stands: start the review request "
                                      "from your home page. Why it stands: ")) +
                    link(s, "/returns/" + std::to_string(r.id)));
    if (accept) {
      close_finished_requests(tx, s, a, r.decided_request_id);
    }
    audit(tx, s, a, accept ? "return.update_accepted" : "return.hear", "child", r.child_id,
          {{"return", r.id}, {"note", note}});
    return core::Done{};
  });
}

}  // namespace casepanel::app
