// The national demo (app/demo.h, add_demo_councils): council 0 copied until
// the database holds N councils. The full national demo copies the large
// council (5,000 children) 149 times; here a one-request council is copied
// twice, which is what must hold at any size: every table the copies write
// holds N times council 0's rows, each copy refers only to its own rows, and
// every figure of the annual review is N times council 0's.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "app/demo.h"
#include "store/actions.h"
#include "store/bulk_load.h"
#include "store/demo_history.h"
#include "store/reports.h"
#include "store/settings.h"
#include "support/world.h"

namespace casepanel::app {
namespace {

using testing::number;
using testing::TestWorld;
namespace history = store::history;

core::Instant at(const std::string& iso) { return core::parse_iso_utc(iso).value(); }
core::Date day(const std::string& iso) { return core::parse_iso_date(iso).value(); }

// Council 0: child_a's request, heard at a held sitting, decided with a
// review date (so a return to panel), four actions (one escalated), as the
// large demo writes them.
void make_council(TestWorld& w) {
  w.db().write_all([&](store::Tx& tx) {
    const history::FirstIds ids = history::first_ids(tx);
    history::BulkLoad load(tx);
    load.add(history::SittingRow{.id = ids.sitting,
                                 .panel_id = "clam",
                                 .sitting_date = day("2026-10-06"),
                                 .starts_at = at("2026-10-06T12:30:00Z"),
                                 .ends_at = at("2026-10-06T16:00:00Z"),
                                 .venue_id = "chn",
                                 .status = history::SittingStatus::held,
                                 .chair_id = w.coordinator,
                                 .minutes_authorised_at = at("2026-10-08T12:00:00Z"),
                                 .minutes_drafted_by = w.panel_admin});
    history::RequestRow request{.id = ids.request, .panel_id = "clam"};
    request.state = core::RequestState::decided;
    request.request_type = "permanency_review";
    request.author_id = w.sw_a;
    request.team_id = w.team_a;
    request.created_at = at("2026-09-15T09:00:00Z");
    request.submitted_at = at("2026-09-25T15:00:00Z");
    request.updated_at = request.submitted_at.value();
    load.add(request);
    load.add_request_child(ids.request, w.child_a);
    load.add(history::ApprovalRow{.id = ids.approval,
                                  .request_id = ids.request,
                                  .step_id = "practice_manager",
                                  .approver_id = w.pm_a,
                                  .comments = "Agreed.",
                                  .at = at("2026-09-24T11:00:00Z")});
    load.add(history::HearingRow{.id = ids.hearing,
                                 .sitting_id = ids.sitting,
                                 .request_id = ids.request,
                                 .starts_at = at("2026-10-06T12:30:00Z"),
                                 .minutes = 30,
                                 .status = history::HearingStatus::heard});
    history::DecisionRow decision{.id = ids.decision, .hearing_id = ids.hearing};
    decision.child_id = w.child_a;
    decision.decision_type = "agreed";
    decision.summary = "Agreed.";
    decision.review_date = day("2026-12-29");
    decision.event = "CLAM: agreed.";
    decision.recorded_by = w.panel_admin;
    decision.recorded_at = at("2026-10-06T13:00:00Z");
    load.add(decision);
    for (int a = 0; a < 4; ++a) {
      const bool done = a < 2;
      load.add(history::ActionRow{
          .id = ids.action + a,
          .decision_id = ids.decision,
          .child_id = w.child_a,
          .description = "Update the care plan.",
          .owner_id = w.sw_a,
          .due_date = day(a % 2 ? "2026-10-20" : "2026-11-30"),
          .status = done ? history::ActionStatus::done : history::ActionStatus::open,
          .completed_at = done ? std::optional(at("2026-10-19T15:00:00Z")) : std::nullopt,
          .created_at = decision.recorded_at});
    }
    load.finish();
    history::open_returns(tx);
    store::record_escalation(tx, {.action_id = ids.action + 3,
                                  .ladder_id = "actions",
                                  .step = 1,
                                  .step_day = day("2026-10-21"),
                                  .role = core::Role::practice_manager,
                                  .label = "Practice manager told",
                                  .notified_id = w.pm_a,
                                  .recorded_at = at("2026-10-21T07:00:00Z")});
    store::put_setting(tx, "demo_scale", "large");
  });
}

const std::vector<std::string> kCopiedTables = {
    "teams",          "sibling_groups",     "children",      "sittings", "minutes",
    "requests",       "request_children",   "approvals",     "hearings", "decisions",
    "decision_items", "significant_events", "panel_returns", "actions",  "escalations"};

std::vector<std::int64_t> rows_per_table(TestWorld& w) {
  std::vector<std::int64_t> out;
  for (const std::string& table : kCopiedTables) {
    out.push_back(number(w, "SELECT COUNT(*) FROM " + table));
  }
  return out;
}

std::int64_t figure(TestWorld& w, store::Measure m) {
  const store::ReportFilter f{.from = "2026-01-01", .to = "2026-12-31", .today = "2026-11-22"};
  std::int64_t total = 0;
  w.db().read_all([&](store::Tx& tx) {
    for (const store::Tally& t : store::tally(tx, m, f)) {
      total += t.count;
    }
  });
  return total;
}

constexpr store::Measure kFigures[] = {store::Measure::requests_by_team,
                                       store::Measure::requests_by_type,
                                       store::Measure::items_by_option,
                                       store::Measure::submitted_to_heard,
                                       store::Measure::heard_to_minutes,
                                       store::Measure::decided_to_action_done,
                                       store::Measure::actions,
                                       store::Measure::escalations,
                                       store::Measure::returns,
                                       store::Measure::heard_again,
                                       store::Measure::requested_by_ethnicity,
                                       store::Measure::decided_by_age};

TEST(DemoNational, EveryTableAndFigureIsTheFirstCouncilsTimesTheCouncils) {
  TestWorld w;
  make_council(w);
  const std::vector<std::int64_t> one = rows_per_table(w);
  std::vector<std::int64_t> figures_of_one;
  for (store::Measure m : kFigures) {
    figures_of_one.push_back(figure(w, m));
  }
  const DemoSummary made = add_demo_councils(w.services(), 3);
  const std::vector<std::int64_t> three = rows_per_table(w);
  for (std::size_t t = 0; t < kCopiedTables.size(); ++t) {
    EXPECT_EQ(three[t], 3 * one[t]) << kCopiedTables[t];
    EXPECT_GT(one[t], 0) << kCopiedTables[t];
  }
  EXPECT_EQ(made.hearings, 3 * one[8]);
  EXPECT_EQ(made.actions, 3 * one[13]);
  for (std::size_t i = 0; i < std::size(kFigures); ++i) {
    EXPECT_EQ(figure(w, kFigures[i]), 3 * figures_of_one[i]) << store::measure_id(kFigures[i]);
    EXPECT_GT(figures_of_one[i], 0) << store::measure_id(kFigures[i]);
  }
  EXPECT_EQ(number(w, "SELECT COUNT(DISTINCT team_id) FROM requests"), 3);
  EXPECT_EQ(number(w, "SELECT value FROM settings WHERE key = 'demo_councils'"), 3);
}

// A copy refers only to its own council's rows: no hearing of council 2 is
// at a sitting or for a request of another council, no action belongs to a
// decision of another council, and every copied sitting starts at a time of
// its own within council 0's hour.
TEST(DemoNational, ACopyRefersOnlyToItsOwnCouncil) {
  TestWorld w;
  make_council(w);
  // Council 0's hearing, sitting and request are each its table's last row.
  const std::int64_t hearing = number(w, "SELECT MAX(id) FROM hearings");
  const std::int64_t sitting = number(w, "SELECT MAX(id) FROM sittings");
  const std::int64_t request = number(w, "SELECT MAX(id) FROM requests");
  add_demo_councils(w.services(), 3);
  EXPECT_EQ(number(w, "SELECT sitting_id FROM hearings WHERE id = $1", {3 * hearing}), 3 * sitting);
  EXPECT_EQ(number(w, "SELECT request_id FROM hearings WHERE id = $1", {3 * hearing}), 3 * request);
  EXPECT_EQ(number(w,
                   "SELECT COUNT(*) FROM actions a JOIN decisions d ON d.id = a.decision_id "
                   "WHERE a.child_id <> d.child_id"),
            0);
  EXPECT_EQ(number(w,
                   "SELECT COUNT(*) FROM requests r JOIN request_children rc ON "
                   "rc.request_id = r.id JOIN children c ON c.id = rc.child_id WHERE "
                   "c.team_id <> r.team_id"),
            0);
  const std::string copies = " FROM sittings WHERE sitting_date = '2026-10-06'";
  EXPECT_EQ(number(w, "SELECT COUNT(DISTINCT starts_at)" + copies), 3);
  EXPECT_EQ(number(w, "SELECT COUNT(*)" + copies +
                          " AND substr(starts_at, 1, 16) <> "
                          "'2026-10-06T12:30'"),
            0);
}

TEST(DemoNational, OnlyALargeDemoCouncilIsCopied) {
  TestWorld w;
  EXPECT_THROW(add_demo_councils(w.services(), 2), std::runtime_error);
  make_council(w);
  EXPECT_THROW(add_demo_councils(w.services(), 0), std::invalid_argument);
  EXPECT_EQ(number(w, "SELECT COUNT(*) FROM hearings"), 1);
}

}  // namespace
}  // namespace casepanel::app
