#include "app/scope.h"

#include <algorithm>
#include <optional>

#include "app/consultees.h"
#include "app/display.h"
#include "core/request.h"
#include "store/children.h"
#include "store/typed_columns.h"

namespace casepanel::app {

std::vector<std::int64_t> teams_in_scope(store::Tx& tx, const Actor& actor) {
  return store::line_teams(tx, actor.id);
}

bool team_in_scope(store::Tx& tx, const Actor& actor, std::int64_t team_id) {
  const std::vector<std::int64_t> teams = teams_in_scope(tx, actor);
  return std::find(teams.begin(), teams.end(), team_id) != teams.end();
}

namespace {

// RequestFacts carries the state as stored; store::request_state refuses
// one this build does not know rather than read it as a draft.
bool submitted_or_later(const store::RequestFacts& r) {
  const core::RequestState state = store::request_state(r.id, r.state);
  return state != core::RequestState::draft && state != core::RequestState::awaiting_approval;
}

bool serves(store::Tx& tx, const Actor& actor, const std::string& panel_id) {
  const std::vector<std::string> panels = store::panels_served(tx, actor.id);
  return std::find(panels.begin(), panels.end(), panel_id) != panels.end();
}

bool any_on_agenda(store::Tx& tx, const Services& s, const Actor& actor,
                   const std::vector<store::AgendaSitting>& sittings) {
  for (const store::AgendaSitting& m : sittings) {
    if (on_agenda(tx, s, actor, m)) {
      return true;
    }
  }
  return false;
}

int window_days(store::Tx& tx) {
  return store::access_days_after_minutes(tx, core::kDefaultAccessDaysAfterMinutes);
}

bool holds_seat(const Services& s, const Actor& actor, const std::string& panel_id) {
  const core::PanelType* panel = s.panels.find(panel_id);
  if (panel == nullptr) {
    return false;
  }
  for (const core::Member& m : panel->members) {
    if (actor.has(m.role)) {
      return true;
    }
  }
  return false;
}

// The negative relationships name what was looked for and not found, so that
// a refusal can be read off the same set.
void add_or_not(core::Relationships& out, bool has, core::Relationship yes, core::Relationship no) {
  out.insert(has ? yes : no);
}

}  // namespace

bool expected_at(store::Tx& tx, const Services& s, const Actor& actor, std::int64_t sitting_id,
                 const std::string& panel_id) {
  for (std::int64_t chair : store::sitting_chairs(tx, sitting_id)) {
    if (chair == actor.id) {
      return true;
    }
  }
  const std::vector<std::int64_t> listed = store::listed_members(tx, sitting_id);
  if (!listed.empty()) {
    return std::find(listed.begin(), listed.end(), actor.id) != listed.end();
  }
  return holds_seat(s, actor, panel_id);
}

bool on_agenda(store::Tx& tx, const Services& s, const Actor& actor,
               const store::AgendaSitting& m) {
  core::SittingDates dates;
  if (m.published_at) {
    dates.published_at = parse_utc(*m.published_at);
  }
  if (m.minutes_authorised_at) {
    dates.minutes_authorised_at = parse_utc(*m.minutes_authorised_at);
  }
  auto day = core::parse_iso_date(m.sitting_date);
  if (!day) {
    return false;
  }
  dates.sitting_date = *day;
  if (!core::within_access_window(dates, window_days(tx), s.clock.now())) {
    return false;
  }
  if (m.chair_id == actor.id || m.hearing_chair_id == actor.id) {
    return true;
  }
  return expected_at(tx, s, actor, m.sitting_id, m.panel_id);
}

std::string window_since(store::Tx& tx, const Services& s) {
  const auto since = s.clock.now() - std::chrono::days{window_days(tx) + 1};
  return core::to_iso(core::london_date(since));
}

core::Relationships child_relationships(store::Tx& tx, const Services& s, const Actor& actor,
                                        std::int64_t child_id) {
  using core::Relationship;
  const core::Relationships wanted = core::relevant(actor.roles, core::Resource::child_record);
  core::Relationships out;
  if (wanted.empty() || wanted.count(Relationship::any)) {
    return out;  // nothing to work out: no row at all, or a row for any relationship
  }
  if (wanted.count(Relationship::own_line)) {
    const std::optional<std::int64_t> team = store::child_team(tx, child_id);
    add_or_not(out, team && team_in_scope(tx, actor, *team), Relationship::own_line,
               Relationship::other_team);
  }
  if (wanted.count(Relationship::panel_served) &&
      store::child_before_panel_served(tx, child_id, actor.id)) {
    out.insert(Relationship::panel_served);
  }
  if (wanted.count(Relationship::on_agenda)) {
    add_or_not(out, any_on_agenda(tx, s, actor, store::sittings_hearing_child(tx, child_id)),
               Relationship::on_agenda, Relationship::not_on_agenda);
  }
  return out;
}

bool may_child(store::Tx& tx, const Services& s, const Actor& actor, std::int64_t child_id,
               core::Use use) {
  return core::may(actor.roles, child_relationships(tx, s, actor, child_id),
                   core::Resource::child_record, use);
}

core::Resource request_resource(const store::RequestFacts& r, RequestPart part) {
  if (!submitted_or_later(r)) {
    return core::Resource::draft_request;
  }
  return part == RequestPart::papers ? core::Resource::papers : core::Resource::request;
}

core::Relationships request_relationships(store::Tx& tx, const Services& s, const Actor& actor,
                                          const store::RequestFacts& r, core::Resource resource) {
  using core::Relationship;
  const core::Relationships wanted = core::relevant(actor.roles, resource);
  core::Relationships out;
  if (wanted.empty() || wanted.count(Relationship::any)) {
    return out;
  }
  if (r.author_id == actor.id) {
    out.insert(Relationship::author);
  }
  if (wanted.count(Relationship::own_line)) {
    // A draft is its author's line's alone: teammates do not see it.
    const bool line = resource == core::Resource::draft_request
                          ? store::is_report_of(tx, actor.id, r.author_id)
                          : team_in_scope(tx, actor, r.team_id);
    add_or_not(out, line, Relationship::own_line, Relationship::other_team);
  }
  if (wanted.count(Relationship::panel_served) && submitted_or_later(r) &&
      serves(tx, actor, r.panel_id)) {
    out.insert(Relationship::panel_served);
  }
  if (wanted.count(Relationship::consulted) && submitted_or_later(r) &&
      consulted_on(tx, s, actor, r.id, r.panel_id)) {
    out.insert(Relationship::consulted);
  }
  if (wanted.count(Relationship::on_agenda)) {
    add_or_not(out,
               submitted_or_later(r) &&
                   any_on_agenda(tx, s, actor, store::sittings_hearing_request(tx, r.id)),
               Relationship::on_agenda, Relationship::not_on_agenda);
  }
  return out;
}

bool may_request(store::Tx& tx, const Services& s, const Actor& actor, const store::RequestFacts& r,
                 RequestPart part, core::Use use) {
  const core::Resource resource = request_resource(r, part);
  return core::may(actor.roles, request_relationships(tx, s, actor, r, resource), resource, use);
}

bool may_open_whole_agenda(store::Tx& tx, const Actor& actor, const std::string& panel_id) {
  using core::Relationship;
  const auto grants = [&](Relationship r) {
    return core::may(actor.roles, {r}, core::Resource::request, core::Use::read);
  };
  return grants(Relationship::any) ||
         (grants(Relationship::panel_served) && serves(tx, actor, panel_id));
}

bool may_sitting(store::Tx& tx, const Services& s, const Actor& actor, std::int64_t sitting_id,
                 const std::string& panel_id, core::Resource resource, core::Use use) {
  using core::Relationship;
  const core::Relationships wanted = core::relevant(actor.roles, resource);
  core::Relationships out;
  if (wanted.count(Relationship::panel_served) && serves(tx, actor, panel_id)) {
    out.insert(Relationship::panel_served);
  }
  if (wanted.count(Relationship::on_agenda) && sitting_id != 0 &&
      expected_at(tx, s, actor, sitting_id, panel_id)) {
    out.insert(Relationship::on_agenda);
  }
  return core::may(actor.roles, out, resource, use);
}

}  // namespace casepanel::app
