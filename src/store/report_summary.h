// The review's summary rows (issue 16 §3): every measure of store/reports.h
// counted by day and key ahead of time, so that a year's review reads a few
// thousand rows however many councils one database holds.
//
// How they are kept (migration 17, schema_report_summary.cc):
// - a trigger on every table a measure reads puts the request a changed row
//   belongs to in report_dirty, in the transaction that changes it;
// - before that transaction commits, refresh() takes each dirty request's
//   old share of every measure (report_facts) off the counts, works its
//   share out again with the measures' own SQL, and adds it back; the
//   Database runs it before every COMMIT of a write (set by migrate());
// - a row whose key depends on today (an open action is overdue once its
//   due day has passed) is kept with both keys, and the read picks one by
//   comparing the day with today (store/reports_measures.h).
// So a figure cannot drift from the rows it counts: tally_rows() counts them
// directly and the tests hold the two equal after every use case.
#pragma once

#include <string>
#include <vector>

#include "store/database.h"

namespace casepanel::store::report_summary {

// Works out again the shares of the requests marked dirty, in the caller's
// write transaction. Does nothing when none is.
void refresh(Tx& tx);

// Run by migrate(): if the measures' SQL is not the one the summary was
// made with (a new or changed measure), makes it again from every request;
// otherwise refreshes whatever a migration marked dirty.
void ensure_current(Tx& tx);

// The counts that differ from the counts made again from every request, one
// line each ("MEASURE PANEL DAY KEY_NOW KEY_PAST ONLY_PAST: kept N, made
// again M"; the facts a group manager's figures are read from are checked
// through the counts they are summed into). It makes them again in the
// caller's transaction, which must then roll back. For the tests, which check
// the summary after every use case.
std::vector<std::string> differences(Tx& tx);

// The statement that works out the dirty requests' shares of every measure
// (one SELECT a measure, UNION ALL), for reading its plan.
const std::string& facts_sql();

}  // namespace casepanel::store::report_summary
