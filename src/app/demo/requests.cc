// The demo's requests: written with the approvals their state has been
// through, their children, criteria and papers, at times spread over the
// working days before they were sent on. Also the watch list's discussions.
#include <cctype>

#include "app/demo/builder.h"
#include "app/demo/pdf.h"
#include "app/demo/writing.h"
#include "app/display.h"
#include "app/papers.h"
#include "app/watch.h"
#include "core/cutoff.h"
#include "core/request_lifecycle.h"
#include "store/crypto.h"
#include "store/demo_history.h"

namespace casepanel::app::demo {

using core::Date;
using core::Instant;
using core::RequestState;
using std::chrono::minutes;
using std::chrono::sys_days;
namespace history = store::history;

namespace {

// How far through the approval steps a request got, and what happened at
// the last of them.
struct Progress {
  std::size_t approved = 0;
  bool sent_on = false;  // past the approvals: submitted or later
  int events = 0;        // creation, approvals, a return, a send
};

Progress progress_of(const RequestPlan& p) {
  const std::size_t steps = p.panel->approval_steps.size();
  const bool returned = p.returned == Returned::yes;
  Progress out;
  out.approved = steps;
  if (p.state == RequestState::draft) {
    out.approved = returned ? static_cast<std::size_t>(p.step) : 0;
  } else if (p.state == RequestState::awaiting_approval) {
    out.approved = static_cast<std::size_t>(p.step);
  }
  out.sent_on = p.state != RequestState::draft && p.state != RequestState::awaiting_approval;
  out.events =
      static_cast<int>(out.approved) + (returned ? 1 : 0) + (out.sent_on && steps == 0 ? 1 : 0) + 1;
  return out;
}

std::string file_name_for(const std::string& label) {
  std::string name;
  for (char c : label) {
    name += std::isalnum(static_cast<unsigned char>(c))
                ? static_cast<char>(std::tolower(static_cast<unsigned char>(c)))
                : '-';
  }
  return name + ".pdf";
}

}  // namespace

// Events a day apart on working days, or two hours apart when the time is
// short (an emergency), ending by `until`.
struct Builder::RequestClock {
  const core::Calendar& calendar;
  Instant t;
  Instant until;
  minutes gap;
  void next() {
    t += gap;
    while (!calendar.is_working_day(core::london_date(t)) && t + std::chrono::hours{24} <= until) {
      t += std::chrono::hours{24};
    }
  }
};

std::string Builder::request_type_for(const core::PanelType& p, bool statutory) {
  std::vector<const core::RequestType*> fit;
  for (const auto& t : p.request_types) {
    if (t.statutory() == statutory) {
      fit.push_back(&t);
    }
  }
  if (fit.empty()) {
    return "";
  }
  return fit[static_cast<std::size_t>(random_.uniform(0, static_cast<int>(fit.size()) - 1))]->id;
}

std::string Builder::text_reason(const core::PanelType& p) {
  return p.request_types.empty() ? random_.one_of(kSupportReasons) : random_.one_of(kCareReasons);
}

std::int64_t Builder::add_request(const RequestPlan& p) {
  const Progress progress = progress_of(p);
  RequestClock clock = request_clock(p, progress.events);
  const Instant created = before_now(clock.t);
  const std::int64_t id = insert_request(p, progress.approved, created);
  for (std::size_t c : p.children) {
    history::add_request_child(tx_, id, children_[c].id);
  }
  add_criteria(id, *p.panel);
  add_papers(id, p, created);
  record_approvals(p, id, progress.approved, clock);
  if (progress.sent_on && p.panel->approval_steps.empty()) {
    clock.next();
  }
  const Instant last = before_now(clock.t);
  history::set_request_times(tx_, id,
                             progress.sent_on ? std::optional<Instant>(last) : std::nullopt, last);
  if (core::triaged(p.state)) {
    // Half way from its sending to its hearing (or to today): no clock event
    // of its own, so that the demo's other times stay as they were.
    const auto half = (clock.until - last) / 2;
    history::set_request_triaged(tx_, id, half > half.zero() ? last + half : last);
  }
  return id;
}

// The request's events end by p.until (default: the end of the last working day).
Builder::RequestClock Builder::request_clock(const RequestPlan& p, int events) {
  const Instant start =
      at(working_day_on_or_before(p.created), 9 * 60 + random_.uniform(0, 5 * 60));
  const Instant until = std::max(
      start,
      p.until.value_or(std::min(now_ - minutes{10}, at(working_days_before(today_, 1), 17 * 60))));
  auto gap = std::chrono::duration_cast<minutes>(until - start) / std::max(1, events);
  gap = gap >= std::chrono::hours{24} ? minutes{std::chrono::hours{24}}
                                      : std::min(gap, minutes{std::chrono::hours{2}});
  return RequestClock{.calendar = s_.calendar, .t = start, .until = until, .gap = gap};
}

std::int64_t Builder::insert_request(const RequestPlan& p, std::size_t approved, Instant created) {
  const core::PanelType& panel = *p.panel;
  const Child& first = children_[p.children.front()];
  const core::RequestType* type = panel.request_type(p.request_type);
  const bool parallel = type ? type->needs_parallel_plan : random_.chance(40);
  std::string venue;
  if (panel.asks_venue_preference && !panel.venues.empty()) {
    venue = panel
                .venues[static_cast<std::size_t>(
                    random_.uniform(0, static_cast<int>(panel.venues.size()) - 1))]
                .id;
  }
  history::RequestRow row{.panel_id = panel.id, .state = p.state, .request_type = p.request_type};
  row.reason = text_reason(panel);
  row.proposed_plan = random_.one_of(kPlans);
  row.parallel_plan = parallel ? std::string(random_.one_of(kParallelPlans)) : std::string();
  row.conference_call = panel.asks_conference_call && random_.chance(30);
  row.venue_preference = venue;
  row.approval_step = p.state == RequestState::draft ? 0 : static_cast<std::int64_t>(approved);
  row.author_id = first.worker;
  row.team_id = council_.teams[first.team].id;
  row.statutory_due = p.statutory_due;
  row.created_at = created;
  row.updated_at = created;
  return history::insert_request(tx_, row);
}

// Each approval step reached, then the return of a draft sent back.
void Builder::record_approvals(const RequestPlan& p, std::int64_t request, std::size_t approved,
                               RequestClock& clock) {
  const core::PanelType& panel = *p.panel;
  const Team& team = council_.teams[children_[p.children.front()].team];
  const std::size_t steps = panel.approval_steps.size();
  for (std::size_t k = 0; k < approved && k < steps; ++k) {
    const core::ApprovalStep& step = panel.approval_steps[k];
    clock.next();
    const std::string comments =
        step.records_three_way_discussion
            ? "3-way discussion held on " + long_date(core::to_iso(core::london_date(clock.t))) +
                  " with the allocated social worker, practice manager and group manager. "
                  "Referral quality-assured and approved."
            : "Agreed.";
    history::insert_approval(tx_, {.request_id = request,
                                   .step_id = step.id,
                                   .approver_id = approver_for(step.role, team),
                                   .outcome = history::ApprovalOutcome::approved,
                                   .comments = comments,
                                   .at = before_now(clock.t)});
  }
  if (p.returned == Returned::yes && static_cast<std::size_t>(p.step) < steps) {
    const core::ApprovalStep& step = panel.approval_steps[static_cast<std::size_t>(p.step)];
    clock.next();
    history::insert_approval(
        tx_, {.request_id = request,
              .step_id = step.id,
              .approver_id = approver_for(step.role, team),
              .outcome = history::ApprovalOutcome::returned,
              .comments = "Please add the parallel plan and say why the genogram is not attached.",
              .at = before_now(clock.t)});
  }
}

// One or two of the panel's entry criteria (those a request can meet without
// a manager's authorisation, which the demo does not invent).
void Builder::add_criteria(std::int64_t request, const core::PanelType& panel) {
  std::vector<const core::EntryCriterion*> open;
  for (const auto& c : panel.entry_criteria) {
    if (!c.authorisation_by && !c.after_months) {
      open.push_back(&c);
    }
  }
  if (open.empty()) {
    return;
  }
  random_.shuffle(open.begin(), open.end());
  const std::size_t n = std::min<std::size_t>(open.size(), random_.chance(50) ? 2 : 1);
  for (std::size_t i = 0; i < n; ++i) {
    history::add_request_criterion(tx_, request, open[i]->id);
  }
}

// The papers: a file (a one-page PDF) for each required document and for
// about half of the others, and a reason for each of the rest. A draft has
// made a start only (its first document), so its task list is in progress.
void Builder::add_papers(std::int64_t request, const RequestPlan& p, Instant added_at) {
  const Child& first = children_[p.children.front()];
  const bool draft = p.state == RequestState::draft;
  bool first_document = true;
  for (const core::DocumentRequirement& doc : p.panel->documents) {
    if (draft && !first_document) {
      break;
    }
    history::PaperRow paper{.request_id = request, .document_id = doc.id};
    paper.added_by = first.worker;
    paper.added_at = added_at;
    if (doc.required || first_document || random_.chance(50)) {
      const std::string content = one_line_pdf(doc.label + " for " + first.first_name + " " +
                                               first.last_name + " (fictional demo paper)");
      paper.file = history::PaperFile{.file_name = file_name_for(doc.label),
                                      .stored_name = store_paper_content(s_, content),
                                      .media_type = "application/pdf",
                                      .bytes = static_cast<std::int64_t>(content.size()),
                                      .sha256 = store::sha256_hex(content)};
    } else {
      paper.reason = random_.one_of(kNotProvided);
    }
    history::insert_paper(tx_, paper);
    first_document = false;
  }
}

// Keeping watch: the first child on each watch list (other than those kept
// for the browser journeys) has been discussed by their team's manager, so
// the list shows both halves.
void Builder::record_watch_discussions(const std::set<std::size_t>& protect) {
  int n = 0;
  for (const WatchedCriterion& w : watched_criteria(s_)) {
    const core::EntryCriterion& c = *w.criterion;
    const Date cutoff = core::add_months(today_, -*c.after_months);
    for (std::size_t i = 0; i < children_.size(); ++i) {
      const Child& child = children_[i];
      const Team& team = council_.teams[child.team];
      std::optional<Date> from = c.months_from == "child_protection_plan_start"
                                     ? child.cp_plan_start
                                 : c.months_from == "came_into_care" ? child.came_into_care
                                                                     : child.case_opened;
      if (protect.count(i) || !from || sys_days{*from} >= sys_days{cutoff} ||
          !team_is_watched(c, team.kind, team.name)) {
        continue;
      }
      const Date on = working_days_before(today_, 5 + 3 * n);
      history::insert_discussion(
          tx_, {.child_id = child.id,
                .criterion_id = c.id,
                .discussed_on = on,
                .outcome = n % 2 == 0 ? history::DiscussionOutcome::not_now
                                      : history::DiscussionOutcome::refer,
                .arguments =
                    kDiscussionArguments[static_cast<std::size_t>(n) % kDiscussionArguments.size()],
                .recorded_by = team.manager,
                .recorded_at = stamp(on, 15 * 60)});
      ++n;
      break;
    }
  }
}

}  // namespace casepanel::app::demo
