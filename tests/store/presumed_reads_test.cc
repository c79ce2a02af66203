// Presumed reads (store/presumed_reads.h): on PostgreSQL a thread that may not
// wait reads the session and the content version from what real reads found,
// and the view's shared write confirms them before it writes; a presumption
// that no longer holds (a session ended, a change made, on another instance)
// writes nothing and its completion says `stale`. The memory itself on both
// engines; the rest on PostgreSQL only, where it applies.
#include "store/presumed_reads.h"

#include <gtest/gtest.h>

#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "core/deferred.h"
#include "core/non_blocking.h"
#include "store/audit.h"
#include "store/content_version.h"
#include "store/sessions.h"
#include "store/shared_reads.h"
#include "support/world.h"

namespace casepanel::store {
namespace {

using Outcome = core::Completion::Outcome;
using testing::TestWorld;

TEST(PresumedReadsMemory, KeepsTheNewestVersionSeenAndNoneOnceThisProcessChangedSomething) {
  PresumedReads memory(2);
  EXPECT_EQ(memory.newest_version(), std::nullopt) << "nothing seen yet";
  memory.saw_version(5);
  memory.saw_version(3);
  EXPECT_EQ(memory.newest_version(), std::optional<std::int64_t>(5)) << "an older read's ignored";
  memory.forget_version();
  EXPECT_EQ(memory.newest_version(), std::nullopt);
  memory.saw_version(5);
  EXPECT_EQ(memory.newest_version(), std::nullopt) << "a read begun before the change";
  memory.saw_version(6);
  EXPECT_EQ(memory.newest_version(), std::optional<std::int64_t>(6));

  memory.remember({.id_hash = "a", .user_id = 1});
  memory.remember({.id_hash = "b", .user_id = 2});
  EXPECT_EQ(memory.recall("a")->user_id, 1);
  memory.forget("a");
  EXPECT_EQ(memory.recall("a"), std::nullopt);
  memory.remember({.id_hash = "c", .user_id = 3});
  memory.remember({.id_hash = "d", .user_id = 4});
  EXPECT_EQ(memory.recall("b"), std::nullopt) << "bounded: the rest cleared";
  EXPECT_EQ(memory.recall("d")->user_id, 4);
}

class PresumedReads : public ::testing::Test {
 protected:
  void SetUp() override {
    if (w.db().engine() != Engine::postgresql) {
      GTEST_SKIP() << "PostgreSQL only: SQLite's I/O thread reads the file itself";
    }
    w.db().write_all([&](Tx& tx) {
      insert_session(tx, {.id_hash = kSession, .user_id = w.sw_a, .csrf_token = "t"});
    });
    // A worker's request: real reads, remembered.
    const SharedReads shared(w.db());
    w.db().read_all([&](Tx& tx) { ASSERT_TRUE(find_session(tx, kSession)); });
  }

  // What the I/O thread's request reads and presumes, taken as the view's
  // write would take it.
  std::optional<Presumption> presume_a_request() {
    const std::int64_t now = number_now();
    const core::NonBlocking here;
    const SharedReads shared(w.db());
    std::optional<SessionRecord> session;
    std::int64_t version = -1;
    w.db().read_all([&](Tx& tx) {
      session = find_session(tx, kSession);
      version = content_version(tx);
    });
    EXPECT_EQ(session->user_id, w.sw_a);
    EXPECT_EQ(version, now);
    return presumed_reads::take(w.db());
  }

  std::int64_t number_now() {
    std::int64_t n = 0;
    w.db().read_all([&](Tx& tx) { n = content_version(tx); });
    return n;
  }

  // Another instance's change, on its own connection and thread (this one
  // may be the I/O thread, which may not wait).
  void on_another_instance(const std::string& sql) {
    std::thread([&] {
      const auto other = Database::open(w.location(), 1);
      other->write_all([&](Tx& tx) { tx.exec(sql, {}); });
    }).join();
  }

  bool confirmed(const Presumption& p) {
    bool holds = false;
    w.db().write_all([&](Tx& tx) { holds = presumed_reads::confirm(tx, {&p}).front(); });
    return holds;
  }

  static constexpr const char* kSession = "presumed-session-hash";
  TestWorld w;
};

TEST_F(PresumedReads, TheIoThreadReadsTheSessionFromMemoryAndTheWriteConfirmsIt) {
  const std::optional<Presumption> p = presume_a_request();
  ASSERT_TRUE(p);
  EXPECT_EQ(p->sessions, std::vector<std::string>{kSession});
  EXPECT_FALSE(presumed_reads::unconfirmed(w.db())) << "taken";
  EXPECT_TRUE(confirmed(*p));
}

TEST_F(PresumedReads, TheConfirmationReadsTheAuditTailAndTheViewsChainFromIt) {
  const auto view = [&](Tx& tx) {
    append_audit(tx, {.at = "2026-12-05T10:00:00Z",
                      .actor_id = w.sw_a,
                      .action = "child.view",
                      .entity = "child",
                      .entity_id = std::to_string(w.child_a)});
  };
  w.db().write_all(view);  // the chain's tail is this event
  std::string newest;
  w.db().read_all([&](Tx& tx) {
    const auto last = tx.query_one("SELECT hash FROM audit_events ORDER BY id DESC LIMIT 1");
    ASSERT_TRUE(last);
    newest = last->text(0);
  });
  const std::optional<Presumption> p = presume_a_request();
  ASSERT_TRUE(p);
  w.db().write_all([&](Tx& tx) {
    ASSERT_TRUE(presumed_reads::confirm(tx, {&*p}).front());
    ASSERT_TRUE(tx.audit_tail) << "read with the confirmation";
    EXPECT_EQ(tx.audit_tail->hash, newest);
    view(tx);
    view(tx);
  });
  const AuditVerification chain = verify_audit(w.db());
  EXPECT_TRUE(chain.intact) << chain.problem;
  EXPECT_EQ(chain.events, 3);
}

TEST_F(PresumedReads, ASessionEndedOrAChangeMadeOnAnotherInstanceFailsTheConfirmation) {
  const std::optional<Presumption> before_sign_out = presume_a_request();
  on_another_instance("DELETE FROM sessions WHERE id_hash = 'presumed-session-hash'");
  EXPECT_FALSE(confirmed(*before_sign_out));

  w.db().write_all([&](Tx& tx) {
    insert_session(tx, {.id_hash = kSession, .user_id = w.sw_a, .csrf_token = "t"});
  });
  const std::optional<Presumption> before_change = presume_a_request();
  ASSERT_TRUE(before_change);
  on_another_instance("UPDATE content_version SET n = n + 1 WHERE id = 1");
  EXPECT_FALSE(confirmed(*before_change));
}

TEST_F(PresumedReads, WhatIsNotInMemoryWouldWaitAndAChangeHereForgetsTheVersion) {
  const core::NonBlocking here;
  {
    const SharedReads shared(w.db());
    EXPECT_THROW(w.db().read_all([&](Tx& tx) { find_session(tx, "never-seen"); }), core::WouldWait);
  }
  {
    const SharedReads shared(w.db());
    EXPECT_THROW(w.db().read_all([&](Tx& tx) { tx.query("SELECT 1 FROM children"); }),
                 core::WouldWait)
        << "a read not kept is a round trip";
  }
  EXPECT_THROW(w.db().read_all([&](Tx& tx) { content_version(tx); }), core::WouldWait)
      << "outside a request's shared reads";
  EXPECT_FALSE(presumed_reads::unconfirmed(w.db())) << "the request's presumption ended with it";
}

TEST_F(PresumedReads, AChangeCommittedHereLeavesNoVersionToPresumeUntilARealReadSeesOne) {
  w.db().write_all([](Tx& tx) { move_content_version(tx); });
  {
    const core::NonBlocking here;
    const SharedReads shared(w.db());
    EXPECT_THROW(w.db().read_all([&](Tx& tx) { find_session(tx, kSession); }), core::WouldWait);
  }
  {
    const SharedReads shared(w.db());  // a worker's request
    w.db().read_all([&](Tx& tx) { find_session(tx, kSession); });
  }
  const std::optional<Presumption> p = presume_a_request();
  ASSERT_TRUE(p);
  EXPECT_TRUE(confirmed(*p));
}

TEST_F(PresumedReads, AViewWhosePresumptionFailedWritesNothingAndIsStale) {
  const std::int64_t before = number_now();
  std::shared_ptr<core::Completion> stale, fine;
  const auto view = [&](Tx& tx) {
    tx.exec("UPDATE children SET first_name = first_name || 'x' WHERE id = $1", {w.child_a});
  };
  {
    core::Deferred owed;  // the write runs once the I/O thread has let go
    {
      const core::NonBlocking here;
      const SharedReads shared(w.db());
      w.db().read_all([&](Tx& tx) { find_session(tx, kSession); });
      on_another_instance("UPDATE content_version SET n = n + 1 WHERE id = 1");
      stale = w.db().write_shared_async(view);
    }
    owed.run();
  }
  EXPECT_EQ(stale->outcome(), std::optional(Outcome::stale));
  EXPECT_EQ(number_now(), before + 1) << "nothing written: only the other instance's change";

  {
    const SharedReads shared(w.db());  // a worker sees the new version
    w.db().read_all([&](Tx& tx) { find_session(tx, kSession); });
  }
  {
    core::Deferred owed;
    {
      const core::NonBlocking here;
      const SharedReads shared(w.db());
      w.db().read_all([&](Tx& tx) { find_session(tx, kSession); });
      fine = w.db().write_shared_async(view);
    }
    owed.run();
  }
  EXPECT_EQ(fine->outcome(), std::optional(Outcome::committed));
  EXPECT_EQ(number_now(), before + 2) << "written, and the version moved on";
}

}  // namespace
}  // namespace casepanel::store
