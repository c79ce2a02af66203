#include "app/auth.h"

#include <algorithm>
#include <cctype>

#include "app/actor_cache.h"
#include "app/audit_trail.h"
#include "app/display.h"
#include "app/two_factor.h"
#include "core/text.h"
#include "store/content_version.h"
#include "store/crypto.h"
#include "store/people.h"
#include "store/sessions.h"

namespace casepanel::app {
namespace {

using store::Tx;

// How many expired rows one sign-in clears at most, so that no sign-in waits
// on a large delete; at one sign-in a minute that is still far more than
// sessions are made.
constexpr int kPurgeBatch = 100;

// A hash to verify against when the email is unknown, so that a wrong email
// and a wrong password take the same time (no account enumeration by timing).
const std::string& dummy_hash() {
  static const std::string h = store::hash_password("casepanel-no-such-user");
  return h;
}

std::int64_t epoch(const Services& s) { return s.clock.now().time_since_epoch().count(); }

std::string iso_at(std::int64_t epoch_seconds) {
  return core::to_iso_utc(core::Instant{std::chrono::seconds{epoch_seconds}});
}

core::Error wrong_password() {
  return core::Error::invalid("email", "Enter a correct email address and password");
}

// Whether the account or the address is over the limit and, if so, how long
// until enough of its failures have left the window for one more attempt.
struct ThrottleState {
  bool over = false;
  std::chrono::seconds retry_after{0};
};
ThrottleState throttle_state(Tx& tx, const Services& s, const std::string& email,
                             const std::string& client_address) {
  const std::int64_t now = epoch(s);
  const std::string since = iso_at(now - kThrottleWindow.count());
  ThrottleState out;
  auto consider = [&](const std::vector<std::string>& times) {
    if (static_cast<int>(times.size()) < kThrottleLimit) {
      return;
    }
    out.over = true;
    // Once this failure leaves the window, fewer than the limit remain.
    const std::string& releasing = times[times.size() - kThrottleLimit];
    const std::int64_t at = parse_utc(releasing).time_since_epoch().count();
    const std::int64_t wait = std::max<std::int64_t>(1, at + kThrottleWindow.count() - now);
    out.retry_after = std::max(out.retry_after, std::chrono::seconds{wait});
  };
  consider(store::failures_for_email(tx, email, since));
  // Sign-ins always come through the server, which knows the address; with
  // none (a test, a future non-HTTP caller) there is no address to count.
  if (!client_address.empty()) {
    consider(store::failures_from_address(tx, client_address, since));
  }
  return out;
}

// Kept whatever happens to the sign-in: a transaction of its own.
void record_failure(Services& s, const std::string& email, const std::string& client_address,
                    std::optional<std::int64_t> user_id, const char* outcome) {
  s.db.write_all([&](Tx& tx) {
    const std::int64_t now = epoch(s);
    store::record_sign_in_failure(tx, iso_at(now), email, client_address);
    store::purge_sign_in_failures(tx, iso_at(now - kThrottleWindow.count()), kPurgeBatch);
    Actor nobody;
    audit(tx, s, nobody, "session.sign_in_failed", "user", user_id.value_or(0),
          {{"email", email}, {"client_address", client_address}, {"outcome", outcome}});
  });
}

SignInOutcome throttled(Services& s, const std::string& email, const std::string& client_address,
                        std::chrono::seconds retry_after) {
  s.db.write_all([&](Tx& tx) {
    Actor nobody;
    audit(tx, s, nobody, "session.sign_in_throttled", "user", 0,
          {{"email", email},
           {"client_address", client_address},
           {"retry_after_seconds", retry_after.count()}});
  });
  SignInOutcome out;
  out.step = SignInStep::throttled;
  out.retry_after = retry_after;
  return out;
}

SignInOutcome refused(core::Error e) {
  SignInOutcome out;
  out.step = SignInStep::refused;
  out.error = std::move(e);
  return out;
}

// Opens a session for the person, ending the one the browser had.
NewSession open_session(Tx& tx, const Services& s, std::int64_t user_id,
                        const std::string& client_address, const std::string& previous_session,
                        const char* second_factor) {
  const std::int64_t now = epoch(s);
  bool ended_previous = false;
  if (!previous_session.empty()) {
    ended_previous = store::delete_session(tx, store::sha256_hex(previous_session)).has_value();
  }
  store::purge_sessions(tx, now - kSessionIdle.count(), now - kSessionAbsolute.count(),
                        kPurgeBatch);
  store::purge_pending_sign_ins(tx, now - kSecondFactorWait.count(), kPurgeBatch);
  NewSession out{store::random_token(), store::random_token()};
  store::insert_session(tx, store::SessionRecord{store::sha256_hex(out.token), user_id,
                                                 out.csrf_token, now, now, client_address});
  auto actor = load_actor(tx, user_id);
  audit(tx, s, *actor, "session.sign_in", "user", user_id,
        {{"client_address", client_address},
         {"second_factor", second_factor},
         {"ended_previous_session", ended_previous}});
  return out;
}

ApiTokenSummary token_summary_of(const store::ApiTokenRecord& t) {
  std::string expires = t.expires_at;
  if (expires.empty()) {
    expires = core::to_iso_utc(parse_utc(t.created_at) + std::chrono::days{kDefaultApiTokenDays});
  }
  return ApiTokenSummary{t.id,
                         t.user_email,
                         t.created_at,
                         expires,
                         t.last_used_at.value_or(""),
                         t.revoked_at.value_or("")};
}

}  // namespace

std::optional<Actor> load_actor(Tx& tx, std::int64_t user_id) {
  std::optional<store::SignedInUser> u = store::find_signed_in_user(tx, user_id);
  if (!u) {
    return std::nullopt;
  }
  return Actor{u->id, std::move(u->name), std::move(u->email), std::move(u->roles), u->team_id, {}};
}

SignInOutcome sign_in(Services& s, const SignInAttempt& attempt) {
  const std::string email = core::ascii_lower(attempt.email);
  std::optional<store::SignInCredentials> user;
  ThrottleState throttle;
  s.db.read_all([&](Tx& tx) {
    throttle = throttle_state(tx, s, email, attempt.client_address);
    user = store::find_credentials(tx, email);
  });
  if (throttle.over) {
    // Refused unread: the right password now would tell a guesser it is right.
    return throttled(s, email, attempt.client_address, throttle.retry_after);
  }
  // The slow hash runs outside any transaction so sign-ins do not hold locks.
  const bool good =
      store::verify_password(attempt.password, user ? user->password_hash : dummy_hash());
  if (!user || !good) {
    record_failure(s, email, attempt.client_address,
                   user ? std::optional<std::int64_t>(user->user_id) : std::nullopt,
                   user ? "wrong_password" : "unknown_email");
    return refused(wrong_password());
  }
  SignInOutcome out;
  s.db.write_all([&](Tx& tx) {
    if (two_factor_enabled(tx, user->user_id)) {
      out.step = SignInStep::second_factor_needed;
      out.pending_token = store::random_token();
      store::insert_pending_sign_in(
          tx, store::PendingSignIn{store::sha256_hex(out.pending_token), user->user_id,
                                   attempt.client_address, epoch(s)});
      return;
    }
    out.step = SignInStep::signed_in;
    out.session = open_session(tx, s, user->user_id, attempt.client_address,
                               attempt.previous_session, "none");
  });
  return out;
}

SignInOutcome sign_in_second_factor(Services& s, const SecondFactorAttempt& attempt) {
  const std::string pending_hash = store::sha256_hex(attempt.pending_token);
  std::optional<store::PendingSignIn> pending;
  std::string email;
  ThrottleState throttle;
  s.db.read_all([&](Tx& tx) {
    pending = store::find_pending_sign_in(tx, pending_hash);
    if (!pending || pending->created_at < epoch(s) - kSecondFactorWait.count()) {
      pending.reset();
      return;
    }
    if (auto actor = load_actor(tx, pending->user_id)) {
      email = core::ascii_lower(actor->email);
      throttle = throttle_state(tx, s, email, attempt.client_address);
    } else {
      pending.reset();
    }
  });
  if (!pending) {
    return refused(core::Error::not_found("Your sign-in timed out. Sign in again."));
  }
  if (throttle.over) {
    return throttled(s, email, attempt.client_address, throttle.retry_after);
  }
  auto session = s.db.write<NewSession>([&](Tx& tx) -> core::Result<NewSession> {
    const SecondFactorCheck check = check_second_factor(tx, s, pending->user_id, attempt.code);
    if (check == SecondFactorCheck::wrong) {
      return core::Error::invalid("code", "Enter a correct code from your authenticator app");
    }
    store::delete_pending_sign_in(tx, pending_hash);
    const bool recovery = check == SecondFactorCheck::recovery_code;
    NewSession out =
        open_session(tx, s, pending->user_id, attempt.client_address, attempt.previous_session,
                     recovery ? "recovery_code" : "authenticator_code");
    if (recovery) {
      auto actor = load_actor(tx, pending->user_id);
      audit(tx, s, *actor, "two_factor.recovery_code_use", "user", pending->user_id,
            {{"client_address", attempt.client_address},
             {"recovery_codes_left", store::unused_recovery_codes(tx, pending->user_id)}});
    }
    return out;
  });
  if (!session) {
    record_failure(s, email, attempt.client_address, pending->user_id, "wrong_second_factor");
    return refused(session.error());
  }
  SignInOutcome out;
  out.step = SignInStep::signed_in;
  out.session = *session;
  return out;
}

std::optional<SessionInfo> resume_session(Services& s, const std::string& token) {
  if (token.size() != 64) {
    return std::nullopt;
  }
  const std::string id_hash = store::sha256_hex(token);
  const std::int64_t now = epoch(s);
  std::optional<SessionInfo> out;
  std::int64_t last_seen = 0;
  std::int64_t version = 0;
  std::optional<ActorCache::Kept> read;  // the person read here, to keep
  s.db.read_all([&](Tx& tx) {
    out.reset();
    read.reset();
    auto session = store::find_session(tx, id_hash);
    if (!session) {
      return;
    }
    if (now - session->last_seen_at > kSessionIdle.count() ||
        now - session->created_at > kSessionAbsolute.count()) {
      return;
    }
    last_seen = session->last_seen_at;
    std::optional<ActorCache::Kept> person;
    if (s.actors != nullptr) {
      version = store::content_version(tx);
      person = s.actors->find(session->user_id, version);
    }
    if (!person) {
      auto actor = load_actor(tx, session->user_id);
      if (!actor) {
        return;
      }
      const bool enrol =
          two_factor_policy(tx) == TwoFactorPolicy::required && !two_factor_enabled(tx, actor->id);
      person = read = ActorCache::Kept{std::move(*actor), enrol};
    }
    out = SessionInfo{
        person->actor, session->csrf_token, id_hash,
        person->must_enrol_two_factor ? SessionDemand::enrol_two_factor : SessionDemand::nothing};
  });
  if (read && s.actors != nullptr) {
    s.actors->keep(version, std::move(*read));
  }
  // Touch the session at most once a minute: a write on every page view would
  // serialise all readers behind the database's one writer.
  if (out && now - last_seen >= 60) {
    s.db.write_all([&](Tx& tx) { store::touch_session(tx, id_hash, now); });
  }
  return out;
}

void sign_out(Services& s, const std::string& token) {
  s.db.write_all([&](Tx& tx) {
    auto user_id = store::delete_session(tx, store::sha256_hex(token));
    if (!user_id) {
      return;
    }
    if (auto actor = load_actor(tx, *user_id)) {
      audit(tx, s, *actor, "session.sign_out", "user", actor->id);
    }
  });
}

std::vector<ActiveSession> active_sessions(Services& s, const SessionInfo& me) {
  const std::int64_t now = epoch(s);
  std::vector<ActiveSession> out;
  s.db.read_all([&](Tx& tx) {
    for (const store::SessionRecord& r : store::sessions_of(tx, me.actor.id)) {
      if (now - r.last_seen_at > kSessionIdle.count() ||
          now - r.created_at > kSessionAbsolute.count()) {
        continue;  // expired, waiting to be purged
      }
      out.push_back(ActiveSession{r.id_hash, iso_at(r.created_at), iso_at(r.last_seen_at),
                                  r.client_address, r.id_hash == me.id_hash});
    }
  });
  return out;
}

core::Status end_session(Services& s, const Actor& me, const std::string& handle) {
  return s.db.write<core::Done>([&](Tx& tx) -> core::Status {
    auto session = store::find_session(tx, handle);
    if (!session || session->user_id != me.id) {
      return core::Error::not_found("That session has already ended");
    }
    store::delete_session(tx, handle);
    audit(tx, s, me, "session.end", "user", me.id,
          {{"client_address", me.client_address},
           {"session_started", iso_at(session->created_at)},
           {"session_client_address", session->client_address}});
    return core::ok_status();
  });
}

core::Result<NewApiToken> create_api_token(Services& s, const std::string& email, int days) {
  if (days < 1 || days > 3650) {
    return core::Error::invalid("days", "A token lasts from 1 to 3650 days");
  }
  return s.db.write<NewApiToken>([&](Tx& tx) -> core::Result<NewApiToken> {
    auto user = store::find_credentials(tx, core::ascii_lower(email));
    if (!user) {
      return core::Error::not_found("No active user has the email " + email);
    }
    NewApiToken out;
    out.token = store::random_token();
    out.expires_at = core::to_iso_utc(s.clock.now() + std::chrono::days{days});
    out.id = store::insert_api_token(tx, user->user_id, store::sha256_hex(out.token), now_utc(s),
                                     out.expires_at);
    Actor system;
    audit(tx, s, system, "api_token.create", "api_token", out.id,
          {{"user_id", user->user_id}, {"expires_at", out.expires_at}});
    return out;
  });
}

std::vector<ApiTokenSummary> list_api_tokens(Services& s) {
  std::vector<ApiTokenSummary> out;
  s.db.read_all([&](Tx& tx) {
    for (const store::ApiTokenRecord& t : store::list_api_tokens(tx)) {
      out.push_back(token_summary_of(t));
    }
  });
  return out;
}

core::Status revoke_api_token(Services& s, const Actor& by, std::int64_t id) {
  if (by.id != 0 && !by.may(core::Permission::administer)) {
    return core::Error::forbidden("Only an administrator can revoke API tokens");
  }
  return s.db.write<core::Done>([&](Tx& tx) -> core::Status {
    auto token = store::find_api_token_by_id(tx, id);
    if (!token || !store::revoke_api_token(tx, id, now_utc(s))) {
      return core::Error::not_found("No token that is still valid has the id " +
                                    std::to_string(id));
    }
    audit(tx, s, by, "api_token.revoke", "api_token", id, {{"user_id", token->user_id}});
    return core::ok_status();
  });
}

ApiCaller authenticate_api_token(Services& s, const std::string& token, int requests_per_minute) {
  ApiCaller out;
  out.reason = "A valid bearer token is needed";
  if (token.size() != 64) {
    return out;
  }
  const std::int64_t now = epoch(s);
  std::optional<store::ApiTokenRecord> record;
  s.db.read_all([&](Tx& tx) {
    record = store::find_api_token(tx, store::sha256_hex(token));
    if (record && !record->revoked_at) {
      out.actor = load_actor(tx, record->user_id);
    }
  });
  if (!record || record->revoked_at || !out.actor) {
    out.actor.reset();
    return out;
  }
  if (parse_utc(token_summary_of(*record).expires_at).time_since_epoch().count() <= now) {
    out.actor.reset();
    out.reason = "This token has expired: ask an administrator for a new one";
    return out;
  }
  std::int64_t requests = 0;
  s.db.write_all([&](Tx& tx) {
    requests = store::count_api_request(tx, record->id, now / 60);
    // At most once a minute, like session touches.
    store::note_api_token_use(tx, record->id, iso_at(now), iso_at(now - 60));
  });
  if (requests > requests_per_minute) {
    out.access = ApiAccess::rate_limited;
    out.reason = "This token may make " + std::to_string(requests_per_minute) +
                 " requests a minute: wait and try again";
    out.retry_after = std::chrono::seconds{60 - now % 60};
    return out;
  }
  out.access = ApiAccess::allowed;
  return out;
}

}  // namespace casepanel::app
