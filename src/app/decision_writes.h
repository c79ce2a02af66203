// The writing side of recording a hearing, shared by the first record and
// its correction (app/decisions.cc) and by final decisions and
// disagreements (app/recommendations.cc): finding a hearing the actor may
// record at, writing a record's items, actions and significant events.
// Internal to app/; every function takes the use case's transaction.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/services.h"
#include "core/decisions.h"
#include "core/panel_type.h"
#include "store/decision_records.h"
#include "store/decisions.h"
#include "store/hearings.h"
#include "store/significant_events.h"
#include "store/sittings.h"

namespace casepanel::app {

// A hearing with its sitting and panel, for recording at it.
struct HearingAt {
  store::HearingRecord hearing;
  store::SittingRecord sitting;
  const core::PanelType* panel = nullptr;  // never null once found
};

// The hearing, when the actor may record decisions at its sitting and the
// sitting's date allows it (core/decisions.h); not found otherwise.
core::Result<HearingAt> decidable(store::Tx& tx, const Services& s, const Actor& a,
                                  std::int64_t hearing_id);

// Who makes a final decision or resolves a disagreement for this hearing:
// the hearing's or sitting's chair for the chair's role, else every active
// holder of the role.
std::vector<std::int64_t> deciders(store::Tx& tx, const HearingAt& at, core::Role role);

// Plan owners and action owners are active people.
core::Status check_people(store::Tx& tx, const core::DecisionEntry& in);

store::RecordFields record_fields(const core::DecisionEntry& in,
                                  const core::CheckedDecision& checked);

// Writes the items of a new record, each with its significant event; the
// ids written.
nlohmann::json write_items(store::Tx& tx, const Services& s, const Actor& a, const HearingAt& at,
                           std::int64_t decision, std::int64_t child,
                           const std::vector<core::ItemEntry>& items);
// Writes the actions, due from the sitting's date, and tells their owners.
nlohmann::json write_actions(store::Tx& tx, const Services& s, const HearingAt& at,
                             std::int64_t decision, std::int64_t child,
                             const std::vector<core::CheckedAction>& actions);

// A correction: fields replaced, items changed, added or removed (not those
// with a disagreement or a final decision), new actions added; audited with
// what changed, and a significant event saying so.
core::Status write_correction(store::Tx& tx, const Services& s, const Actor& a, const HearingAt& at,
                              const store::DecisionRecord& before, const core::DecisionEntry& in,
                              const core::CheckedDecision& checked);

// A saved record as form fields (field name -> value), to fill the
// correction form.
std::vector<std::pair<std::string, std::string>> saved_fields(const store::DecisionRecord& d);

// Appends a significant event to the child's record.
void add_event(store::Tx& tx, const Services& s, const Actor& a, const store::DecisionRecord& d,
               std::optional<std::int64_t> item, store::EventKind kind, std::string summary);

}  // namespace casepanel::app
