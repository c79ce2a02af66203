// The annual review's figures (issue 16), as aggregate SQL: each figure is a
// Measure, one query whose rows are the things it counts (a request, a child
// in a request, a decision item, an action ...), each with the request it
// belongs to, the day it is dated by and its key (the group it falls in).
// tally_rows() counts the rows by key with one GROUP BY; case_lines() lists
// the rows of one key. Both run the same query, so a figure and the list
// behind it cannot disagree. tally() reads the same counts from the summary
// rows kept with every change (store/report_summary.h), which the tests hold
// equal to tally_rows().
//
// Every measure is filtered alike: by panel (or every panel), by a period of
// days [from, to] (ISO text compared as text; each measure says which day it
// is dated by, docs/reports.md), and, for a group manager, by the request's
// team. Keys that need working days (timeliness) are pairs of ISO days
// "FROM|TO" that app/reports.cc counts with core/calendar; the distinct pairs
// are few, so no query runs per row.
//
// Every function takes the caller's open transaction; none writes.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/database.h"

namespace casepanel::store {

struct ReportFilter {
  std::string panel_id;  // "" for every panel
  std::string from;      // ISO day, inclusive
  std::string to;        // ISO day, inclusive
  // The request's team must be one of these; nullopt: every team.
  std::optional<std::vector<std::int64_t>> teams;
  std::string today;  // ISO day: what is overdue is judged against it
};

enum class Measure {
  // Volumes: requests dated by the day they were submitted.
  requests_by_type,
  requests_by_criterion,  // one row per criterion a request names
  requests_by_month,
  requests_by_type_month,       // "TYPE|YYYY-MM"
  requests_by_criterion_month,  // "CRITERION|YYYY-MM"
  requests_by_team,
  requests_by_locality,
  requests_by_children,  // "one child" or "sibling group"
  requests_by_cutoff,    // in time, missed and accepted late, missed
  // Decisions: decision items dated by the day their record was made.
  items_by_option,  // "decision:OPTION" or "outcome:OPTION"
  recommendations,  // items waiting for, or given, a final decision
  disagreements,    // "unresolved" or "resolved"
  plan_changes,     // by status, dated by the day proposed
  // Timeliness: keys "FROM|TO" (ISO days), dated by TO.
  draft_to_submitted,
  submitted_to_triaged,  // the coordinator's decision (requests.triaged_at)
  triaged_to_heard,
  submitted_to_heard,  // the two above together (and requests never marked triaged)
  heard_to_decided,
  heard_to_minutes,
  decided_to_action_done,
  // "PANEL|TYPE|CAME_INTO_CARE|SITTING_DAY|DUE", dated by the sitting (or,
  // not yet heard, by the due day once it has passed)
  statutory_hearings,
  tracked_timescales,  // "PANEL|KIND|HEARING_DAY|DONE_DAY|STATUS" (DONE_DAY "" while open)
  actions,             // on_time, late, not_done, overdue, open; dated by due day
  escalations,         // "LADDER|STEP|LABEL", dated by the step's day
  // Return to panel.
  returns,      // by outcome, dated by the due day
  heard_again,  // a child's decision followed by another within 12 months
  // Equality: children of requests submitted in the period, and children
  // with a decision recorded in it.
  requested_by_age,
  requested_by_gender,
  requested_by_ethnicity,
  requested_by_disability,
  decided_by_age,
  decided_by_gender,
  decided_by_ethnicity,
  decided_by_disability,
};
// "requests_by_type" ... : how a measure is named in a drill-down link.
std::string_view measure_id(Measure m);
std::optional<Measure> measure_from_id(std::string_view id);

struct Tally {
  std::string key;
  std::int64_t count = 0;
};
// The measure's rows counted by key, in key order, from the summary rows
// (store/report_summary.h): what the review shows.
std::vector<Tally> tally(Tx& tx, Measure m, const ReportFilter& f);
// The same counted from the rows themselves (as case_lines() lists them):
// what the summary is tested against.
std::vector<Tally> tally_rows(Tx& tx, Measure m, const ReportFilter& f);

// One row a measure counts, for the list behind a figure.
struct CaseLine {
  std::int64_t request_id = 0;
  std::string panel_id;
  std::string team;
  std::string day;  // ISO: the day the row is dated by
  std::string key;
};
// Which of a measure's rows a list holds: those whose stored key is one of
// `keys` (a figure's key, or the stored keys app/ grouped into it, such as
// the "FROM|TO" pairs of one bucket of working days); nullopt: every row.
using CaseKeys = std::optional<std::vector<std::string>>;
// One page of the list, read from the rows themselves (what
// case_lines_summarised is tested against): `limit` rows after the first
// `offset`, by day, then request, then key (an order with no ties that shows:
// rows alike in all three are alike in all they show), so that pages neither
// repeat nor skip a row.
struct CasePage {
  std::int64_t offset = 0;
  std::int64_t limit = 50;
};
std::vector<CaseLine> case_lines(Tx& tx, Measure m, const ReportFilter& f, const CaseKeys& keys,
                                 const CasePage& page);
// The same page read from the summary's facts (store/report_summary.h): what
// each request adds to the measure, by day and key, a fact of n rows alike
// standing for n lines. `total` is how many rows the list holds (the
// figure, from tally()): a page past the middle is read from the last row
// back, so that no page reads more than half the list's facts. Read by the
// index on the measure and the day, so a page costs the facts before it,
// not the measure's joins (docs/reports.md, "At national scale").
std::vector<CaseLine> case_lines_summarised(Tx& tx, Measure m, const ReportFilter& f,
                                            const CaseKeys& keys, const CasePage& page,
                                            std::int64_t total);

// Sittings in the period (panel filter only: a sitting is no team's record).
struct SittingFigures {
  std::int64_t id = 0;
  std::string panel_id;
  std::string status;  // planned, held, cancelled
  std::string starts_at;
  std::string ends_at;  // ISO UTC instants
  bool moved = false;   // held at another time than its schedule's slot
  std::int64_t hearings = 0;
  std::int64_t hearing_minutes = 0;
};
std::vector<SittingFigures> sitting_figures(Tx& tx, const ReportFilter& f);

// Who sat at the held sittings of the period: one row a member.
struct SeatAttendance {
  std::int64_t sitting_id = 0;
  std::string panel_id;
  std::string seat_id;
  std::string attendance;
};
std::vector<SeatAttendance> seat_attendance(Tx& tx, const ReportFilter& f);

}  // namespace casepanel::store
