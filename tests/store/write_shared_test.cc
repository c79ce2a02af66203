// Database::write_shared (group commit): works queued while a shared write is
// under way commit together in the next, in one transaction; one work's error
// reaches only its own caller, the others still commit; the audit chain they
// extend still verifies. write_shared_async does the same without its caller
// waiting. On both engines.
#include <gtest/gtest.h>

#include <atomic>
#include <latch>
#include <optional>
#include <stdexcept>
#include <thread>
#include <vector>

#include "app/audit_trail.h"
#include "core/deferred.h"
#include "core/non_blocking.h"
#include "store/audit.h"
#include "support/world.h"

namespace casepanel::store {
namespace {

using testing::TestWorld;

std::int64_t views(TestWorld& w) {
  std::int64_t n = 0;
  w.db().read_all([&](Tx& tx) {
    n = tx.query_one("SELECT COUNT(*) FROM audit_events WHERE action = 'child.view'")->integer(0);
  });
  return n;
}

// The first caller leads a shared write and holds it open (its work waits on
// `release`) until `queued` more works wait behind it; then lets it commit.
class HeldWrite {
 public:
  HeldWrite(TestWorld& w) : w_(w) {
    leader_ = std::thread([this] {
      w_.db().write_shared([this](Tx& tx) {
        if (!signalled_.exchange(true)) {
          inside_.count_down();
        }
        release_.wait();
        view(tx, w_.child_a);
      });
    });
    inside_.wait();
  }
  void release_once_waiting(std::size_t queued) {
    while (w_.db().shared_counts().waiting < queued) {
      std::this_thread::yield();
    }
    release_.count_down();
    leader_.join();
  }
  void view(Tx& tx, std::int64_t child) {
    app::audit(tx, w_.services(), w_.actor(w_.sw_a), "child.view", "child", child);
  }

 private:
  TestWorld& w_;
  std::atomic<bool> signalled_{false};
  std::latch inside_{1};
  std::latch release_{1};
  std::thread leader_;
};

TEST(WriteShared, WorksQueuedBehindAWriteCommitTogetherInTheNext) {
  TestWorld w;
  const std::int64_t before = views(w);
  const Database::SharedCounts start = w.db().shared_counts();
  HeldWrite held(w);
  constexpr std::size_t queued = 6;
  std::vector<std::thread> viewers;
  for (std::size_t i = 0; i < queued; ++i) {
    viewers.emplace_back([&] { w.db().write_shared([&](Tx& tx) { held.view(tx, w.child_b); }); });
  }
  held.release_once_waiting(queued);
  for (std::thread& t : viewers) {
    t.join();
  }

  const Database::SharedCounts end = w.db().shared_counts();
  EXPECT_EQ(end.writes - start.writes, 2) << "the held write, then one for all that waited";
  EXPECT_EQ(end.works - start.works, static_cast<std::int64_t>(queued) + 1);
  EXPECT_EQ(end.waiting, 0u);
  EXPECT_EQ(views(w) - before, static_cast<std::int64_t>(queued) + 1);
  EXPECT_TRUE(verify_audit(w.db()).intact);
}

TEST(WriteShared, OneWorksErrorReachesOnlyItsCallerAndTheOthersCommit) {
  TestWorld w;
  const std::int64_t before = views(w);
  HeldWrite held(w);
  constexpr std::size_t good = 3;
  std::vector<std::thread> viewers;
  std::atomic<int> errors{0};
  for (std::size_t i = 0; i < good; ++i) {
    viewers.emplace_back([&] { w.db().write_shared([&](Tx& tx) { held.view(tx, w.child_b); }); });
  }
  viewers.emplace_back([&] {
    try {
      w.db().write_shared([&](Tx& tx) {
        held.view(tx, w.child_a);  // written, then rolled back with the error
        throw std::runtime_error("this view fails");
      });
    } catch (const std::runtime_error&) {
      ++errors;
    }
  });
  held.release_once_waiting(good + 1);
  for (std::thread& t : viewers) {
    t.join();
  }

  EXPECT_EQ(errors.load(), 1);
  EXPECT_EQ(views(w) - before, static_cast<std::int64_t>(good) + 1)
      << "the held view and the good ones; not the failed one";
  EXPECT_TRUE(verify_audit(w.db()).intact);
}

// write_shared_async: the caller does not wait. Works queued behind a write
// commit together in the next, run by the thread that ran the one before (no
// caller waits to run them), and each completion says so only then.
TEST(WriteSharedAsync, ReturnsAtOnceAndCompletesWhenItsWriteHasCommitted) {
  TestWorld w;
  const std::int64_t before = views(w);
  const Database::SharedCounts start = w.db().shared_counts();
  HeldWrite held(w);
  std::vector<std::shared_ptr<core::Completion>> done;
  for (int i = 0; i < 3; ++i) {
    done.push_back(w.db().write_shared_async([&](Tx& tx) { held.view(tx, w.child_b); }));
  }
  for (const auto& d : done) {
    EXPECT_EQ(d->outcome(), std::nullopt) << "returned before its write";
  }
  EXPECT_EQ(views(w), before);
  std::atomic<int> told{0};
  done.front()->then([&](core::Completion::Outcome o) {
    told += o == core::Completion::Outcome::committed ? 1 : 100;
  });
  EXPECT_EQ(told.load(), 0);
  held.release_once_waiting(3);  // the held write's thread runs theirs next

  for (const auto& d : done) {
    EXPECT_EQ(d->outcome(), std::optional(core::Completion::Outcome::committed));
  }
  EXPECT_EQ(told.load(), 1);
  const Database::SharedCounts end = w.db().shared_counts();
  EXPECT_EQ(end.writes - start.writes, 2) << "the held write, then one for the three";
  EXPECT_EQ(end.waiting, 0u);
  EXPECT_EQ(views(w) - before, 4);
  EXPECT_TRUE(verify_audit(w.db()).intact);
  bool late = false;
  done.back()->then(
      [&](core::Completion::Outcome o) { late = o == core::Completion::Outcome::committed; });
  EXPECT_TRUE(late) << "a callback handed over after the commit runs at once";
}

TEST(WriteSharedAsync, AFailingWorkFailsOnlyItsOwnCompletion) {
  TestWorld w;
  const std::int64_t before = views(w);
  HeldWrite held(w);
  const auto good = w.db().write_shared_async([&](Tx& tx) { held.view(tx, w.child_b); });
  const auto bad = w.db().write_shared_async([&](Tx& tx) {
    held.view(tx, w.child_a);  // written, then rolled back with the error
    throw std::runtime_error("this view fails");
  });
  const auto also_good = w.db().write_shared_async([&](Tx& tx) { held.view(tx, w.child_b); });
  held.release_once_waiting(3);

  EXPECT_EQ(good->outcome(), std::optional(core::Completion::Outcome::committed));
  EXPECT_EQ(bad->outcome(), std::optional(core::Completion::Outcome::failed));
  EXPECT_EQ(also_good->outcome(), std::optional(core::Completion::Outcome::committed));
  EXPECT_EQ(views(w) - before, 3) << "the held view and the two good ones";
  EXPECT_TRUE(verify_audit(w.db()).intact);
}

// A worker owes the write its page's event needs until its response is
// handed over (core/deferred.h): the write waits for the scope to run it.
TEST(WriteSharedAsync, InsideADeferredScopeTheWriteWaitsUntilTheScopeRunsIt) {
  TestWorld w;
  const std::int64_t before = views(w);
  core::Deferred owed;
  const auto first = w.db().write_shared_async([&](Tx& tx) {
    app::audit(tx, w.services(), w.actor(w.sw_a), "child.view", "child", w.child_a);
  });
  const auto second = w.db().write_shared_async([&](Tx& tx) {
    app::audit(tx, w.services(), w.actor(w.sw_a), "child.view", "child", w.child_b);
  });
  EXPECT_EQ(first->outcome(), std::nullopt);
  EXPECT_EQ(views(w), before);
  owed.run();
  EXPECT_EQ(first->outcome(), std::optional(core::Completion::Outcome::committed));
  EXPECT_EQ(second->outcome(), std::optional(core::Completion::Outcome::committed));
  EXPECT_EQ(views(w) - before, 2) << "both in the write this thread owed";
}

TEST(WriteSharedAsync, WithNoWriteUnderWayTheCallerRunsItBeforeReturning) {
  TestWorld w;
  const std::int64_t before = views(w);
  const auto done = w.db().write_shared_async([&](Tx& tx) {
    app::audit(tx, w.services(), w.actor(w.sw_a), "child.view", "child", w.child_a);
  });
  EXPECT_EQ(done->outcome(), std::optional(core::Completion::Outcome::committed));
  EXPECT_EQ(views(w) - before, 1);
}

// A thread that must not wait (core/non_blocking.h, the HTTP server's I/O
// thread) may read (on SQLite; on PostgreSQL a read is a round trip, refused
// but from memory: store/presumed_reads.h) and queue a shared write, but any
// write it would wait for is refused before it begins.
TEST(NonBlockingWrites, AWriteThatWouldWaitIsRefusedBeforeItBeginsAndAQueuedOneIsOwed) {
  TestWorld w;
  const std::int64_t before = views(w);
  const auto view = [&](Tx& tx) {
    app::audit(tx, w.services(), w.actor(w.sw_a), "child.view", "child", w.child_a);
  };
  core::Deferred owed;
  std::shared_ptr<core::Completion> queued;
  {
    const core::NonBlocking here;
    EXPECT_THROW(w.db().write_all(view), core::WouldWait);
    EXPECT_THROW(w.db().write_shared(view), core::WouldWait);
    if (w.db().engine() == Engine::sqlite) {
      EXPECT_EQ(views(w), before) << "a read runs";
    } else {
      EXPECT_THROW(views(w), core::WouldWait);
    }
    queued = w.db().write_shared_async(view);
  }
  EXPECT_EQ(views(w), before) << "nothing was written";
  EXPECT_EQ(queued->outcome(), std::nullopt);
  auto taken = owed.take();
  ASSERT_EQ(taken.size(), 1u) << "the shared write is owed, not run";
  std::thread([&] { taken.front()(); }).join();
  EXPECT_EQ(queued->outcome(), std::optional(core::Completion::Outcome::committed));
  EXPECT_EQ(views(w) - before, 1);
}

}  // namespace
}  // namespace casepanel::store
