// Who a referral for consultation is made to (issue 14, item 4; CLAM: "from
// the Permanency Planning Co-ordinator"): the people in the seat the panel's
// [[consultations]] entry names, its holders and its deputies, and nobody
// else; for an entry that names no seat, everyone holding its role (the
// panel file's choice, docs/panel-configuration.md). The same answer decides
// who is told of a referral, whose home page and consultation list show it,
// and who stands `consulted` to the request in the access policy
// (core/access.h, app/scope.h). It is worked out when asked, so a new holder
// of the seat takes over the referrals waiting in it.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "app/services.h"
#include "core/panel_type.h"
#include "store/role_holders.h"

namespace casepanel::app {

// The panel's consultation by id; null when the panel has no such entry.
const core::Consultation* consultation_of(const core::PanelType& panel, const std::string& id);

// The active people consulted, by name; empty when nobody sits in the seat.
std::vector<store::PersonContact> consultees(store::Tx& tx, const core::PanelType& panel,
                                             const core::Consultation& consultation);
bool is_consultee(store::Tx& tx, const core::PanelType& panel,
                  const core::Consultation& consultation, std::int64_t user_id);

// The panel's consultations whose referrals are made to the actor.
std::vector<const core::Consultation*> consultations_answered_by(store::Tx& tx,
                                                                 const core::PanelType& panel,
                                                                 const Actor& actor);

// Whether a referral of this request for consultation is made to the actor
// (the `consulted` relationship; the caller checks the request was sent).
bool consulted_on(store::Tx& tx, const Services& s, const Actor& actor, std::int64_t request_id,
                  const std::string& panel_id);

}  // namespace casepanel::app
