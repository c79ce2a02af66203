// Children's records: the list a person may see and one child's page (their
// details, siblings, requests, hearings, decisions and actions). Opening a
// child's page is itself recorded in the audit log (DESIGN.md: every view of
// a child's record is logged).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "app/decision_view.h"
#include "app/services.h"
#include "app/watch.h"
#include "core/result.h"

namespace casepanel::app {

struct ChildSummary {
  std::int64_t id = 0;
  std::string external_id;
  std::string name;
  std::string date_of_birth;  // ISO
  std::string team;
  std::string legal_status;
  std::string allocated_worker;
};

struct ChildRequest {
  std::int64_t id = 0;
  std::string panel;
  std::string request_type;
  std::string state;
  std::string state_label;
  std::string created_at;
};

struct ChildHearing {
  std::int64_t sitting_id = 0;
  std::string panel;
  std::string date;  // long form
  std::string start;
  std::string venue;
  std::int64_t request_id = 0;
};

struct ChildEvent {
  std::string date;  // "2 December 2026"
  std::string kind;  // "Decision", "Final decision" ...
  std::string summary;
  std::string recorded_by;
};

struct ChildAction {
  std::string description;
  std::string owner;
  std::string due_date;
  std::string status;
};

struct ChildRecord {
  ChildSummary child;
  std::string gender;
  std::string ethnicity;
  std::string disability;
  std::string came_into_care;
  std::string cp_plan_start;
  std::string case_opened;
  std::vector<ChildSummary> siblings;
  std::vector<ChildRequest> requests;
  std::vector<ChildHearing> hearings;
  std::vector<RecordView> decisions;  // newest sitting first
  // The chronology: significant events, newest first (bold on the page).
  std::vector<ChildEvent> events;
  std::vector<ChildAction> actions;
  // Keeping watch: each discussion of going to panel, with its arguments.
  std::vector<ChildDiscussion> discussions;
  // A social worker or manager of the child's team: may propose a change of
  // plan to a decision (app/plan_changes.h).
  bool may_change_plan = false;
};

// The children the actor may see (core/access.h), each list shown recorded
// in the audit log as `audit_action` with how many it held.
core::Result<std::vector<ChildSummary>> children_in_scope(
    Services& s, const Actor& a, const std::string& audit_action = "children.list");
core::Result<ChildRecord> child_record(Services& s, const Actor& a, std::int64_t child_id);
// For a record kept in memory (web/page_cache.h): child_record's access check
// alone, giving the content version (store/content_version.h) it read; and
// the view of a kept record, recorded as child_record records it.
core::Result<std::int64_t> child_record_version(Services& s, const Actor& a, std::int64_t child_id);
void child_record_viewed(Services& s, const Actor& a, std::int64_t child_id);
// The same without waiting for the COMMIT: the page is sent once the
// completion says the view has committed (store::Database::write_shared_async).
std::shared_ptr<core::Completion> child_record_viewed_async(Services& s, const Actor& a,
                                                            std::int64_t child_id);

}  // namespace casepanel::app
