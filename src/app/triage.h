// The coordinator's triage queue: the submitted requests of the panels the
// actor may triage, statutory first, each with its cut-off status, papers,
// consultation and the sittings it fits. What the coordinator does with a
// request is elsewhere, included below for the pages: scheduling it by hand
// (app/scheduling.h) or by the proposed agenda (app/proposals.h), and asking
// for information, declining or referring it (app/triage_outcomes.h). Only
// people who may triage (coordinators and administrators) see the queue or
// act on it; every action is one transaction with its audit event.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "app/services.h"
#include "app/sittings.h"
#include "core/result.h"

namespace casepanel::app {

struct TriageItem {
  std::int64_t request_id = 0;
  std::string panel_id;
  std::string panel;
  std::string children;
  int child_count = 0;
  std::string request_type;
  std::string submitted;
  std::string statutory_due;
  bool overdue = false;    // its statutory date has passed
  std::string review_due;  // a return to panel: "12 January 2027" (app/returns.h)
  std::string venue_preference;
  // Panels with a cut-off: "In time for 2 December 2026", "Late: missed the
  // cut-off for 25 November 2026", "Accepted late for ...".
  std::string cutoff_status;
  bool late = false;
  bool immediate = false;  // must go to the next sitting (Support Panel 2.2)
  std::string papers;      // "8 of 8 documents: 5 files, 3 not provided"
  bool papers_complete = false;
  std::string consultation;  // "Referred to ... on D", empty when not referred
  // The latest referral's answer: "Advice given on D by X" with the advice,
  // or "Waiting for advice".
  std::string consultation_answer;
  std::string consultation_advice;
  std::vector<core::Choice> consultations;  // the panel's, for the referral form
  bool consultation_suggested = false;      // a large sibling group
  int minutes = 0;
  std::vector<SittingSummary> sittings;  // where it fits, soonest first
  // Those of `sittings` that would hear a statutory request after its date
  // (core/statutory.h): scheduling into one needs a reason.
  std::vector<std::int64_t> sittings_after_deadline;
};
// The queue of the panels the actor may triage (or, for oversight, read);
// recorded as `triage.view`, about one request when its page asks.
core::Result<std::vector<TriageItem>> triage_queue(Services& s, const Actor& a,
                                                   std::int64_t about_request = 0);

}  // namespace casepanel::app

#include "app/proposals.h"
#include "app/scheduling.h"
#include "app/triage_outcomes.h"
