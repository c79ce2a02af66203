// The access policy table (core/access.h): one row per case, each with why.
#include "core/access.h"

#include <gtest/gtest.h>

namespace casepanel::core {
namespace {

using namespace std::chrono_literals;
using L = Relationship;
using K = Resource;

struct Case {
  Role role;
  Relationships relationships;
  Resource resource;
  Use use;
  bool allowed;
  const char* why;
};

const Case kCases[] = {
    {.role = Role::social_worker,
     .relationships = {L::own_line},
     .resource = K::child_record,
     .use = Use::read,
     .allowed = true,
     .why = "a social worker sees their team's children"},
    {.role = Role::social_worker,
     .relationships = {L::other_team},
     .resource = K::child_record,
     .use = Use::read,
     .allowed = false,
     .why = "but not another team's"},
    {.role = Role::social_worker,
     .relationships = {L::own_line},
     .resource = K::draft_request,
     .use = Use::read,
     .allowed = false,
     .why = "a teammate's draft is its author's line's alone"},
    {.role = Role::social_worker,
     .relationships = {L::author},
     .resource = K::draft_request,
     .use = Use::change,
     .allowed = true,
     .why = "the author changes their own draft"},
    {.role = Role::practice_manager,
     .relationships = {L::own_line},
     .resource = K::draft_request,
     .use = Use::change,
     .allowed = true,
     .why = "a manager approves their reports' drafts"},
    {.role = Role::member,
     .relationships = {L::on_agenda},
     .resource = K::papers,
     .use = Use::read,
     .allowed = true,
     .why = "a member reads the papers on their agenda"},
    {.role = Role::member,
     .relationships = {L::not_on_agenda},
     .resource = K::papers,
     .use = Use::read,
     .allowed = false,
     .why = "and nothing else"},
    {.role = Role::member,
     .relationships = {L::on_agenda},
     .resource = K::draft_request,
     .use = Use::read,
     .allowed = false,
     .why = "a draft is never on an agenda"},
    {.role = Role::chair,
     .relationships = {L::on_agenda},
     .resource = K::request,
     .use = Use::change,
     .allowed = false,
     .why = "chairs read the agenda; they do not change it"},
    {.role = Role::coordinator,
     .relationships = {L::panel_served},
     .resource = K::request,
     .use = Use::change,
     .allowed = true,
     .why = "coordinators act on their panels' requests"},
    {.role = Role::coordinator,
     .relationships = {},
     .resource = K::request,
     .use = Use::read,
     .allowed = false,
     .why = "and see no other panel's"},
    {.role = Role::coordinator,
     .relationships = {L::panel_served, L::author},
     .resource = K::draft_request,
     .use = Use::read,
     .allowed = false,
     .why = "coordinators never see drafts"},
    {.role = Role::member,
     .relationships = {L::consulted},
     .resource = K::consultation,
     .use = Use::change,
     .allowed = true,
     .why = "the person consulted answers the referral made to them"},
    {.role = Role::member,
     .relationships = {L::consulted},
     .resource = K::request,
     .use = Use::read,
     .allowed = true,
     .why = "and reads the request referred to them"},
    {.role = Role::member,
     .relationships = {L::consulted},
     .resource = K::child_record,
     .use = Use::read,
     .allowed = false,
     .why = "but not the child's record"},
    {.role = Role::member,
     .relationships = {L::not_on_agenda},
     .resource = K::consultation,
     .use = Use::read,
     .allowed = false,
     .why = "a referral made to someone else is not theirs"},
    {.role = Role::admin,
     .relationships = {L::consulted},
     .resource = K::request,
     .use = Use::read,
     .allowed = false,
     .why = "the administrator never sees a child"},
    {.role = Role::panel_admin,
     .relationships = {L::panel_served},
     .resource = K::decision,
     .use = Use::change,
     .allowed = true,
     .why = "panel administrators record decisions"},
    {.role = Role::auditor,
     .relationships = {},
     .resource = K::draft_request,
     .use = Use::read,
     .allowed = true,
     .why = "the auditor reads everything, drafts too"},
    {.role = Role::auditor,
     .relationships = {},
     .resource = K::request,
     .use = Use::change,
     .allowed = false,
     .why = "and changes nothing"},
    {.role = Role::admin,
     .relationships = {},
     .resource = K::child_record,
     .use = Use::read,
     .allowed = false,
     .why = "the system administrator sees no child"},
    {.role = Role::admin,
     .relationships = {},
     .resource = K::triage,
     .use = Use::read,
     .allowed = false,
     .why = "nor the triage queue, which names children"},
    {.role = Role::admin,
     .relationships = {},
     .resource = K::people_admin,
     .use = Use::change,
     .allowed = true,
     .why = "the administrator manages people and configuration"},
};

TEST(AccessPolicy, EachCaseFollowsTheTable) {
  for (const Case& c : kCases) {
    EXPECT_EQ(may({c.role}, c.relationships, c.resource, c.use), c.allowed) << c.why;
  }
}

TEST(AccessPolicy, EveryRowSaysWhy) {
  for (const PolicyRow& row : policy()) {
    EXPECT_NE(std::string(row.why), "") << role_id(row.role);
    EXPECT_NE(row.relationship, L::other_team) << "other team is never granted";
    EXPECT_NE(row.relationship, L::not_on_agenda) << "not on the agenda is never granted";
  }
}

struct PermissionCase {
  Role role;
  Permission permission;
  bool allowed;
  const char* why;
};

const PermissionCase kPermissionCases[] = {
    {.role = Role::admin,
     .permission = Permission::view_triage,
     .allowed = false,
     .why = "issue: the administrator reached the triage queue"},
    {.role = Role::admin,
     .permission = Permission::view_sittings,
     .allowed = false,
     .why = "issue: the administrator reached sittings and their print view"},
    {.role = Role::admin,
     .permission = Permission::view_audit,
     .allowed = false,
     .why = "the audit log is the auditor's"},
    {.role = Role::auditor,
     .permission = Permission::view_audit,
     .allowed = true,
     .why = "the auditor reads the audit log"},
    {.role = Role::auditor,
     .permission = Permission::view_triage,
     .allowed = true,
     .why = "the auditor reads the queue"},
    {.role = Role::auditor,
     .permission = Permission::triage,
     .allowed = false,
     .why = "but does not act on it"},
    {.role = Role::social_worker,
     .permission = Permission::approve_request,
     .allowed = false,
     .why = "approval is through line management, not authorship"},
    {.role = Role::practice_manager,
     .permission = Permission::approve_request,
     .allowed = true,
     .why = "practice managers approve"},
    {.role = Role::coordinator,
     .permission = Permission::manage_sittings,
     .allowed = true,
     .why = "coordinators run sittings"},
    {.role = Role::panel_admin,
     .permission = Permission::manage_sittings,
     .allowed = false,
     .why = "panel administrators minute them"},
    {.role = Role::member,
     .permission = Permission::answer_consultation,
     .allowed = true,
     .why = "a member may be consulted (CLAM: the Permanency Planning Co-ordinator)"},
    {.role = Role::coordinator,
     .permission = Permission::answer_consultation,
     .allowed = false,
     .why = "the coordinator refers; they do not answer"},
    {.role = Role::admin,
     .permission = Permission::answer_consultation,
     .allowed = false,
     .why = "the administrator is never consulted about a child"},
    {.role = Role::member,
     .permission = Permission::view_children,
     .allowed = true,
     .why = "members may see a child, through their agenda"},
};

TEST(AccessPolicy, PermissionsAreViewsOfTheTable) {
  for (const PermissionCase& c : kPermissionCases) {
    EXPECT_EQ(may(Roles{c.role}, c.permission), c.allowed) << c.why;
  }
}

TEST(AccessPolicy, OnlyTheRelationshipsWithRowsAreWorkedOut) {
  EXPECT_EQ(relevant({Role::auditor}, K::child_record), Relationships{L::any});
  EXPECT_EQ(relevant({Role::admin}, K::child_record), Relationships{});
  EXPECT_EQ(relevant({Role::social_worker}, K::child_record), Relationships{L::own_line});
  EXPECT_EQ(relevant({Role::member}, K::request), (Relationships{L::on_agenda, L::consulted}));
  EXPECT_EQ(relevant({Role::admin}, K::consultation), Relationships{});
}

struct WindowCase {
  std::optional<Instant> published;
  std::optional<Instant> minutes;
  Instant now;
  bool open;
  const char* why;
};

constexpr Date kSitting{std::chrono::year{2026} / 12 / 1};
const Instant kPublished = std::chrono::sys_days{std::chrono::year{2026} / 11 / 20} + 9h;
const Instant kMinutes = std::chrono::sys_days{std::chrono::year{2026} / 12 / 10} + 15h;

const WindowCase kWindows[] = {
    {.published = std::nullopt,
     .minutes = std::nullopt,
     .now = kPublished + 24h,
     .open = false,
     .why = "an unpublished agenda shows nothing"},
    {.published = kPublished,
     .minutes = std::nullopt,
     .now = kPublished - 1s,
     .open = false,
     .why = "not before publication"},
    {.published = kPublished,
     .minutes = std::nullopt,
     .now = kPublished,
     .open = true,
     .why = "from the moment of publication"},
    {.published = kPublished,
     .minutes = std::nullopt,
     .now = std::chrono::sys_days{kSitting} + std::chrono::days{30} + 23h,
     .open = true,
     .why = "without minutes: 30 days after the sitting's day"},
    {.published = kPublished,
     .minutes = std::nullopt,
     .now = std::chrono::sys_days{kSitting} + std::chrono::days{31},
     .open = false,
     .why = "and no longer"},
    {.published = kPublished,
     .minutes = kMinutes,
     .now = kMinutes + std::chrono::days{30} - 1s,
     .open = true,
     .why = "30 days after the minutes are authorised"},
    {.published = kPublished,
     .minutes = kMinutes,
     .now = kMinutes + std::chrono::days{30},
     .open = false,
     .why = "then closed"},
};

TEST(AccessWindow, OpensAtPublicationAndClosesAfterTheMinutes) {
  for (const WindowCase& c : kWindows) {
    const SittingDates dates{c.published, c.minutes, kSitting};
    EXPECT_EQ(within_access_window(dates, 30, c.now), c.open) << c.why;
  }
}

}  // namespace
}  // namespace casepanel::core
