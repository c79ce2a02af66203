// Changes of plan after panel (Support Panel 6.1): "If changes in
// circumstances occur, agreement is to be sought and approval is required
// from the Service Manager for alternative action. If approval is given, this
// has to be evidenced in recording."
//
// A social worker or practice manager of the child's team proposes an
// alternative to a decided plan, with the reason; the holder of the role in
// [after_panel] change_of_plan_approval_by for the case (a group manager:
// the one above the case in line management) approves or refuses it, with
// reasons. An approval goes onto the child's record as a significant event;
// without it the panel's decision stands. A panel that names no approver
// offers no change of plan.
//
//   proposed --approve (reasons)--> approved   (on the child's record)
//            --refuse (reasons)---> refused    (the panel's decision stands)
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "app/decision_view.h"
#include "app/services.h"
#include "core/result.h"

namespace casepanel::app {

struct PlanChangeLine {
  std::int64_t id = 0;
  std::string child;  // "Ada Test, born 1 May 2015"
  std::string panel;
  std::string proposal;
  std::string reason;
  std::string proposed;  // "Proposed by Sam Worker on 3 December 2026"
  std::string status;    // "Waiting for the Service Manager", "Approved by ...: reasons"
  bool waiting = false;
};

struct PlanChangeForm {
  RecordView record;
  std::string approver_title;  // "Service Manager"
  std::vector<PlanChangeLine> changes;
};
// The record and its changes so far, for proposing one.
core::Result<PlanChangeForm> plan_change_form(Services& s, const Actor& a,
                                              std::int64_t decision_id);
core::Result<std::int64_t> propose_plan_change(Services& s, const Actor& a,
                                               std::int64_t decision_id,
                                               const std::string& proposal,
                                               const std::string& reason);

struct PlanChangeView {
  PlanChangeLine line;
  RecordView record;
  bool may_decide = false;
};
core::Result<PlanChangeView> plan_change_view(Services& s, const Actor& a, std::int64_t id);
core::Status decide_plan_change(Services& s, const Actor& a, std::int64_t id, bool approve,
                                const std::string& reasons);

// The changes waiting for the actor's approval (home page).
std::vector<PlanChangeLine> plan_changes_to_decide(Services& s, const Actor& a);

}  // namespace casepanel::app
