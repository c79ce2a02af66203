#include "app/consultees.h"

#include <algorithm>
#include <tuple>

#include "store/consultations.h"
#include "store/seats.h"

namespace casepanel::app {

const core::Consultation* consultation_of(const core::PanelType& panel, const std::string& id) {
  for (const core::Consultation& c : panel.consultations) {
    if (c.id == id) {
      return &c;
    }
  }
  return nullptr;
}

std::vector<store::PersonContact> consultees(store::Tx& tx, const core::PanelType& panel,
                                             const core::Consultation& consultation) {
  if (consultation.seat.empty()) {
    return store::role_holders(tx, consultation.role);
  }
  std::vector<store::PersonContact> out;
  for (const store::SeatHolderRecord& h : store::seat_holders(tx, panel.id)) {
    if (h.seat_id == consultation.seat) {
      out.push_back(h.person);
    }
  }
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
    return std::tie(a.name, a.id) < std::tie(b.name, b.id);
  });
  return out;
}

bool is_consultee(store::Tx& tx, const core::PanelType& panel,
                  const core::Consultation& consultation, std::int64_t user_id) {
  if (consultation.seat.empty()) {
    return store::holds_role(tx, user_id, consultation.role);
  }
  const auto people = consultees(tx, panel, consultation);
  return std::any_of(people.begin(), people.end(),
                     [&](const store::PersonContact& p) { return p.id == user_id; });
}

std::vector<const core::Consultation*> consultations_answered_by(store::Tx& tx,
                                                                 const core::PanelType& panel,
                                                                 const Actor& actor) {
  std::vector<const core::Consultation*> out;
  for (const core::Consultation& c : panel.consultations) {
    if (actor.has(c.role) && is_consultee(tx, panel, c, actor.id)) {
      out.push_back(&c);
    }
  }
  return out;
}

bool consulted_on(store::Tx& tx, const Services& s, const Actor& actor, std::int64_t request_id,
                  const std::string& panel_id) {
  const core::PanelType* panel = s.panels.find(panel_id);
  if (panel == nullptr || panel->consultations.empty()) {
    return false;
  }
  for (const store::ConsultationRecord& r : store::request_consultations(tx, request_id)) {
    const core::Consultation* c = consultation_of(*panel, r.consultation_id);
    if (c != nullptr && actor.has(c->role) && is_consultee(tx, *panel, *c, actor.id)) {
      return true;
    }
  }
  return false;
}

}  // namespace casepanel::app
