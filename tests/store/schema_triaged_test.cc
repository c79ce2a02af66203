// Migration 18 (store/schema_triaged.cc): requests written before it get the
// time they were triaged from what the database holds, the first triage
// outcome in their history or the first scheduling in the audit trail, not
// before they were last sent; a request with neither keeps none.
#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "store/database.h"
#include "store/schema_history.h"
#include "support/world.h"

namespace casepanel::store {
namespace {

using testing::TestWorld;

// The migration's backfill: its UPDATE statements, run again on rows whose
// triaged_at was left empty (the world is already at the latest version).
void backfill(Tx& tx) {
  for (const Migration& m : schema_history()) {
    if (m.version != 18) {
      continue;
    }
    std::string sql = m.sql;
    for (std::size_t start = 0; start < sql.size();) {
      std::size_t end = sql.find(";\n", start);
      end = end == std::string::npos ? sql.size() : end;
      const std::string one = sql.substr(start, end - start);
      if (one.find("UPDATE requests") != std::string::npos) {
        tx.exec(one);
      }
      start = end + 2;
    }
    return;
  }
  FAIL() << "no migration 18";
}

struct Before {
  std::string why;
  std::optional<std::string> submitted;
  std::vector<std::string> triage_history;  // approvals at step "triage"
  std::vector<std::string> scheduled;       // audit events request.schedule
  std::optional<std::string> triaged;       // what the migration finds
};

TEST(Migration18, TriagedFromTheHistoryAndTheAuditTrail) {
  TestWorld w;
  const Before rows[] = {
      {.why = "declined: the triage outcome in its history",
       .submitted = "2026-01-05T10:00:00Z",
       .triage_history = {"2026-01-07T09:00:00Z"},
       .triaged = "2026-01-07T09:00:00Z"},
      {.why = "given a slot, then another after a cancellation: the first",
       .submitted = "2026-01-05T10:00:00Z",
       .scheduled = {"2026-01-09T12:00:00Z", "2026-01-06T12:00:00Z"},
       .triaged = "2026-01-06T12:00:00Z"},
      {.why = "asked for more information, sent again, then given a slot: the slot",
       .submitted = "2026-02-01T10:00:00Z",
       .triage_history = {"2026-01-20T09:00:00Z"},
       .scheduled = {"2026-02-03T15:00:00Z"},
       .triaged = "2026-02-03T15:00:00Z"},
      {.why = "both: the earlier",
       .submitted = "2026-01-05T10:00:00Z",
       .triage_history = {"2026-01-08T09:00:00Z"},
       .scheduled = {"2026-01-06T08:00:00Z"},
       .triaged = "2026-01-06T08:00:00Z"},
      {.why = "loaded in bulk, heard, no trail: none rather than a guess",
       .submitted = "2026-01-05T10:00:00Z"},
      {.why = "never sent", .submitted = std::nullopt, .scheduled = {"2026-01-06T12:00:00Z"}},
  };
  std::vector<std::int64_t> ids;
  w.db().write_all([&](Tx& tx) {
    for (const Before& b : rows) {
      const std::int64_t id = tx.insert(
          "INSERT INTO requests (panel_id, state, author_id, team_id, created_at, updated_at, "
          "submitted_at) VALUES ('clam', 'submitted', $1, $2, '2026-01-02T10:00:00Z', "
          "'2026-01-02T10:00:00Z', $3) RETURNING id",
          {w.sw_a, w.team_a, nullable(b.submitted)});
      for (const std::string& at : b.triage_history) {
        tx.exec(
            "INSERT INTO approvals (request_id, step_id, approver_id, outcome, at) VALUES ($1, "
            "'triage', $2, 'declined', $3)",
            {id, w.coordinator, at});
      }
      for (const std::string& at : b.scheduled) {
        tx.exec(
            "INSERT INTO audit_events (at, action, entity, entity_id, prev_hash, hash) VALUES "
            "($1, 'request.schedule', 'request', $2, '', '')",
            {at, std::to_string(id)});
      }
      ids.push_back(id);
    }
    backfill(tx);
  });
  for (std::size_t i = 0; i < ids.size(); ++i) {
    std::optional<std::string> found;
    w.db().read_all([&](Tx& tx) {
      found =
          tx.query_one("SELECT triaged_at FROM requests WHERE id = $1", {ids[i]})->optional_text(0);
    });
    EXPECT_EQ(found, rows[i].triaged) << rows[i].why;
  }
}

}  // namespace
}  // namespace casepanel::store
