#include "app/consultations.h"

#include "app/audit_trail.h"
#include "app/child_names.h"
#include "app/consultees.h"
#include "app/display.h"
#include "app/notifications.h"
#include "app/request_access.h"
#include "app/scope.h"
#include "core/sittings.h"
#include "store/consultations.h"
#include "store/requests.h"

namespace casepanel::app {
namespace {

using store::Tx;

constexpr std::size_t kLongestAdvice = 2000;

std::string day_of(core::Instant at) { return core::long_date(core::london_date(at)); }

// A referral with what it is about, found only for those it is made to.
struct Referral {
  store::ConsultationRecord record;
  store::RequestRecord request;
  const core::PanelType* panel = nullptr;
  const core::Consultation* consultation = nullptr;
};

core::Result<Referral> referral_for(Tx& tx, const Services& s, const Actor& a, std::int64_t id,
                                    core::Use use) {
  auto record = store::find_consultation(tx, id);
  auto request = record ? store::find_request(tx, record->request_id) : std::nullopt;
  const core::PanelType* panel = request ? s.panels.find(request->panel_id) : nullptr;
  const core::Consultation* c = panel ? consultation_of(*panel, record->consultation_id) : nullptr;
  if (c == nullptr) {
    return core::Error::not_found();
  }
  // Sent to panel (not back with its author as a draft), and made to the actor.
  core::Relationships how;
  if (request_resource(facts_of(*request), RequestPart::request) == core::Resource::request &&
      a.has(c->role) && is_consultee(tx, *panel, *c, a.id)) {
    how.insert(core::Relationship::consulted);
  }
  if (!core::may(a.roles, how, core::Resource::consultation, use)) {
    return core::Error::not_found();
  }
  return Referral{*std::move(record), *std::move(request), panel, c};
}

ConsultationLine consultation_line_of(Tx& tx, const core::PanelType& panel,
                                      const store::ConsultationRecord& r) {
  ConsultationLine l;
  l.id = r.id;
  l.panel = panel.name;
  l.children = request_children_names(tx, r.request_id);
  auto request = store::find_request(tx, r.request_id);
  l.request_type = request_type_label(&panel, request ? request->request_type : "");
  l.referred = day_of(r.referred_at);
  l.answered = r.answered();
  l.advised = r.advised_at ? day_of(*r.advised_at) : "";
  return l;
}

void read_consultation_view(Tx& tx, const Services& s, const Actor& a, const Referral& ref,
                            ConsultationView& v) {
  const store::ConsultationRecord& r = ref.record;
  v.id = r.id;
  v.request_id = r.request_id;
  v.panel = ref.panel->name;
  v.label = ref.consultation->label;
  v.with = ref.consultation->with;
  for (const store::RequestChild& c : store::request_children(tx, r.request_id)) {
    v.children.push_back({c.name, core::long_date(c.born)});
  }
  v.request_type = request_type_label(ref.panel, ref.request.request_type);
  v.note = r.note;
  v.referred_by = r.referred_by_name;
  v.referred_on = day_of(r.referred_at);
  v.may_read_papers =
      !ref.panel->documents.empty() &&
      may_request(tx, s, a, facts_of(ref.request), RequestPart::papers, core::Use::read);
  v.answered = r.answered();
  v.advice = r.advice.value_or("");
  v.advised_by = r.advised_by_name;
  v.advised_on = r.advised_at ? day_of(*r.advised_at) : "";
}

}  // namespace

core::Result<MyConsultations> my_consultations(Services& s, const Actor& a) {
  if (!a.may(core::Permission::answer_consultation)) {
    return core::Error::forbidden("Only the people consulted see referrals for consultation");
  }
  MyConsultations out;
  s.db.read_all([&](Tx& tx) {
    for (const core::PanelType& panel : s.panels.all()) {
      for (const core::Consultation* c : consultations_answered_by(tx, panel, a)) {
        for (const auto& r : store::consultations_of(tx, panel.id, c->id)) {
          (r.answered() ? out.answered : out.waiting).push_back(consultation_line_of(tx, panel, r));
        }
      }
    }
  });
  // Recorded before the list is handed out, as a child's record is.
  s.db.write_all([&](Tx& tx) {
    audit(tx, s, a, "consultation.list", "consultation", 0,
          {{"shown", out.waiting.size() + out.answered.size()}});
  });
  return out;
}

ConsultationCounts consultation_counts(Services& s, const Actor& a) {
  ConsultationCounts n;
  if (!a.may(core::Permission::answer_consultation)) {
    return n;
  }
  s.db.read_all([&](Tx& tx) {
    for (const core::PanelType& panel : s.panels.all()) {
      for (const core::Consultation* c : consultations_answered_by(tx, panel, a)) {
        for (const auto& r : store::consultations_of(tx, panel.id, c->id)) {
          ++(r.answered() ? n.answered : n.waiting);
        }
      }
    }
  });
  return n;
}

core::Result<ConsultationView> consultation_view(Services& s, const Actor& a, std::int64_t id) {
  auto view = s.db.read<ConsultationView>([&](Tx& tx) -> core::Result<ConsultationView> {
    const Referral ref = TRY(referral_for(tx, s, a, id, core::Use::read));
    ConsultationView v;
    read_consultation_view(tx, s, a, ref, v);
    return v;
  });
  if (view) {
    // Recorded before the page is handed out, as a child's record is.
    s.db.write_all([&](Tx& tx) {
      audit(tx, s, a, "consultation.view", "request", view->request_id, {{"referral", id}});
    });
  }
  return view;
}

core::Status give_advice(Services& s, const Actor& a, std::int64_t id, const std::string& advice) {
  if (!a.may(core::Permission::answer_consultation)) {
    return core::Error::forbidden("Only the people consulted give advice");
  }
  if (blank(advice)) {
    return core::Error::invalid("advice", "Enter your advice");
  }
  if (advice.size() > kLongestAdvice) {
    return core::Error::invalid("advice", "Keep your advice to 2,000 characters or fewer");
  }
  return s.db.write<core::Done>([&](Tx& tx) -> core::Status {
    const Referral ref = TRY(referral_for(tx, s, a, id, core::Use::change));
    if (!store::record_advice(tx, id, advice, a.id, s.clock.now())) {
      return core::Error::conflict("This referral has already been answered");
    }
    const std::int64_t request = ref.record.request_id;
    audit(tx, s, a, "consultation.advise", "request", request,
          {{"referral", id}, {"consultation", ref.consultation->id}, {"advice", advice}});
    // A link only: the advice is about a child, and email is not the place.
    const std::string subject =
        ref.panel->name + ": advice given on request " + std::to_string(request);
    const std::string body = "The " + ref.consultation->with +
                             " has given their advice. Read it on the request: " +
                             link(s, "/requests/" + std::to_string(request));
    queue_email(tx, s, ref.record.referred_by, subject, body);
    if (ref.request.author_id != ref.record.referred_by) {
      queue_email(tx, s, ref.request.author_id, subject, body);
    }
    return core::Done{};
  });
}

std::vector<ReferralSummary> referral_summaries(Tx& tx, const Services& s, const Actor& a,
                                                std::int64_t request_id,
                                                const std::string& panel_id) {
  const core::PanelType* panel = s.panels.find(panel_id);
  std::vector<ReferralSummary> out;
  for (const store::ConsultationRecord& r : store::request_consultations(tx, request_id)) {
    const core::Consultation* c = panel ? consultation_of(*panel, r.consultation_id) : nullptr;
    ReferralSummary x;
    x.referred =
        "Referred to the " + (c ? c->with : r.consultation_id) + " on " + day_of(r.referred_at);
    x.note = r.note;
    x.answered = r.answered();
    if (r.advised_at) {
      x.advice_given = "Advice given on " + day_of(*r.advised_at) + " by " + r.advised_by_name;
    }
    x.advice = r.advice.value_or("");
    if (!x.answered && c && a.has(c->role) && is_consultee(tx, *panel, *c, a.id)) {
      x.yours_to_answer = r.id;
    }
    out.push_back(std::move(x));
  }
  return out;
}

}  // namespace casepanel::app
