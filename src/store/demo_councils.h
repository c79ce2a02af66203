// DemoCouncils: copies of the large demo council in the same database, for
// the annual review at national scale (issue 16 §3: 150 councils' worth,
// `casepanel demo --scale national`). Council 0 is what the large demo
// wrote (store/bulk_load.h); council k is a copy of it made in the database
// itself by INSERT ... SELECT, so no row passes through the client and the
// memory used does not grow with the data.
//
// A copy has its own teams (named "NAME · council K"), sibling groups,
// children (external ids suffixed "-K"), sittings, requests, approvals,
// hearings, decisions with their items and significant events, actions,
// escalation steps, authorised minutes and returns to panel; ids are council
// 0's plus k times the span of each table. Staff, localities and the panel
// catalogue are shared, as a provider hosting many councils would share them.
// A sitting must be unique by panel and start, so council k's sittings start
// k seconds after council 0's (whole minutes and seconds: 09:30:00 becomes
// 09:32:29 for council 149); every date is unchanged, so each council's
// figures are council 0's.
//
// Each call takes the caller's open transaction and must have no other
// writer of these tables beside it.
#pragma once

#include <cstdint>

#include "store/database.h"

namespace casepanel::store::history {

// The ids council 0 holds in each table: 1 to the table's MAX(id).
struct CouncilSpan {
  std::int64_t teams = 0;
  std::int64_t sibling_groups = 0;
  std::int64_t children = 0;
  std::int64_t sittings = 0;
  std::int64_t requests = 0;
  std::int64_t approvals = 0;
  std::int64_t hearings = 0;
  std::int64_t decisions = 0;
  std::int64_t actions = 0;
};
CouncilSpan council_span(Tx& tx);

// Writes council `council` (1 to 3,599) as a copy of council 0.
void copy_council(Tx& tx, const CouncilSpan& span, int council);

// On PostgreSQL, moves each identity past the ids the copies chose.
void move_identities_past_copies(Tx& tx);

// On PostgreSQL, gathers the planner's statistics (ANALYZE) after a bulk
// load: measured, the review of one fresh council took 15.9 s without them
// and 1.0 s with them (docs/benchmarks.md). SQLite plans without statistics.
void gather_statistics(Tx& tx);

}  // namespace casepanel::store::history
