#include "app/triage_outcomes.h"

#include <functional>
#include <vector>

#include "app/audit_trail.h"
#include "app/child_names.h"
#include "app/consultees.h"
#include "app/display.h"
#include "app/notifications.h"
#include "app/scope.h"
#include "app/triage_common.h"
#include "core/request_lifecycle.h"
#include "store/consultations.h"
#include "store/request_queue.h"
#include "store/sittings.h"

namespace casepanel::app {
namespace {

using store::Tx;

constexpr std::size_t kLongestMessage = 2000;

core::Status check_text(const std::string& field, const std::string& text,
                        const std::string& missing) {
  if (blank(text)) {
    return core::Error::invalid(field, missing);
  }
  if (text.size() > kLongestMessage) {
    return core::Error::invalid(field, "Keep it to 2,000 characters or fewer");
  }
  return core::Done{};
}

// A triage action that takes the request out of the queue: recorded as the
// coordinator's "approval" outcome with the text, the request's new state,
// the audit event, then `tell` the people concerned.
struct TriageOutcome {
  store::HistoryOutcome outcome;  // more_information | declined
  core::RequestEvent event;       // ask_information | decline
  const char* action;             // the audit event
  const char* field;              // the form field of the text
  const char* missing;            // the message when the text is empty
};
using Tell = std::function<void(Tx&, const Submitted&)>;

core::Status close_triage(Services& s, const Actor& a, std::int64_t request_id,
                          const TriageOutcome& o, const std::string& text, const Tell& tell) {
  if (!a.may(core::Permission::triage)) {
    return core::Error::forbidden("Only coordinators triage requests");
  }
  TRY(check_text(o.field, text, o.missing));
  return s.db.write<core::Done>([&](Tx& tx) -> core::Status {
    const Submitted req = TRY(load_submitted(tx, s, a, request_id));
    const core::RequestState next = TRY(core::next_state(req.request.state, o.event));
    store::add_history(tx, {.request_id = request_id,
                            .step_id = std::string(store::kTriageStep),
                            .approver_id = a.id,
                            .outcome = o.outcome,
                            .comments = text,
                            .at = s.clock.now()});
    store::set_request_state(tx, request_id, next, s.clock.now());
    // The coordinator's decision on it: the request is triaged (the annual
    // review's "submitted to triaged", docs/reports.md).
    store::mark_triaged(tx, request_id, s.clock.now());
    audit(tx, s, a, o.action, "request", request_id, {{o.field, text}});
    tell(tx, req);
    return core::Done{};
  });
}

// The people in the consultation's seat (app/consultees.h), with a link to
// the referral to answer, and the author.
void tell_consulted(Tx& tx, const Services& s, const Submitted& req,
                    const core::Consultation& consultation,
                    const std::vector<store::PersonContact>& consulted, std::int64_t referral) {
  const std::string id = std::to_string(req.request.id);
  for (const store::PersonContact& p : consulted) {
    queue_email(tx, s, p.id, req.panel->name + ": consultation asked for request " + id,
                consultation.label + ". Read the referral and give your advice: " +
                    link(s, "/consultations/" + std::to_string(referral)));
  }
  queue_email(tx, s, req.request.author_id,
              req.panel->name + ": your request was referred to the " + consultation.with,
              "The coordinator's note is on the request: " + link(s, "/requests/" + id));
}

}  // namespace

core::Status ask_for_information(Services& s, const Actor& a, std::int64_t request_id,
                                 const std::string& message) {
  const TriageOutcome outcome{store::HistoryOutcome::more_information,
                              core::RequestEvent::ask_information, "request.ask_information",
                              "message", "Enter what information is needed"};
  return close_triage(s, a, request_id, outcome, message, [&](Tx& tx, const Submitted& req) {
    queue_email(tx, s, req.request.author_id, req.panel->name + ": more information needed",
                "The coordinator needs more before your request can have a slot. What is "
                "needed is on the request; change it and send it again: " +
                    link(s, "/requests/" + std::to_string(request_id)));
  });
}

core::Status decline_request(Services& s, const Actor& a, std::int64_t request_id,
                             const std::string& reason) {
  const TriageOutcome outcome{store::HistoryOutcome::declined, core::RequestEvent::decline,
                              "request.decline", "decline_reason",
                              "Enter why the request is declined"};
  return close_triage(s, a, request_id, outcome, reason, [&](Tx& tx, const Submitted& req) {
    const std::string subject = req.panel->name + ": request declined";
    const std::string body = "The coordinator declined the request. The reason is on it: " +
                             link(s, "/requests/" + std::to_string(request_id));
    queue_email(tx, s, req.request.author_id, subject, body);
    auto manager = store::team_manager(tx, req.request.team_id);
    if (manager && *manager != req.request.author_id) {
      queue_email(tx, s, *manager, subject, body);
    }
  });
}

core::Status refer_for_consultation(Services& s, const Actor& a, std::int64_t request_id,
                                    const std::string& consultation_id, const std::string& note) {
  if (!a.may(core::Permission::triage)) {
    return core::Error::forbidden("Only coordinators triage requests");
  }
  TRY(check_text("consultation_note", note, "Enter what advice is needed"));
  return s.db.write<core::Done>([&](Tx& tx) -> core::Status {
    const Submitted req = TRY(load_submitted(tx, s, a, request_id));
    const core::Consultation* consultation = consultation_of(*req.panel, consultation_id);
    if (consultation == nullptr) {
      return core::Error::invalid("consultation_id", "Select who to consult");
    }
    const auto consulted = consultees(tx, *req.panel, *consultation);
    if (consulted.empty()) {
      // Nobody would see it: the seat must be filled first (app/seats.h).
      return core::Error::invalid("consultation_id",
                                  "Nobody sits in the " + consultation->with +
                                      "'s seat yet: ask the system administrator to assign "
                                      "someone, then refer it");
    }
    const std::int64_t referral = store::add_consultation(tx, {.request_id = request_id,
                                                               .consultation_id = consultation_id,
                                                               .note = note,
                                                               .referred_by = a.id,
                                                               .referred_at = s.clock.now()});
    audit(tx, s, a, "request.refer_consultation", "request", request_id,
          {{"consultation", consultation_id}, {"referral", referral}, {"note", note}});
    tell_consulted(tx, s, req, *consultation, consulted, referral);
    return core::Done{};
  });
}

}  // namespace casepanel::app
