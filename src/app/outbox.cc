#include "app/outbox.h"

#include <algorithm>
#include <string_view>

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

// A set-password link (app/people.h: "/set-password/" and its token) lets
// whoever holds it sign in as the recipient: the administrator who sent it
// must not be able to read it back here.
std::string without_password_links(std::string body) {
  static constexpr std::string_view kPath = "/set-password/";
  for (auto at = body.find(kPath); at != std::string::npos; at = body.find(kPath, at)) {
    const std::size_t token = at + kPath.size();
    const std::size_t end = body.find_first_of(" \t\r\n", token);
    body.replace(token, (end == std::string::npos ? body.size() : end) - token,
                 "(hidden: only the recipient may use this link)");
    at = token;
  }
  return body;
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

core::Result<OutboxPage> outbox_page(Services& s, const Actor& a, int page) {
  if (!a.may(core::Permission::administer)) {
    return core::Error::forbidden("Only administrators see the email outbox");
  }
  OutboxPage out;
  s.db.read_all([&](store::Tx& tx) {
    const std::int64_t failed = store::count_outbox(tx, store::FailedOrNot::failed);
    out.total = failed + store::count_outbox(tx, store::FailedOrNot::others);
    out.pages = static_cast<int>(
        std::max<std::int64_t>(1, (out.total + kOutboxPerPage - 1) / kOutboxPerPage));
    out.page = std::clamp(page, 1, out.pages);
    // The page's window over failed-then-others: the failed rows it covers,
    // then as many others as are left.
    const std::int64_t from = std::int64_t{out.page - 1} * kOutboxPerPage;
    std::vector<store::OutboxRecord> rows;
    if (from < failed) {
      rows = store::recent_outbox(tx, store::FailedOrNot::failed, kOutboxPerPage, from);
    }
    const auto left = static_cast<int>(kOutboxPerPage - std::ssize(rows));
    if (left > 0) {
      for (store::OutboxRecord& r : store::recent_outbox(
               tx, store::FailedOrNot::others, left, std::max<std::int64_t>(0, from - failed))) {
        rows.push_back(std::move(r));
      }
    }
    out.first = rows.empty() ? 0 : from + 1;
    for (const store::OutboxRecord& r : rows) {
      out.messages.push_back(message_from(r));
    }
  });
  return out;
}

core::Result<OutboxMessageText> outbox_message(Services& s, const Actor& a, std::int64_t id) {
  if (!a.may(core::Permission::administer)) {
    return core::Error::forbidden("Only administrators read the email outbox");
  }
  return s.db.write<OutboxMessageText>([&](store::Tx& tx) -> core::Result<OutboxMessageText> {
    const std::optional<store::OutboxRecord> row = store::find_outbox_message(tx, id);
    const std::optional<store::OutboxText> text = store::outbox_text(tx, id);
    if (!row || !text) {
      return core::Error::not_found();
    }
    OutboxMessageText out{.message = message_from(*row),
                          .body = without_password_links(text->body),
                          .calendar = text->calendar,
                          .invitation = std::nullopt};
    if (!text->calendar.empty()) {
      out.invitation = read_invitation(text->calendar);
    }
    audit(tx, s, a, "outbox.read", "outbox", id, {{"recipient", row->recipient}});
    return out;
  });
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
