// The audit checkpoint job: when it writes the chain's head to the
// checkpoint file, and that `audit verify` then relies on those lines.
#include "jobs/audit_checkpoint.h"

#include <gtest/gtest.h>

#include <fstream>

#include "app/audit_trail.h"
#include "store/audit.h"
#include "store/audit_checkpoints.h"
#include "support/world.h"

namespace casepanel::jobs {
namespace {

using namespace std::chrono_literals;
using testing::TestWorld;

class Checkpoints : public ::testing::Test {
 protected:
  CheckpointPolicy policy() {
    return {.file = w.dir() / "checkpoints.log", .every_events = 5, .every = 60s};
  }
  void events(int n) {
    w.db().write_all([&](store::Tx& tx) {
      for (int i = 0; i < n; ++i) {
        app::audit(tx, w.services(), w.actor(w.sw_a), "child.view", "child", w.child_a);
      }
    });
  }
  std::vector<store::AuditCheckpoint> lines() {
    const auto file = store::read_checkpoints(w.dir() / "checkpoints.log", *w.db().audit_key());
    EXPECT_FALSE(file.bad_line) << file.problem;
    return file.checkpoints;
  }
  TestWorld w;
};

TEST_F(Checkpoints, AreWrittenAfterEnoughEventsOrEnoughTimeAndOnlyWhenTheHeadMoved) {
  AuditCheckpointer job(w.services(), policy());
  EXPECT_FALSE(job.checkpoint(CheckpointWhen::now)) << "an empty log has no head";
  events(3);
  EXPECT_FALSE(job.checkpoint(CheckpointWhen::if_due)) << "3 events, 0 seconds: not yet";
  w.clock().advance(60s);
  EXPECT_TRUE(job.checkpoint(CheckpointWhen::if_due)) << "a minute has passed";
  w.clock().advance(10min);
  EXPECT_FALSE(job.checkpoint(CheckpointWhen::if_due)) << "nothing new to checkpoint";
  EXPECT_FALSE(job.checkpoint(CheckpointWhen::now)) << "nothing new, even when asked";
  events(5);
  EXPECT_TRUE(job.checkpoint(CheckpointWhen::if_due)) << "5 new events";
  events(1);
  EXPECT_TRUE(job.checkpoint(CheckpointWhen::now)) << "shutdown writes whatever is new";
  const auto written = lines();
  ASSERT_EQ(written.size(), 3u);
  EXPECT_EQ(written[0].event_id, 3);
  EXPECT_EQ(written[0].at, "2026-11-24T09:01:00Z");
  EXPECT_EQ(written[2].event_id, 9);
}

// Two instances (each its own Database on the one database) sharing one
// checkpoint file: each checkpoints the whole chain's head, the lines stay
// whole, and out of id order they still verify, and still catch truncation.
TEST_F(Checkpoints, TwoInstancesSharingAFileEachCheckpointTheWholeChain) {
  auto other_db = store::Database::open(w.location(), 2);
  other_db->set_audit_key(std::make_shared<store::AuditKey>(
      store::AuditKey::load(w.dir() / "audit.key", store::KeyFileMissing::refuse)));
  const app::Services& mine = w.services();
  app::Services other{*other_db, mine.clock, mine.calendar, mine.panels};
  AuditCheckpointer first(w.services(), policy());
  AuditCheckpointer second(other, policy());
  events(4);
  EXPECT_TRUE(second.checkpoint(CheckpointWhen::now)) << "events another instance appended";
  events(2);
  EXPECT_TRUE(first.checkpoint(CheckpointWhen::now));
  events(1);
  EXPECT_TRUE(second.checkpoint(CheckpointWhen::now));
  EXPECT_TRUE(first.checkpoint(CheckpointWhen::now)) << "its own last line was older";
  const auto written = lines();
  ASSERT_EQ(written.size(), 4u);
  EXPECT_EQ(written[0].event_id, 4);
  EXPECT_EQ(written[3].event_id, 7);
  EXPECT_TRUE(store::verify_audit(w.db(), written).intact);
  w.db().write_all([](store::Tx& tx) {
    testing::drop_audit_triggers(tx);
    tx.exec("DELETE FROM audit_events WHERE id > 6");
  });
  EXPECT_FALSE(store::verify_audit(w.db(), lines()).intact);
}

TEST_F(Checkpoints, ARestartedJobDoesNotRepeatTheLastCheckpoint) {
  events(2);
  AuditCheckpointer(w.services(), policy()).checkpoint(CheckpointWhen::now);
  AuditCheckpointer again(w.services(), policy());
  EXPECT_FALSE(again.checkpoint(CheckpointWhen::now));
  EXPECT_EQ(lines().size(), 1u);
}

TEST_F(Checkpoints, VerifyFindsTheNewestEventsGoneOnlyThroughThem) {
  events(10);
  AuditCheckpointer job(w.services(), policy());
  job.checkpoint(CheckpointWhen::now);
  w.db().write_all([](store::Tx& tx) {
    testing::drop_audit_triggers(tx);
    tx.exec("DELETE FROM audit_events WHERE id > 7");
  });
  EXPECT_TRUE(store::verify_audit(w.db()).intact) << "without checkpoints the chain is whole";
  const store::AuditVerification v = store::verify_audit(w.db(), lines());
  EXPECT_FALSE(v.intact);
  EXPECT_EQ(v.first_broken_id, 10);
}

TEST_F(Checkpoints, StartAndStopEachWriteOne) {
  events(1);
  {
    AuditCheckpointer job(w.services(), policy());
    job.start();
    events(1);
    job.stop();
  }
  const auto written = lines();
  ASSERT_EQ(written.size(), 2u);
  EXPECT_EQ(written[0].event_id, 1);
  EXPECT_EQ(written[1].event_id, 2);
}

}  // namespace
}  // namespace casepanel::jobs
