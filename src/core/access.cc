#include "core/access.h"

#include <chrono>
#include <iterator>

namespace casepanel::core {
namespace {

using R = Role;
using L = Relationship;
using K = Resource;
using G = Grant;

// The policy (ASVS 5.0 V8, least privilege by relationship). Default deny:
// what has no row is refused. Papers of a request that is not yet submitted
// are asked as `draft_request`, so a draft's papers are seen exactly by whom
// the draft is.
constexpr PolicyRow kPolicy[] = {
    // Social workers: their line's children and submitted requests; drafts
    // only their own.
    {R::social_worker, L::own_line, K::child_record, G::read, "their team's children"},
    {R::social_worker, L::author, K::draft_request, G::change, "they write their own drafts"},
    {R::social_worker, L::author, K::request, G::read, "their own requests, once sent"},
    {R::social_worker, L::own_line, K::request, G::read, "their team's submitted requests"},
    {R::social_worker, L::author, K::papers, G::read, "their own requests' papers"},
    {R::social_worker, L::own_line, K::papers, G::read, "their team's submitted papers"},
    // Practice and group managers: the same through line management, and
    // their reports' drafts, which they quality-assure and approve.
    {R::practice_manager, L::own_line, K::child_record, G::change,
     "their teams' children; watch-list discussions"},
    {R::practice_manager, L::author, K::draft_request, G::change, "they may draft requests"},
    {R::practice_manager, L::own_line, K::draft_request, G::change,
     "their reports' drafts: quality assurance and approval"},
    {R::practice_manager, L::author, K::request, G::read, "their own requests"},
    {R::practice_manager, L::own_line, K::request, G::read, "their teams' requests"},
    {R::practice_manager, L::author, K::papers, G::read, "their own requests' papers"},
    {R::practice_manager, L::own_line, K::papers, G::read, "their teams' papers"},
    {R::group_manager, L::own_line, K::child_record, G::change,
     "the children of the teams below them; watch-list discussions"},
    {R::group_manager, L::author, K::draft_request, G::change, "they may draft requests"},
    {R::group_manager, L::own_line, K::draft_request, G::change,
     "their line's drafts: permission to request a slot"},
    {R::group_manager, L::author, K::request, G::read, "their own requests"},
    {R::group_manager, L::own_line, K::request, G::read, "their line's requests"},
    {R::group_manager, L::author, K::papers, G::read, "their own requests' papers"},
    {R::group_manager, L::own_line, K::papers, G::read, "their line's papers"},
    // Practice and group managers also hold seats on the panels (CLAM: the
    // group managers; Support: a team manager): what is on the agenda of a
    // sitting they are expected at, like any member.
    {R::practice_manager, L::on_agenda, K::sitting, G::read, "the sittings they hold a seat at"},
    {R::practice_manager, L::on_agenda, K::request, G::read, "requests on their published agenda"},
    {R::practice_manager, L::on_agenda, K::papers, G::read, "papers on their published agenda"},
    {R::practice_manager, L::on_agenda, K::child_record, G::read,
     "children on their published agenda"},
    {R::group_manager, L::on_agenda, K::sitting, G::read, "the sittings they hold a seat at"},
    {R::group_manager, L::on_agenda, K::request, G::read, "requests on their published agenda"},
    {R::group_manager, L::on_agenda, K::papers, G::read, "papers on their published agenda"},
    {R::group_manager, L::on_agenda, K::child_record, G::read,
     "children on their published agenda"},
    // Coordinators: the submitted requests of the panels they serve, never a
    // draft; they triage, schedule and run those panels' sittings.
    {R::coordinator, L::panel_served, K::child_record, G::read,
     "the children of their panels' submitted requests"},
    {R::coordinator, L::panel_served, K::request, G::change,
     "their panels' submitted requests: accept late, schedule"},
    {R::coordinator, L::panel_served, K::papers, G::read, "their panels' requests' papers"},
    {R::coordinator, L::panel_served, K::triage, G::change, "they triage their panels' queue"},
    {R::coordinator, L::panel_served, K::sitting, G::change,
     "they add, move, cancel and publish their panels' sittings"},
    // Panel administrators: the same records, to minute the sittings.
    {R::panel_admin, L::panel_served, K::child_record, G::read,
     "the children of their panels' submitted requests"},
    {R::panel_admin, L::panel_served, K::request, G::read, "their panels' submitted requests"},
    {R::panel_admin, L::panel_served, K::papers, G::read, "their panels' requests' papers"},
    {R::panel_admin, L::panel_served, K::sitting, G::read, "their panels' sittings"},
    {R::panel_admin, L::panel_served, K::decision, G::change,
     "they record decisions and attendance at their panels' sittings"},
    // Minutes (Support Panel 6): the panel administrator drafts them (the
    // Support Panel's coordinator is its administrator); the sitting's chair
    // authorises them (app/minutes.h: a relationship to the one sitting);
    // those expected at the sitting read them once authorised.
    {R::panel_admin, L::panel_served, K::minutes, G::change,
     "they draft their panels' minutes, send them to the chair, add addenda"},
    {R::coordinator, L::panel_served, K::minutes, G::change,
     "the Support Panel's administrator: its minutes"},
    {R::chair, L::on_agenda, K::minutes, G::read,
     "the minutes of the sittings they chair (authorise them) or attend"},
    {R::member, L::on_agenda, K::minutes, G::read, "authorised minutes of sittings they attend"},
    {R::practice_manager, L::on_agenda, K::minutes, G::read,
     "authorised minutes of sittings they hold a seat at"},
    {R::group_manager, L::on_agenda, K::minutes, G::read,
     "authorised minutes of sittings they hold a seat at"},
    {R::assistant_director, L::on_agenda, K::minutes, G::read,
     "authorised minutes of sittings they are expected at"},
    // Chairs, members and assistant directors: only through a sitting they
    // are expected at, from publication until the window closes.
    {R::chair, L::on_agenda, K::sitting, G::read, "the sittings they chair or attend"},
    {R::chair, L::on_agenda, K::request, G::read, "requests on their published agenda"},
    {R::chair, L::on_agenda, K::papers, G::read, "papers on their published agenda"},
    {R::chair, L::on_agenda, K::child_record, G::read, "children on their published agenda"},
    {R::member, L::on_agenda, K::sitting, G::read, "the sittings they are expected at"},
    {R::member, L::on_agenda, K::request, G::read, "requests on their published agenda"},
    {R::member, L::on_agenda, K::papers, G::read, "papers on their published agenda"},
    {R::member, L::on_agenda, K::child_record, G::read, "children on their published agenda"},
    {R::assistant_director, L::on_agenda, K::sitting, G::read, "the sittings they are expected at"},
    {R::assistant_director, L::on_agenda, K::request, G::read,
     "requests on their published agenda"},
    {R::assistant_director, L::on_agenda, K::papers, G::read, "papers on their published agenda"},
    {R::assistant_director, L::on_agenda, K::child_record, G::read,
     "children on their published agenda"},
    // After panel (Support Panel 6 and 6.1, CLAM "Following Panel"): the
    // owner completes an action or says why it was not done; the case's
    // managers see their teams' follow-up, record its outcome, approve
    // changes of plan and note supervision; a panel's administrators record
    // the timescales the panel names them for (app/actions.h narrows
    // "change" to each of these).
    {R::social_worker, L::author, K::follow_up, G::change, "the actions they own"},
    {R::social_worker, L::own_line, K::follow_up, G::read, "their team's children's actions"},
    {R::practice_manager, L::author, K::follow_up, G::change, "the actions they own"},
    {R::practice_manager, L::own_line, K::follow_up, G::change,
     "their teams' actions, escalations, reviews and supervision"},
    {R::group_manager, L::author, K::follow_up, G::change, "the actions they own"},
    {R::group_manager, L::own_line, K::follow_up, G::change,
     "their line's actions, escalations, changes of plan and supervision"},
    {R::coordinator, L::panel_served, K::follow_up, G::change,
     "their panels' timescales, when the panel names them to record one"},
    {R::panel_admin, L::panel_served, K::follow_up, G::change,
     "their panels' timescales, when the panel names them to record one"},
    // Consultation before panel (CLAM: the Permanency Planning Co-ordinator):
    // the people a referral is made to (app/consultations.h) read it, the
    // request and its papers, and give their advice; nothing else of the
    // child. Those who may sit in a consultation's seat: members, chairs,
    // managers and assistant directors.
    {R::member, L::consulted, K::consultation, G::change, "referrals made to them: they advise"},
    {R::member, L::consulted, K::request, G::read, "a request referred to them"},
    {R::member, L::consulted, K::papers, G::read, "the papers of a request referred to them"},
    {R::chair, L::consulted, K::consultation, G::change, "referrals made to them: they advise"},
    {R::chair, L::consulted, K::request, G::read, "a request referred to them"},
    {R::chair, L::consulted, K::papers, G::read, "the papers of a request referred to them"},
    {R::practice_manager, L::consulted, K::consultation, G::change,
     "referrals made to them: they advise"},
    {R::practice_manager, L::consulted, K::request, G::read, "a request referred to them"},
    {R::practice_manager, L::consulted, K::papers, G::read,
     "the papers of a request referred to them"},
    {R::group_manager, L::consulted, K::consultation, G::change,
     "referrals made to them: they advise"},
    {R::group_manager, L::consulted, K::request, G::read, "a request referred to them"},
    {R::group_manager, L::consulted, K::papers, G::read,
     "the papers of a request referred to them"},
    {R::assistant_director, L::consulted, K::consultation, G::change,
     "referrals made to them: they advise"},
    {R::assistant_director, L::consulted, K::request, G::read, "a request referred to them"},
    {R::assistant_director, L::consulted, K::papers, G::read,
     "the papers of a request referred to them"},
    // The auditor reads everything (every read is logged) and changes nothing.
    {R::auditor, L::any, K::child_record, G::read, "oversight: reads everything"},
    {R::auditor, L::any, K::draft_request, G::read, "oversight: drafts too, read-only"},
    {R::auditor, L::any, K::request, G::read, "oversight"},
    {R::auditor, L::any, K::papers, G::read, "oversight"},
    {R::auditor, L::any, K::sitting, G::read, "oversight"},
    {R::auditor, L::any, K::triage, G::read, "oversight: the queue, read-only"},
    {R::auditor, L::any, K::decision, G::read, "oversight"},
    {R::auditor, L::any, K::minutes, G::read, "oversight"},
    {R::auditor, L::any, K::follow_up, G::read, "oversight"},
    {R::auditor, L::any, K::audit, G::read, "the audit log is theirs alone"},
    // The annual review (Support Panel 8: "Panel activity is reviewed
    // annually"; issue 16): group managers for their line's teams, the
    // assistant director and the auditor for the whole service. Nobody else,
    // and never the system administrator: the cases behind a figure are
    // children's.
    {R::group_manager, L::own_line, K::reports, G::read, "the review of their line's teams"},
    {R::assistant_director, L::any, K::reports, G::read, "the annual review of the service"},
    {R::auditor, L::any, K::reports, G::read, "oversight: the annual review"},
    // The system administrator: people, configuration and the outbox, and
    // nothing that names a child.
    {R::admin, L::any, K::people_admin, G::change, "users, teams, configuration, the outbox"},
};

struct PermissionRow {
  Permission permission;
  Resource resource;
  Use use;
  // The relationship a row must be for (besides `any`); nullopt: any row.
  std::optional<Relationship> through;
};
constexpr PermissionRow kPermissions[] = {
    {Permission::view_children, K::child_record, Use::read, std::nullopt},
    {Permission::draft_request, K::draft_request, Use::change, L::author},
    {Permission::approve_request, K::draft_request, Use::change, L::own_line},
    {Permission::view_requests, K::request, Use::read, std::nullopt},
    {Permission::view_papers, K::papers, Use::read, std::nullopt},
    {Permission::view_triage, K::triage, Use::read, std::nullopt},
    {Permission::triage, K::triage, Use::change, std::nullopt},
    {Permission::view_sittings, K::sitting, Use::read, std::nullopt},
    {Permission::manage_sittings, K::sitting, Use::change, std::nullopt},
    {Permission::record_decision, K::decision, Use::change, std::nullopt},
    {Permission::view_minutes, K::minutes, Use::read, std::nullopt},
    {Permission::write_minutes, K::minutes, Use::change, std::nullopt},
    {Permission::view_follow_ups, K::follow_up, Use::read, std::nullopt},
    {Permission::view_audit, K::audit, Use::read, std::nullopt},
    {Permission::administer, K::people_admin, Use::change, std::nullopt},
    {Permission::answer_consultation, K::consultation, Use::change, L::consulted},
    {Permission::view_reports, K::reports, Use::read, std::nullopt},
};

bool grants(Grant g, Use u) { return u == Use::read || g == Grant::change; }

}  // namespace

std::span<const PolicyRow> policy() { return kPolicy; }

std::string_view relationship_id(Relationship r) {
  switch (r) {
    case L::any:
      return "any";
    case L::own_line:
      return "own_line";
    case L::other_team:
      return "other_team";
    case L::author:
      return "author";
    case L::on_agenda:
      return "on_agenda";
    case L::not_on_agenda:
      return "not_on_agenda";
    case L::panel_served:
      return "panel_served";
    case L::consulted:
      return "consulted";
  }
  return "?";
}

std::string_view resource_id(Resource r) {
  switch (r) {
    case K::child_record:
      return "child_record";
    case K::draft_request:
      return "draft_request";
    case K::request:
      return "request";
    case K::papers:
      return "papers";
    case K::sitting:
      return "sitting";
    case K::triage:
      return "triage";
    case K::decision:
      return "decision";
    case K::minutes:
      return "minutes";
    case K::follow_up:
      return "follow_up";
    case K::audit:
      return "audit";
    case K::people_admin:
      return "people_admin";
    case K::consultation:
      return "consultation";
    case K::reports:
      return "reports";
  }
  return "?";
}

bool may(const Roles& roles, const Relationships& relationships, Resource resource, Use use) {
  for (const PolicyRow& row : kPolicy) {
    if (row.resource != resource || !roles.count(row.role) || !grants(row.grant, use)) {
      continue;
    }
    if (row.relationship == L::any || relationships.count(row.relationship)) {
      return true;
    }
  }
  return false;
}

Relationships relevant(const Roles& roles, Resource resource) {
  Relationships out;
  for (const PolicyRow& row : kPolicy) {
    if (row.resource == resource && roles.count(row.role)) {
      out.insert(row.relationship);
    }
  }
  return out;
}

bool may(const Roles& roles, Permission p) {
  for (const PermissionRow& perm : kPermissions) {
    if (perm.permission != p) {
      continue;
    }
    for (const PolicyRow& row : kPolicy) {
      if (row.resource == perm.resource && roles.count(row.role) && grants(row.grant, perm.use) &&
          (!perm.through || row.relationship == L::any || row.relationship == *perm.through)) {
        return true;
      }
    }
  }
  return false;
}

bool within_access_window(const SittingDates& s, int days_after, Instant now) {
  if (!s.published_at || now < *s.published_at) {
    return false;
  }
  // Until the minutes are authorised, the window runs from the end of the
  // sitting's day (UTC; the hour either side of it does not matter here).
  const Instant from = s.minutes_authorised_at
                           ? *s.minutes_authorised_at
                           : Instant{std::chrono::sys_days{s.sitting_date} + std::chrono::days{1}};
  return now < from + std::chrono::days{days_after};
}

}  // namespace casepanel::core
