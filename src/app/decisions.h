// The record of a hearing: the form (the children still without a record,
// the panel's decisions and outcomes, its permanency plans, who may own an
// action or a plan), the use case that records it for one child or a whole
// sibling group at once, and the correction of one child's record on the day.
// The checks on what was typed are core's (core/decisions.h); this file
// reads, writes, audits, tells, and puts each decision on the child's record
// as a significant event.
//
// Once every child of the hearing has a record, the hearing is heard and its
// request decided (core::next_state: hear, then decide).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "app/decision_view.h"
#include "app/requests.h"
#include "app/services.h"
#include "core/decisions.h"
#include "core/result.h"

namespace casepanel::app {

struct ChildChoice {
  std::int64_t id = 0;
  std::string name;  // "Olivia Parrish, born 3 March 2015": siblings may share a name
};

struct DecisionForm {
  std::int64_t hearing_id = 0;
  std::int64_t sitting_id = 0;
  std::string sitting;                // "CLAM Panel, 2 December 2026"
  std::string request_type;           // what the request asked for
  std::vector<ChildChoice> children;  // those without a record yet
  std::vector<core::DecisionOption> decisions;
  std::vector<core::Choice> outcomes;
  std::vector<core::Choice> plans;  // [permanency] plans; empty: not asked
  bool asks_parallel_plan = false;
  std::string parallel_plan_hint;
  std::string returns_to_panel;      // the label of the item that needs a review date
  std::vector<NamedId> owners;       // who may own an action or a plan
  std::vector<RecordView> recorded;  // the records already made at this hearing
  bool may_correct = false;          // on the day, minutes not authorised
  bool may_disagree = false;         // the panel sends disagreements on; minutes not authorised
};
core::Result<DecisionForm> decision_form(Services& s, const Actor& a, std::int64_t hearing_id);

// As typed on the form (core checks it). One record for each child in
// `child_ids`; when every child is recorded, the hearing is heard.
using DecisionInput = core::DecisionEntry;
core::Status record_decision(Services& s, const Actor& a, std::int64_t hearing_id,
                             const DecisionInput& in);

// Correcting one child's record on the day (the note taker): the form holds
// the record as saved; the correction replaces its items and fields and adds
// any new actions. Items with a disagreement or a final decision stay.
struct CorrectionForm {
  DecisionForm form;                                        // the hearing's catalogue, owners ...
  RecordView record;                                        // as saved
  std::vector<std::pair<std::string, std::string>> fields;  // form field -> saved value
};
core::Result<CorrectionForm> correction_form(Services& s, const Actor& a, std::int64_t decision_id);
core::Status correct_decision(Services& s, const Actor& a, std::int64_t decision_id,
                              const DecisionInput& in);

}  // namespace casepanel::app
