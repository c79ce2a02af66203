// Notifications: email queued by a use case in its own transaction, so that
// a message exists exactly when the change it reports does. The outbox job
// (jobs/outbox.h) delivers it after the commit; a disabled or unknown
// recipient gets nothing. Calendar invitations: app/outbox.h.
#pragma once

#include <cstdint>
#include <string>

#include "app/services.h"

namespace casepanel::app {

// Queues an email for the outbox worker; delivered after the transaction commits.
void queue_email(store::Tx& tx, const Services& s, std::int64_t user_id, std::string subject,
                 std::string body);

}  // namespace casepanel::app
