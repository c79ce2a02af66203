// After the record, the two things that can still be open on it:
//
//   - A recommendation (a decision the panel's configuration marks
//     final_decision_by: CLAM permanence, the Panel Chair) waits for that
//     person's final decision: they agree, or decide otherwise, always with
//     reasons. The person is the hearing's or sitting's chair for the chair's
//     role, else anyone holding the role.
//   - Support Panel 7: a member may disagree with a recommendation of the
//     panel (who, which point, why). The note taker records it at panel; the
//     chair agrees an outcome with the role the panel names
//     (chair.disagreement_to: the Assistant Director), who records it with
//     its reasons. Until then the point shows "Awaiting the Assistant
//     Director".
//
// Each final decision and agreed outcome is a significant event on the
// child's record, audited, and told to the case's social worker.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "app/decision_view.h"
#include "app/named_id.h"
#include "app/services.h"
#include "core/decisions.h"
#include "core/result.h"
#include "store/sittings.h"

namespace casepanel::app {

// One item with the record it belongs to, for a form about it.
struct ItemForm {
  std::int64_t item_id = 0;
  std::string item_label;
  std::string item_detail;
  std::string decider;  // "Panel Chair", "Assistant Director"
  RecordView record;
  std::vector<NamedId> members;  // for a disagreement: the sitting's members
  bool own = false;              // a member noting their own disagreement
};

core::Result<ItemForm> final_decision_form(Services& s, const Actor& a, std::int64_t item_id);
core::Status record_final_decision(Services& s, const Actor& a, std::int64_t item_id,
                                   const core::FinalEntry& entry);

// Support Panel 7: who may note a disagreement at a sitting of a panel that
// sends them on (chair.disagreement_to), while its minutes are not
// authorised: the note taker, for any member; a member who is not away, for
// themselves. Inside a transaction.
enum class DisagreeAs { nobody, note_taker, member };
DisagreeAs disagree_as(store::Tx& tx, const Services& s, const Actor& a,
                       const store::SittingRecord& sitting, const core::PanelType& panel);

struct DisagreementEntry {
  std::int64_t member_id = 0;
  std::string why;
};
core::Result<ItemForm> disagreement_form(Services& s, const Actor& a, std::int64_t item_id);
core::Status record_disagreement(Services& s, const Actor& a, std::int64_t item_id,
                                 const DisagreementEntry& entry);

struct ResolutionEntry {
  std::string agreed_outcome;
  std::string reasons;
};
// The form names the disagreement's item; `item_id` in it is the item.
core::Result<ItemForm> resolution_form(Services& s, const Actor& a, std::int64_t disagreement_id);
core::Status resolve_disagreement(Services& s, const Actor& a, std::int64_t disagreement_id,
                                  const ResolutionEntry& entry);

// The actor's open tasks of both kinds, for the home page.
struct OpenDecision {
  std::int64_t id = 0;     // the item (final decision) or the disagreement
  std::string child;       // "Olivia Parrish"
  std::string what;        // the item's label
  std::string panel_date;  // "CLAM Panel, 2 December 2026"
  std::string href;
};
struct OpenDecisions {
  std::vector<OpenDecision> final_decisions;
  std::vector<OpenDecision> disagreements;
};
OpenDecisions open_decisions(Services& s, const Actor& a);

}  // namespace casepanel::app
