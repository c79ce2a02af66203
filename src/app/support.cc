#include "app/support.h"

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
  store::Rows rows = tx.query(
      "WITH RECURSIVE chain(id) AS ("
      "  SELECT CAST($1 AS BIGINT)"
      "  UNION SELECT u.id FROM users u JOIN chain c ON u.line_manager_id = c.id)"
      " SELECT DISTINCT team_id FROM users WHERE team_id IS NOT NULL"
      " AND id IN (SELECT id FROM chain)"
      " UNION SELECT id FROM teams WHERE manager_id IN (SELECT id FROM chain)",
      {actor.id});
  std::vector<std::int64_t> out;
  for (const auto& r : rows) {
    out.push_back(r.integer(0));
  }
  return out;
}

bool team_in_scope(store::Tx& tx, const Actor& actor, std::int64_t team_id) {
  for (std::int64_t t : teams_in_scope(tx, actor)) {
    if (t == team_id) {
      return true;
    }
  }
  return false;
}

bool team_visible(store::Tx& tx, const Actor& actor, std::int64_t team_id) {
  switch (core::child_scope(actor.roles)) {
    case core::ChildScope::all:
      return true;
    case core::ChildScope::teams:
      return team_in_scope(tx, actor, team_id);
    case core::ChildScope::none:
      return false;
  }
  return false;
}

bool child_visible(store::Tx& tx, const Actor& actor, std::int64_t child_id) {
  auto row = tx.query_one("SELECT team_id FROM children WHERE id = $1", {child_id});
  return row && team_visible(tx, actor, row->integer(0));
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
                                                                       std::int64_t meeting_id) {
  std::unordered_map<std::int64_t, ChildrenNames> out;
  for (const auto& r : tx.query("SELECT h.request_id, c.first_name || ' ' || c.last_name "
                                "FROM hearings h JOIN request_children rc "
                                "ON rc.request_id = h.request_id JOIN children c "
                                "ON c.id = rc.child_id WHERE h.meeting_id = $1 "
                                "ORDER BY h.request_id, c.date_of_birth, c.id",
                                {meeting_id})) {
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
