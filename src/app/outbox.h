// The outbox from the use cases' side: queuing an email that carries a
// calendar invitation, and the administrators' view of delivery (the list of
// messages a page at a time, one message with its text and invitation, and
// sending a failed one again). Delivery itself is jobs/outbox.h; the states a
// row goes through are described there.
//
// An administrator has no access to children's records, and may read every
// message: so no subject or body names a child or carries what is known
// about one (email is not a safe channel for it either). Messages name the
// panel and the request, and link to the page that says more. The one secret
// a body carries, a set-password link, is hidden from the administrator.
#pragma once

#include <cstdint>
#include <optional>
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

inline constexpr int kOutboxPerPage = 50;
struct OutboxPage {
  std::vector<OutboxMessage> messages;
  std::int64_t total = 0;  // messages in the outbox
  std::int64_t first = 0;  // the position of this page's first message, from 1; 0 when none
  int page = 1;
  int pages = 1;
};
// One page of the outbox, kOutboxPerPage messages: failed messages first,
// then the others, each newest first. A page past the last is the last.
// Administrators only.
core::Result<OutboxPage> outbox_page(Services& s, const Actor& a, int page);

// One message as its page shows it; reading it is audited as "outbox.read".
struct OutboxMessageText {
  OutboxMessage message;
  std::string body;      // the text part, any set-password link hidden
  std::string calendar;  // the iCalendar text; "" when none
  std::optional<InvitationSummary> invitation;
};
// Administrators only; an unknown id is not found.
core::Result<OutboxMessageText> outbox_message(Services& s, const Actor& a, std::int64_t id);

// Puts a failed message back in the queue, due now, with a fresh count of
// attempts; audited as "outbox.retry". Administrators only; a message that
// has not failed is a conflict.
core::Status retry_outbox_message(Services& s, const Actor& a, std::int64_t id);

}  // namespace casepanel::app
