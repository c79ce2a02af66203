#include "store/outbox.h"

#include <stdexcept>

#include "store/typed_columns.h"

namespace casepanel::store {
namespace {

constexpr const char* kOutboxColumns =
    "SELECT id, recipient, subject, status, attempts, created_at, next_attempt_at, sent_at, "
    "last_error, calendar FROM outbox ";

OutboxStatus status_column(const Row& r, std::size_t i, std::int64_t id) {
  const std::string text = r.text(i);
  for (OutboxStatus s :
       {OutboxStatus::pending, OutboxStatus::sending, OutboxStatus::sent, OutboxStatus::failed}) {
    if (outbox_status_id(s) == text) {
      return s;
    }
  }
  throw std::runtime_error("outbox " + std::to_string(id) + ": unknown status \"" + text + "\"");
}

OutboxRecord outbox_record_of(const Row& r) {
  const std::int64_t id = r.integer(0);
  return {.id = id,
          .recipient = r.text(1),
          .subject = r.text(2),
          .status = status_column(r, 3, id),
          .attempts = r.integer(4),
          .created_at = instant_column(r, 5, {"outbox", id, "created_at"}),
          .next_attempt_at = optional_instant_column(r, 6, {"outbox", id, "next_attempt_at"}),
          .sent_at = optional_instant_column(r, 7, {"outbox", id, "sent_at"}),
          .last_error = r.text(8),
          .has_calendar = !r.text(9).empty()};
}

}  // namespace

std::string_view outbox_status_id(OutboxStatus s) {
  switch (s) {
    case OutboxStatus::pending:
      return "pending";
    case OutboxStatus::sending:
      return "sending";
    case OutboxStatus::sent:
      return "sent";
    case OutboxStatus::failed:
      break;
  }
  return "failed";
}

void queue_message(Tx& tx, const NewOutboxMessage& m) {
  const std::string now = core::to_iso_utc(m.created_at);
  tx.exec(
      "INSERT INTO outbox (created_at, recipient_id, recipient, subject, body, calendar, "
      "calendar_method, calendar_uid, status, next_attempt_at) VALUES ($1, $2, $3, $4, $5, $6, "
      "$7, $8, 'pending', $9)",
      {now, m.recipient_id, m.recipient, m.subject, m.body, nullable(m.calendar),
       nullable(m.calendar_method), nullable(m.calendar_uid), now});
}

std::vector<std::int64_t> invited_to(Tx& tx, const std::string& uid) {
  std::vector<std::int64_t> out;
  for (const Row& r :
       tx.query("SELECT DISTINCT recipient_id FROM outbox WHERE calendar_uid = $1 AND "
                "COALESCE(calendar_method, 'REQUEST') = 'REQUEST' AND recipient_id IS NOT NULL "
                "ORDER BY recipient_id",
                {uid})) {
    out.push_back(r.integer(0));
  }
  return out;
}

namespace {

const char* where_status(FailedOrNot which) {
  return which == FailedOrNot::failed ? "WHERE status = 'failed' " : "WHERE status <> 'failed' ";
}

}  // namespace

std::vector<OutboxRecord> recent_outbox(Tx& tx, FailedOrNot which, int limit, std::int64_t offset) {
  // Failed rows and the others are read apart rather than in one sort over
  // the whole table: each walks the primary key newest first and stops after
  // offset + limit rows, however long the outbox grows.
  const std::string sql =
      std::string(kOutboxColumns) + where_status(which) + "ORDER BY id DESC LIMIT $1 OFFSET $2";
  std::vector<OutboxRecord> out;
  for (const Row& r : tx.query(sql, {std::int64_t{limit}, offset})) {
    out.push_back(outbox_record_of(r));
  }
  return out;
}

std::int64_t count_outbox(Tx& tx, FailedOrNot which) {
  return tx.query_one(std::string("SELECT COUNT(*) FROM outbox ") + where_status(which))
      ->integer(0);
}

std::optional<OutboxText> outbox_text(Tx& tx, std::int64_t id) {
  auto r = tx.query_one("SELECT body, calendar FROM outbox WHERE id = $1", {id});
  if (!r) {
    return std::nullopt;
  }
  return OutboxText{r->text(0), r->text(1)};
}

std::optional<OutboxRecord> find_outbox_message(Tx& tx, std::int64_t id) {
  auto r = tx.query_one(std::string(kOutboxColumns) + "WHERE id = $1", {id});
  if (!r) {
    return std::nullopt;
  }
  return outbox_record_of(*r);
}

void requeue_outbox_message(Tx& tx, std::int64_t id, core::Instant at) {
  tx.exec(
      "UPDATE outbox SET status = 'pending', attempts = 0, next_attempt_at = $1, "
      "claimed_at = NULL WHERE id = $2",
      {core::to_iso_utc(at), id});
}

namespace {

// The oldest due pending row. On PostgreSQL a row another transaction has
// locked (being claimed) is skipped rather than waited for. Writers take
// turns on both engines (store/database.h), so this is a second line of
// defence there; SQLite has no row locks and needs none (one writer).
std::string next_due_sql(Engine engine) {
  std::string sql =
      "SELECT id FROM outbox WHERE status = 'pending' AND (next_attempt_at IS NULL OR "
      "next_attempt_at <= $2) ORDER BY next_attempt_at, id LIMIT 1";
  if (engine == Engine::postgresql) {
    sql += " FOR UPDATE SKIP LOCKED";
  }
  return sql;
}

}  // namespace

std::optional<ClaimedMessage> claim_next_outbox_message(Tx& tx, core::Instant now) {
  const std::string at = core::to_iso_utc(now);
  auto taken = tx.query_one("UPDATE outbox SET status = 'sending', claimed_at = $1 WHERE id = (" +
                                next_due_sql(tx.engine()) +
                                ") AND status = 'pending' RETURNING id, attempts",
                            {at, at});
  if (!taken) {
    return std::nullopt;
  }
  const std::int64_t id = taken->integer(0);
  auto r = tx.query_one(
      "SELECT o.recipient, COALESCE(u.name, ''), o.subject, o.body, o.calendar, "
      "o.calendar_method FROM outbox o LEFT JOIN users u ON u.id = o.recipient_id "
      "WHERE o.id = $1",
      {id});
  return ClaimedMessage{.id = id,
                        .attempts = taken->integer(1),
                        .to = r->text(0),
                        .to_name = r->text(1),
                        .subject = r->text(2),
                        .body = r->text(3),
                        .calendar = r->text(4),
                        .calendar_method = r->optional_text(5).value_or("REQUEST")};
}

void mark_outbox_sent(Tx& tx, std::int64_t id, core::Instant at) {
  tx.exec(
      "UPDATE outbox SET status = 'sent', sent_at = $1, attempts = attempts + 1, "
      "last_error = NULL, claimed_at = NULL, next_attempt_at = NULL WHERE id = $2",
      {core::to_iso_utc(at), id});
}

void mark_outbox_attempt_failed(Tx& tx, std::int64_t id, std::int64_t attempts,
                                const std::string& error, std::optional<core::Instant> retry_at) {
  const OutboxStatus status = retry_at ? OutboxStatus::pending : OutboxStatus::failed;
  tx.exec(
      "UPDATE outbox SET status = $1, attempts = $2, last_error = $3, next_attempt_at = $4, "
      "claimed_at = NULL WHERE id = $5",
      {std::string(outbox_status_id(status)), attempts, error,
       retry_at ? Value{core::to_iso_utc(*retry_at)} : Value{nullptr}, id});
}

std::int64_t count_stale_claims(Tx& tx, core::Instant claimed_before) {
  return tx
      .query_one(
          "SELECT COUNT(*) FROM outbox WHERE status = 'sending' AND (claimed_at IS NULL OR "
          "claimed_at <= $1)",
          {core::to_iso_utc(claimed_before)})
      ->integer(0);
}

int requeue_stale_claims(Tx& tx, core::Instant now, core::Instant claimed_before) {
  return static_cast<int>(
      tx.query("UPDATE outbox SET status = 'pending', claimed_at = NULL, next_attempt_at = $1 "
               "WHERE status = 'sending' AND (claimed_at IS NULL OR claimed_at <= $2) "
               "RETURNING id",
               {core::to_iso_utc(now), core::to_iso_utc(claimed_before)})
          .size());
}

}  // namespace casepanel::store
