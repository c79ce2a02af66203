// Return to panel (issue 13, docs/after-panel.md). A review date on a
// decision record (CLAM: "a review date for returning to Panel"; Support
// Panel 6: the outcome "Return to Panel") opens a return. From
// `review_notice_working_days` working days before it (an organisation
// setting, default 10) the request's author sees "Review due" on their home
// page and starts the review request from it, pre-filled from the last
// request and decision; triage and the proposed agenda place that request by
// the review date (store/request_queue.h review_due).
//
// Support Panel 6: "If positive progress is recorded in a case where return
// to panel was an outcome, an update will be provided to the chair and
// attendance to panel will not be required." Where the panel names a role in
// [after_panel] progress_update_to, the author may send a progress update
// instead; that person (for the chair: the hearing's chair) accepts it (the
// return closes, and the child's record says so) or asks for the case to be
// heard (the return is due again).
//
//   due --update--> update_sent --accept--> closed
//    |                   |
//    |                   +--hear it--> due
//    +--the child is heard again at the panel--> heard
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/services.h"
#include "core/result.h"

namespace casepanel::app {

inline constexpr int kReviewNoticeWorkingDays = 10;

struct ReturnLine {
  std::int64_t id = 0;
  std::int64_t child_id = 0;
  std::string child;
  std::string child_born;
  std::string panel;
  std::string due;         // "12 January 2027"
  std::string decided_on;  // "1 December 2026"
  bool overdue = false;
  bool update_sent = false;
  std::optional<std::int64_t> request_id;  // the review request, once started
  std::string request_state;               // "draft", "submitted" ...
  bool may_send_update = false;            // the panel takes a progress update instead
  std::string progress_update;
  std::string update_by;
};

struct MyReturns {
  std::vector<ReturnLine> reviews_due;  // the author's, from the notice date
  std::vector<ReturnLine> updates_to_consider;
};
// Not audited on its own: the home page shows it among the person's tasks.
MyReturns my_returns(Services& s, const Actor& a);

// Open returns of the panels the actor triages, from the notice date, that
// have no submitted review request yet (the coordinator's "Due back").
std::vector<ReturnLine> returns_for_triage(Services& s, const Actor& a);

// Starts the review request (or returns the one already started): a draft
// for the child at the same panel, its type or criteria and plans copied
// from the last request, its reason naming the decision under review.
core::Result<std::int64_t> start_review(Services& s, const Actor& a, std::int64_t return_id);

// The page for sending or considering a progress update.
struct ReturnView {
  ReturnLine line;
  std::string decision;        // what the panel decided, in words
  std::string consider_title;  // "Chair", to whom the update goes
  bool may_start = false;      // start (or continue) the review request
  bool may_send = false;
  bool may_consider = false;
};
core::Result<ReturnView> return_view(Services& s, const Actor& a, std::int64_t return_id);
core::Status send_progress_update(Services& s, const Actor& a, std::int64_t return_id,
                                  const std::string& update);
core::Status consider_progress_update(Services& s, const Actor& a, std::int64_t return_id,
                                      bool accept, const std::string& note);

}  // namespace casepanel::app
