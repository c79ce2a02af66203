#include "app/outbox.h"

#include "app/support.h"

namespace casepanel::app {
namespace {

std::string london_when(const std::optional<std::string>& iso_utc) {
  if (!iso_utc || iso_utc->empty()) {
    return "";
  }
  std::string out = london_long_date(*iso_utc);
  out.append(" ").append(london_hh_mm(*iso_utc));
  return out;
}

OutboxMessage message_from(const store::Row& r) {
  OutboxMessage m;
  m.id = r.integer(0);
  m.recipient = r.text(1);
  m.subject = r.text(2);
  m.status = r.text(3);
  m.attempts = r.integer(4);
  m.created = london_when(r.optional_text(5));
  m.next_attempt = m.status == "pending" ? london_when(r.optional_text(6)) : "";
  m.sent = london_when(r.optional_text(7));
  m.last_error = r.text(8);
  m.has_calendar = !r.text(9).empty();
  return m;
}

constexpr const char* kColumns =
    "SELECT id, recipient, subject, status, attempts, created_at, next_attempt_at, sent_at, "
    "last_error, COALESCE(calendar, '') FROM outbox ";

}  // namespace

void queue_invitation(store::Tx& tx, const Services& s, std::int64_t user_id, std::string subject,
                      std::string body, Invitation invitation) {
  auto row = tx.query_one("SELECT email FROM users WHERE id = $1 AND active = 1", {user_id});
  if (!row) {
    return;
  }
  if (invitation.stamp == core::Instant{}) {
    invitation.stamp = s.clock.now();
  }
  tx.exec(
      "INSERT INTO outbox (created_at, recipient_id, recipient, subject, body, calendar, "
      "calendar_method, status, next_attempt_at) VALUES ($1, $2, $3, $4, $5, $6, $7, "
      "'pending', $8)",
      {now_utc(s), user_id, row->text(0), std::move(subject), std::move(body),
       invitation_ics(invitation), std::string(invite_method_name(invitation.method)), now_utc(s)});
}

core::Result<std::vector<OutboxMessage>> outbox_messages(Services& s, const Actor& a, int limit) {
  if (!a.may(core::Permission::administer)) {
    return core::Error::forbidden("Only administrators see the email outbox");
  }
  std::vector<OutboxMessage> out;
  s.db.read_all([&](store::Tx& tx) {
    // Two queries rather than one sort over the whole table: each reads at
    // most `limit` rows through an index, however long the outbox grows.
    const std::string failed =
        std::string(kColumns) + "WHERE status = 'failed' ORDER BY id DESC LIMIT $1";
    const std::string others =
        std::string(kColumns) + "WHERE status <> 'failed' ORDER BY id DESC LIMIT $1";
    for (const std::string& sql : {failed, others}) {
      for (const auto& r : tx.query(sql, {std::int64_t{limit}})) {
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
    auto row = tx.query_one("SELECT status, attempts, last_error FROM outbox WHERE id = $1", {id});
    if (!row) {
      return core::Error::not_found();
    }
    if (row->text(0) != "failed") {
      return core::Error::conflict("Only a message whose delivery has failed can be retried");
    }
    tx.exec(
        "UPDATE outbox SET status = 'pending', attempts = 0, next_attempt_at = $1, "
        "claimed_at = NULL WHERE id = $2",
        {now_utc(s), id});
    audit(tx, s, a, "outbox.retry", "outbox", id,
          {{"previous_attempts", row->integer(1)}, {"last_error", row->text(2)}});
    return core::Done{};
  });
}

}  // namespace casepanel::app
