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

// A page's address as an email carries it: the service's public address
// ([server] public_url, app::Services::people.site_url) before `path`
// ("/actions/42"), so that the link is absolute and clickable; the path alone
// when none is set.
std::string link(const Services& s, const std::string& path);

}  // namespace casepanel::app
