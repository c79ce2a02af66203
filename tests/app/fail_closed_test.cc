// Unreadable stored values fail closed (issue 11): a timestamp that is not
// one, or a state this build does not know, is a broken database. It throws,
// naming what it could not read; it never becomes 1 January 1970 or a
// default state.
#include <gtest/gtest.h>

#include <stdexcept>
#include <string>

#include "app/display.h"
#include "app/outbox.h"
#include "app/papers.h"
#include "app/watch.h"
#include "support/world.h"

namespace casepanel::app {
namespace {

using testing::TestWorld;

TEST(ParseUtc, ReadsStoredInstants) {
  struct Row {
    const char* text;
    const char* iso;
    const char* why;
  };
  const Row rows[] = {
      {.text = "2026-03-12T13:30:05Z", .iso = "2026-03-12T13:30:05Z", .why = "as stored"},
      {.text = "2026-03-12 13:30:05", .iso = "2026-03-12T13:30:05Z", .why = "SQL's own form"},
      {.text = "2026-03-12T13:30:05.250Z", .iso = "2026-03-12T13:30:05Z", .why = "a fraction"},
  };
  for (const Row& r : rows) {
    EXPECT_EQ(core::to_iso_utc(parse_utc(r.text)), r.iso) << r.why;
  }
}

TEST(ParseUtc, ThrowsNamingTheValueRatherThanReading1970) {
  struct Row {
    const char* text;
    const char* why;
  };
  const Row rows[] = {
      {.text = "", .why = "nothing"},
      {.text = "soon", .why = "not a time"},
      {.text = "2026-03-12", .why = "a date alone"},
      {.text = "2026-02-30T10:00:00Z", .why = "no such day"},
      {.text = "2026-03-12T25:00:00Z", .why = "no such hour"},
      {.text = "2026-03-12T10:00:00+01:00", .why = "not UTC"},
      {.text = "2026-03-12T1x:00:00Z", .why = "not digits"},
  };
  for (const Row& r : rows) {
    try {
      const core::Instant at = parse_utc(r.text);
      ADD_FAILURE() << r.why << ": read as " << core::to_iso_utc(at);
    } catch (const std::runtime_error& e) {
      EXPECT_NE(std::string(e.what()).find(std::string("\"") + r.text + "\""), std::string::npos)
          << r.why << ": " << e.what();
    }
  }
}

TEST(FailClosed, AnUnknownOutboxStatusThrows) {
  TestWorld w;
  w.db().write_all([&](store::Tx& tx) {
    tx.exec(
        "INSERT INTO outbox (created_at, recipient_id, recipient, subject, body, status) "
        "VALUES ('2026-03-12T10:00:00Z', $1, 'a@example.org', 'S', 'B', 'lost')",
        {w.admin});
  });
  EXPECT_THROW((void)outbox_page(w.services(), w.actor(w.admin), 1), std::runtime_error);
}

TEST(FailClosed, AnUnreadableOutboxTimeThrows) {
  TestWorld w;
  w.db().write_all([&](store::Tx& tx) {
    tx.exec(
        "INSERT INTO outbox (created_at, recipient_id, recipient, subject, body, status) "
        "VALUES ('yesterday', $1, 'a@example.org', 'S', 'B', 'failed')",
        {w.admin});
  });
  EXPECT_THROW((void)outbox_page(w.services(), w.actor(w.admin), 1), std::runtime_error);
}

TEST(FailClosed, AnUnknownDiscussionOutcomeThrows) {
  TestWorld w;
  w.db().write_all([&](store::Tx& tx) {
    tx.exec(
        "INSERT INTO child_discussions (child_id, criterion_id, discussed_on, outcome, "
        "arguments, recorded_by, recorded_at) VALUES ($1, 'x', '2026-03-01', 'maybe', 'A', $2, "
        "'2026-03-01T10:00:00Z')",
        {w.child_a, w.pm_a});
  });
  w.db().read_all([&](store::Tx& tx) {
    EXPECT_THROW((void)child_discussions(tx, w.services(), w.child_a), std::runtime_error);
  });
}

}  // namespace
}  // namespace casepanel::app
