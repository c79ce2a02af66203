// Sittings (panel sittings), the coordinator's triage queue, scheduling a
// request into a sitting, and recording decisions at a hearing.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "app/members.h"
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
  std::string status;  // "planned" | "held" | "cancelled"
  bool on_bank_holiday = false;
  std::string proposed_date;      // long form: on a bank holiday, the date proposed instead
  std::string iso_proposed_date;  // YYYY-MM-DD, or empty
  std::string venue_id;
  std::string room;
  std::string conference_details;
  std::string cancel_reason;
  std::string published;  // long date the agenda was published, empty when not yet
  std::string starts_at;  // ISO UTC
};

// The next `count` sittings of a panel on or after `from`: those in the
// database as the coordinator left them (moved, added; not cancelled), and
// beyond them what the schedule gives. A sitting on a bank holiday is flagged.
struct PlannedSitting {
  core::Date date;
  std::string start;  // HH:MM Europe/London
  std::string end;
  std::string venue;  // the venue's name; empty when the panel has none
  bool on_bank_holiday = false;
};
std::vector<PlannedSitting> planned_sittings(Services& s, const core::PanelType& panel,
                                             core::Date from, int count);

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
  bool statutory = false;
  std::string chair;          // named for this hearing, when not the sitting's chair
  std::string chair_warning;  // Support Panel 4.1: why the chair may not decide it
};
struct SittingView {
  SittingSummary sitting;
  std::string chair;
  std::vector<AgendaItem> agenda;
  std::vector<SittingMember> members;
  Quorum quorum;
  std::vector<NamedId> chairs;  // who may chair, for naming another
  bool can_record = false;
  bool can_manage = false;  // the coordinator: move, cancel, publish, attendance
};
// Which page the sitting is read for: the audit log tells them apart.
enum class SittingPage { agenda, print };
core::Result<SittingView> sitting_view(Services& s, const Actor& a, std::int64_t sitting_id,
                                       SittingPage page = SittingPage::agenda);

struct DecisionForm {
  std::int64_t hearing_id = 0;
  std::int64_t sitting_id = 0;
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
