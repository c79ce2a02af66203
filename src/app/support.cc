#include "app/support.h"

#include <algorithm>
#include <array>
#include <sstream>

#include "store/audit.h"

namespace casepanel::app {

const core::PanelType* PanelCatalogue::find(std::string_view id) const {
  for (const auto& p : panels_) {
    if (p.id == id) {
      return &p;
    }
  }
  return nullptr;
}

std::string Actor::main_role() const {
  if (roles.empty()) {
    return "";
  }
  return std::string(core::role_id(*roles.begin()));
}

bool blank(const std::string& text) {
  return text.find_first_not_of(" \t\r\n") == std::string::npos;
}

std::string now_utc(const Services& s) { return core::to_iso_utc(s.clock.now()); }

void audit(store::Tx& tx, const Services& s, const Actor& actor, std::string action,
           std::string entity, std::int64_t entity_id, const nlohmann::json& detail,
           store::AuditOutcome outcome) {
  store::AuditEvent e;
  e.at = now_utc(s);
  if (actor.id != 0) {
    e.actor_id = actor.id;
  }
  e.actor_role = actor.main_role();
  e.action = std::move(action);
  e.entity = std::move(entity);
  e.entity_id = entity_id ? std::to_string(entity_id) : std::string();
  e.detail = detail.is_null() ? std::string("{}") : detail.dump();
  e.client_address = actor.client_address;
  e.outcome = outcome;
  store::append_audit(tx, e);
}

std::vector<std::int64_t> teams_in_scope(store::Tx& tx, const Actor& actor) {
  return store::line_teams(tx, actor.id);
}

bool team_in_scope(store::Tx& tx, const Actor& actor, std::int64_t team_id) {
  const std::vector<std::int64_t> teams = teams_in_scope(tx, actor);
  return std::find(teams.begin(), teams.end(), team_id) != teams.end();
}

namespace {

bool submitted_or_later(const std::string& state) {
  return state != "draft" && state != "awaiting_approval";
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
    auto team = tx.query_one("SELECT team_id FROM children WHERE id = $1", {child_id});
    add_or_not(out, team && team_in_scope(tx, actor, team->integer(0)), Relationship::own_line,
               Relationship::other_team);
  }
  if (wanted.count(Relationship::panel_served)) {
    const std::vector<std::string> panels = store::panels_served(tx, actor.id);
    for (const store::RequestFacts& r : store::child_requests(tx, child_id)) {
      if (submitted_or_later(r.state) &&
          std::find(panels.begin(), panels.end(), r.panel_id) != panels.end()) {
        out.insert(Relationship::panel_served);
      }
    }
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
  if (!submitted_or_later(r.state)) {
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
  if (wanted.count(Relationship::panel_served) && submitted_or_later(r.state) &&
      serves(tx, actor, r.panel_id)) {
    out.insert(Relationship::panel_served);
  }
  if (wanted.count(Relationship::on_agenda)) {
    add_or_not(out,
               submitted_or_later(r.state) &&
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

std::string request_children_names(store::Tx& tx, std::int64_t request_id, int* count) {
  std::string out;
  int n = 0;
  for (const auto& r : tx.query("SELECT c.first_name || ' ' || c.last_name FROM children c "
                                "JOIN request_children rc ON rc.child_id = c.id "
                                "WHERE rc.request_id = $1 ORDER BY c.date_of_birth",
                                {request_id})) {
    out += (out.empty() ? "" : ", ") + r.text(0);
    ++n;
  }
  if (count) {
    *count = n;
  }
  return out;
}

int request_child_count(store::Tx& tx, std::int64_t request_id) {
  return static_cast<int>(
      tx.query_one("SELECT COUNT(*) FROM request_children WHERE request_id = $1", {request_id})
          ->integer(0));
}

std::unordered_map<std::int64_t, ChildrenNames> sitting_children_names(store::Tx& tx,
                                                                       std::int64_t sitting_id) {
  std::unordered_map<std::int64_t, ChildrenNames> out;
  for (const auto& r : tx.query("SELECT h.request_id, c.first_name || ' ' || c.last_name "
                                "FROM hearings h JOIN request_children rc "
                                "ON rc.request_id = h.request_id JOIN children c "
                                "ON c.id = rc.child_id WHERE h.sitting_id = $1 "
                                "ORDER BY h.request_id, c.date_of_birth, c.id",
                                {sitting_id})) {
    ChildrenNames& n = out[r.integer(0)];
    n.names += (n.names.empty() ? "" : ", ") + r.text(1);
    ++n.count;
  }
  return out;
}

std::string request_type_label(const core::PanelType* panel, const std::string& type) {
  if (panel == nullptr) {
    return type;
  }
  const core::RequestType* t = panel->request_type(type);
  return t ? t->label : panel->name + " request";
}

void queue_email(store::Tx& tx, const Services& s, std::int64_t user_id, std::string subject,
                 std::string body) {
  auto row = tx.query_one("SELECT email FROM users WHERE id = $1 AND active = 1", {user_id});
  if (!row) {
    return;
  }
  tx.exec(
      "INSERT INTO outbox (created_at, recipient_id, recipient, subject, body, status, "
      "next_attempt_at) VALUES ($1, $2, $3, $4, $5, 'pending', $6)",
      {now_utc(s), user_id, row->text(0), std::move(subject), std::move(body), now_utc(s)});
}

std::string long_date(const std::string& iso_date) {
  static constexpr std::array<const char*, 12> kMonths = {
      "January", "February", "March",     "April",   "May",      "June",
      "July",    "August",   "September", "October", "November", "December"};
  auto d = core::parse_iso_date(iso_date);
  if (!d) {
    return iso_date;
  }
  std::ostringstream out;
  out << static_cast<unsigned>(d->day()) << ' ' << kMonths[static_cast<unsigned>(d->month()) - 1]
      << ' ' << static_cast<int>(d->year());
  return out.str();
}

core::Instant parse_utc(const std::string& iso_utc) {
  // "YYYY-MM-DDTHH:MM:SSZ"
  auto d = core::parse_iso_date(iso_utc.substr(0, 10));
  if (!d || iso_utc.size() < 19) {
    return core::Instant{};
  }
  auto hh = std::stoi(iso_utc.substr(11, 2));
  auto mm = std::stoi(iso_utc.substr(14, 2));
  auto ss = std::stoi(iso_utc.substr(17, 2));
  return std::chrono::sys_days{*d} + std::chrono::hours{hh} + std::chrono::minutes{mm} +
         std::chrono::seconds{ss};
}

std::string london_hh_mm(const std::string& iso_utc) {
  return core::to_hh_mm(core::london_time_of_day(parse_utc(iso_utc)));
}

std::string london_long_date(const std::string& iso_utc) {
  return long_date(core::to_iso(core::london_date(parse_utc(iso_utc))));
}

}  // namespace casepanel::app

namespace casepanel::app {
std::string placeholders(int first, std::size_t count) {
  std::string out;
  for (std::size_t i = 0; i < count; ++i) {
    out += (i ? ", $" : "$") + std::to_string(first + static_cast<int>(i));
  }
  return out;
}
}  // namespace casepanel::app
