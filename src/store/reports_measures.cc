#include "store/reports_measures.h"

#include <iterator>
#include <stdexcept>

namespace casepanel::store {
namespace {

// Every measure names the request (r), so that the panel and team filters
// and the case lines read the same columns. Only what a measure reads is
// joined: each join is a lookup per row counted, and at national scale (issue
// 16 §3) millions of rows are counted. The team's name is joined by the case
// lines (store/reports.cc), not here; the foreign keys (NOT NULL REFERENCES)
// mean that a join left out never dropped a row.
#define CP_REQUESTS " FROM requests r "
#define CP_TEAMS " JOIN teams t ON t.id = r.team_id "
#define CP_HEARD                                                                       \
  " FROM hearings h JOIN sittings s ON s.id = h.sitting_id JOIN requests r ON r.id = " \
  "h.request_id "
#define CP_DECIDED                                                                      \
  " FROM decisions d JOIN hearings h ON h.id = d.hearing_id JOIN sittings s ON s.id = " \
  "h.sitting_id JOIN requests r ON r.id = h.request_id "
#define CP_ITEMS " FROM decision_items di JOIN decisions d ON d.id = di.decision_id " CP_AFTER_D
#define CP_AFTER_D " JOIN hearings h ON h.id = d.hearing_id JOIN requests r ON r.id = h.request_id "
#define CP_ACTIONS_DECIDED " FROM actions a JOIN decisions d ON d.id = a.decision_id" CP_AFTER_D
#define CP_ACTIONS                                                                      \
  " FROM actions a JOIN decisions d ON d.id = a.decision_id JOIN hearings h ON h.id = " \
  "d.hearing_id JOIN sittings s ON s.id = h.sitting_id JOIN requests r ON r.id = "      \
  "h.request_id "
#define CP_SUBMITTED "substr(r.submitted_at, 1, 10)"
// The day an action was done: the day recorded, or else the day it was closed.
#define CP_DONE "COALESCE(a.done_on, substr(a.completed_at, 1, 10))"
#define CP_RECORDED "substr(d.recorded_at, 1, 10)"
// Age in whole years on a day (ISO text arithmetic, the same on both
// engines), then the DfE's bands (SSDA903: under 1, 1-4, 5-9, 10-15, 16+).
#define CP_AGE(day)                                                       \
  "(CAST(substr(" day                                                     \
  ", 1, 4) AS INTEGER) - CAST(substr(c.date_of_birth, 1, 4) AS INTEGER) " \
  "- CASE WHEN substr(" day ", 6, 5) < substr(c.date_of_birth, 6, 5) THEN 1 ELSE 0 END)"
#define CP_AGE_BAND(day) \
  "CASE WHEN " CP_AGE(day) " < 1 THEN 'under_1' WHEN " CP_AGE(day) " < 5 THEN '1_to_4' "      \
  "WHEN " CP_AGE(day) " < 10 THEN '5_to_9' WHEN " CP_AGE(day) " < 16 THEN '10_to_15' "        \
  "ELSE '16_and_over' END"
#define CP_CHILDREN_REQUESTED                                                                  \
  " FROM request_children rc JOIN children c ON c.id = rc.child_id JOIN requests r ON r.id = " \
  "rc.request_id "
#define CP_CHILDREN_DECIDED " FROM decisions d JOIN children c ON c.id = d.child_id " CP_AFTER_D

using M = Measure;

constexpr MeasureSql kMeasures[] = {
    {M::requests_by_type, "requests_by_type", "r.request_type", CP_SUBMITTED, CP_REQUESTS,
     "r.submitted_at IS NOT NULL"},
    {M::requests_by_criterion, "requests_by_criterion", "rc.criterion_id", CP_SUBMITTED,
     CP_REQUESTS "JOIN request_criteria rc ON rc.request_id = r.id", "r.submitted_at IS NOT NULL"},
    {M::requests_by_month, "requests_by_month", "substr(r.submitted_at, 1, 7)", CP_SUBMITTED,
     CP_REQUESTS, "r.submitted_at IS NOT NULL"},
    {M::requests_by_type_month, "requests_by_type_month",
     "r.request_type || '|' || substr(r.submitted_at, 1, 7)", CP_SUBMITTED, CP_REQUESTS,
     "r.submitted_at IS NOT NULL"},
    {M::requests_by_criterion_month, "requests_by_criterion_month",
     "rc.criterion_id || '|' || substr(r.submitted_at, 1, 7)", CP_SUBMITTED,
     CP_REQUESTS "JOIN request_criteria rc ON rc.request_id = r.id", "r.submitted_at IS NOT NULL"},
    {M::requests_by_team, "requests_by_team", "t.name", CP_SUBMITTED, CP_REQUESTS CP_TEAMS,
     "r.submitted_at IS NOT NULL"},
    {M::requests_by_locality, "requests_by_locality", "l.name", CP_SUBMITTED,
     CP_REQUESTS CP_TEAMS "JOIN localities l ON l.id = t.locality_id",
     "r.submitted_at IS NOT NULL"},
    // The request's children counted for each request counted, rather than
    // for every request ever made and then joined.
    {M::requests_by_children, "requests_by_children",
     "CASE WHEN (SELECT COUNT(*) FROM request_children x WHERE x.request_id = r.id) > 1 THEN "
     "'sibling_group' ELSE 'one_child' END",
     CP_SUBMITTED, CP_REQUESTS,
     "r.submitted_at IS NOT NULL AND EXISTS (SELECT 1 FROM request_children x WHERE "
     "x.request_id = r.id)"},
    // A request is held to a cut-off when its submission found it a sitting
    // to go to (app/request_submission.cc: only panels with a deadline, and
    // only when a sitting was planned far enough ahead); one that must go to
    // the next sitting (Support Panel 2.2) goes whatever the cut-off.
    {M::requests_by_cutoff, "requests_by_cutoff",
     "CASE WHEN r.late_accepted_at IS NOT NULL THEN 'accepted_late' WHEN r.missed_cutoff_date "
     "IS NOT NULL THEN 'missed' WHEN r.target_sitting_date IS NULL THEN 'no_cutoff' WHEN "
     "r.must_go_to_next_sitting = 1 THEN 'next_sitting' ELSE 'in_time' END",
     CP_SUBMITTED, CP_REQUESTS, "r.submitted_at IS NOT NULL"},
    {M::items_by_option, "items_by_option", "di.kind || ':' || di.option_id", CP_RECORDED, CP_ITEMS,
     "di.removed_at IS NULL"},
    {M::recommendations, "recommendations", "di.final_status", CP_RECORDED, CP_ITEMS,
     "di.removed_at IS NULL AND di.final_role IS NOT NULL"},
    {M::disagreements, "disagreements",
     "CASE WHEN g.resolved_at IS NULL THEN 'unresolved' ELSE 'resolved' END",
     "substr(g.recorded_at, 1, 10)",
     " FROM disagreements g JOIN decision_items di ON di.id = g.item_id JOIN decisions d ON d.id "
     "= di.decision_id" CP_AFTER_D,
     "1 = 1"},
    {M::plan_changes, "plan_changes", "pc.status", "substr(pc.proposed_at, 1, 10)",
     " FROM plan_changes pc JOIN decisions d ON d.id = pc.decision_id" CP_AFTER_D, "1 = 1"},
    {M::draft_to_submitted, "draft_to_submitted",
     "substr(r.created_at, 1, 10) || '|' || substr(r.submitted_at, 1, 10)", CP_SUBMITTED,
     CP_REQUESTS, "r.submitted_at IS NOT NULL"},
    // Triage: the coordinator's decision that took the request out of the
    // queue (a slot given, more information asked for, declined), dated by
    // it; then from that decision to the sitting that heard it.
    {M::submitted_to_triaged, "submitted_to_triaged",
     "substr(r.submitted_at, 1, 10) || '|' || substr(r.triaged_at, 1, 10)",
     "substr(r.triaged_at, 1, 10)", CP_REQUESTS,
     "r.triaged_at IS NOT NULL AND r.submitted_at IS NOT NULL"},
    {M::triaged_to_heard, "triaged_to_heard",
     "substr(r.triaged_at, 1, 10) || '|' || s.sitting_date", "s.sitting_date", CP_HEARD,
     "h.status = 'heard' AND r.triaged_at IS NOT NULL"},
    {M::submitted_to_heard, "submitted_to_heard",
     "substr(r.submitted_at, 1, 10) || '|' || s.sitting_date", "s.sitting_date", CP_HEARD,
     "h.status = 'heard' AND r.submitted_at IS NOT NULL"},
    // The hearing's first decision record (the earliest; of two at the same
    // time, the first written): dated by its own column, so that an index on
    // it serves the period, rather than by a MIN over every decision ever.
    {M::heard_to_decided, "heard_to_decided",
     "s.sitting_date || '|' || substr(dd.recorded_at, 1, 10)", "substr(dd.recorded_at, 1, 10)",
     CP_HEARD "JOIN decisions dd ON dd.hearing_id = h.id",
     "h.status = 'heard' AND NOT EXISTS (SELECT 1 FROM decisions d2 WHERE d2.hearing_id = "
     "dd.hearing_id AND (d2.recorded_at < dd.recorded_at OR (d2.recorded_at = dd.recorded_at "
     "AND d2.id < dd.id)))"},
    {M::heard_to_minutes, "heard_to_minutes",
     "s.sitting_date || '|' || substr(s.minutes_authorised_at, 1, 10)",
     "substr(s.minutes_authorised_at, 1, 10)", CP_HEARD,
     "h.status = 'heard' AND s.minutes_authorised_at IS NOT NULL"},
    {M::decided_to_action_done, "decided_to_action_done", CP_RECORDED " || '|' || " CP_DONE,
     CP_DONE, CP_ACTIONS_DECIDED, "a.kind = 'action' AND a.status = 'done'"},
    {M::statutory_hearings, "statutory_hearings",
     "r.panel_id || '|' || r.request_type || '|' || COALESCE(r.came_into_care, '') || '|' || "
     "COALESCE(s.sitting_date, '') || '|' || r.statutory_due",
     "COALESCE(s.sitting_date, r.statutory_due)",
     CP_REQUESTS "LEFT JOIN hearings h ON h.request_id = r.id AND h.status = 'heard' LEFT JOIN "
                 "sittings s ON s.id = h.sitting_id",
     "r.statutory_due IS NOT NULL AND r.submitted_at IS NOT "
     "NULL AND (s.sitting_date IS NOT NULL OR r.statutory_due < {today})"},
    {M::tracked_timescales, "tracked_timescales",
     "r.panel_id || '|' || a.kind || '|' || s.sitting_date || '|' || COALESCE(" CP_DONE
     ", '') || '|' || a.status",
     "s.sitting_date", CP_ACTIONS, "a.kind <> 'action'"},
    {M::actions, "actions",
     "CASE WHEN a.status = 'done' AND COALESCE(" CP_DONE ", a.due_date) <= a.due_date THEN "
     "'on_time' WHEN a.status = 'done' THEN 'late' WHEN a.status = 'not_done' THEN 'not_done' "
     "WHEN a.due_date < {today} THEN 'overdue' ELSE 'open' END",
     "a.due_date", CP_ACTIONS_DECIDED, "a.kind = 'action'"},
    {M::escalations, "escalations", "e.ladder_id || '|' || CAST(e.step AS TEXT) || '|' || e.label",
     "e.step_day",
     " FROM escalations e JOIN actions a ON a.id = e.action_id JOIN decisions d ON d.id = "
     "a.decision_id" CP_AFTER_D,
     "1 = 1"},
    {M::returns, "returns",
     "CASE WHEN pr.status = 'heard' AND rs.sitting_date <= pr.due_date THEN 'heard_on_time' "
     "WHEN pr.status = 'heard' THEN 'heard_late' WHEN pr.status = 'closed' THEN "
     "'update_accepted' WHEN pr.status = 'withdrawn' THEN 'withdrawn' WHEN pr.due_date < "
     "{today} THEN 'overdue' ELSE 'not_yet_due' END",
     "pr.due_date",
     " FROM panel_returns pr JOIN decisions d ON d.id = pr.decision_id" CP_AFTER_D
     "LEFT JOIN hearings rh ON rh.request_id = pr.request_id AND rh.status = 'heard' LEFT JOIN "
     "sittings rs ON rs.id = rh.sitting_id",
     "1 = 1"},
    {M::heard_again, "heard_again",
     "CASE WHEN EXISTS (SELECT 1 FROM decisions d2 JOIN hearings h2 ON h2.id = d2.hearing_id "
     "JOIN sittings s2 ON s2.id = h2.sitting_id WHERE d2.child_id = d.child_id AND "
     "s2.sitting_date > s.sitting_date AND s2.sitting_date <= CAST(CAST(substr(s.sitting_date, "
     "1, 4) AS INTEGER) + 1 AS TEXT) || substr(s.sitting_date, 5)) THEN 'heard_again' ELSE "
     "'not_heard_again' END",
     "s.sitting_date", CP_DECIDED, "1 = 1"},
    {M::requested_by_age, "requested_by_age", CP_AGE_BAND(CP_SUBMITTED), CP_SUBMITTED,
     CP_CHILDREN_REQUESTED, "r.submitted_at IS NOT NULL"},
    {M::requested_by_gender, "requested_by_gender", "c.gender", CP_SUBMITTED, CP_CHILDREN_REQUESTED,
     "r.submitted_at IS NOT NULL"},
    {M::requested_by_ethnicity, "requested_by_ethnicity", "c.ethnicity", CP_SUBMITTED,
     CP_CHILDREN_REQUESTED, "r.submitted_at IS NOT NULL"},
    {M::requested_by_disability, "requested_by_disability", "c.disability", CP_SUBMITTED,
     CP_CHILDREN_REQUESTED, "r.submitted_at IS NOT NULL"},
    {M::decided_by_age, "decided_by_age", CP_AGE_BAND(CP_RECORDED), CP_RECORDED,
     CP_CHILDREN_DECIDED, "1 = 1"},
    {M::decided_by_gender, "decided_by_gender", "c.gender", CP_RECORDED, CP_CHILDREN_DECIDED,
     "1 = 1"},
    {M::decided_by_ethnicity, "decided_by_ethnicity", "c.ethnicity", CP_RECORDED,
     CP_CHILDREN_DECIDED, "1 = 1"},
    {M::decided_by_disability, "decided_by_disability", "c.disability", CP_RECORDED,
     CP_CHILDREN_DECIDED, "1 = 1"},
};

}  // namespace

const MeasureSql& measure_sql(Measure m) {
  for (const MeasureSql& sql : kMeasures) {
    if (sql.measure == m) {
      return sql;
    }
  }
  throw std::logic_error("a report measure without its SQL");
}

std::span<const MeasureSql> all_measure_sql() { return kMeasures; }

std::int64_t measure_number(Measure m) { return &measure_sql(m) - std::begin(kMeasures); }

std::string_view measure_id(Measure m) { return measure_sql(m).id; }

std::optional<Measure> measure_from_id(std::string_view id) {
  for (const MeasureSql& sql : kMeasures) {
    if (sql.id == id) {
      return sql.measure;
    }
  }
  return std::nullopt;
}

}  // namespace casepanel::store
