// The annual review (app/reports.h, issue 16 section 4): every figure
// checked against a small council whose year was worked out by hand, with
// 2023's bank holidays in it (Good Friday 7 April, Easter Monday 10 April,
// the coronation on 8 May, Christmas and Boxing Day), a request heard on its
// deadline day (within) and one heard a day late (outside), a suppressed
// cell and a cell suppressed because the first could be worked out from it.
// Every count that links to its cases is checked against the list.
#include "app/reports.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>

#include "app/display.h"
#include "app/report_export.h"
#include "app/report_parts.h"
#include "support/world.h"
#include "support/xlsx_reader.h"

namespace casepanel::app {
namespace {

using testing::TestWorld;

// The hand-worked council: what the rows below hold.
//
// Team A (the group manager's line): three emergency entries into care
// (CLAM, 7 working days from coming into care) and a sibling pair; team B
// (also the group manager's): a sibling group of six, not yet heard; team
// C (nobody's line here): one child.
//
// | request | children      | submitted  | into care  | deadline   | heard      | verdict |
// | E1      | x1 (F)        | 2023-05-03 | 2023-05-02 | 2023-05-12 | 2023-05-12 | within: the day
// itself; 8 May (coronation) not counted | | E2      | x2 (F)        | 2023-04-06 | 2023-04-05 |
// 2023-04-18 | 2023-04-19 | outside: one day late; Good Friday and Easter Monday not counted | | E3
// | x3 (M)        | 2023-12-18 | 2023-12-15 | 2023-12-28 | 2023-12-28 | within: Christmas and
// Boxing Day not counted; accepted late | | N1      | sib1 F, sib2 M| 2023-03-01 | -          | -
// | 2023-04-19 | 33 working days from submission | | N2      | six: 3 F, 3 M | 2023-09-04 | - | -
// | -          | | | B1      | c1 (non-binary)| 2023-07-03| -          | -          | -          |
// team C |
// Triage (the coordinator's decision, requests.triaged_at) and the cut-off:
//
// | request | triaged    | submitted to triaged           | triaged to heard              | cut-off
// | E1      | 2023-05-09 | 3: Thu 4, Fri 5, Tue 9 (8 May, | 3: 10, 11, 12 May             | in time
// |         |            | the coronation, not counted)   |                               |
// | E2      | 2023-04-11 | 1: Tue 11 (Good Friday 7 and   | 6: 12, 13, 14, 17, 18, 19 Apr | in time
// |         |            | Easter Monday 10 not counted)  |                               |
// | E3      | 2023-12-18 | 0: the same day                | 6: 19-22, 27, 28 Dec          |
// accepted late | N1      | 2023-04-03 | 23                             | 10 (Easter not counted)
// | in time | N2      | -          | (waiting)                      | - | immediate | B1      |
// 2023-07-05 | 2: declined on Wednesday       | (declined: never heard)       | no cut-off
//
// Each pair adds up to the submitted-to-heard days of the table above.
struct Council {
  std::int64_t ad = 0;
  std::int64_t e1 = 0, e2 = 0, e3 = 0, n1 = 0, n2 = 0, b1 = 0;
};

std::int64_t child(store::Tx& tx, const std::string& id, const std::string& born,
                   const std::string& gender, std::int64_t team) {
  return tx.insert(
      "INSERT INTO children (external_id, first_name, last_name, date_of_birth, gender, "
      "ethnicity, disability, team_id) VALUES ($1, 'Test', $2, $3, $4, 'WBRI', 'None', $5) "
      "RETURNING id",
      {id, id, born, gender, team});
}

struct NewRequest {
  std::string type;
  std::int64_t team = 0;
  std::string created, submitted;
  std::optional<std::string> into_care, due, missed, late;
  std::vector<std::int64_t> children;
};

std::int64_t request(store::Tx& tx, std::int64_t author, const NewRequest& r) {
  const std::int64_t id = tx.insert(
      "INSERT INTO requests (panel_id, state, request_type, author_id, team_id, created_at, "
      "submitted_at, updated_at, came_into_care, statutory_due, missed_cutoff_date, "
      "late_accepted_at) VALUES ('clam', 'submitted', $1, $2, $3, $4, $5, $6, $7, $8, $9, $10) "
      "RETURNING id",
      {r.type, author, r.team, r.created + "T10:00:00Z", r.submitted + "T10:00:00Z",
       r.submitted + "T10:00:00Z", store::nullable(r.into_care), store::nullable(r.due),
       store::nullable(r.missed), store::nullable(r.late)});
  for (const std::int64_t c : r.children) {
    tx.exec("INSERT INTO request_children (request_id, child_id) VALUES ($1, $2)", {id, c});
  }
  return id;
}

std::int64_t sitting(store::Tx& tx, const std::string& day, const std::string& status,
                     const std::string& slot_day) {
  return tx.insert(
      "INSERT INTO sittings (panel_id, sitting_date, starts_at, ends_at, status, schedule_slot) "
      "VALUES ('clam', $1, $2, $3, $4, $5) RETURNING id",
      {day, day + "T13:30:00Z", day + "T17:00:00Z", status, slot_day + "T13:30:00Z"});
}

// A hearing of the request at the sitting, and a decision record for each
// child with one decision of `option`.
std::vector<std::int64_t> heard(store::Tx& tx, std::int64_t by, std::int64_t sitting_id,
                                const std::string& day, std::int64_t request_id,
                                const std::vector<std::int64_t>& children,
                                const std::string& option) {
  const std::int64_t hearing = tx.insert(
      "INSERT INTO hearings (sitting_id, request_id, starts_at, minutes, status) VALUES ($1, $2, "
      "$3, 30, 'heard') RETURNING id",
      {sitting_id, request_id, day + "T14:00:00Z"});
  std::vector<std::int64_t> items;
  for (const std::int64_t c : children) {
    const std::int64_t decision = tx.insert(
        "INSERT INTO decisions (hearing_id, child_id, reasons, recorded_by, recorded_at) VALUES "
        "($1, $2, 'Reasons.', $3, $4) RETURNING id",
        {hearing, c, by, day + "T15:00:00Z"});
    items.push_back(
        tx.insert("INSERT INTO decision_items (decision_id, kind, option_id, detail) VALUES ($1, "
                  "'decision', $2, 'Detail.') RETURNING id",
                  {decision, option}));
  }
  return items;
}

std::int64_t decision_of(store::Tx& tx, std::int64_t item) {
  return tx.query_one("SELECT decision_id FROM decision_items WHERE id = $1", {item})->integer(0);
}

std::int64_t action(store::Tx& tx, std::int64_t item, std::int64_t owner, const std::string& due,
                    const std::string& status, std::optional<std::string> done) {
  const std::int64_t decision = decision_of(tx, item);
  const std::int64_t c =
      tx.query_one("SELECT child_id FROM decisions WHERE id = $1", {decision})->integer(0);
  return tx.insert(
      "INSERT INTO actions (decision_id, child_id, description, owner_id, due_date, status, "
      "created_at, kind, done_on) VALUES ($1, $2, 'Do it.', $3, $4, $5, '2023-05-12T15:00:00Z', "
      "'action', $6) RETURNING id",
      {decision, c, owner, due, status, store::nullable(done)});
}

void after_panel(store::Tx& tx, TestWorld& w, const std::vector<std::int64_t>& e1,
                 const std::vector<std::int64_t>& e2, const std::vector<std::int64_t>& n1) {
  action(tx, e1[0], w.sw_a, "2023-05-19", "done", "2023-05-19");  // on time
  action(tx, e1[0], w.sw_a, "2023-05-19", "done", "2023-05-22");  // late
  const std::int64_t overdue = action(tx, e1[0], w.sw_a, "2023-06-01", "open", std::nullopt);
  tx.exec(
      "INSERT INTO escalations (action_id, ladder_id, step, step_day, role, label, recorded_at) "
      "VALUES ($1, 'actions', 0, '2023-06-02', 'practice_manager', 'Practice Manager', "
      "'2023-06-02T09:00:00Z')",
      {overdue});
  // E1's decision is a recommendation waiting for the chair.
  tx.exec("UPDATE decision_items SET final_role = 'chair', final_status = 'awaiting' WHERE id = $1",
          {e1[0]});
  tx.exec(
      "INSERT INTO disagreements (item_id, member_id, why, recorded_by, recorded_at, "
      "resolve_role, agreed_outcome, resolved_by, resolved_at) VALUES ($1, $2, 'Why.', $3, "
      "'2023-04-19T15:00:00Z', 'chair', 'Agreed.', $4, '2023-04-20T10:00:00Z')",
      {n1[0], w.pm_a, w.panel_admin, w.gm});
  tx.exec(
      "INSERT INTO panel_returns (decision_id, child_id, panel_id, due_date, status, created_at) "
      "SELECT id, child_id, 'clam', '2023-11-12', 'closed', recorded_at FROM decisions WHERE id "
      "= $1",
      {decision_of(tx, e1[0])});
  tx.exec(
      "INSERT INTO panel_returns (decision_id, child_id, panel_id, due_date, status, created_at) "
      "SELECT id, child_id, 'clam', '2023-10-01', 'due', recorded_at FROM decisions WHERE id = $1",
      {decision_of(tx, e2[0])});
}

// The second table above: when each request was triaged, and the sitting
// its cut-off sent it to (none for B1: no cut-off; N2 must go to the next
// sitting whatever the cut-off).
void triage_and_cutoff(store::Tx& tx, const Council& k) {
  const struct {
    std::int64_t request;
    std::optional<std::string> triaged, target;
    int next_sitting;
  } rows[] = {
      {k.e1, "2023-05-09T11:00:00Z", "2023-05-12", 0},
      {k.e2, "2023-04-11T11:00:00Z", "2023-04-19", 0},
      {k.e3, "2023-12-18T17:00:00Z", "2023-12-19", 0},
      {k.n1, "2023-04-03T11:00:00Z", "2023-04-19", 0},
      {k.n2, std::nullopt, "2023-09-12", 1},
      {k.b1, "2023-07-05T11:00:00Z", std::nullopt, 0},
  };
  for (const auto& r : rows) {
    tx.exec(
        "UPDATE requests SET triaged_at = $1, target_sitting_date = $2, must_go_to_next_sitting = "
        "$3 WHERE id = $4",
        {store::nullable(r.triaged), store::nullable(r.target), std::int64_t{r.next_sitting},
         r.request});
  }
}

Council seed(TestWorld& w) {
  Council k;
  k.ad = testing::add_person(w, "ad@test", "assistant_director");
  w.clock().set(parse_utc("2024-01-15T09:00:00Z"));
  w.db().write_all([&](store::Tx& tx) {
    const std::int64_t locality =
        tx.query_one("SELECT locality_id FROM teams WHERE id = $1", {w.team_a})->integer(0);
    const std::int64_t team_c = tx.insert(
        "INSERT INTO teams (name, kind, locality_id) VALUES ('Team C', '', $1) RETURNING id",
        {locality});
    const std::int64_t x1 = child(tx, "X1", "2022-06-01", "Female", w.team_a);
    const std::int64_t x2 = child(tx, "X2", "2010-05-01", "Female", w.team_a);
    const std::int64_t x3 = child(tx, "X3", "2010-05-01", "Male", w.team_a);
    tx.exec(
        "UPDATE children SET gender = 'Female', ethnicity = 'WBRI', date_of_birth = '2012-01-01' "
        "WHERE id = $1",
        {w.sibling_1});
    tx.exec(
        "UPDATE children SET gender = 'Male', ethnicity = 'WBRI', date_of_birth = '2014-01-01' "
        "WHERE id = $1",
        {w.sibling_2});
    std::vector<std::int64_t> six;
    for (int i = 0; i < 6; ++i) {
      six.push_back(
          child(tx, "S" + std::to_string(i), "2015-03-03", i < 3 ? "Female" : "Male", w.team_b));
    }
    const std::int64_t c1 = child(tx, "C1", "2009-09-09", "Non-binary", team_c);
    const std::string emergency = "emergency_retrospective_review";
    k.e1 = request(tx, w.sw_a,
                   {emergency,
                    w.team_a,
                    "2023-05-03",
                    "2023-05-03",
                    "2023-05-02",
                    "2023-05-12",
                    std::nullopt,
                    std::nullopt,
                    {x1}});
    k.e2 = request(tx, w.sw_a,
                   {emergency,
                    w.team_a,
                    "2023-04-03",
                    "2023-04-06",
                    "2023-04-05",
                    "2023-04-18",
                    std::nullopt,
                    std::nullopt,
                    {x2}});
    k.e3 = request(tx, w.sw_a,
                   {emergency,
                    w.team_a,
                    "2023-12-18",
                    "2023-12-18",
                    "2023-12-15",
                    "2023-12-28",
                    "2023-12-19",
                    "2023-12-18T16:00:00Z",
                    {x3}});
    k.n1 = request(tx, w.sw_a,
                   {"section_20_plan_review",
                    w.team_a,
                    "2023-03-01",
                    "2023-03-01",
                    std::nullopt,
                    std::nullopt,
                    std::nullopt,
                    std::nullopt,
                    {w.sibling_1, w.sibling_2}});
    k.n2 = request(tx, w.sw_b,
                   {"section_20_plan_review", w.team_b, "2023-09-04", "2023-09-04", std::nullopt,
                    std::nullopt, std::nullopt, std::nullopt, six});
    k.b1 = request(tx, w.sw_b,
                   {"section_20_permission",
                    team_c,
                    "2023-07-03",
                    "2023-07-03",
                    std::nullopt,
                    std::nullopt,
                    std::nullopt,
                    std::nullopt,
                    {c1}});
    const std::int64_t s1 = sitting(tx, "2023-04-19", "held", "2023-04-19");
    const std::int64_t s2 = sitting(tx, "2023-05-12", "held", "2023-05-09");  // moved
    const std::int64_t s3 = sitting(tx, "2023-12-28", "held", "2023-12-28");
    sitting(tx, "2023-06-06", "cancelled", "2023-06-06");
    const auto e2 = heard(tx, w.panel_admin, s1, "2023-04-19", k.e2, {x2}, "section_20_care");
    const auto n1 =
        heard(tx, w.panel_admin, s1, "2023-04-19", k.n1, {w.sibling_1, w.sibling_2}, "ratify_plan");
    const auto e1 = heard(tx, w.panel_admin, s2, "2023-05-12", k.e1, {x1}, "ratify_plan");
    heard(tx, w.panel_admin, s3, "2023-12-28", k.e3, {x3}, "placement_search");
    after_panel(tx, w, e1, e2, n1);
    triage_and_cutoff(tx, k);
  });
  return k;
}

ReportScope year_2023(const std::string& panel = "") {
  return {panel, *core::parse_iso_date("2023-01-01"), *core::parse_iso_date("2023-12-31")};
}

// The text of the cell in the row whose label is `row`, column `column`.
std::string cell(const Report& r, const std::string& table, const std::string& row,
                 std::size_t column) {
  const ReportTable* t = find_table(r, table);
  if (!t) {
    return "no table " + table;
  }
  for (const auto& cells : t->rows) {
    if (!cells.empty() && cells[0].text == row) {
      return column < cells.size() ? cells[column].text : "no column";
    }
  }
  return "no row " + row;
}

TEST(Reports, TheCalendarKnowsTheYearsBankHolidays) {
  const core::Calendar c = core::Calendar::england_and_wales();
  for (const char* day : {"2023-04-07", "2023-04-10", "2023-05-08", "2023-12-25", "2023-12-26"}) {
    EXPECT_TRUE(c.is_bank_holiday(*core::parse_iso_date(day))) << day;
  }
  // The deadlines of the table above, worked by the calendar.
  EXPECT_EQ(core::to_iso(c.add_working_days(*core::parse_iso_date("2023-05-02"), 7)), "2023-05-12");
  EXPECT_EQ(core::to_iso(c.add_working_days(*core::parse_iso_date("2023-04-05"), 7)), "2023-04-18");
  EXPECT_EQ(core::to_iso(c.add_working_days(*core::parse_iso_date("2023-12-15"), 7)), "2023-12-28");
}

TEST(Reports, VolumesCountTheRequestsSubmittedInThePeriod) {
  TestWorld w;
  const Council k = seed(w);
  const auto r = annual_review(w.services(), w.actor(k.ad), year_2023());
  ASSERT_TRUE(r.ok()) << r.error().message;
  const struct {
    const char* table;
    const char* row;
    const char* number;
  } rows[] = {
      {"volumes.by_type", "Total", "6"},
      {"volumes.by_month", "March 2023", "1"},
      {"volumes.by_month", "April 2023", "1"},
      {"volumes.by_month", "June 2023", "0"},
      {"volumes.by_month", "December 2023", "1"},
      {"volumes.by_team", "Team C", "1"},
      {"volumes.siblings", "One child", "4"},
      {"volumes.siblings", "Sibling group (more than one child)", "2"},
      {"volumes.cutoff", "Sent before the cut-off", "3"},
      {"volumes.cutoff", "Missed the cut-off, accepted late", "1"},
      {"volumes.cutoff", "Missed the cut-off, went to a later sitting", "0"},
      {"volumes.cutoff", "Immediate: to the next sitting whatever the cut-off", "1"},
      {"volumes.cutoff", "No cut-off (the panel has none, or no sitting was planned)", "1"},
  };
  for (const auto& row : rows) {
    EXPECT_EQ(cell(*r, row.table, row.row, 1), row.number) << row.table << " / " << row.row;
  }
  EXPECT_NE(find_table(*r, "volumes.by_month")->chart, false);
  // By type and month: the three emergency reviews in April, May and December.
  const std::string emergency =
      "Retrospective review of a child who came into foster or residential care on an "
      "unplanned emergency basis";
  EXPECT_EQ(cell(*r, "volumes.by_type_month", emergency, 1), "3");
  EXPECT_EQ(cell(*r, "volumes.by_type_month", emergency, 2 + 3), "1");   // April
  EXPECT_EQ(cell(*r, "volumes.by_type_month", emergency, 2 + 4), "1");   // May
  EXPECT_EQ(cell(*r, "volumes.by_type_month", emergency, 2 + 5), "0");   // June
  EXPECT_EQ(cell(*r, "volumes.by_type_month", emergency, 2 + 11), "1");  // December
}

TEST(Reports, APeriodOfOneDayHoldsThatDayOnly) {
  TestWorld w;
  const Council k = seed(w);
  const auto day = [&](const char* iso) {
    const auto r = annual_review(w.services(), w.actor(k.ad),
                                 {"", *core::parse_iso_date(iso), *core::parse_iso_date(iso)});
    EXPECT_TRUE(r.ok());
    return *r;
  };
  // E2 was submitted at 10:00 on 6 April (a stored instant); S1 sat on 19
  // April (a stored day) and heard E2 and N1.
  EXPECT_EQ(cell(day("2023-04-06"), "volumes.by_type", "Total", 1), "1");
  EXPECT_EQ(cell(day("2023-04-05"), "volumes.by_type", "Total", 1), "0");
  EXPECT_EQ(cell(day("2023-04-07"), "volumes.by_type", "Total", 1), "0");
  const Report heard = day("2023-04-19");
  EXPECT_EQ(cell(heard, "sittings.count", "Held", 1), "1");
  EXPECT_EQ(
      cell(heard, "timeliness.stages", "Submitted to heard (triage and the wait together)", 1),
      "2");
  EXPECT_EQ(cell(heard, "timeliness.stages", "Triaged to heard", 1), "2");
  // Triaged on 11 April (E2) and 3 April (N1): neither on the 19th.
  EXPECT_EQ(
      cell(heard, "timeliness.stages", "Submitted to triaged (the coordinator's decision)", 1),
      "0");
  EXPECT_EQ(cell(day("2023-04-11"), "timeliness.stages",
                 "Submitted to triaged (the coordinator's decision)", 1),
            "1");
}

TEST(Reports, DecisionsReturnsAndActions) {
  TestWorld w;
  const Council k = seed(w);
  const auto r = annual_review(w.services(), w.actor(k.ad), year_2023());
  ASSERT_TRUE(r.ok());
  const struct {
    const char* table;
    const char* row;
    const char* number;
  } rows[] = {
      {"decisions.by_option", "Total", "5"},
      {"decisions.recommendations", "Waiting for the final decision", "1"},
      {"decisions.disagreements", "Agreed outcome recorded", "1"},
      {"decisions.plan_changes", "Total", "0"},
      {"timeliness.actions", "Completed on time", "1"},
      {"timeliness.actions", "Completed late", "1"},
      {"timeliness.actions", "Open and overdue", "1"},
      {"timeliness.escalations", "Step 1: Practice Manager", "1"},
      {"returns.reviews", "Progress update accepted instead", "1"},
      {"returns.reviews", "Open and overdue", "1"},
      {"returns.heard_again", "Total", "5"},
      {"sittings.count", "Held", "3"},
      {"sittings.count", "Cancelled", "1"},
      {"sittings.count", "Moved from their scheduled time", "1"},
      {"sittings.use", "Hearings", "4"},
      {"sittings.use", "Minutes of hearings", "120"},
      {"sittings.use", "Minutes the sittings had", "630"},
  };
  for (const auto& row : rows) {
    EXPECT_EQ(cell(*r, row.table, row.row, 1), row.number) << row.table << " / " << row.row;
  }
}

TEST(Reports, TimelinessInWorkingDays) {
  TestWorld w;
  const Council k = seed(w);
  const auto r = annual_review(w.services(), w.actor(k.ad), year_2023());
  ASSERT_TRUE(r.ok());
  // Submitted to heard: E1 6 (the coronation not counted), E2 7 (Easter),
  // E3 6 (Christmas), N1 33. The median of 6, 6, 7, 33 is 6.5.
  const std::string stage = "Submitted to heard (triage and the wait together)";
  EXPECT_EQ(cell(*r, "timeliness.stages", stage, 1), "4");
  EXPECT_EQ(cell(*r, "timeliness.stages", stage, 2), "6.5");
  EXPECT_EQ(cell(*r, "timeliness.stages", stage, 5), "3");  // 6 to 10
  EXPECT_EQ(cell(*r, "timeliness.stages", stage, 7), "1");  // 21 or more
  EXPECT_EQ(cell(*r, "timeliness.stages", "Started to submitted", 2), "0");
  EXPECT_EQ(cell(*r, "timeliness.stages", "Started to submitted", 4), "1");  // E2: 3 days
  // E1's actions, decided on Friday 12 May, done on Friday 19 May (5) and
  // Monday 22 May (6): the median is 5.5.
  EXPECT_EQ(cell(*r, "timeliness.stages", "Decision to action completed", 1), "2");
  EXPECT_EQ(cell(*r, "timeliness.stages", "Decision to action completed", 2), "5.5");
  // Heard on the deadline day is within; a day late is outside.
  const std::string clam =
      "Retrospective review of a child who came into foster or residential care on an "
      "unplanned emergency basis: heard within 7 working days of coming into care";
  EXPECT_EQ(cell(*r, "timeliness.timescales", clam, 1), "3");
  EXPECT_EQ(cell(*r, "timeliness.timescales", clam, 2), "2");
  EXPECT_EQ(cell(*r, "timeliness.timescales", clam, 3), "1");
  EXPECT_EQ(cell(*r, "timeliness.timescales", clam, 5), "67%");
  const auto outside =
      report_cases(w.services(), w.actor(k.ad), year_2023(),
                   {"statutory_hearings", "clam|emergency_retrospective_review|outside"}, 1);
  ASSERT_TRUE(outside.ok());
  ASSERT_EQ(outside->rows.size(), 1u);
  EXPECT_EQ(outside->rows[0].request_id, k.e2);
  // Cut-off compliance: E1, E2 and N1 in time, E3 accepted late; N2 (to the
  // next sitting whatever the cut-off) and B1 (none) are not in the share.
  EXPECT_EQ(cell(*r, "timeliness.cutoff", "Held to a cut-off", 1), "4");
  EXPECT_EQ(cell(*r, "timeliness.cutoff", "Share sent before the cut-off", 1), "75%");
  EXPECT_EQ(cell(*r, "timeliness.cutoff", "Missed the cut-off, accepted late", 1), "1");
  EXPECT_EQ(cell(*r, "timeliness.cutoff",
                 "No cut-off (the panel has none, or no sitting was planned)", 1),
            "1");
}

// Triage split out of "submitted to heard" (the second table at the top).
TEST(Reports, TriageInWorkingDaysAcrossBankHolidays) {
  TestWorld w;
  const Council k = seed(w);
  const auto r = annual_review(w.services(), w.actor(k.ad), year_2023());
  ASSERT_TRUE(r.ok());
  // Submitted to triaged: E3 0, E2 1, B1 2, E1 3, N1 23: the median is 2.
  const std::string triage = "Submitted to triaged (the coordinator's decision)";
  const struct {
    const char* stage;
    std::size_t column;
    const char* figure;
  } rows[] = {
      {triage.c_str(), 1, "5"},
      {triage.c_str(), 2, "2"},
      {triage.c_str(), 3, "1"},
      {triage.c_str(), 4, "3"},
      {triage.c_str(), 5, "0"},
      {triage.c_str(), 6, "0"},
      {triage.c_str(), 7, "1"},
      // Triaged to heard: E1 3, E2 6, E3 6, N1 10: the median is 6.
      {"Triaged to heard", 1, "4"},
      {"Triaged to heard", 2, "6"},
      {"Triaged to heard", 3, "0"},
      {"Triaged to heard", 4, "1"},
      {"Triaged to heard", 5, "3"},
      {"Triaged to heard", 7, "0"},
  };
  for (const auto& row : rows) {
    EXPECT_EQ(cell(*r, "timeliness.stages", row.stage, row.column), row.figure)
        << row.stage << " / column " << row.column;
  }
  // The charts' tables: the same buckets.
  EXPECT_EQ(cell(*r, "timeliness.submitted_to_triaged", "1 to 5 working days", 1), "3");
  EXPECT_EQ(cell(*r, "timeliness.triaged_to_heard", "6 to 10 working days", 1), "3");
  EXPECT_TRUE(find_table(*r, "timeliness.submitted_to_triaged")->chart);
  EXPECT_TRUE(find_table(*r, "timeliness.triaged_to_heard")->chart);
  // The list behind "1 to 5" of submitted to triaged: E2, E1, B1, by the day
  // each was triaged.
  const auto list =
      report_cases(w.services(), w.actor(k.ad), year_2023(), {"submitted_to_triaged", "1_5"}, 1);
  ASSERT_TRUE(list.ok());
  EXPECT_EQ(list->total, 3);
  ASSERT_EQ(list->rows.size(), 3u);
  EXPECT_EQ(list->rows[0].request_id, k.e2);
  EXPECT_EQ(list->rows[0].date, "11 April 2023");
  EXPECT_EQ(list->rows[1].request_id, k.e1);
  EXPECT_EQ(list->rows[2].request_id, k.b1);
  EXPECT_EQ(list->rows[2].what, "1 to 5 working days");
  // The group manager's line: B1 (team C) is left out.
  const auto gm = annual_review(w.services(), w.actor(w.gm), year_2023());
  ASSERT_TRUE(gm.ok());
  EXPECT_EQ(cell(*gm, "timeliness.stages", triage, 1), "4");
  // The exports carry the new stages as the page shows them.
  const auto csv = export_review(w.services(), w.actor(k.ad), year_2023(), ExportFormat::csv);
  ASSERT_TRUE(csv.ok());
  EXPECT_NE(csv->bytes.find("Timeliness,Working days at each stage,Submitted to triaged (the "
                            "coordinator's decision),Median,2,number\r\n"),
            std::string::npos);
  EXPECT_NE(csv->bytes.find("Timeliness,Working days at each stage,Triaged to heard,Cases,4,"
                            "count\r\n"),
            std::string::npos);
}

TEST(Reports, SmallNumbersAreSuppressedAndSoIsWhatWouldGiveThemAway) {
  TestWorld w;
  const Council k = seed(w);
  const auto r = annual_review(w.services(), w.actor(k.ad), year_2023());
  ASSERT_TRUE(r.ok());
  // Children in requests: 6 girls, 5 boys, 1 non-binary child (shown as
  // [c]); the total 12 is shown, so the 5 boys would give the 1 away.
  EXPECT_EQ(cell(*r, "equality.gender", "Female", 1), "6");
  EXPECT_EQ(cell(*r, "equality.gender", "Male", 1), "[c]");
  EXPECT_EQ(cell(*r, "equality.gender", "Non-binary", 1), "[c]");
  EXPECT_EQ(cell(*r, "equality.gender", "Total", 1), "12");
  // With a decision: 3 girls, 2 boys, and a true 0 stays 0.
  EXPECT_EQ(cell(*r, "equality.gender", "Female", 2), "[c]");
  EXPECT_EQ(cell(*r, "equality.gender", "Non-binary", 2), "0");
  EXPECT_EQ(cell(*r, "equality.gender", "Total", 2), "5");
  EXPECT_EQ(cell(*r, "equality.age", "Under 1", 1), "[c]");
  EXPECT_EQ(cell(*r, "equality.ethnicity",
                 "WBRI White: English, Welsh, Scottish, Northern Irish or British", 1),
            "12");
  // A suppressed cell links to nothing: its list would give it away.
  for (const auto& row : find_table(*r, "equality.gender")->rows) {
    for (const ReportCell& c : row) {
      EXPECT_FALSE(c.text == "[c]" && c.drill) << row[0].text;
    }
  }
}

// Every count that links to cases: the list's length is the figure.
void expect_lists_match(TestWorld& w, const Actor& a) {
  const auto r = annual_review(w.services(), a, year_2023());
  ASSERT_TRUE(r.ok());
  int checked = 0;
  for (const ReportSection& s : r->sections) {
    for (const ReportTable& t : s.tables) {
      for (const auto& row : t.rows) {
        for (const ReportCell& c : row) {
          if (!c.drill) {
            continue;
          }
          const auto list = report_cases(w.services(), a, year_2023(), *c.drill, 1);
          ASSERT_TRUE(list.ok()) << t.id;
          EXPECT_EQ(list->total, *c.count)
              << t.id << " / " << row[0].text << " / " << c.drill->measure;
          EXPECT_EQ(static_cast<std::int64_t>(list->rows.size()), std::min(*c.count, kCasesPerPage))
              << t.id << " / " << row[0].text;
          ++checked;
        }
      }
    }
  }
  EXPECT_GT(checked, 40);
}

TEST(Reports, EveryFigureAgreesWithTheListItLinksTo) {
  TestWorld w;
  const Council k = seed(w);
  expect_lists_match(w, w.actor(k.ad));
  expect_lists_match(w, w.actor(w.gm));
}

TEST(Reports, AGroupManagerSeesTheirLinesTeamsOnly) {
  TestWorld w;
  const Council k = seed(w);
  const auto gm = annual_review(w.services(), w.actor(w.gm), year_2023());
  ASSERT_TRUE(gm.ok());
  EXPECT_FALSE(gm->whole_service);
  EXPECT_EQ(cell(*gm, "volumes.by_type", "Total", 1), "5");
  EXPECT_EQ(cell(*gm, "volumes.by_team", "Team C", 1), "no row Team C");
  // Without team C's non-binary child nothing in the column is small.
  EXPECT_EQ(cell(*gm, "equality.gender", "Male", 1), "5");
  const auto all =
      report_cases(w.services(), w.actor(w.gm), year_2023(), {"requests_by_type", {}}, 1);
  ASSERT_TRUE(all.ok());
  for (const CaseRow& c : all->rows) {
    EXPECT_NE(c.request_id, k.b1);
  }
  const auto auditor = annual_review(w.services(), w.actor(w.auditor), year_2023());
  ASSERT_TRUE(auditor.ok());
  EXPECT_EQ(cell(*auditor, "volumes.by_type", "Total", 1), "6");
}

// 120 more requests of team A, each sent the day it was started, through
// 2023 (a few on each day from 2 January).
void many_requests(TestWorld& w) {
  w.db().write_all([&](store::Tx& tx) {
    for (int i = 0; i < 120; ++i) {
      const std::string day = core::to_iso(
          core::Date{std::chrono::sys_days{core::Date{std::chrono::year{2023} / 1 / 2}} +
                     std::chrono::days{i / 3}});
      request(tx, w.sw_a,
              {"section_20_plan_review",
               w.team_a,
               day,
               day,
               std::nullopt,
               std::nullopt,
               std::nullopt,
               std::nullopt,
               {}});
    }
  });
}

// The list behind a figure is read a page at a time (issue 16: 4,298 cases
// behind one figure of the large demo): 50 a page, in order, none repeated
// or skipped, the last page for a page past it; a figure whose groups are
// worked out after the query (working days) pages alike.
TEST(Reports, AListIsShownFiftyCasesAPage) {
  TestWorld w;
  const Council k = seed(w);
  many_requests(w);
  const auto page = [&](const Drill& d, std::int64_t n) {
    auto list = report_cases(w.services(), w.actor(k.ad), year_2023(), d, n);
    EXPECT_TRUE(list.ok());
    return *list;
  };
  const Drill all{"requests_by_type", std::nullopt};
  std::vector<std::int64_t> seen;
  std::string last_day;
  for (std::int64_t n = 1; n <= 3; ++n) {
    const CaseList list = page(all, n);
    EXPECT_EQ(list.total, 126);
    EXPECT_EQ(list.pages, 3);
    EXPECT_EQ(list.page, n);
    EXPECT_FALSE(list.asked_past_the_end);
    EXPECT_EQ(list.rows.size(), n < 3 ? 50u : 26u);
    for (const CaseRow& c : list.rows) {
      seen.push_back(c.request_id);
    }
  }
  std::sort(seen.begin(), seen.end());
  EXPECT_EQ(std::unique(seen.begin(), seen.end()), seen.end());
  EXPECT_EQ(seen.size(), 126u);
  const CaseList past = page(all, 9);
  EXPECT_TRUE(past.asked_past_the_end);
  EXPECT_EQ(past.page, 3);
  EXPECT_EQ(past.rows.size(), 26u);
  EXPECT_FALSE(report_cases(w.services(), w.actor(k.ad), year_2023(), all, 0).ok());
  // Started and submitted the same day: the figure, paged.
  const auto r = annual_review(w.services(), w.actor(k.ad), year_2023());
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(cell(*r, "timeliness.stages", "Started to submitted", 3), "125");
  const Drill same_day{"draft_to_submitted", "0"};
  EXPECT_EQ(page(same_day, 1).total, 125);
  EXPECT_EQ(page(same_day, 3).rows.size(), 25u);
  EXPECT_EQ(page(same_day, 3).rows.back().what, "Same day (0 working days)");
  // Each page viewed is audited with its number.
  EXPECT_EQ(testing::number(w,
                            "SELECT COUNT(*) FROM audit_events WHERE action = 'report.cases' AND "
                            "detail LIKE '%\"page\":3%' AND detail LIKE '%\"total\":125%'",
                            {}),
            2);
}

// A figure with more stored keys behind it than may be bound is read whole
// and paged in memory: the same pages as the query's.
TEST(Reports, AListWithTooManyKeysToBindIsPagedInMemoryAlike) {
  TestWorld w;
  seed(w);
  many_requests(w);
  w.db().read_all([&](store::Tx& tx) {
    report::Context c{tx, w.services(), {}, {}, *core::parse_iso_date("2024-01-15")};
    c.filter = {.panel_id = "", .from = "2023-01-01", .to = "2023-12-31", .today = "2024-01-15"};
    for (const core::PanelType& p : w.services().panels.all()) {
      c.panels.push_back(&p);
    }
    for (const std::int64_t n : {1, 3, 7}) {
      CaseList bound, in_memory;
      bound.page = in_memory.page = n;
      report::read_case_page(c, store::Measure::draft_to_submitted, "0", bound,
                             report::kMostKeysBound);
      report::read_case_page(c, store::Measure::draft_to_submitted, "0", in_memory, 0);
      EXPECT_EQ(in_memory.total, 125) << n;
      EXPECT_EQ(in_memory.total, bound.total) << n;
      EXPECT_EQ(in_memory.page, bound.page) << n;
      EXPECT_EQ(in_memory.asked_past_the_end, n == 7) << n;
      ASSERT_EQ(in_memory.rows.size(), bound.rows.size()) << n;
      for (std::size_t i = 0; i < bound.rows.size(); ++i) {
        EXPECT_EQ(in_memory.rows[i].request_id, bound.rows[i].request_id) << n << " / " << i;
      }
    }
  });
}

TEST(Reports, OnlyManagersOfTheLineOversightAndTheAuditorMayOpenThem) {
  TestWorld w;
  seed(w);
  for (const std::int64_t who : {w.sw_a, w.pm_a, w.coordinator, w.panel_admin, w.admin}) {
    const auto r = annual_review(w.services(), w.actor(who), year_2023());
    ASSERT_FALSE(r.ok()) << who;
    EXPECT_EQ(r.error().kind, core::ErrorKind::forbidden);
    EXPECT_FALSE(
        report_cases(w.services(), w.actor(who), year_2023(), {"requests_by_type", {}}, 1).ok());
  }
}

TEST(Reports, EachReportAndEachListIsAudited) {
  TestWorld w;
  const Council k = seed(w);
  const auto events = [&](const char* action) {
    return testing::number(w,
                           "SELECT COUNT(*) FROM audit_events WHERE action = $1 AND actor_id = $2",
                           {std::string(action), k.ad});
  };
  ASSERT_TRUE(annual_review(w.services(), w.actor(k.ad), year_2023("clam")).ok());
  EXPECT_EQ(events("report.view"), 1);
  ASSERT_TRUE(report_cases(w.services(), w.actor(k.ad), year_2023(), {"actions", "late"}, 1).ok());
  EXPECT_EQ(events("report.cases"), 1);
  EXPECT_EQ(testing::number(w,
                            "SELECT COUNT(*) FROM audit_events WHERE action = 'report.cases' AND "
                            "detail LIKE $1",
                            {std::string("%\"shown\":1%")}),
            1);
}

TEST(Reports, ThePeriodIsChecked) {
  TestWorld w;
  const struct {
    ReportInput in;
    const char* field;  // "" for none
    const char* from;
    const char* to;
  } rows[] = {
      {{.period = "year", .year = "2023"}, "", "2023-01-01", "2023-12-31"},
      {{.period = "quarter", .year = "2024", .quarter = "1"}, "", "2024-01-01", "2024-03-31"},
      {{.period = "quarter", .year = "2023", .quarter = "4"}, "", "2023-10-01", "2023-12-31"},
      {{.period = "range",
        .from_day = "5",
        .from_month = "4",
        .from_year = "2023",
        .to_day = "5",
        .to_month = "4",
        .to_year = "2023"},
       "",
       "2023-04-05",
       "2023-04-05"},
      {{.period = "range",
        .from_day = "6",
        .from_month = "4",
        .from_year = "2023",
        .to_day = "5",
        .to_month = "4",
        .to_year = "2023"},
       "to",
       "",
       ""},
      {{.period = "range",
        .from_day = "31",
        .from_month = "2",
        .from_year = "2023",
        .to_day = "5",
        .to_month = "4",
        .to_year = "2023"},
       "from",
       "",
       ""},
      {{.period = "range",
        .from_day = "1",
        .from_month = "1",
        .from_year = "1990",
        .to_day = "1",
        .to_month = "1",
        .to_year = "2023"},
       "to",
       "",
       ""},
      {{.panel = "nonesuch", .period = "year", .year = "2023"}, "panel", "", ""},
      {{.period = "year", .year = "23"}, "year", "", ""},
      {{.period = "quarter", .year = "2023", .quarter = "5"}, "quarter", "", ""},
  };
  for (const auto& row : rows) {
    const auto scope = report_scope(w.services(), row.in);
    if (std::string(row.field).empty()) {
      ASSERT_TRUE(scope.ok()) << row.from;
      EXPECT_EQ(core::to_iso(scope->from), row.from);
      EXPECT_EQ(core::to_iso(scope->to), row.to);
      continue;
    }
    ASSERT_FALSE(scope.ok()) << row.field;
    ASSERT_EQ(scope.error().kind, core::ErrorKind::invalid);
    EXPECT_EQ(scope.error().fields.at(0).field, row.field);
  }
}

// The exports render the page's Report: every figure of every table is a
// line of the CSV with the page's text, "[c]" included; the totals are the
// page's totals.
TEST(Reports, TheCsvHoldsEveryFigureOfThePageAsItIsShown) {
  TestWorld w;
  const Council k = seed(w);
  const auto page = annual_review(w.services(), w.actor(k.ad), year_2023());
  ASSERT_TRUE(page.ok());
  const auto file = export_review(w.services(), w.actor(k.ad), year_2023(), ExportFormat::csv);
  ASSERT_TRUE(file.ok());
  EXPECT_EQ(file->file_name, "annual-review-all-2023-01-01-2023-12-31.csv");
  EXPECT_EQ(file->media_type, "text/csv; charset=utf-8");
  EXPECT_EQ(file->bytes, report_csv(*page));
  const std::string at = "Every panel,2023-01-01,2023-12-31,";
  EXPECT_NE(file->bytes.find(at + "Volumes,Requests by request type,Total,Number,6,count\r\n"),
            std::string::npos);
  EXPECT_NE(
      file->bytes.find(
          at + "Equality,Children by gender,Male,Children in requests submitted,[c],count\r\n"),
      std::string::npos);
  EXPECT_NE(
      file->bytes.find(
          at + "Equality,Children by gender,Total,Children in requests submitted,12,count\r\n"),
      std::string::npos);
  std::size_t figures = 0;
  for (const ReportSection& s : page->sections) {
    for (const ReportTable& t : s.tables) {
      for (const auto& row : t.rows) {
        figures += row.size() - 1;
      }
    }
  }
  EXPECT_EQ(std::count(file->bytes.begin(), file->bytes.end(), '\n'),
            static_cast<std::ptrdiff_t>(figures + 1));
}

TEST(Reports, TheWorkbookHoldsThePagesTablesWithSmallNumbersSuppressed) {
  TestWorld w;
  const Council k = seed(w);
  const auto file = export_review(w.services(), w.actor(k.ad), year_2023(), ExportFormat::xlsx);
  ASSERT_TRUE(file.ok());
  EXPECT_EQ(file->file_name, "annual-review-all-2023-01-01-2023-12-31.xlsx");
  const auto dir = testing::make_temp_dir();
  std::ofstream(dir / "r.xlsx", std::ios::binary) << file->bytes;
  const testing::Xlsx x = testing::read_xlsx(dir / "r.xlsx");
  std::filesystem::remove_all(dir);
  ASSERT_EQ(x.error, "");
  // The cell in the row labelled `label`, column `column` ("B").
  const auto cell_at = [](const testing::XlsxSheet& sheet, const std::string& label,
                          const std::string& column) -> testing::XlsxCell {
    for (const auto& [ref, c] : sheet.cells) {
      if (ref[0] == 'A' && c.value == label) {
        return sheet.cells.at(column + ref.substr(1));
      }
    }
    return {};
  };
  const testing::XlsxSheet* gender = x.sheet("Children by gender");
  ASSERT_NE(gender, nullptr);
  EXPECT_EQ(cell_at(*gender, "Female", "B").value, "6");
  EXPECT_EQ(cell_at(*gender, "Female", "B").type, "n");
  EXPECT_EQ(cell_at(*gender, "Male", "B").value, "[c]");
  EXPECT_EQ(cell_at(*gender, "Male", "B").type, "s");
  EXPECT_EQ(cell_at(*gender, "Total", "B").value, "12");
  EXPECT_EQ(gender->cells.at("B1").value, "Children in requests submitted");
  EXPECT_EQ(gender->pane.at("state"), "frozen");
  const testing::XlsxSheet* by_type = x.sheet("Requests by request type");
  ASSERT_NE(by_type, nullptr);
  const std::string total = cell_at(*by_type, "Total", "B").value;
  EXPECT_EQ(total, "6");
}

TEST(Reports, EachExportIsAuditedWithItsFormatAndSizeAndOnlyForThoseWhoMaySee) {
  TestWorld w;
  seed(w);
  const auto file =
      export_review(w.services(), w.actor(w.gm), year_2023("clam"), ExportFormat::xlsx);
  ASSERT_TRUE(file.ok());
  EXPECT_EQ(testing::number(w,
                            "SELECT COUNT(*) FROM audit_events WHERE action = 'report.export' AND "
                            "actor_id = $1 AND detail LIKE $2",
                            {w.gm, "%\"bytes\":" + std::to_string(file->bytes.size()) + "%"}),
            1);
  EXPECT_EQ(testing::number(w,
                            "SELECT COUNT(*) FROM audit_events WHERE action = 'report.export' AND "
                            "detail LIKE '%\"format\":\"xlsx\"%' AND detail LIKE "
                            "'%\"scope\":\"line\"%' AND detail LIKE '%\"panel\":\"clam\"%'",
                            {}),
            1);
  for (const std::int64_t who : {w.sw_a, w.coordinator, w.admin}) {
    const auto refused = export_review(w.services(), w.actor(who), year_2023(), ExportFormat::csv);
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().kind, core::ErrorKind::forbidden);
  }
  EXPECT_EQ(
      testing::number(w, "SELECT COUNT(*) FROM audit_events WHERE action = 'report.export'", {}),
      1);
  // The command line: the whole service, recorded as the system.
  const auto service = export_review_for_service(w.services(), year_2023(), ExportFormat::csv);
  ASSERT_TRUE(service.ok());
  EXPECT_NE(service->bytes.find("Team C"), std::string::npos);
  EXPECT_EQ(testing::number(w,
                            "SELECT COUNT(*) FROM audit_events WHERE action = 'report.export' AND "
                            "actor_id IS NULL AND detail LIKE '%command line%' AND detail LIKE "
                            "'%\"scope\":\"service\"%'",
                            {}),
            1);
}

}  // namespace
}  // namespace casepanel::app
