#include "app/auth.h"

#include "app/support.h"
#include "store/crypto.h"

namespace casepanel::app {
namespace {

using store::Tx;

// A hash to verify against when the email is unknown, so that a wrong email
// and a wrong password take the same time (no account enumeration by timing).
const std::string& dummy_hash() {
  static const std::string h = store::hash_password("casepanel-no-such-user");
  return h;
}

}  // namespace

std::optional<Actor> load_actor(Tx& tx, std::int64_t user_id) {
  auto row = tx.query_one("SELECT id, name, email, team_id FROM users WHERE id = $1 AND active = 1",
                          {user_id});
  if (!row) {
    return std::nullopt;
  }
  Actor a{row->integer(0), row->text(1), row->text(2), {}, row->optional_integer(3), {}};
  for (const auto& r : tx.query("SELECT role FROM user_roles WHERE user_id = $1", {user_id})) {
    if (auto role = core::role_from_id(r.text(0))) {
      a.roles.insert(*role);
    }
  }
  return a;
}

core::Result<NewSession> sign_in(Services& s, const std::string& email,
                                 const std::string& password) {
  std::optional<std::pair<std::int64_t, std::string>> user;
  s.db.read_all([&](Tx& tx) {
    auto row = tx.query_one("SELECT id, password_hash FROM users WHERE email = $1 AND active = 1",
                            {email});
    if (row) {
      user.emplace(row->integer(0), row->text(1));
    }
  });
  // The slow hash runs outside any transaction so sign-ins do not hold locks.
  const bool good = store::verify_password(password, user ? user->second : dummy_hash());
  return s.db.write<NewSession>([&](Tx& tx) -> core::Result<NewSession> {
    if (!user || !good) {
      Actor nobody;
      audit(tx, s, nobody, "session.sign_in_failed", "user", user ? user->first : 0,
            {{"email", email}});
      return core::Error::invalid("email", "Enter a correct email address and password");
    }
    NewSession out{store::random_token(), store::random_token()};
    const auto now = s.clock.now().time_since_epoch().count();
    tx.exec(
        "INSERT INTO sessions (id_hash, user_id, csrf_token, created_at, last_seen_at) "
        "VALUES ($1, $2, $3, $4, $5)",
        {store::sha256_hex(out.token), user->first, out.csrf_token, std::int64_t{now},
         std::int64_t{now}});
    auto actor = load_actor(tx, user->first);
    audit(tx, s, *actor, "session.sign_in", "user", user->first);
    return out;
  });
}

std::optional<SessionInfo> resume_session(Services& s, const std::string& token) {
  if (token.size() != 64) {
    return std::nullopt;
  }
  const std::string id_hash = store::sha256_hex(token);
  const auto now = s.clock.now().time_since_epoch().count();
  std::optional<SessionInfo> out;
  std::int64_t last_seen = 0;
  s.db.read_all([&](Tx& tx) {
    auto row = tx.query_one(
        "SELECT user_id, csrf_token, created_at, last_seen_at FROM sessions WHERE id_hash = $1",
        {id_hash});
    if (!row) {
      return;
    }
    if (now - row->integer(3) > kSessionIdle.count() ||
        now - row->integer(2) > kSessionAbsolute.count()) {
      return;
    }
    last_seen = row->integer(3);
    if (auto actor = load_actor(tx, row->integer(0))) {
      out = SessionInfo{*actor, row->text(1)};
    }
  });
  // Touch the session at most once a minute: a write on every page view would
  // serialise all readers behind the database's one writer.
  if (out && now - last_seen >= 60) {
    s.db.write_all([&](Tx& tx) {
      tx.exec("UPDATE sessions SET last_seen_at = $1 WHERE id_hash = $2",
              {std::int64_t{now}, id_hash});
    });
  }
  return out;
}

void sign_out(Services& s, const std::string& token) {
  s.db.write_all([&](Tx& tx) {
    auto row =
        tx.query_one("SELECT user_id FROM sessions WHERE id_hash = $1", {store::sha256_hex(token)});
    if (!row) {
      return;
    }
    tx.exec("DELETE FROM sessions WHERE id_hash = $1", {store::sha256_hex(token)});
    if (auto actor = load_actor(tx, row->integer(0))) {
      audit(tx, s, *actor, "session.sign_out", "user", actor->id);
    }
  });
}

core::Result<std::string> create_api_token(Services& s, const std::string& email) {
  return s.db.write<std::string>([&](Tx& tx) -> core::Result<std::string> {
    auto row = tx.query_one("SELECT id FROM users WHERE email = $1 AND active = 1", {email});
    if (!row) {
      return core::Error::not_found("No active user has the email " + email);
    }
    std::string token = store::random_token();
    auto id = tx.insert(
        "INSERT INTO api_tokens (user_id, token_hash, created_at) VALUES ($1, $2, $3) "
        "RETURNING id",
        {row->integer(0), store::sha256_hex(token), now_utc(s)});
    Actor system;
    audit(tx, s, system, "api_token.create", "api_token", id, {{"user_id", row->integer(0)}});
    return token;
  });
}

std::optional<Actor> actor_for_api_token(Services& s, const std::string& token) {
  std::optional<Actor> out;
  s.db.read_all([&](Tx& tx) {
    auto row =
        tx.query_one("SELECT user_id FROM api_tokens WHERE token_hash = $1 AND revoked_at IS NULL",
                     {store::sha256_hex(token)});
    if (row) {
      out = load_actor(tx, row->integer(0));
    }
  });
  return out;
}

}  // namespace casepanel::app
