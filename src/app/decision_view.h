// A decision record as people read it, wherever it is shown: the child's
// record, the request, the hearing, the minutes and the API. Labels come
// from the panel's configuration; a recommendation says whose final
// decision it awaits, or what that person decided, and when; a disagreement
// says who disagreed, why, and the agreed outcome or that it awaits the
// Assistant Director (the panel's chair.disagreement_to).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "app/services.h"
#include "store/decision_records.h"

namespace casepanel::app {

struct DisagreementView {
  std::int64_t id = 0;
  std::string member;
  std::string why;
  std::string recorded;  // "Recorded by X on 2 December 2026"
  bool resolved = false;
  std::string awaiting;  // "Awaiting the Assistant Director"
  std::string agreed_outcome;
  std::string agreed_reasons;
  std::string resolved_line;  // "Agreed by X on 3 December 2026"
};

struct ItemView {
  std::int64_t id = 0;
  core::ItemKind kind = core::ItemKind::decision;
  std::string option_id;
  std::string label;  // "Progress to a Family Group Conference"
  std::string detail;
  bool recommendation = false;
  core::FinalStatus final_status = core::FinalStatus::final;
  std::string final_line;  // "Awaiting the Panel Chair's final decision" / "Agreed by X on D"
  std::string final_detail;
  std::string final_reasons;
  std::vector<DisagreementView> disagreements;
};

struct PlanView {
  std::string label;  // "Long-term fostering"; empty: none
  std::string timeframe;
  std::string owner;
};

struct ActionView {
  std::int64_t id = 0;
  std::string description;
  std::string owner;
  std::string due;  // "9 December 2026"
  std::string status;
};

struct RecordView {
  std::int64_t id = 0;
  std::int64_t hearing_id = 0;
  std::int64_t child_id = 0;
  std::string child;       // "Olivia Parrish"
  std::string child_born;  // "born 3 March 2015"
  std::int64_t sitting_id = 0;
  std::string panel;
  std::string date;  // the sitting's, "2 December 2026"
  std::vector<ItemView> decisions;
  std::vector<ItemView> outcomes;
  std::string reasons;
  PlanView permanency;
  PlanView parallel;
  std::string review_date;
  std::vector<ActionView> actions;
  std::string recorded;   // "Recorded by X at 11:05 on 2 December 2026"
  std::string corrected;  // "Corrected by X at 14:10 on 2 December 2026", or empty
  bool awaiting = false;  // a recommendation or disagreement is still open
  // The panel takes changes of plan after panel (app/plan_changes.h).
  bool offers_plan_change = false;
};

RecordView record_view(const Services& s, const store::DecisionRecord& d);
std::vector<RecordView> record_views(const Services& s,
                                     const std::vector<store::DecisionRecord>& records);

// The label of a decision or outcome in the panel's catalogue (the id when
// the panel no longer lists it).
std::string item_label(const Services& s, const std::string& panel_id, core::ItemKind kind,
                       const std::string& option_id);

}  // namespace casepanel::app
