#include "app/triage.h"

#include <algorithm>

#include "app/audit_trail.h"
#include "app/child_names.h"
#include "app/consultations.h"
#include "app/display.h"
#include "app/notifications.h"
#include "app/papers.h"
#include "app/scope.h"
#include "app/sitting_rows.h"
#include "app/triage_common.h"
#include "core/statutory.h"
#include "store/sittings.h"

namespace casepanel::app {
namespace {

using store::Tx;

constexpr std::size_t kSittingsOffered = 6;
constexpr int kTriageSittingsRead = 200;

// The papers as triage shows them: complete exactly when the papers page says
// so (core::check_papers: an optional document that needs no reason may be
// left out), with how many files and reasons there are.
std::string papers_summary(Tx& tx, const core::PanelType* panel, std::int64_t request_id,
                           bool* complete) {
  if (panel == nullptr || panel->documents.empty()) {
    *complete = true;
    return "";
  }
  *complete = papers_ready(tx, *panel, request_id).ok();
  const store::PaperCounts n = store::paper_counts(tx, request_id);
  return std::to_string(n.files) + (n.files == 1 ? " file, " : " files, ") +
         std::to_string(n.not_provided) + " not provided";
}

std::string long_or_empty(const std::optional<core::Date>& d) {
  return d ? core::long_date(*d) : "";
}

// "In time for 2 December 2026", "Late: missed the cut-off for ...",
// "Accepted late for ...", or empty for a panel without a cut-off.
void set_cutoff(TriageItem& item, const store::QueuedRequest& q) {
  item.immediate = q.must_go_to_next_sitting;
  const std::string target = long_or_empty(q.request.target_sitting_date);
  if (q.accepted_late) {
    item.cutoff_status = "Accepted late for " + target;
  } else if (q.missed_cutoff_date) {
    item.late = true;
    item.cutoff_status = "Late: missed the cut-off for " + core::long_date(*q.missed_cutoff_date) +
                         "; goes to " + target + " unless accepted late";
  } else if (q.must_go_to_next_sitting && q.request.target_sitting_date) {
    // Immediate action goes to the next sitting whatever its cut-off.
    item.cutoff_status = "Goes to the next sitting, " + target + ", whatever the cut-off";
  } else if (q.request.target_sitting_date) {
    item.cutoff_status = "In time for " + target;
  }
}

void set_consultation(TriageItem& item, const core::PanelType* p, const store::QueuedRequest& q) {
  if (p) {
    for (const core::Consultation& c : p->consultations) {
      item.consultations.push_back(c);
      item.consultation_suggested =
          item.consultation_suggested ||
          (c.siblings_at_least && item.child_count >= *c.siblings_at_least);
    }
  }
  if (!q.consultation_id) {
    return;
  }
  std::string with = *q.consultation_id;
  for (const core::Consultation& c : p ? p->consultations : std::vector<core::Consultation>{}) {
    with = c.id == *q.consultation_id ? c.with : with;
  }
  item.consultation = "Referred to the " + with + " on " +
                      (q.referred_at ? core::long_date(core::london_date(*q.referred_at)) : "");
}

// The latest referral's answer (app/consultations.h), if it was referred.
void set_advice(Tx& tx, const Services& s, TriageItem& item) {
  if (item.consultation.empty()) {
    return;
  }
  // Read for the card, not for any one reader: nobody's to answer.
  const auto referrals = referral_summaries(tx, s, Actor{}, item.request_id, item.panel_id);
  if (referrals.empty() || !referrals.back().answered) {
    item.consultation_answer = "Waiting for advice";
    return;
  }
  item.consultation_answer = referrals.back().advice_given;
  item.consultation_advice = referrals.back().advice;
}

// The sittings it fits: its panel's, not before its cut-off's sitting, with
// room for its minutes, the first few.
void set_sittings(TriageItem& item, const store::QueuedRequest& q,
                  const std::vector<SittingSummary>& sittings) {
  const std::string target =
      q.request.target_sitting_date ? core::to_iso(*q.request.target_sitting_date) : "";
  for (const SittingSummary& sit : sittings) {
    if (sit.panel_id == item.panel_id && sit.iso_date >= target &&
        sit.booked_minutes + item.minutes <= sit.capacity_minutes &&
        item.sittings.size() < kSittingsOffered) {
      item.sittings.push_back(sit);
      const std::optional<core::Date> on = core::parse_iso_date(sit.iso_date);
      if (on && core::heard_after_deadline(q.request.statutory_due, *on)) {
        item.sittings_after_deadline.push_back(sit.id);
      }
    }
  }
}

TriageItem item_of(Tx& tx, const Services& s, const store::QueuedRequest& q,
                   const std::vector<SittingSummary>& sittings) {
  const core::PanelType* p = s.panels.find(q.request.panel_id);
  TriageItem item;
  item.request_id = q.request.id;
  item.panel_id = q.request.panel_id;
  item.panel = p ? p->name : q.request.panel_id;
  item.children = request_children_names(tx, item.request_id, &item.child_count);
  item.request_type = request_type_label(p, q.request.request_type);
  item.submitted = q.submitted_at ? core::long_date(core::london_date(*q.submitted_at)) : "";
  item.statutory_due = long_or_empty(q.request.statutory_due);
  item.review_due = long_or_empty(q.review_due);
  item.overdue = q.request.statutory_due &&
                 std::chrono::sys_days{*q.request.statutory_due} < std::chrono::sys_days{today(s)};
  const core::Venue* v = p ? p->venue(q.venue_preference) : nullptr;
  item.venue_preference = v ? v->name + " (" + v->code + ")" : "";
  item.minutes = p ? p->hearing_minutes(std::max(1, item.child_count)) : 15;
  set_cutoff(item, q);
  item.papers = papers_summary(tx, p, item.request_id, &item.papers_complete);
  set_consultation(item, p, q);
  set_advice(tx, s, item);
  set_sittings(item, q, sittings);
  return item;
}

}  // namespace

core::Result<std::vector<TriageItem>> triage_queue(Services& s, const Actor& a,
                                                   std::int64_t about_request) {
  if (!a.may(core::Permission::view_triage)) {
    return core::Error::forbidden("Only coordinators triage requests");
  }
  std::vector<TriageItem> out;
  s.db.read_all([&](Tx& tx) {
    // Sittings that have not started yet (not merely today's or later: a
    // sitting that began this morning takes no more hearings).
    std::vector<SittingSummary> sittings;
    for (const auto& r : store::planned_sittings_after(tx, s.clock.now(), kTriageSittingsRead)) {
      sittings.push_back(sitting_summary(s, r));
    }
    for (const store::QueuedRequest& q : store::queued_requests(tx)) {
      if (triage_allowed(tx, s, a, q.request.panel_id, core::Use::read)) {
        out.push_back(item_of(tx, s, q, sittings));
      }
    }
  });
  // Recorded before the queue is handed out, as a child's record is.
  s.db.write_all([&](Tx& tx) {
    audit(tx, s, a, "triage.view", "request", about_request,
          {{"page", about_request ? "request" : "queue"}, {"shown", out.size()}});
  });
  return out;
}

}  // namespace casepanel::app
