// The escalation job (jobs/escalations.h) over real days on TestWorld's
// database: Support Panel 6.1's FGC referral escalated at 5 and 7 working
// days, overdue actions climbing their ladder, a month run day by day with a
// restart in the middle, two instances on one database, and catching up
// after downtime. Each step must be recorded, and each email queued, once.
#include "jobs/escalations.h"

#include <gtest/gtest.h>

#include <future>
#include <map>
#include <string>
#include <vector>

#include "app/actions.h"
#include "app/display.h"
#include "app/services.h"
#include "store/audit_key.h"
#include "support/decided_hearing.h"
#include "support/world.h"

namespace casepanel::jobs {
namespace {

using testing::TestWorld;

core::Date date(const char* iso) { return *core::parse_iso_date(iso); }

std::int64_t count(TestWorld& w, const std::string& sql, const store::Params& params = {}) {
  return testing::number(w, sql, params);
}

// "ladder/step -> told" for each step taken, in order.
std::vector<std::string> words(const std::vector<EscalationTaken>& taken) {
  std::vector<std::string> out;
  for (const EscalationTaken& t : taken) {
    out.push_back(core::to_iso(t.day) + " " + t.ladder_id + "/" + std::to_string(t.step) + " -> " +
                  t.told);
  }
  return out;
}

// Another instance of casepanel on the same database file.
std::unique_ptr<store::Database> another_connection(TestWorld& w) {
  auto db = store::Database::open(w.location(), 2);
  db->set_audit_key(std::make_shared<store::AuditKey>(
      store::AuditKey::load(w.dir() / "audit.key", store::KeyFileMissing::refuse)));
  return db;
}

std::vector<std::string> run_days(app::Services& s, core::Date from, core::Date to) {
  std::vector<std::string> out;
  for (auto d = std::chrono::sys_days{from}; d <= std::chrono::sys_days{to};
       d += std::chrono::days{1}) {
    for (const std::string& line : words(run_escalations(s, core::Date{d}))) {
      out.push_back(line);
    }
  }
  return out;
}

// The FGC referral and the panel action both fall due on 9 December.
const std::vector<std::string> kDecember = {
    "2026-12-10 fgc_referral/1 -> Pat Alpha",     // not received within 5 working days
    "2026-12-10 actions_overdue/1 -> Pat Alpha",  // the action overdue: its Team Manager
    "2026-12-14 fgc_referral/2 -> Gita Manager",  // not within 7: the Service Manager
    "2026-12-17 actions_overdue/2 -> Gita Manager",
};

TEST(Escalations, TheFgcReferralAndAnOverdueActionClimbTheirLaddersOnTheirWorkingDays) {
  TestWorld w;
  testing::fgc_hearing(w);
  auto& s = w.services();
  s.people.site_url = "https://panel.council.test";
  EXPECT_TRUE(run_escalations(s, date("2026-12-09")).empty()) << "nothing is late on the 9th";
  EXPECT_EQ(words(run_escalations(s, date("2026-12-10"))),
            (std::vector<std::string>{kDecember[0], kDecember[1]}));
  EXPECT_TRUE(run_escalations(s, date("2026-12-10")).empty()) << "each step happens once";
  EXPECT_TRUE(run_escalations(s, date("2026-12-13")).empty()) << "a Sunday adds nothing";
  EXPECT_EQ(words(run_escalations(s, date("2026-12-14"))),
            (std::vector<std::string>{kDecember[2]}));
  EXPECT_EQ(count(w, "SELECT COUNT(*) FROM outbox WHERE subject LIKE 'Escalated to you%'"), 3);
  EXPECT_EQ(count(w,
                  "SELECT COUNT(*) FROM outbox WHERE subject LIKE 'Escalated to you%' AND "
                  "body LIKE '%See https://panel.council.test/actions/%'"),
            3)
      << "each email links to the action, absolutely";
  EXPECT_EQ(testing::emails_naming_a_child(w), std::vector<std::string>{})
      << "an escalation names the action's panel and due date, not the child";
  EXPECT_EQ(count(w, "SELECT MAX(escalation_level) FROM actions"), 2);
  EXPECT_EQ(count(w, "SELECT COUNT(*) FROM audit_events WHERE action = 'action.escalate'"), 3);

  // The group manager sees it as escalated to them; the referral received
  // stops its ladder.
  auto gm = app::my_actions(s, w.actor(w.gm));
  ASSERT_TRUE(gm.ok());
  ASSERT_EQ(gm->escalated_to_me.size(), 1u);
  EXPECT_EQ(gm->escalated_to_me.front().what, "Family Group Conference referral received");
  auto admin = app::my_actions(s, w.actor(w.panel_admin));
  ASSERT_TRUE(admin.ok());
  ASSERT_EQ(admin->to_record.size(), 1u);
  w.clock().set(app::parse_utc("2026-12-15T10:00:00Z"));
  core::CompletionEntry received;
  received.met_on = "2026-12-14";
  const auto closed =
      app::close_action(s, w.actor(w.panel_admin), admin->to_record.front().id, received);
  ASSERT_TRUE(closed.ok()) << closed.error().message;
  EXPECT_EQ(words(run_escalations(s, date("2026-12-31"))),
            (std::vector<std::string>{kDecember[3]}));
}

TEST(Escalations, AMonthDayByDayWithARestartTakesEachStepOnceInOrder) {
  TestWorld w;
  testing::fgc_hearing(w);
  std::vector<std::string> seen = run_days(w.services(), date("2026-12-02"), date("2026-12-11"));
  {
    // A restart: a new database connection and services on the same file.
    auto db = another_connection(w);
    app::Services again{*db, w.clock(), w.services().calendar, w.services().panels};
    for (const std::string& line : run_days(again, date("2026-12-11"), date("2027-01-04"))) {
      seen.push_back(line);
    }
  }
  EXPECT_EQ(seen, kDecember);
  EXPECT_EQ(count(w, "SELECT COUNT(*) FROM escalations"), 4);
  EXPECT_EQ(count(w, "SELECT COUNT(*) FROM outbox WHERE subject LIKE 'Escalated to you%'"), 4);
}

TEST(Escalations, AfterDaysOfDowntimeItCatchesUpInTheOrderTheStepsFellDue) {
  TestWorld w;
  testing::fgc_hearing(w);
  EXPECT_EQ(words(run_escalations(w.services(), date("2027-01-04"))), kDecember);
  EXPECT_TRUE(run_escalations(w.services(), date("2027-01-05")).empty());
}

TEST(Escalations, TwoInstancesOnOneDatabaseTakeEachStepOnce) {
  TestWorld w;
  testing::fgc_hearing(w);
  auto db_a = another_connection(w);
  auto db_b = another_connection(w);
  app::Services a{*db_a, w.clock(), w.services().calendar, w.services().panels};
  app::Services b{*db_b, w.clock(), w.services().calendar, w.services().panels};
  auto first =
      std::async(std::launch::async, [&] { return run_escalations(a, date("2027-01-04")).size(); });
  auto second =
      std::async(std::launch::async, [&] { return run_escalations(b, date("2027-01-04")).size(); });
  EXPECT_EQ(first.get() + second.get(), 4u);
  EXPECT_EQ(count(w, "SELECT COUNT(*) FROM escalations"), 4);
  EXPECT_EQ(count(w, "SELECT COUNT(*) FROM outbox WHERE subject LIKE 'Escalated to you%'"), 4);
}

TEST(Escalations, AStepNobodyHoldsTheRoleForIsRecordedWithNobodyTold) {
  TestWorld w;
  testing::fgc_hearing(w);
  w.db().write_all(
      [&](store::Tx& tx) { tx.exec("DELETE FROM user_roles WHERE role = 'group_manager'"); });
  const auto taken = run_escalations(w.services(), date("2027-01-04"));
  ASSERT_EQ(taken.size(), 4u);
  EXPECT_FALSE(taken[2].told_id.has_value());
  EXPECT_NE(taken[2].to_line().find("nobody holds the role"), std::string::npos);
  EXPECT_EQ(count(w, "SELECT COUNT(*) FROM outbox WHERE subject LIKE 'Escalated to you%'"), 2);
}

}  // namespace
}  // namespace casepanel::jobs
