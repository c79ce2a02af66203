#include "jobs/outbox.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <optional>
#include <vector>

#include "store/crypto.h"
#include "store/outbox.h"
#include "store/settings.h"

namespace casepanel::jobs {
namespace {

using namespace std::chrono_literals;

constexpr const char* kTokenKey = "outbox_message_id_token";
constexpr std::size_t kMaxErrorLength = 1000;

struct Claimed {
  OutgoingMail mail;
  std::int64_t attempts = 0;  // before this one
};

// The oldest due row, now 'sending' and ours (store::claim_next_outbox_message
// says why no other instance can take it too).
std::optional<Claimed> claim_next(app::Services& s) {
  std::optional<store::ClaimedMessage> row;
  s.db.write_all([&](store::Tx& tx) { row = store::claim_next_outbox_message(tx, s.clock.now()); });
  if (!row) {
    return std::nullopt;
  }
  Claimed c;
  c.attempts = row->attempts;
  c.mail.id = row->id;
  c.mail.to = std::move(row->to);
  c.mail.to_name = std::move(row->to_name);
  c.mail.subject = std::move(row->subject);
  c.mail.body = std::move(row->body);
  c.mail.calendar = std::move(row->calendar);
  c.mail.calendar_method = std::move(row->calendar_method);
  return c;
}

void mark_sent(app::Services& s, std::int64_t id) {
  s.db.write_all([&](store::Tx& tx) { store::mark_outbox_sent(tx, id, s.clock.now()); });
}

void mark_failed_attempt(app::Services& s, const Claimed& c, std::string error,
                         const OutboxPolicy& policy) {
  const std::int64_t attempts = c.attempts + 1;
  if (error.size() > kMaxErrorLength) {
    error.resize(kMaxErrorLength);
  }
  const bool give_up = attempts >= policy.max_attempts;
  const core::Instant now = s.clock.now();
  const std::optional<core::Instant> retry_at =
      give_up ? std::nullopt
              : std::optional<core::Instant>{now + retry_delay(static_cast<int>(attempts))};
  s.db.write_all([&](store::Tx& tx) {
    store::mark_outbox_attempt_failed(tx, c.mail.id, attempts, error, retry_at);
  });
  if (give_up) {
    spdlog::error("outbox: message {} to {} failed after {} attempts: {}", c.mail.id, c.mail.to,
                  attempts, error);
  } else {
    spdlog::warn("outbox: message {} to {}: attempt {} failed, will retry: {}", c.mail.id,
                 c.mail.to, attempts, error);
  }
}

core::Status send_guarded(Mailer& mailer, const OutgoingMail& mail) {
  try {
    return mailer.send(mail);
  } catch (const std::exception& e) {
    return core::Error::conflict(e.what());
  }
}

}  // namespace

std::chrono::seconds retry_delay(int failed_attempts) {
  static constexpr std::chrono::seconds kSchedule[] = {1min, 5min, 30min, 2h, 6h};
  const int last = static_cast<int>(std::size(kSchedule)) - 1;
  return kSchedule[std::clamp(failed_attempts - 1, 0, last)];
}

std::string outbox_message_id(std::int64_t id, const std::string& token,
                              const std::string& domain) {
  return "<outbox-" + std::to_string(id) + "." + token + "@" + domain + ">";
}

std::string message_id_token(store::Database& db) {
  std::string token;
  db.read_all([&](store::Tx& tx) { token = store::find_setting(tx, kTokenKey).value_or(""); });
  if (!token.empty()) {
    return token;
  }
  // Two workers starting at once keep whichever token was written first.
  db.write_all([&](store::Tx& tx) {
    token = store::setting_or_put(tx, kTokenKey, store::random_token().substr(0, 16));
  });
  return token;
}

std::string address_domain(const std::string& address, const std::string& fallback) {
  const std::size_t at = address.rfind('@');
  if (at == std::string::npos) {
    return fallback;
  }
  std::string domain = address.substr(at + 1);
  domain = domain.substr(0, domain.find_first_of("> \t"));
  return domain.empty() ? fallback : domain;
}

std::chrono::seconds claim_lease_for(std::chrono::seconds smtp_timeout) {
  return std::max<std::chrono::seconds>(15min, 20 * smtp_timeout);
}

int recover_interrupted(app::Services& s, std::chrono::seconds lease) {
  const core::Instant now = s.clock.now();
  // A read first: every delivery round recovers, and a write transaction
  // makes every other writer on the database wait its turn.
  std::int64_t stale = 0;
  s.db.read_all([&](store::Tx& tx) { stale = store::count_stale_claims(tx, now - lease); });
  if (stale == 0) {
    return 0;
  }
  int recovered = 0;
  s.db.write_all(
      [&](store::Tx& tx) { recovered = store::requeue_stale_claims(tx, now, now - lease); });
  if (recovered > 0) {
    spdlog::warn(
        "outbox: {} message(s) were claimed more than {} s ago and never settled (an instance "
        "stopped while sending them); sending them again",
        recovered, lease.count());
  }
  return recovered;
}

int deliver_due(app::Services& s, Mailer& mailer, const OutboxPolicy& policy,
                std::stop_token stop) {
  const std::string token = message_id_token(s.db);
  recover_interrupted(s, policy.claim_lease);
  int sent = 0;
  // Each claim moves its row out of 'pending' or its next attempt into the
  // future, so the loop ends when nothing more is due.
  while (!stop.stop_requested()) {
    std::optional<Claimed> c = claim_next(s);
    if (!c) {
      break;
    }
    c->mail.message_id = outbox_message_id(c->mail.id, token, policy.message_id_domain);
    const core::Status result = send_guarded(mailer, c->mail);
    if (result.ok()) {
      mark_sent(s, c->mail.id);
      ++sent;
    } else {
      mark_failed_attempt(s, *c, result.error().message, policy);
    }
  }
  return sent;
}

OutboxWorker::OutboxWorker(app::Services& s, Mailer& mailer, OutboxPolicy policy,
                           std::chrono::seconds interval)
    : services_(s),
      mailer_(mailer),
      policy_(std::move(policy)),
      periodic_("outbox: delivery round failed", interval, Periodic::FirstRound::at_once,
                [this](std::stop_token stop) { deliver_due(services_, mailer_, policy_, stop); }) {}

OutboxWorker::~OutboxWorker() { stop(); }

}  // namespace casepanel::jobs
