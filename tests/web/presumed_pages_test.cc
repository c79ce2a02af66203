// A kept page answered by the I/O thread is never one its reader should not
// get. On PostgreSQL the I/O thread presumes the session and the content
// version from memory and the view's write confirms them
// (store/presumed_reads.h); on SQLite it reads them. Either way, a session
// ended or a record changed by another instance sharing the database is
// seen at the next request: no page, no view, for an ended session; the new
// page, viewed once, for a change. On both engines.
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <thread>

#include "support/decided_hearing.h"
#include "web/site_fixture.h"

namespace casepanel::web {
namespace {

class PresumedPages : public SiteFixture {
 protected:
  void SetUp() override {
    hearing_ = testing::fgc_hearing(world_);
    child_ = "/children/" + std::to_string(world_.child_a);
  }
  std::int64_t views() {
    return number("SELECT COUNT(*) FROM audit_events WHERE action = 'child.view'");
  }
  // Another casepanel instance on the same database, with its own connection.
  void on_another_instance(const std::string& sql) {
    const auto other = store::Database::open(world_.location(), 1);
    other->write_all([&](store::Tx& tx) { tx.exec(sql, {}); });
  }
  // The record, built once and then kept, its second serving the I/O thread's.
  void kept(Client& c) {
    ASSERT_EQ(c.get(child_).status, 200);
    const std::uint64_t here = server_->answered_by_io_thread();
    ASSERT_EQ(c.get(child_).status, 200);
    ASSERT_EQ(server_->answered_by_io_thread(), here + 1);
  }

  testing::DecidedHearing hearing_;
  std::string child_;
};

TEST_F(PresumedPages, ASessionEndedOnAnotherInstanceGetsNoKeptPageAndNoView) {
  Client sw = signed_in("sw_a@test");
  kept(sw);
  const std::int64_t before = views();
  const std::uint64_t here = server_->answered_by_io_thread();
  on_another_instance("DELETE FROM sessions");
  const Reply after = sw.get(child_);
  EXPECT_EQ(after.status, 303);
  EXPECT_EQ(after.header("Location").rfind("/sign-in", 0), 0u) << after.header("Location");
  EXPECT_EQ(after.body.find("govuk-summary-list"), std::string::npos);
  EXPECT_EQ(views(), before) << "nothing was viewed";
  if (world_.db().engine() == store::Engine::postgresql) {
    EXPECT_EQ(server_->answered_by_io_thread(), here) << "a worker answered, on real reads";
  }
}

TEST_F(PresumedPages, AChangeOnAnotherInstanceIsShownAtOnceAndViewedOnce) {
  Client sw = signed_in("sw_a@test");
  kept(sw);
  const std::int64_t before = views();
  on_another_instance("UPDATE children SET first_name = 'Marigold' WHERE id = " +
                      std::to_string(world_.child_a));
  // Another instance's change moves the version in its own transaction, as
  // casepanel's writes do (store/content_version.h).
  on_another_instance("UPDATE content_version SET n = n + 1 WHERE id = 1");
  const Reply changed = sw.get(child_);
  ASSERT_EQ(changed.status, 200);
  EXPECT_NE(changed.body.find("Marigold"), std::string::npos);
  EXPECT_EQ(views(), before + 1);
  kept(sw);  // kept again, at the new version, and the I/O thread's again
  EXPECT_EQ(views(), before + 3);
}

}  // namespace
}  // namespace casepanel::web
