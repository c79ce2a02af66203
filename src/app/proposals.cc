#include "app/proposals.h"

#include <algorithm>

#include "app/audit_trail.h"
#include "app/child_names.h"
#include "app/display.h"
#include "app/notifications.h"
#include "app/scope.h"
#include "app/sitting_rows.h"
#include "app/triage_common.h"
#include "core/statutory.h"
#include "store/sittings.h"

namespace casepanel::app {
namespace {

using store::Tx;

// How far ahead a proposal looks: the planned sittings of the next twelve weeks.
constexpr int kProposalWeeks = 12;

// What core::propose_agenda needs, read from the queue and the sittings.
struct ProposalInput {
  std::vector<core::AgendaRequest> requests;
  std::vector<core::AgendaSitting> sittings;
  std::vector<store::QueuedRequest> queued;
};

core::AgendaRequest agenda_request(const core::PanelType& panel, const store::QueuedRequest& q) {
  core::AgendaRequest r;
  r.id = q.request.id;
  r.minutes = panel.hearing_minutes(std::max(1, q.children));
  r.statutory_due = q.request.statutory_due;
  r.must_go_to_next_sitting = q.must_go_to_next_sitting;
  r.submitted_at = q.submitted_at.value_or(core::Instant{});
  r.venue_preference = q.venue_preference;
  r.earliest = q.request.target_sitting_date;
  // A child's latest review date makes the request a return-to-panel review.
  r.review_due = q.review_due;
  return r;
}

ProposalInput proposal_input(Tx& tx, const Services& s, const core::PanelType& panel) {
  ProposalInput in;
  const core::Instant now = s.clock.now();
  const core::Date horizon{std::chrono::sys_days{core::london_date(now)} +
                           std::chrono::days{7 * kProposalWeeks}};
  for (const store::SittingRecord& r : store::planned_panel_sittings(tx, panel.id, now, horizon)) {
    in.sittings.push_back({r.id, r.date, r.starts_at, r.ends_at, r.venue_id, booked(tx, r.id)});
  }
  in.queued = store::queued_requests(tx, panel.id);
  for (const store::QueuedRequest& q : in.queued) {
    in.requests.push_back(agenda_request(panel, q));
  }
  return in;
}

const store::QueuedRequest* queued(const ProposalInput& in, std::int64_t request_id) {
  for (const store::QueuedRequest& q : in.queued) {
    if (q.request.id == request_id) {
      return &q;
    }
  }
  return nullptr;
}

const core::AgendaSitting* sitting_of(const ProposalInput& in, std::int64_t sitting_id) {
  for (const core::AgendaSitting& sit : in.sittings) {
    if (sit.id == sitting_id) {
      return &sit;
    }
  }
  return nullptr;
}

// The statutory date a placement would miss, if it misses one.
std::optional<core::Date> missed_deadline(const ProposalInput& in, const core::Placement& placed) {
  const store::QueuedRequest* q = queued(in, placed.request_id);
  const core::AgendaSitting* sit = sitting_of(in, placed.sitting_id);
  if (q && sit && core::heard_after_deadline(q->request.statutory_due, sit->date)) {
    return q->request.statutory_due;
  }
  return std::nullopt;
}

std::string sitting_label(const core::PanelType& panel, const core::AgendaSitting& sit) {
  const core::Venue* v = panel.venue(sit.venue_id);
  return core::long_date(sit.date) + (v ? " at " + v->name + " (" + v->code + ")" : "");
}

ProposedSlot slot_of(Tx& tx, const core::PanelType& panel, const ProposalInput& in,
                     const core::Placement& placed) {
  ProposedSlot slot;
  slot.request_id = placed.request_id;
  slot.children = request_children_names(tx, placed.request_id);
  if (const store::QueuedRequest* q = queued(in, placed.request_id)) {
    slot.request_type = request_type_label(&panel, q->request.request_type);
    slot.statutory = q->request.statutory_due.has_value();
    slot.immediate = q->must_go_to_next_sitting;
  }
  slot.sitting_id = placed.sitting_id;
  if (const core::AgendaSitting* sit = sitting_of(in, placed.sitting_id)) {
    slot.sitting = sitting_label(panel, *sit);
  }
  if (const auto due = missed_deadline(in, placed)) {
    slot.breach = "After its statutory deadline of " + core::long_date(*due);
  }
  slot.start = london_time(placed.starts);
  slot.end = london_time(placed.starts + std::chrono::minutes{placed.minutes});
  slot.note = placed.note;
  return slot;
}

AgendaProposal proposal_of(Tx& tx, const core::PanelType& panel, const ProposalInput& in) {
  const core::ProposedAgenda proposed =
      core::propose_agenda(in.requests, in.sittings, panel.venues);
  AgendaProposal p{panel.id, panel.name, {}, {}};
  for (const core::Placement& placed : proposed.placements) {
    p.slots.push_back(slot_of(tx, panel, in, placed));
    p.breaches = p.breaches || !p.slots.back().breach.empty();
  }
  for (const core::Unplaced& u : proposed.unplaced) {
    p.unplaced.push_back({u.request_id, request_children_names(tx, u.request_id), u.reason});
  }
  return p;
}

}  // namespace

core::Result<std::vector<AgendaProposal>> propose_agendas(Services& s, const Actor& a) {
  if (!a.may(core::Permission::view_triage)) {
    return core::Error::forbidden("Only coordinators triage requests");
  }
  std::vector<AgendaProposal> out;
  s.db.read_all([&](Tx& tx) {
    for (const core::PanelType& panel : s.panels.all()) {
      if (!triage_allowed(tx, s, a, panel.id, core::Use::read)) {
        continue;
      }
      const ProposalInput in = proposal_input(tx, s, panel);
      if (!in.requests.empty()) {
        out.push_back(proposal_of(tx, panel, in));
      }
    }
  });
  // Recorded before the proposal is handed out, as a child's record is.
  s.db.write_all([&](Tx& tx) {
    audit(tx, s, a, "triage.view", "request", 0, {{"page", "proposal"}, {"proposals", out.size()}});
  });
  return out;
}

core::Result<int> accept_proposed_agenda(Services& s, const Actor& a, const std::string& panel_id,
                                         const std::string& late_reason) {
  if (!a.may(core::Permission::triage)) {
    return core::Error::forbidden("Only coordinators schedule requests");
  }
  const core::PanelType* panel = s.panels.find(panel_id);
  if (panel == nullptr) {
    return core::Error::invalid("panel_id", "Select the panel");
  }
  return s.db.write<int>([&](Tx& tx) -> core::Result<int> {
    if (!triage_allowed(tx, s, a, panel->id, core::Use::change)) {
      return core::Error::invalid("panel_id", "Select a panel you coordinate");
    }
    const ProposalInput in = proposal_input(tx, s, *panel);
    const core::ProposedAgenda proposed =
        core::propose_agenda(in.requests, in.sittings, panel->venues);
    if (proposed.placements.empty()) {
      return core::Error::conflict("There is nothing to schedule");
    }
    for (const core::Placement& placed : proposed.placements) {
      const auto missed = missed_deadline(in, placed);
      if (missed) {
        const core::AgendaSitting* sit = sitting_of(in, placed.sitting_id);
        TRY(core::check_statutory_date(missed, sit->date, late_reason));
      }
      TRY(put_on_agenda(tx, s, a, placed, {{"proposed", true}, {"note", placed.note}},
                        missed ? late_reason : std::string()));
    }
    return static_cast<int>(proposed.placements.size());
  });
}

}  // namespace casepanel::app
