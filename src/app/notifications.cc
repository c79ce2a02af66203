#include "app/notifications.h"

#include "store/outbox.h"
#include "store/people.h"

namespace casepanel::app {

std::string link(const Services& s, const std::string& path) { return s.people.site_url + path; }

void queue_email(store::Tx& tx, const Services& s, std::int64_t user_id, std::string subject,
                 std::string body) {
  std::optional<std::string> to = store::active_email(tx, user_id);
  if (!to) {
    return;
  }
  store::queue_message(tx, {.recipient_id = user_id,
                            .recipient = std::move(*to),
                            .subject = std::move(subject),
                            .body = std::move(body),
                            .calendar = std::nullopt,
                            .calendar_method = std::nullopt,
                            .calendar_uid = std::nullopt,
                            .created_at = s.clock.now()});
}

}  // namespace casepanel::app
