// The outbox from the use cases' side: queuing an email that carries a
// calendar invitation, and the administrators' view of delivery (the list of
// recent messages, and sending a failed one again). Delivery itself is
// jobs/outbox.h; the states a row goes through are described there.
//
// The administrators' page shows recipients, subjects and delivery state, not
// bodies: subjects name the panel, never a child (an administrator has no
// access to children's records).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "app/invitation.h"
#include "app/services.h"
#include "core/result.h"
#include "store/outbox.h"

namespace casepanel::app {

// Like queue_email (app/notifications.h), with the invitation as a text/calendar
// part. DTSTAMP is taken from the clock when the invitation has none.
void queue_invitation(store::Tx& tx, const Services& s, std::int64_t user_id, std::string subject,
                      std::string body, Invitation invitation);

struct OutboxMessage {
  std::int64_t id = 0;
  std::string recipient;
  std::string subject;
  store::OutboxStatus status = store::OutboxStatus::pending;
  std::int64_t attempts = 0;
  std::string created;       // Europe/London, "24 November 2026 09:00"
  std::string next_attempt;  // Europe/London; empty when none is planned
  std::string sent;          // Europe/London; empty until sent
  std::string last_error;
  bool has_calendar = false;
};

// Failed messages first (newest first), then the most recent others; at most
// `limit` of each. Administrators only.
core::Result<std::vector<OutboxMessage>> outbox_messages(Services& s, const Actor& a,
                                                         int limit = 100);

// Puts a failed message back in the queue, due now, with a fresh count of
// attempts; audited as "outbox.retry". Administrators only; a message that
// has not failed is a conflict.
core::Status retry_outbox_message(Services& s, const Actor& a, std::int64_t id);

}  // namespace casepanel::app
