// Sittings (panel meetings), the coordinator's triage queue, scheduling a
// request into a sitting, and recording decisions at a hearing.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "app/requests.h"
#include "app/services.h"
#include "core/result.h"

namespace casepanel::app {

// Creates the sittings of every panel type for `count` scheduled dates from
// `from`, skipping those that exist. Returns how many were created.
int ensure_sittings(Services& s, core::Date from, int count);

struct SittingSummary {
  std::int64_t id = 0;
  std::string panel;
  std::string date;  // long form
  std::string iso_date;
  std::string start;
  std::string end;
  std::string venue;
  int booked_minutes = 0;
  int capacity_minutes = 0;
  int hearings = 0;
  std::string status;
  bool on_bank_holiday = false;
};

struct TriageItem {
  std::int64_t request_id = 0;
  std::string panel_id;
  std::string panel;
  std::string children;
  int child_count = 0;
  std::string request_type;
  std::string submitted;
  std::string statutory_due;
  std::string venue_preference;
  // Panels with a cut-off: "In time for 2 December 2026", "Late: missed the
  // cut-off for 25 November 2026", "Accepted late for ...".
  std::string cutoff_status;
  bool late = false;
  int minutes = 0;
  std::vector<SittingSummary> sittings;  // where it fits, soonest first
};
core::Result<std::vector<TriageItem>> triage_queue(Services& s, const Actor& a);
core::Status schedule_request(Services& s, const Actor& a, std::int64_t request_id,
                              std::int64_t meeting_id);

core::Result<std::vector<SittingSummary>> upcoming_sittings(Services& s, const Actor& a);

struct AgendaItem {
  std::int64_t hearing_id = 0;
  std::int64_t request_id = 0;
  std::string start;
  std::string end;
  std::string children;
  std::string request_type;
  std::string presenters;
  bool conference_call = false;
  bool decided = false;
};
struct SittingView {
  SittingSummary sitting;
  std::vector<AgendaItem> agenda;
  bool can_record = false;
};
core::Result<SittingView> sitting_view(Services& s, const Actor& a, std::int64_t meeting_id);

struct DecisionForm {
  std::int64_t hearing_id = 0;
  std::int64_t meeting_id = 0;
  std::string sitting;
  std::vector<NamedId> children;  // those without a decision yet
  std::vector<core::Choice> decisions;
  std::vector<NamedId> owners;  // who may own an action
};
core::Result<DecisionForm> decision_form(Services& s, const Actor& a, std::int64_t hearing_id);

struct DecisionInput {
  std::int64_t child_id = 0;
  std::string decision_type;
  std::string summary;
  std::string reasons;
  std::string review_date;  // ISO, optional
  std::string action;
  std::int64_t action_owner_id = 0;
  std::string action_due_working_days;  // as typed
};
core::Status record_decision(Services& s, const Actor& a, std::int64_t hearing_id,
                             const DecisionInput& in);

}  // namespace casepanel::app
