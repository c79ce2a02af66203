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
std::vector<std::int64_t> due_outbox_ids(Tx& tx, core::Instant now, int batch);
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
// Marks the row 'sending' if it is still pending (another instance on the
// same PostgreSQL may have taken it) and reads what to send.
std::optional<ClaimedMessage> claim_outbox_message(Tx& tx, std::int64_t id, core::Instant now);
void mark_outbox_sent(Tx& tx, std::int64_t id, core::Instant at);
// A failed attempt: pending again from `retry_at`, or failed for good when
// there is none.
void mark_outbox_attempt_failed(Tx& tx, std::int64_t id, std::int64_t attempts,
                                const std::string& error, std::optional<core::Instant> retry_at);
// Rows left 'sending' by an interrupted run, pending again and due `now`;
// returns how many.
int requeue_interrupted(Tx& tx, core::Instant now);

}  // namespace casepanel::store
