// Outbox delivery: the background half of every email casepanel sends.
//
// Use cases only write rows to the outbox table, inside their own
// transaction, so a message exists exactly when the change it reports does
// (app/notifications.h queue_email, app/outbox.h queue_invitation). This file
// moves those rows to an SMTP server:
//
//   pending --claim--> sending --accepted (250)--> sent
//                         |
//                         +--refused / no connection--> pending, retried after
//                            retry_delay(attempts); 'failed' after
//                            max_attempts (an administrator can retry it)
//
// Each row is claimed in its own short transaction before the SMTP exchange
// and settled in another after it; no transaction is open while talking to
// the server. A row becomes 'sent' only after the server accepted it, so no
// message is lost. Delivery is at least once, and exactly once unless an
// instance dies (or stalls for longer than the claim lease) between the
// server's 250 and settling the row. Every attempt carries the same
// Message-ID (outbox_message_id), so a recipient's mail client can recognise
// such a duplicate.
//
// Several instances (several `casepanel serve` on one PostgreSQL) each run a
// worker, and each message still goes once:
// - the claim takes the oldest due 'pending' row and makes it 'sending' in
//   one write transaction (store::claim_next_outbox_message); write
//   transactions take turns across instances, and the UPDATE takes the row
//   only while it is still pending, so two workers never claim one row;
// - a row left 'sending' by an instance that died is taken back only once
//   its claim is older than the lease (OutboxPolicy::claim_lease, 15 minutes
//   by default): a claim that young may belong to an instance still talking
//   to the SMTP server, and sending it again would send it twice. Every
//   delivery round recovers stale claims, so a live instance finishes what a
//   dead one started without waiting for a restart.
//
// Time comes from the Services clock: tests move a FakeClock and call
// deliver_due() directly. OutboxWorker runs deliver_due() on its own thread
// for `casepanel serve`.
#pragma once

#include <chrono>
#include <cstdint>
#include <stop_token>
#include <string>

#include "app/services.h"
#include "jobs/mailer.h"
#include "jobs/periodic.h"

namespace casepanel::jobs {

struct OutboxPolicy {
  int max_attempts = 8;  // the attempt that fails for the 8th time marks the row 'failed'
  // How long a claim ('sending') is honoured before another worker may take
  // the row back (claim_lease_for).
  std::chrono::seconds claim_lease{15 * 60};
  // The right-hand side of Message-IDs; serve uses the domain of [smtp] from.
  std::string message_id_domain = "casepanel";
};

// How long to wait after the n-th failed attempt (n >= 1): 1 minute,
// 5 minutes, 30 minutes, 2 hours, then 6 hours for every later one. With the
// default 8 attempts a message is retried for about 21 hours before it fails.
std::chrono::seconds retry_delay(int failed_attempts);

// "<outbox-42.1a2b3c4d5e6f7a8b@casepanel>": the row id, a random token kept
// per installation (so two installations never share an id) and the domain.
std::string outbox_message_id(std::int64_t id, const std::string& token, const std::string& domain);
// The installation's token, made on first use and kept in the settings table.
std::string message_id_token(store::Database& db);
// The domain part of an address like "Panel <panel@council.gov.uk>";
// `fallback` when there is none.
std::string address_domain(const std::string& address, const std::string& fallback);

// The claim lease for an SMTP client whose every step (connect, each reply,
// each write) may take up to `smtp_timeout`: 20 of them, and never less than
// 15 minutes. One exchange waits at most about 12 times (connect, greeting,
// EHLO, STARTTLS and EHLO again, AUTH LOGIN's three replies, MAIL, RCPT,
// DATA, the end of the message), 6 minutes at the default 30 seconds; the
// rest is margin for clock skew between instances and a paused process.
std::chrono::seconds claim_lease_for(std::chrono::seconds smtp_timeout);

// Puts rows left 'sending' by an interrupted run back to 'pending', due now,
// when their claim is older than `lease` (younger ones may be in flight on
// another instance). Returns how many.
int recover_interrupted(app::Services& s, std::chrono::seconds lease);

// Recovers stale claims (recover_interrupted with the policy's lease), then
// sends every message due now (status 'pending', next attempt not in the
// future), oldest first, one at a time, and settles each. Returns how many
// were accepted by the server. Stops between messages when `stop` is
// requested. Database errors propagate (the row being settled stays
// 'sending' until its claim is stale).
int deliver_due(app::Services& s, Mailer& mailer, const OutboxPolicy& policy = {},
                std::stop_token stop = {});

// Runs deliver_due() at start and then every `interval` on its own thread,
// until stop() or destruction. stop() wakes the thread at once and waits for
// the message in flight, if any. start() and stop() are for one owning
// thread; wake() may be called from any.
class OutboxWorker {
 public:
  OutboxWorker(app::Services& s, Mailer& mailer, OutboxPolicy policy,
               std::chrono::seconds interval);
  ~OutboxWorker();
  OutboxWorker(const OutboxWorker&) = delete;
  OutboxWorker& operator=(const OutboxWorker&) = delete;

  // Starts the thread; its first round (at once) recovers stale claims.
  void start() { periodic_.start(); }
  void stop() { periodic_.stop(); }
  // Runs a delivery round now instead of at the end of the interval.
  void wake() { periodic_.wake(); }

 private:
  app::Services& services_;
  Mailer& mailer_;
  OutboxPolicy policy_;
  Periodic periodic_;
};

}  // namespace casepanel::jobs
