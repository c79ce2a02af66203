#include "app/outbox.h"

#include "app/audit_trail.h"
#include "app/display.h"
#include "store/outbox.h"
#include "store/people.h"

namespace casepanel::app {
namespace {

std::string london_when(core::Instant t) {
  const std::string iso = core::to_iso_utc(t);
  return london_long_date(iso) + " " + london_hh_mm(iso);
}

std::string london_when(const std::optional<core::Instant>& t) {
  return t ? london_when(*t) : std::string();
}

OutboxMessage message_from(const store::OutboxRecord& r) {
  OutboxMessage m;
  m.id = r.id;
  m.recipient = r.recipient;
  m.subject = r.subject;
  m.status = r.status;
  m.attempts = r.attempts;
  m.created = london_when(r.created_at);
  m.next_attempt = r.status == store::OutboxStatus::pending ? london_when(r.next_attempt_at) : "";
  m.sent = london_when(r.sent_at);
  m.last_error = r.last_error;
  m.has_calendar = r.has_calendar;
  return m;
}

}  // namespace

void queue_invitation(store::Tx& tx, const Services& s, std::int64_t user_id, std::string subject,
                      std::string body, Invitation invitation) {
  std::optional<std::string> to = store::active_email(tx, user_id);
  if (!to) {
    return;
  }
  if (invitation.stamp == core::Instant{}) {
    invitation.stamp = s.clock.now();
  }
  store::queue_message(tx, {.recipient_id = user_id,
                            .recipient = std::move(*to),
                            .subject = std::move(subject),
                            .body = std::move(body),
                            .calendar = invitation_ics(invitation),
                            .calendar_method = std::string(invite_method_name(invitation.method)),
                            .calendar_uid = invitation.uid,
                            .created_at = s.clock.now()});
}

core::Result<std::vector<OutboxMessage>> outbox_messages(Services& s, const Actor& a, int limit) {
  if (!a.may(core::Permission::administer)) {
    return core::Error::forbidden("Only administrators see the email outbox");
  }
  std::vector<OutboxMessage> out;
  s.db.read_all([&](store::Tx& tx) {
    for (store::FailedOrNot which : {store::FailedOrNot::failed, store::FailedOrNot::others}) {
      for (const store::OutboxRecord& r : store::recent_outbox(tx, which, limit)) {
        out.push_back(message_from(r));
      }
    }
  });
  return out;
}

core::Status retry_outbox_message(Services& s, const Actor& a, std::int64_t id) {
  if (!a.may(core::Permission::administer)) {
    return core::Error::forbidden("Only administrators retry email");
  }
  return s.db.write<core::Done>([&](store::Tx& tx) -> core::Status {
    const std::optional<store::OutboxRecord> row = store::find_outbox_message(tx, id);
    if (!row) {
      return core::Error::not_found();
    }
    if (row->status != store::OutboxStatus::failed) {
      return core::Error::conflict("Only a message whose delivery has failed can be retried");
    }
    store::requeue_outbox_message(tx, id, s.clock.now());
    audit(tx, s, a, "outbox.retry", "outbox", id,
          {{"previous_attempts", row->attempts}, {"last_error", row->last_error}});
    return core::Done{};
  });
}

}  // namespace casepanel::app
