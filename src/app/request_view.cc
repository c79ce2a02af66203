#include "app/request_view.h"

#include <algorithm>

#include "app/audit_trail.h"
#include "app/child_names.h"
#include "app/display.h"
#include "app/named_id.h"
#include "app/notifications.h"
#include "app/papers.h"
#include "app/recommendations.h"
#include "app/request_access.h"
#include "app/request_draft.h"
#include "app/request_submission.h"
#include "app/scope.h"
#include "store/decision_records.h"
#include "store/request_sittings.h"
#include "store/role_holders.h"

namespace casepanel::app {
namespace {

using store::Tx;

std::string long_date_of(const std::optional<core::Date>& d) {
  return d ? long_date(core::to_iso(*d)) : "";
}

// "2 December 2026 at 14:30", Europe/London.
std::string at_text(core::Instant t) {
  return long_date(core::to_iso(core::london_date(t))) + " at " +
         core::to_hh_mm(core::london_time_of_day(t));
}

std::string_view outcome_label(store::HistoryOutcome outcome) {
  switch (outcome) {
    case store::HistoryOutcome::approved:
      return "Approved";
    case store::HistoryOutcome::returned:
    case store::HistoryOutcome::more_information:
      return "Returned for changes";
    case store::HistoryOutcome::declined:
      return "Declined";
  }
  return "";
}

std::string step_label(const core::PanelType& panel, const std::string& step_id) {
  if (step_id == store::kTriageStep) {
    return "Coordinator's triage";
  }
  for (const core::ApprovalStep& st : panel.approval_steps) {
    if (st.id == step_id) {
      return st.label;
    }
  }
  return step_id;
}

// What the request asks for, as the summary list shows it.
void add_answers(RequestView& v, const core::PanelType& panel, const core::RequestDraft& d) {
  v.request_type = request_type_label(&panel, d.request_type);
  for (const std::string& c : d.criteria) {
    const core::EntryCriterion* ec = panel.entry_criterion(c);
    v.criteria.push_back(ec ? ec->label : c);
  }
  v.came_into_care = long_date(d.came_into_care);
  v.reason = d.reason;
  v.proposed_plan = d.proposed_plan;
  v.parallel_plan = d.parallel_plan;
  const core::Venue* venue = panel.venue(d.venue_preference);
  v.venue = venue ? venue->name + " (" + venue->code + ")" : "";
  v.asks_venue = panel.asks_venue_preference;
  v.asks_conference_call = panel.asks_conference_call;
  v.conference_call = d.conference_call;
  v.has_papers = !panel.documents.empty();
}

void add_claims(RequestView& v, const core::PanelType& panel, const core::RequestDraft& d,
                core::Date today) {
  for (const auto& claim :
       core::claims_against_record(panel, d.criteria, d.children_on_record, today)) {
    if (v.claims_against_record.empty() ||
        v.claims_against_record.back().criterion_id != claim.criterion_id) {
      const auto& confirmed = d.confirmed_against_record;
      v.claims_against_record.push_back(
          {panel.entry_criterion(claim.criterion_id)->label,
           {},
           std::find(confirmed.begin(), confirmed.end(), claim.criterion_id) != confirmed.end(),
           claim.criterion_id});
    }
    v.claims_against_record.back().record.push_back(claim.text);
  }
}

void add_authorisations(Tx& tx, RequestView& v, const core::PanelType& panel) {
  for (const store::AuthorisationRecord& au : store::request_authorisations(tx, v.id)) {
    const core::EntryCriterion* ec = panel.entry_criterion(au.criterion_id);
    v.authorisations.push_back(
        {ec ? ec->label : au.criterion_id, au.authorised_by_name, at_text(au.at), au.what});
  }
}

void add_history(Tx& tx, RequestView& v, const core::PanelType& panel) {
  for (const store::RequestHistoryEntry& h : store::request_history(tx, v.id)) {
    v.approvals.push_back({step_label(panel, h.step_id), h.approver_name, h.outcome,
                           std::string(outcome_label(h.outcome)), h.comments, at_text(h.at)});
  }
}

void add_three_way(Tx& tx, RequestView& v, const core::PanelType& panel,
                   const store::RequestRecord& r) {
  if (!r.three_way) {
    return;
  }
  const store::ThreeWayDiscussion& d = *r.three_way;
  v.three_way_discussion = "On " + long_date_of(d.on) + ", with " +
                           store::user_name(tx, d.practice_manager_id) + " (" +
                           panel.title_of(core::Role::practice_manager) + ") and " +
                           store::user_name(tx, d.group_manager_id) + " (" +
                           panel.title_of(core::Role::group_manager) + ")";
}

core::PapersProgress papers_progress(Tx& tx, const core::PanelType& panel, std::int64_t id) {
  if (papers_ready(tx, panel, id)) {
    return core::PapersProgress::ready;
  }
  return store::request_has_papers(tx, id) ? core::PapersProgress::some
                                           : core::PapersProgress::none;
}

// The author's task list, while the request is their draft.
void add_tasks(Tx& tx, const Services& s, RequestView& v, const core::PanelType& panel,
               const store::RequestRecord& r, const core::RequestDraft& d) {
  const core::PapersProgress papers =
      panel.documents.empty() ? core::PapersProgress::none : papers_progress(tx, panel, r.id);
  const std::string base = "/requests/" + std::to_string(r.id);
  for (const core::Task& t : core::task_list(panel, d, r.sections_done, papers, today_of(s))) {
    const std::string href = t.id == "papers"  ? base + "/papers"
                             : t.id == "check" ? base + "/check"
                                               : base + "/edit/" + t.id;
    v.tasks.push_back({t.id, t.label, href, t.status, std::string(task_status_label(t.status))});
  }
  v.ready_to_send = v.tasks.back().status != core::TaskStatus::cannot_start;
}

// The approval step it waits at, and whether the actor may act on it.
void add_approval(Tx& tx, RequestView& v, const Actor& a, const core::PanelType& panel,
                  const store::RequestRecord& r) {
  if (r.state != core::RequestState::awaiting_approval ||
      r.approval_step >= static_cast<int>(panel.approval_steps.size())) {
    return;
  }
  const core::ApprovalStep& st = panel.approval_steps[static_cast<std::size_t>(r.approval_step)];
  v.waiting_for = panel.title_of(st.role) + ": " + st.label;
  v.can_approve = core::approval_step_for(panel, {r.state, r.approval_step, r.author_id, a.id,
                                                  a.roles, team_in_scope(tx, a, r.team_id)})
                      .ok();
  v.approve_label = st.label;
  v.records_three_way_discussion = st.records_three_way_discussion;
  if (v.can_approve && st.records_three_way_discussion) {
    v.practice_managers = named(store::role_holders(tx, core::Role::practice_manager));
    v.group_managers = named(store::role_holders(tx, core::Role::group_manager));
  }
}

// Support Panel: where it would go now (before it reaches the coordinator),
// or where it goes and which cut-off it missed.
void add_cutoff(Tx& tx, const Services& s, RequestView& v, const Actor& a,
                const core::PanelType& panel, const store::RequestRecord& r) {
  if (panel.deadline.kind == core::DeadlineKind::none) {
    return;
  }
  if (!core::sent_on(r.state)) {
    v.cutoff_note = cutoff_note(panel, s, target_now(tx, s, panel, v.must_go_to_next_sitting),
                                v.must_go_to_next_sitting);
    return;
  }
  v.target_sitting = long_date_of(r.target_sitting);
  v.missed_sitting = long_date_of(r.missed_cutoff);
  if (r.late_accepted) {
    v.late_accepted = "by " + store::user_name(tx, r.late_accepted->by) + " on " +
                      long_date_of(core::london_date(r.late_accepted->at)) + ": " +
                      r.late_accepted->reason;
    v.missed_sitting.clear();
  }
  v.can_accept_late = r.state == core::RequestState::submitted && !v.missed_sitting.empty() &&
                      panel.deadline.may_accept_late(a.roles);
}

void add_hearing(Tx& tx, const Services& s, RequestView& v, const Actor& a,
                 const core::PanelType& panel) {
  const auto h = store::request_hearing(tx, v.id);
  if (!h) {
    return;
  }
  v.sitting_id = h->sitting_id;
  v.heard = v.state == core::RequestState::heard || v.state == core::RequestState::decided ||
            v.state == core::RequestState::closed;
  v.decisions = record_views(s, store::hearing_decisions(tx, h->hearing_id));
  const auto sitting = v.decisions.empty() ? std::nullopt : store::find_sitting(tx, h->sitting_id);
  v.may_disagree = sitting && disagree_as(tx, s, a, *sitting, panel) != DisagreeAs::nobody;
  v.hearing_date = long_date_of(core::london_date(h->starts_at));
  v.hearing_time = core::to_hh_mm(core::london_time_of_day(h->starts_at));
  const core::Venue* venue = panel.venue(h->venue_id);
  v.hearing_venue = venue ? venue->name : h->venue_id;
}

core::Result<RequestView> read_view(Tx& tx, const Services& s, const Actor& a, std::int64_t id) {
  const store::RequestRecord r = TRY(visible_request(tx, s, a, id));
  const core::PanelType* panel = TRY(panel_of(s, r));
  const core::RequestDraft d = draft_of(tx, r);
  RequestView v;
  v.id = id;
  v.panel_id = r.panel_id;
  v.panel_name = panel->name;
  v.state = r.state;
  v.state_label = std::string(core::state_label(r.state));
  v.author = store::user_name(tx, r.author_id);
  v.statutory_due = long_date_of(r.statutory_due);
  v.statutory_overdue = core::statutory_overdue(r.statutory_due, r.state, today_of(s));
  v.must_go_to_next_sitting = r.must_go_to_next_sitting;
  for (const store::RequestChild& c : store::request_children(tx, id)) {
    v.children.push_back({c.id, c.name});
    v.children_born.push_back(core::long_date(c.born));
  }
  v.may_open_children = !v.children.empty() && a.may(core::Permission::view_children) &&
                        may_child(tx, s, a, v.children.front().id, core::Use::read);
  add_answers(v, *panel, d);
  add_claims(v, *panel, d, today_of(s));
  add_authorisations(tx, v, *panel);
  add_history(tx, v, *panel);
  v.consultations = referral_summaries(tx, s, a, id, r.panel_id);
  add_three_way(tx, v, *panel, r);
  v.can_edit = r.state == core::RequestState::draft && r.author_id == a.id;
  if (v.can_edit) {
    add_tasks(tx, s, v, *panel, r, d);
  }
  add_approval(tx, v, a, *panel, r);
  add_cutoff(tx, s, v, a, *panel, r);
  v.can_schedule =
      core::allows(r.state, core::RequestEvent::schedule) && a.may(core::Permission::triage);
  add_hearing(tx, s, v, a, *panel);
  return v;
}

}  // namespace

core::Result<RequestView> request_view(Services& s, const Actor& a, std::int64_t request_id) {
  auto view = s.db.read<RequestView>(
      [&](Tx& tx) -> core::Result<RequestView> { return read_view(tx, s, a, request_id); });
  if (view) {
    // Recorded before the page is handed out, as a child's record is.
    s.db.write_all([&](Tx& tx) { audit(tx, s, a, "request.view", "request", request_id); });
  }
  return view;
}

}  // namespace casepanel::app
