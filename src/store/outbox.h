// Outbox: the repository behind every email casepanel sends (the `outbox`
// table). Use cases queue rows in their own transaction (app/notifications.h,
// app/outbox.h); the delivery job claims and settles them (jobs/outbox.h,
// whose header draws the states). Statuses come out as OutboxStatus and
// times as core::Instant; an unknown status or unreadable time throws
// std::runtime_error naming the row (a broken database).
//
// Every function takes the caller's open transaction; none commits.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/calendar.h"
#include "store/database.h"

namespace casepanel::store {

enum class OutboxStatus { pending, sending, sent, failed };
std::string_view outbox_status_id(OutboxStatus s);  // as stored: "pending" ...

// An email to queue; delivered after the transaction commits. A calendar
// invitation rides along as a text/calendar part when `calendar` is set.
struct NewOutboxMessage {
  std::int64_t recipient_id = 0;
  std::string recipient;  // the address
  std::string subject;
  std::string body;
  std::optional<std::string> calendar;  // iCalendar text
  std::optional<std::string> calendar_method;
  std::optional<std::string> calendar_uid;  // the invitation's UID: who was invited
  core::Instant created_at;
};
void queue_message(Tx& tx, const NewOutboxMessage& m);

// The people who were sent an invitation (METHOD:REQUEST) to the calendar
// event `uid`, whatever became of its delivery, by id: those a cancellation
// goes to.
std::vector<std::int64_t> invited_to(Tx& tx, const std::string& uid);

// A row as the administrators' list shows it (without its body).
struct OutboxRecord {
  std::int64_t id = 0;
  std::string recipient;
  std::string subject;
  OutboxStatus status = OutboxStatus::pending;
  std::int64_t attempts = 0;
  core::Instant created_at;
  std::optional<core::Instant> next_attempt_at;
  std::optional<core::Instant> sent_at;
  std::string last_error;  // "" when none
  bool has_calendar = false;
};
enum class FailedOrNot { failed, others };
// The rows that failed, or that did not, newest first: `limit` of them after
// skipping `offset`.
std::vector<OutboxRecord> recent_outbox(Tx& tx, FailedOrNot which, int limit,
                                        std::int64_t offset = 0);
std::int64_t count_outbox(Tx& tx, FailedOrNot which);
std::optional<OutboxRecord> find_outbox_message(Tx& tx, std::int64_t id);
// What a message says: its body and any iCalendar text ("" when none).
struct OutboxText {
  std::string body;
  std::string calendar;
};
std::optional<OutboxText> outbox_text(Tx& tx, std::int64_t id);
// A failed row back to pending, due `at`, with no attempts counted.
void requeue_outbox_message(Tx& tx, std::int64_t id, core::Instant at);

// Delivery (jobs/outbox.h).
struct ClaimedMessage {
  std::int64_t id = 0;
  std::int64_t attempts = 0;  // before this one
  std::string to;
  std::string to_name;  // "" when the recipient is no longer a user
  std::string subject;
  std::string body;
  std::string calendar;         // "" when none
  std::string calendar_method;  // "REQUEST" when none was stored
};
// Takes the oldest pending row due at `now` (next attempt not in the
// future): marks it 'sending', claimed at `now`, and reads what to send.
// None when nothing is due. Two instances claiming at once never get the
// same row: the UPDATE takes a row only while it is still 'pending', and on
// PostgreSQL the candidate is read FOR UPDATE SKIP LOCKED, so a row another
// transaction is claiming is passed over, not waited for.
std::optional<ClaimedMessage> claim_next_outbox_message(Tx& tx, core::Instant now);
void mark_outbox_sent(Tx& tx, std::int64_t id, core::Instant at);
// A failed attempt: pending again from `retry_at`, or failed for good when
// there is none.
void mark_outbox_attempt_failed(Tx& tx, std::int64_t id, std::int64_t attempts,
                                const std::string& error, std::optional<core::Instant> retry_at);
// How many rows are 'sending' with a claim made at or before
// `claimed_before` (or with no claim time): claims nobody still holds.
std::int64_t count_stale_claims(Tx& tx, core::Instant claimed_before);
// Those rows pending again and due `now`; returns how many. A row claimed
// after `claimed_before` is left alone: an instance may be sending it.
int requeue_stale_claims(Tx& tx, core::Instant now, core::Instant claimed_before);

}  // namespace casepanel::store
