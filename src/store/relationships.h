// Relationships: the facts about a person and a record that the access policy
// (core/access.h) is asked with. Line management, the panels a coordinator or
// panel administrator serves (user_panels, migration 9), the sittings a person
// is expected at or chairs, and the organisation's access window setting.
// Each function runs one or two small queries in the caller's transaction and
// decides nothing: app/ turns the facts into core::Relationships. Inside a
// page's shared read they are kept at the content version (store/kept_reads.h),
// all but agenda_children and children_of_panels (lists of the whole
// organisation).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/database.h"

namespace casepanel::store {

// The teams in a person's line management: their own team, the teams of
// everyone below them, and the teams they or anyone below them manage.
std::vector<std::int64_t> line_teams(Tx& tx, std::int64_t user_id);
// Whether `report` is below `manager` in line management (directly, through
// users.line_manager_id, or as a member of a team the manager or anyone below
// them manages). A person is not their own report.
bool is_report_of(Tx& tx, std::int64_t manager_id, std::int64_t report);

// The panel ids a coordinator or panel administrator serves.
std::vector<std::string> panels_served(Tx& tx, std::int64_t user_id);
void serve_panel(Tx& tx, std::int64_t user_id, const std::string& panel_id);

// The facts of a request that its access depends on.
struct RequestFacts {
  std::int64_t id = 0;
  std::string panel_id;
  std::string state;  // requests.state
  std::int64_t author_id = 0;
  std::int64_t team_id = 0;
};
std::optional<RequestFacts> request_facts(Tx& tx, std::int64_t request_id);
// Whether the child is on a request past approval (neither a draft nor
// awaiting approval) to a panel the person serves: the access check of a
// coordinator's or panel administrator's view of a child's record. Stops at
// the first such request rather than reading all the child's (issue 17: on a
// record with 40 years of history this was a third of a kept page's CPU).
bool child_before_panel_served(Tx& tx, std::int64_t child_id, std::int64_t user_id);

// A sitting hearing a request, as access needs it: its dates as stored (ISO
// text), its chair and the chair named for the hearing, if any.
struct AgendaSitting {
  std::int64_t sitting_id = 0;
  std::string panel_id;
  std::optional<std::string> published_at;
  std::optional<std::string> minutes_authorised_at;
  std::string sitting_date;
  std::optional<std::int64_t> chair_id;
  std::optional<std::int64_t> hearing_chair_id;
  std::int64_t child_id = 0;  // agenda_children only
};
// The sittings hearing this request.
std::vector<AgendaSitting> sittings_hearing_request(Tx& tx, std::int64_t request_id);
// The sittings hearing any request of this child.
std::vector<AgendaSitting> sittings_hearing_child(Tx& tx, std::int64_t child_id);
// Every child on a published sitting whose window may still be open: minutes
// authorised (or, without minutes, the sitting held) on or after `since`
// (ISO date); one row per child and sitting.
std::vector<AgendaSitting> agenda_children(Tx& tx, const std::string& since);
// The users listed for a sitting (sitting_members); empty when the sitting
// has no list yet and its panel's membership applies (app/members.h).
std::vector<std::int64_t> listed_members(Tx& tx, std::int64_t sitting_id);
// The children of submitted-or-later requests of these panels.
std::vector<std::int64_t> children_of_panels(Tx& tx, const std::vector<std::string>& panel_ids);
// The sitting's chair and the chairs named for its hearings.
std::vector<std::int64_t> sitting_chairs(Tx& tx, std::int64_t sitting_id);
// The panel a sitting belongs to; nullopt when there is no such sitting.
std::optional<std::string> sitting_panel(Tx& tx, std::int64_t sitting_id);

// settings.access_days_after_minutes (docs/access.md); the default when unset
// or not a whole number of days from 0 to 3650.
int access_days_after_minutes(Tx& tx, int fallback);

}  // namespace casepanel::store
