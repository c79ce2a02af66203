// Returns to panel (app/returns.h): the review date a decision record sets
// opens one; a new record for the child at the same panel closes it as
// heard; a progress update accepted instead closes it too (Support Panel 6).
//
// Every function takes the caller's open transaction; none commits.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/calendar.h"
#include "core/clock.h"
#include "store/database.h"

namespace casepanel::store {

// due:          waiting for the child to come back (or for an update)
// update_sent:  a progress update waits for the role the panel names
// closed:       the update was accepted: no hearing needed
// heard:        the child was heard again at the panel
// withdrawn:    a correction took the review date off the record
enum class ReturnStatus { due, update_sent, closed, heard, withdrawn };
std::string_view return_status_id(ReturnStatus s);
std::optional<ReturnStatus> return_status_from_id(std::string_view id);

struct ReturnRecord {
  std::int64_t id = 0;
  std::int64_t decision_id = 0;
  std::int64_t child_id = 0;
  std::string child;  // "First Last"
  core::Date child_born;
  std::int64_t team_id = 0;
  std::string panel_id;
  core::Date due;
  ReturnStatus status = ReturnStatus::due;
  std::optional<std::int64_t> request_id;  // the review request, once started
  std::string request_state;               // its state; "" when none
  std::int64_t decided_request_id = 0;     // the request the decision was on
  std::int64_t author_id = 0;              // that request's author
  std::int64_t hearing_id = 0;
  std::int64_t sitting_id = 0;
  core::Date decided_on;                 // the sitting's date
  std::optional<std::int64_t> chair_id;  // the hearing's chair, else the sitting's
  std::string progress_update;
  std::string update_by;  // name
  std::optional<core::Instant> update_at;
  std::string considered_by;  // name
  std::string considered_note;
};

// Opens the decision's return, due then, or opens it again with that date.
void open_return(Tx& tx, std::int64_t decision_id, std::int64_t child_id,
                 const std::string& panel_id, core::Date due, core::Instant at);
// The same, created at a stored instant (the demo's history).
void open_return(Tx& tx, std::int64_t decision_id, std::int64_t child_id,
                 const std::string& panel_id, core::Date due, const std::string& created_at);
// A correction changed the record's review date (nullopt: took it off).
void change_return_due(Tx& tx, std::int64_t decision_id, std::optional<core::Date> due);
// The child was heard again at the panel: open returns there are closed.
int close_returns_heard(Tx& tx, std::int64_t child_id, const std::string& panel_id);

std::optional<ReturnRecord> find_return(Tx& tx, std::int64_t id);
// Open returns (due or update_sent) due on or before `by`, soonest first.
std::vector<ReturnRecord> open_returns_by(Tx& tx, core::Date by);
// Open returns of one child.
std::vector<ReturnRecord> open_returns_of_child(Tx& tx, std::int64_t child_id);

void set_return_request(Tx& tx, std::int64_t id, std::int64_t request_id);
// due -> update_sent; false when it was not due.
bool send_progress_update(Tx& tx, std::int64_t id, const std::string& update, std::int64_t by,
                          core::Instant at);
// update_sent -> closed (accepted) or back to due (to be heard); false when
// no update was waiting.
bool consider_progress_update(Tx& tx, std::int64_t id, bool accepted, const std::string& note,
                              std::int64_t by, core::Instant at);
// Decided requests with nothing left to follow: every action done or closed,
// no return to panel open, no final decision or disagreement awaited. Only
// `request_id` when it is not 0.
std::vector<std::int64_t> finished_requests(Tx& tx, std::int64_t request_id = 0);

}  // namespace casepanel::store
