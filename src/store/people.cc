#include "store/people.h"

#include <map>

#include "store/typed_columns.h"

namespace casepanel::store {
namespace {

constexpr const char* kPersonColumns =
    "SELECT u.id, u.email, u.name, u.job_title, u.team_id, COALESCE(t.name, ''), "
    "u.line_manager_id, COALESCE(m.name, ''), u.active, u.password_hash, u.created_at, "
    "u.password_changed_at, u.disabled_at FROM users u "
    "LEFT JOIN teams t ON t.id = u.team_id LEFT JOIN users m ON m.id = u.line_manager_id ";

PersonRecord person_from(const Row& r) {
  PersonRecord p;
  p.id = r.integer(0);
  p.email = r.text(1);
  p.name = r.text(2);
  p.job_title = r.text(3);
  p.team_id = r.optional_integer(4);
  p.team_name = r.text(5);
  p.line_manager_id = r.optional_integer(6);
  p.line_manager_name = r.text(7);
  p.active = r.integer(8) == 1 ? Active::yes : Active::no;
  p.has_password = r.text(9) != kNoPasswordHash;
  p.created_at = r.text(10);
  p.password_changed_at = r.optional_text(11);
  p.disabled_at = r.optional_text(12);
  return p;
}

// Fills in the roles of several people with one query.
void load_roles(Tx& tx, std::vector<PersonRecord>& people) {
  if (people.empty()) {
    return;
  }
  std::map<std::int64_t, PersonRecord*> by_id;
  Params ids;
  for (PersonRecord& p : people) {
    by_id[p.id] = &p;
    ids.emplace_back(p.id);
  }
  const std::string sql = "SELECT user_id, role FROM user_roles WHERE user_id IN (" +
                          placeholders(1, ids.size()) + ") ORDER BY user_id, role";
  for (const Row& r : tx.query(sql, ids)) {
    if (auto role = core::role_from_id(r.text(1))) {
      by_id[r.integer(0)]->roles.insert(*role);
    }
  }
}

std::vector<PersonRecord> people_from(Tx& tx, const Rows& rows) {
  std::vector<PersonRecord> out;
  for (const Row& r : rows) {
    out.push_back(person_from(r));
  }
  load_roles(tx, out);
  return out;
}

std::optional<PersonRecord> one_person(Tx& tx, const Rows& rows) {
  auto people = people_from(tx, rows);
  if (people.empty()) {
    return std::nullopt;
  }
  return people.front();
}

// A LIKE pattern matching `text` anywhere, with LIKE's own characters escaped.
std::string contains_pattern(const std::string& text) {
  std::string out = "%";
  for (char c : text) {
    if (c == '%' || c == '_' || c == '\\') {
      out.push_back('\\');
    }
    out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
  }
  return out + "%";
}

void write_roles(Tx& tx, std::int64_t id, const core::Roles& roles) {
  tx.exec("DELETE FROM user_roles WHERE user_id = $1", {id});
  for (core::Role role : roles) {
    tx.exec("INSERT INTO user_roles (user_id, role) VALUES ($1, $2)",
            {id, std::string(core::role_id(role))});
  }
}

}  // namespace

std::optional<PersonRecord> find_person(Tx& tx, std::int64_t id) {
  return one_person(tx, tx.query(std::string(kPersonColumns) + "WHERE u.id = $1", {id}));
}

std::optional<PersonRecord> find_person_by_email(Tx& tx, const std::string& email) {
  return one_person(tx,
                    tx.query(std::string(kPersonColumns) + "WHERE LOWER(u.email) = $1", {email}));
}

PeoplePage list_people(Tx& tx, const std::string& search, int limit, int offset) {
  const std::string where =
      "WHERE LOWER(u.name) LIKE $1 ESCAPE '\\' OR LOWER(u.email) LIKE $2 ESCAPE '\\' ";
  const std::string pattern = contains_pattern(search);
  PeoplePage page;
  page.total =
      tx.query_one("SELECT COUNT(*) FROM users u " + where, {pattern, pattern})->integer(0);
  page.people = people_from(
      tx, tx.query(std::string(kPersonColumns) + where + "ORDER BY u.name, u.id LIMIT $3 OFFSET $4",
                   {pattern, pattern, std::int64_t{limit}, std::int64_t{offset}}));
  return page;
}

std::vector<PersonRecord> active_people(Tx& tx) {
  std::vector<PersonRecord> out;
  for (const Row& r :
       tx.query(std::string(kPersonColumns) + "WHERE u.active = 1 ORDER BY u.name, u.id")) {
    out.push_back(person_from(r));
  }
  return out;
}

std::vector<TeamRecord> list_teams(Tx& tx) {
  std::vector<TeamRecord> out;
  for (const Row& r : tx.query("SELECT id, name FROM teams ORDER BY name")) {
    out.push_back({r.integer(0), r.text(1)});
  }
  return out;
}

bool team_exists(Tx& tx, std::int64_t team_id) {
  return tx.query_one("SELECT 1 FROM teams WHERE id = $1", {team_id}).has_value();
}

std::vector<std::int64_t> managers_above(Tx& tx, std::int64_t person_id) {
  std::vector<std::int64_t> out;
  std::int64_t current = person_id;
  for (int depth = 0; depth < 100; ++depth) {
    auto row = tx.query_one("SELECT line_manager_id FROM users WHERE id = $1", {current});
    if (!row || row->is_null(0)) {
      break;
    }
    current = row->integer(0);
    out.push_back(current);
  }
  return out;
}

std::int64_t insert_person(Tx& tx, const PersonDetails& d, const std::string& created_at) {
  const std::int64_t id = tx.insert(
      "INSERT INTO users (email, name, job_title, password_hash, team_id, line_manager_id, "
      "active, created_at) VALUES ($1, $2, $3, $4, $5, $6, 1, $7) RETURNING id",
      {d.email, d.name, d.job_title, std::string(kNoPasswordHash), nullable(d.team_id),
       nullable(d.line_manager_id), created_at});
  write_roles(tx, id, d.roles);
  return id;
}

void update_person(Tx& tx, std::int64_t id, const PersonDetails& d) {
  tx.exec(
      "UPDATE users SET email = $1, name = $2, job_title = $3, team_id = $4, "
      "line_manager_id = $5 WHERE id = $6",
      {d.email, d.name, d.job_title, nullable(d.team_id), nullable(d.line_manager_id), id});
  write_roles(tx, id, d.roles);
}

void set_active(Tx& tx, std::int64_t id, Active active, const std::string& at) {
  if (active == Active::yes) {
    tx.exec("UPDATE users SET active = 1, disabled_at = NULL WHERE id = $1", {id});
    return;
  }
  tx.exec("UPDATE users SET active = 0, disabled_at = $1 WHERE id = $2", {at, id});
}

void set_password_hash(Tx& tx, std::int64_t id, const std::string& hash, const std::string& at) {
  tx.exec("UPDATE users SET password_hash = $1, password_changed_at = $2 WHERE id = $3",
          {hash, at, id});
}

std::string password_hash(Tx& tx, std::int64_t id) {
  auto row = tx.query_one("SELECT password_hash FROM users WHERE id = $1", {id});
  return row ? row->text(0) : std::string(kNoPasswordHash);
}

std::int64_t insert_password_link(Tx& tx, std::int64_t user_id, const std::string& token_hash,
                                  const std::string& created_at, const std::string& expires_at,
                                  std::int64_t created_by) {
  tx.exec(
      "UPDATE password_links SET voided_at = $1 WHERE user_id = $2 AND used_at IS NULL "
      "AND voided_at IS NULL",
      {created_at, user_id});
  return tx.insert(
      "INSERT INTO password_links (user_id, token_hash, created_at, expires_at, created_by) "
      "VALUES ($1, $2, $3, $4, $5) RETURNING id",
      {user_id, token_hash, created_at, expires_at, created_by});
}

std::optional<PasswordLinkRecord> find_password_link(Tx& tx, const std::string& token_hash) {
  auto r = tx.query_one(
      "SELECT id, user_id, created_at, expires_at, used_at, voided_at FROM password_links "
      "WHERE token_hash = $1",
      {token_hash});
  if (!r) {
    return std::nullopt;
  }
  return PasswordLinkRecord{r->integer(0), r->integer(1),       r->text(2),
                            r->text(3),    r->optional_text(4), r->optional_text(5)};
}

void mark_password_link_used(Tx& tx, std::int64_t link_id, const std::string& at) {
  tx.exec("UPDATE password_links SET used_at = $1 WHERE id = $2", {at, link_id});
}

std::optional<std::string> active_email(Tx& tx, std::int64_t id) {
  auto row = tx.query_one("SELECT email FROM users WHERE id = $1 AND active = 1", {id});
  if (!row) {
    return std::nullopt;
  }
  return row->text(0);
}

std::optional<SignedInUser> find_signed_in_user(Tx& tx, std::int64_t id) {
  auto row =
      tx.query_one("SELECT id, name, email, team_id FROM users WHERE id = $1 AND active = 1", {id});
  if (!row) {
    return std::nullopt;
  }
  SignedInUser u{row->integer(0), row->text(1), row->text(2), row->optional_integer(3), {}};
  for (const Row& r : tx.query("SELECT role FROM user_roles WHERE user_id = $1", {id})) {
    if (auto role = core::role_from_id(r.text(0))) {
      u.roles.insert(*role);
    }
  }
  return u;
}

}  // namespace casepanel::store
