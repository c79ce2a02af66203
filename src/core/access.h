// Access policy: who may read or change what, as ONE table (kPolicy in
// access.cc) of rows (role, relationship to the record, kind of record) ->
// read, or read and change. Default deny: a combination without a row is
// refused. Everything else here is a view of that table:
//   - may(roles, relationships, resource, use): the per-record question that
//     app/ asks with the record in hand, after working out how the person
//     stands to it (app/scope.h: the relationships);
//   - may(roles, permission): the role-level question that a route asks
//     before its handler runs ("could this role ever do this?");
//   - relevant(roles, resource): which relationships are worth working out
//     for this person, so that app/ runs only the queries that can matter.
// The access window (when a panel member's view of a child opens and closes)
// is a pure function of a sitting's dates, also here.
//
// All functions are pure and thread-safe. docs/access.md prints the table as
// a matrix.
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <span>

#include "core/clock.h"
#include "core/panel_type.h"

namespace casepanel::core {

using Roles = std::set<Role>;

// How a person stands to a record. A person may stand in several at once
// (the author of a draft in their own team is `author` and `own_line`).
enum class Relationship {
  any,            // in a row: whatever the relationship (oversight, administration)
  own_line,       // the record's team is in the person's line management; for a
                  // draft: its author is the person's report (directly or below)
  other_team,     // none of the above: another team's record
  author,         // the person wrote the request (their own draft), or owns
                  // the action (after panel)
  on_agenda,      // the request (or the child's request) is on a published
                  // sitting the person is expected at or chairs, within the
                  // access window; for a sitting: the person is expected at it
  not_on_agenda,  // a panel role without that link
  panel_served,   // a submitted-or-later request of a panel the person serves
                  // (coordinators, panel administrators: user_panels)
  consulted,      // a submitted-or-later request referred for consultation to
                  // the person (they sit in the consultation's seat, or hold
                  // its role when it names none), while the referral exists
};
inline constexpr Relationship kRelationships[] = {
    Relationship::any,          Relationship::own_line,  Relationship::other_team,
    Relationship::author,       Relationship::on_agenda, Relationship::not_on_agenda,
    Relationship::panel_served, Relationship::consulted};
std::string_view relationship_id(Relationship r);

// The kinds of record the policy speaks of.
enum class Resource {
  child_record,   // a child's record, the children list, watch lists
  draft_request,  // a request not yet submitted (draft, awaiting approval)
  request,        // a submitted request and later (scheduled, heard, decided ...)
  papers,         // a request's papers (follows the request's state: see below)
  sitting,        // a sitting, its agenda, members and print view
  triage,         // the coordinator's queue, a request's triage page, proposals
  decision,       // recording decisions and attendance at a sitting
  minutes,        // a sitting's minutes (app/minutes.h: authorising is its chair's)
  follow_up,      // after panel: actions, escalations, returns to panel,
                  // changes of plan, supervision (app/actions.h)
  audit,          // the audit log
  people_admin,   // users, teams, configuration, the email outbox
  consultation,   // a referral for consultation: read it, give the advice
  reports,        // the annual review (issue 16): figures and the cases behind
                  // them; a group manager's only for their line's teams
};
inline constexpr Resource kResources[] = {
    Resource::child_record, Resource::draft_request, Resource::request,      Resource::papers,
    Resource::sitting,      Resource::triage,        Resource::decision,     Resource::minutes,
    Resource::follow_up,    Resource::audit,         Resource::people_admin, Resource::consultation,
    Resource::reports};
std::string_view resource_id(Resource r);

enum class Use { read, change };
// What a row grants: change includes read.
enum class Grant { read, change };

struct PolicyRow {
  Role role;
  Relationship relationship;
  Resource resource;
  Grant grant;
  const char* why;
};
// The table itself, for docs and tests.
std::span<const PolicyRow> policy();

// The relationships a person has to one record.
using Relationships = std::set<Relationship>;

// Whether any of the roles, in any of the relationships, is granted `use`.
bool may(const Roles& roles, const Relationships& relationships, Resource resource, Use use);

// The relationships the roles have rows for on this resource: app/ works out
// only these (`any` in the result means nothing need be worked out).
Relationships relevant(const Roles& roles, Resource resource);

// Route-level permissions: "could this role do this to some record?" Each is
// a view of the table (access.cc: kPermissions), used by routes, navigation
// and use cases before the record is loaded.
enum class Permission {
  view_children,        // child_record read (any relationship)
  draft_request,        // draft_request change as its author
  approve_request,      // draft_request change through line management (approvals, watch lists)
  view_requests,        // request read (any relationship)
  view_papers,          // papers read
  view_triage,          // triage read
  triage,               // triage change: the coordinator's queue and scheduling
  view_sittings,        // sitting read
  manage_sittings,      // sitting change
  record_decision,      // decision change: decisions, actions, attendance
  view_minutes,         // minutes read (any relationship); the chair authorises through it
  write_minutes,        // minutes change: draft, send to the chair, addenda
  view_follow_ups,      // follow_up read: actions, escalations, returns, supervision
  view_audit,           // audit read
  administer,           // people_admin change: users, teams, configuration, outbox
  answer_consultation,  // consultation change, as the person consulted
  view_reports,         // reports read: the annual review
};
bool may(const Roles& roles, Permission p);

// The access window of a sitting for those expected at it: from the moment
// its agenda is published until `days_after` days after the minutes are
// authorised (or, while they are not, after the sitting's date).
struct SittingDates {
  std::optional<Instant> published_at;
  std::optional<Instant> minutes_authorised_at;
  Date sitting_date;
};
bool within_access_window(const SittingDates& s, int days_after, Instant now);
inline constexpr int kDefaultAccessDaysAfterMinutes = 30;

}  // namespace casepanel::core
