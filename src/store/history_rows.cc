// The columns of each history table and a row's values in the same order.
// Times are written as ISO 8601 UTC, dates as ISO dates, booleans as 0 or 1,
// enums as their stored words.
#include "store/history_rows.h"

namespace casepanel::store::history {

namespace {

Value date(core::Date d) { return core::to_iso(d); }
Value date(const std::optional<core::Date>& d) { return d ? date(*d) : Value{nullptr}; }
Value time(core::Instant t) { return core::to_iso_utc(t); }
Value time(const std::optional<core::Instant>& t) { return t ? time(*t) : Value{nullptr}; }
Value flag(bool b) { return std::int64_t{b ? 1 : 0}; }
Value id(const std::optional<std::int64_t>& i) { return nullable(i); }

Value word(SittingStatus s) { return std::string(core::sitting_status_id(s)); }
Value word(HearingStatus s) { return std::string(core::hearing_status_id(s)); }
Value word(ActionStatus s) { return std::string(core::action_status_id(s)); }
Value word(ApprovalOutcome o) {
  return std::string(o == ApprovalOutcome::approved ? "approved" : "returned");
}

}  // namespace

const Columns& child_columns() {
  static const Columns c{
      "children",
      {"external_id", "first_name", "last_name", "date_of_birth", "gender", "ethnicity",
       "disability", "legal_status", "came_into_care", "cp_plan_start", "case_opened",
       "allocated_worker_id", "team_id", "sibling_group_id"}};
  return c;
}

Params values(const ChildRow& r) {
  return {r.external_id,
          r.first_name,
          r.last_name,
          date(r.date_of_birth),
          r.gender,
          r.ethnicity,
          r.disability,
          r.legal_status,
          date(r.came_into_care),
          date(r.cp_plan_start),
          date(r.case_opened),
          r.allocated_worker_id,
          r.team_id,
          id(r.sibling_group_id)};
}

const Columns& sitting_columns() {
  static const Columns c{
      "sittings",
      {"panel_id", "sitting_date", "starts_at", "ends_at", "venue_id", "status", "chair_id",
       "schedule_slot", "proposed_date", "published_at", "minutes_authorised_at"}};
  return c;
}

Params values(const SittingRow& r) {
  return {r.panel_id,
          date(r.sitting_date),
          time(r.starts_at),
          time(r.ends_at),
          r.venue_id,
          word(r.status),
          r.chair_id,
          time(r.schedule_slot),
          date(r.proposed_date),
          time(r.published_at),
          time(r.minutes_authorised_at)};
}

const Columns& minutes_columns() {
  static const Columns c{"minutes",
                         {"sitting_id", "status", "drafted_by", "updated_at", "sent_at",
                          "authorised_by", "authorised_at"}};
  return c;
}

Params minutes_values(const SittingRow& r) {
  const core::Instant authorised = r.minutes_authorised_at.value_or(core::Instant{});
  const core::Instant drafted = authorised - std::chrono::hours{24};
  return {
      r.id,       std::string("authorised"), id(r.minutes_drafted_by), time(drafted), time(drafted),
      r.chair_id, time(authorised)};
}

const Columns& request_columns() {
  static const Columns c{"requests",
                         {"panel_id", "state", "request_type", "reason", "proposed_plan",
                          "parallel_plan", "conference_call", "venue_preference", "approval_step",
                          "author_id", "team_id", "statutory_due", "created_at", "submitted_at",
                          "updated_at", "triaged_at", "target_sitting_date"}};
  return c;
}

Params values(const RequestRow& r) {
  return {r.panel_id,
          std::string(core::state_id(r.state)),
          r.request_type,
          r.reason,
          r.proposed_plan,
          r.parallel_plan,
          flag(r.conference_call),
          r.venue_preference,
          r.approval_step,
          r.author_id,
          r.team_id,
          date(r.statutory_due),
          time(r.created_at),
          time(r.submitted_at),
          time(r.updated_at),
          time(r.triaged_at),
          date(r.target_sitting)};
}

const Columns& approval_columns() {
  static const Columns c{"approvals",
                         {"request_id", "step_id", "approver_id", "outcome", "comments", "at"}};
  return c;
}

Params values(const ApprovalRow& r) {
  return {r.request_id, r.step_id, r.approver_id, word(r.outcome), r.comments, time(r.at)};
}

const Columns& hearing_columns() {
  static const Columns c{
      "hearings",
      {"sitting_id", "request_id", "starts_at", "minutes", "status", "presenter_attendance"}};
  return c;
}

Params values(const HearingRow& r) {
  // A heard hearing's presenter was there.
  const std::string presenter = r.status == HearingStatus::heard ? "present" : "expected";
  return {r.sitting_id,   r.request_id, time(r.starts_at), std::int64_t{r.minutes},
          word(r.status), presenter};
}

const Columns& decision_columns() {
  static const Columns c{
      "decisions",
      {"hearing_id", "child_id", "reasons", "permanency_plan", "permanency_timeframe",
       "permanency_owner_id", "review_date", "recorded_by", "recorded_at"}};
  return c;
}

Params values(const DecisionRow& r) {
  return {r.hearing_id,
          r.child_id,
          r.reasons,
          r.permanency_plan,
          r.permanency_timeframe,
          id(r.permanency_owner_id),
          date(r.review_date),
          r.recorded_by,
          time(r.recorded_at)};
}

const Columns& decision_item_columns() {
  static const Columns c{"decision_items",
                         {"decision_id", "kind", "option_id", "detail", "final_role",
                          "final_status", "final_reasons", "final_by", "final_at"}};
  return c;
}

Params item_values(const DecisionRow& r, std::int64_t decision_id) {
  return {decision_id,
          std::string("decision"),
          r.decision_type,
          r.summary,
          r.final_role ? Value{std::string(core::role_id(*r.final_role))} : Value{nullptr},
          std::string(!r.final_role ? "final"
                      : r.final_by  ? "agreed"
                                    : "awaiting"),
          r.final_reasons,
          id(r.final_by),
          r.final_by ? time(r.recorded_at + std::chrono::hours{24}) : Value{nullptr}};
}

const Columns& decision_event_columns() {
  static const Columns c{
      "significant_events",
      {"child_id", "decision_id", "kind", "summary", "recorded_by", "recorded_at"}};
  return c;
}

Params event_values(const DecisionRow& r, std::int64_t decision_id) {
  return {r.child_id, decision_id,   std::string(r.final_role ? "recommendation" : "decision"),
          r.event,    r.recorded_by, time(r.recorded_at)};
}

const Columns& action_columns() {
  static const Columns c{
      "actions",
      {"decision_id", "child_id", "description", "owner_id", "due_date", "status", "completed_at",
       "created_at", "evidence", "not_done_reason", "closed_by", "kind", "started_by", "done_on"}};
  return c;
}

Params values(const ActionRow& r) {
  return {r.decision_id,
          r.child_id,
          r.description,
          r.owner_id,
          date(r.due_date),
          word(r.status),
          time(r.completed_at),
          time(r.created_at),
          r.evidence,
          r.not_done_reason,
          r.closed_by ? Value{*r.closed_by} : Value{nullptr},
          r.kind,
          r.started_by,
          date(r.done_on)};
}

std::string insert_sql(const Columns& c, std::size_t rows, WithId with_id) {
  std::string sql =
      std::string("INSERT INTO ") + c.table + " (" + (with_id == WithId::yes ? "id, " : "");
  for (std::size_t i = 0; i < c.names.size(); ++i) {
    sql += (i ? ", " : "") + c.names[i];
  }
  sql += ") VALUES ";
  const std::size_t per_row = c.names.size() + (with_id == WithId::yes ? 1 : 0);
  std::size_t n = 1;
  for (std::size_t r = 0; r < rows; ++r) {
    sql += r ? ", (" : "(";
    for (std::size_t i = 0; i < per_row; ++i, ++n) {
      sql += (i ? ", $" : "$") + std::to_string(n);
    }
    sql += ")";
  }
  return sql;
}

}  // namespace casepanel::store::history
