#include "support/decided_hearing.h"

#include <stdexcept>

#include "app/approvals.h"
#include "app/decisions.h"
#include "app/display.h"
#include "app/scheduling.h"
#include "app/sittings.h"
#include "app/triage.h"
#include "support/requests.h"

namespace casepanel::testing {
namespace {

void require(bool ok, const char* what) {
  if (!ok) {
    throw std::runtime_error(std::string("decided_hearing: ") + what);
  }
}

}  // namespace

DecidedHearing decided_hearing(TestWorld& w, const std::vector<std::int64_t>& children) {
  app::Services& s = w.services();
  app::ensure_sittings(s, core::Date{std::chrono::year{2026} / 11 / 25}, 2);
  DecidedHearing out;
  out.request_id = sent_clam_request(w, children);
  approve_clam(w, out.request_id);
  auto queue = app::triage_queue(s, w.actor(w.coordinator));
  require(queue.ok() && !queue->empty(), "nothing to triage");
  out.sitting_id = queue->front().sittings.front().id;
  require(app::schedule_request(s, w.actor(w.coordinator), out.request_id, out.sitting_id).ok(),
          "scheduling refused");
  auto agenda = app::sitting_view(s, w.actor(w.panel_admin), out.sitting_id);
  require(agenda.ok(), "no agenda");
  out.hearing_id = agenda->agenda.front().hearing_id;
  w.clock().set(app::parse_utc("2026-12-01T14:00:00Z"));
  auto form = app::decision_form(s, w.actor(w.panel_admin), out.hearing_id);
  require(form.ok() && !form->decisions.empty(), "no decision form");
  out.decision_option = form->decisions.front().id;
  app::DecisionInput in;
  in.child_ids = children;
  in.items = {{core::ItemKind::decision, out.decision_option, "Agreed as planned"}};
  in.reasons = "The plan keeps them safe.";
  in.actions = {{"Arrange a placement planning meeting", w.sw_a, "5", ""}};
  if (!form->plans.empty()) {
    in.permanency = {form->plans.front().id, "Within 3 months", w.sw_a};
  }
  if (!form->returns_to_panel.empty()) {
    in.review_date = "2027-03-01";
  }
  require(app::record_decision(s, w.actor(w.panel_admin), out.hearing_id, in).ok(),
          "decision refused");
  return out;
}

DecidedHearing fgc_hearing(TestWorld& w) {
  app::Services& s = w.services();
  w.clock().set(app::parse_utc("2026-11-24T09:00:00Z"));
  app::ensure_sittings(s, core::Date{std::chrono::year{2026} / 11 / 24}, 3);
  DecidedHearing out;
  out.request_id = sent_request(w, w.sw_a, {w.child_a}, support_draft());
  require(app::approve_request(s, w.actor(w.pm_a), out.request_id, {}).ok(), "not approved");
  auto queue = app::triage_queue(s, w.actor(w.coordinator));
  require(queue.ok(), "no triage queue");
  for (const auto& q : *queue) {
    if (q.request_id == out.request_id) {
      out.sitting_id = q.sittings.front().id;
    }
  }
  require(out.sitting_id != 0, "not in triage");
  require(app::schedule_request(s, w.actor(w.coordinator), out.request_id, out.sitting_id).ok(),
          "scheduling refused");
  auto agenda = app::sitting_view(s, w.actor(w.panel_admin), out.sitting_id);
  require(agenda.ok() && !agenda->agenda.empty(), "no agenda");
  out.hearing_id = agenda->agenda.front().hearing_id;
  w.clock().set(app::parse_utc("2026-12-02T11:00:00Z"));
  out.decision_option = "fgc";
  app::DecisionInput in;
  in.child_ids = {w.child_a};
  in.items = {{core::ItemKind::decision, "fgc", "The family agree to a conference"}};
  in.reasons = "The wider family can offer support.";
  in.actions = {{"Hold a strategy discussion with the family", w.sw_a, "5", ""}};
  require(app::record_decision(s, w.actor(w.panel_admin), out.hearing_id, in).ok(),
          "decision refused");
  return out;
}

}  // namespace casepanel::testing
