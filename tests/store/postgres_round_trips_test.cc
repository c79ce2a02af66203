// PostgreSQL's round trips saved (store/poco_database.cc, issue 17): a read's
// COMMIT is not waited for, and its answer is read by the connection's next
// use; a write's advisory lock goes in the round trip of its first statement
// and comes back in that of its COMMIT, and is given back whatever becomes
// of the write; a write's audit events go in the round trip of its COMMIT,
// and one the server refuses takes the whole write with it. PostgreSQL only.
#include <gtest/gtest.h>

#include <functional>
#include <memory>
#include <stdexcept>
#include <vector>

#include "audit_support.h"
#include "store/audit.h"
#include "store/audit_key.h"
#include "store/database.h"
#include "store/presumed_reads.h"
#include "support/test_database.h"
#include "support/world.h"

namespace casepanel::store {
namespace {

class PostgresRoundTrips : public ::testing::Test {
 protected:
  void SetUp() override {
    if (testing::test_engine() != Engine::postgresql) {
      GTEST_SKIP() << "needs PostgreSQL (CASEPANEL_TEST_ENGINE=postgresql)";
    }
    dir_ = testing::make_temp_dir();
    database_ = std::make_unique<testing::TestDatabase>(dir_, "round_trips");
    db_ = Database::open(database_->location(), 1);  // one connection: every use is the next
    observer_ = Database::open(database_->location(), 1);
    db_->write_all([](Tx& tx) { tx.exec("CREATE TABLE t (n BIGINT NOT NULL)"); });
  }
  void TearDown() override {
    db_.reset();
    observer_.reset();
    database_.reset();
    if (!dir_.empty()) {
      std::filesystem::remove_all(dir_);
    }
  }
  std::int64_t count() {
    std::int64_t n = 0;
    db_->read_all([&](Tx& tx) { n = tx.query_one("SELECT COUNT(*) FROM t")->integer(0); });
    return n;
  }
  // Advisory locks held now, seen from another connection.
  std::int64_t locks_held() {
    std::int64_t n = 0;
    observer_->read_all([&](Tx& tx) {
      n = tx.query_one("SELECT COUNT(*) FROM pg_locks WHERE locktype = 'advisory' AND granted")
              ->integer(0);
    });
    return n;
  }

  std::filesystem::path dir_;
  std::unique_ptr<testing::TestDatabase> database_;
  std::unique_ptr<Database> db_;
  std::unique_ptr<Database> observer_;
};

TEST_F(PostgresRoundTrips, ReadsAndWritesTakeTurnsOnOneConnection) {
  for (std::int64_t i = 0; i < 20; ++i) {
    ASSERT_EQ(count(), i);
    db_->write_all([&](Tx& tx) { tx.exec("INSERT INTO t (n) VALUES ($1)", {i}); });
  }
  EXPECT_EQ(count(), 20);
}

TEST_F(PostgresRoundTrips, TheWritersLockIsHeldDuringAWriteAndGivenBackHoweverItEnds) {
  db_->write_all([&](Tx& tx) {
    tx.exec("INSERT INTO t (n) VALUES (1)");
    EXPECT_EQ(locks_held(), 1) << "taken with the first statement";
  });
  EXPECT_EQ(locks_held(), 0) << "given back with the COMMIT";

  EXPECT_THROW(db_->write_all([&](Tx& tx) {
    tx.exec("INSERT INTO t (n) VALUES (2)");
    throw std::runtime_error("the use case failed");
  }),
               std::runtime_error);
  EXPECT_EQ(locks_held(), 0) << "after a ROLLBACK";

  EXPECT_ANY_THROW(db_->write_all([&](Tx& tx) { tx.exec("INSERT INTO t (n) VALUES (NULL)"); }));
  EXPECT_EQ(locks_held(), 0) << "after a statement the server refused";

  db_->write_all([](Tx&) {});
  EXPECT_EQ(locks_held(), 0) << "a write of no statement takes none";
  EXPECT_EQ(count(), 1);
}

TEST_F(PostgresRoundTrips, AConnectionEndedAfterAReadIsOpenedAgainForTheNext) {
  std::int64_t backend = 0;
  db_->read_all([&](Tx& tx) { backend = tx.query_one("SELECT pg_backend_pid()")->integer(0); });
  // Ended while its read's COMMIT may still be unanswered, or unread.
  observer_->read_all([&](Tx& tx) { tx.query("SELECT pg_terminate_backend($1)", {backend}); });
  EXPECT_EQ(count(), 0);
  std::int64_t now = 0;
  db_->read_all([&](Tx& tx) { now = tx.query_one("SELECT pg_backend_pid()")->integer(0); });
  EXPECT_NE(now, backend);
}

// The audit events a write holds (store/audit.h) are sent with its COMMIT
// (Statements::commit) when no statement follows them: in a write that
// changed nothing a page shows (a shared write of views, a sign-in), since
// a change's summary refresh runs statements before the COMMIT. In order,
// chained, and all or nothing with the write's other statements.
class PostgresAuditWithCommit : public PostgresRoundTrips {
 protected:
  void SetUp() override {
    PostgresRoundTrips::SetUp();
    if (IsSkipped()) {
      return;
    }
    db_ = testing::open_audited(database_->location(), key_);
  }
  std::int64_t events() {
    std::int64_t n = 0;
    db_->read_all(
        [&](Tx& tx) { n = tx.query_one("SELECT COUNT(*) FROM audit_events")->integer(0); });
    return n;
  }
  const std::shared_ptr<const AuditKey> key_ = std::make_shared<AuditKey>(AuditKey::random());
};

TEST_F(PostgresAuditWithCommit, AWritesEventsCommitWithItInOrderAndChained) {
  const std::int64_t before = events();
  db_->write_all([&](Tx& tx) {
    tx.query("SELECT COUNT(*) FROM t");  // a read, as a view's confirmation is
    for (int i = 0; i < 3; ++i) {
      append_audit(tx, testing::sample_event(i));
    }
    EXPECT_EQ(tx.held_audit.size(), 3u) << "held, to go with the COMMIT";
  });
  EXPECT_EQ(events(), before + 3);
  EXPECT_EQ(locks_held(), 0);
  // A statement after an event sends it first: the transaction reads it.
  db_->write_all([&](Tx& tx) {
    append_audit(tx, testing::sample_event(3));
    EXPECT_EQ(tx.query_one("SELECT COUNT(*) FROM audit_events")->integer(0), before + 4);
  });
  // A change's events, sent before its summary refresh, commit as well.
  db_->write_all([&](Tx& tx) {
    tx.exec("INSERT INTO t (n) VALUES (1)");
    append_audit(tx, testing::sample_event(4));
  });
  EXPECT_EQ(count(), 1);
  db_->read_all([&](Tx& tx) {
    const Rows actions =
        tx.query("SELECT action FROM audit_events WHERE id > $1 ORDER BY id", {Value(before)});
    ASSERT_EQ(actions.size(), 5u);
    for (int i = 0; i < 5; ++i) {
      EXPECT_EQ(actions[i].text(0), testing::sample_event(i).action);
    }
  });
  const AuditVerification chain = verify_audit(*db_, {});
  EXPECT_TRUE(chain.intact) << chain.problem;
}

TEST_F(PostgresAuditWithCommit, AnEventTheServerRefusesTakesTheWholeWriteWithItAndTheLockIsBack) {
  const std::int64_t before = events();
  EXPECT_ANY_THROW(db_->write_all([&](Tx& tx) {
    append_audit(tx, testing::sample_event(1));
    tx.query("SELECT COUNT(*) FROM t");  // sends the first event, in this transaction
    append_audit(tx, testing::sample_event(2));
    Params bad = tx.held_audit.back();
    bad.at(1) = std::string("not an actor id");  // the INSERT's bigint[] refuses it
    tx.held_audit.back() = std::move(bad);
  }));
  EXPECT_EQ(events(), before) << "the event sent before the refused one was rolled back";
  EXPECT_EQ(locks_held(), 0) << "the writers' lock was given back after the ROLLBACK";
  // The connection is fit for the next write, and the chain goes on.
  db_->write_all([&](Tx& tx) {
    tx.query("SELECT COUNT(*) FROM t");
    append_audit(tx, testing::sample_event(3));
  });
  EXPECT_EQ(events(), before + 1);
  const AuditVerification chain = verify_audit(*db_, {});
  EXPECT_TRUE(chain.intact) << chain.problem;
}

// A statement after held events goes in their round trip, after their
// INSERT (Statements::run's `first`): it sees them, and when the server
// refuses them it does not run, and the error is theirs.
TEST_F(PostgresAuditWithCommit, AStatementAfterEventsGoesWithThemAndNotAtAllWhenTheyAreRefused) {
  const std::int64_t before = events();
  std::string error;
  try {
    db_->write_all([&](Tx& tx) {
      tx.query("SELECT COUNT(*) FROM t");
      append_audit(tx, testing::sample_event(1));
      tx.held_audit.back().at(1) = std::string("not an actor id");
      tx.exec("INSERT INTO t (n) VALUES (1)");
    });
  } catch (const std::exception& e) {
    error = testing::error_text(e);
  }
  EXPECT_NE(error.find("audit_events"), std::string::npos) << error;
  EXPECT_EQ(error.find("INSERT INTO t "), std::string::npos) << "the statement after them";
  EXPECT_EQ(count(), 0);
  EXPECT_EQ(events(), before);
  EXPECT_EQ(locks_held(), 0);
  db_->write_all([&](Tx& tx) {
    append_audit(tx, testing::sample_event(2));
    append_audit(tx, testing::sample_event(3));
    EXPECT_EQ(tx.query_one("SELECT COUNT(*) FROM audit_events")->integer(0), before + 2)
        << "the statement sees the events sent with it";
    EXPECT_TRUE(tx.held_audit.empty());
  });
  const AuditVerification chain = verify_audit(*db_, {});
  EXPECT_TRUE(chain.intact) << chain.problem;
}

// A write on the chain's tail that its own process committed last, with no
// other writer appending meanwhile, presumes it (store/audit.h, "Presumed
// tails"): its events read nothing, and the server checks the tail, and
// what its pages presumed, as it inserts them. Another instance's event or
// change in between fails the presumed attempt, and the write runs again,
// reading: the chain never forks, and nothing is written twice.
class PostgresPresumedTail : public PostgresAuditWithCommit {
 protected:
  void SetUp() override {
    PostgresAuditWithCommit::SetUp();
    if (!IsSkipped()) {
      other_ = testing::open_audited(database_->location(), key_);  // another instance
    }
  }
  void TearDown() override {
    other_.reset();
    PostgresAuditWithCommit::TearDown();
  }
  // Writes event `n`, with `then` after it; gives whether each attempt presumed the tail.
  std::vector<bool> write(int n, const std::function<void(Tx&)>& then = {}) {
    std::vector<bool> attempts;
    db_->write_all([&](Tx& tx) {
      attempts.push_back(tx.presumed.has_value());
      append_audit(tx, testing::sample_event(n));
      if (attempts.back()) {
        EXPECT_FALSE(tx.tail_read) << "a presumed write's events read no tail";
      }
      if (then) {
        then(tx);
      }
    });
    return attempts;
  }
  void another_instance_appends(int n) {
    other_->write_all([&](Tx& tx) { append_audit(tx, testing::sample_event(n)); });
  }
  void expect_chain(std::int64_t events) {
    const AuditVerification chain = verify_audit(*db_, {});
    EXPECT_TRUE(chain.intact) << chain.problem;
    EXPECT_EQ(chain.events, events);
    EXPECT_EQ(locks_held(), 0);
  }
  std::unique_ptr<Database> other_;
};

using Attempts = std::vector<bool>;

TEST_F(PostgresPresumedTail, AWriteAfterTheProcesssOwnPresumesTheTailAndTheChainHolds) {
  const std::int64_t before = events();
  EXPECT_EQ(write(1), Attempts{false}) << "no tail known yet";
  EXPECT_EQ(write(2), Attempts{false}) << "known, but not yet found where this process left it";
  EXPECT_EQ(write(3), Attempts{true});
  EXPECT_EQ(write(4), Attempts{true});
  expect_chain(before + 4);
}

TEST_F(PostgresPresumedTail,
       AnotherInstancesEventInBetweenFailsThePresumedAttemptAndTheWriteRunsAgain) {
  const std::int64_t before = events();
  write(1);
  write(2);
  another_instance_appends(3);
  EXPECT_EQ(write(4), (Attempts{true, false})) << "events sent with the COMMIT";
  EXPECT_EQ(write(5), Attempts{false}) << "the tail read again: known anew";
  EXPECT_EQ(write(6), Attempts{true});
  another_instance_appends(7);
  // Events sent by the statement after them, in the middle of the write.
  EXPECT_EQ(write(8, [](Tx& tx) { tx.exec("INSERT INTO t (n) VALUES (8)"); }),
            (Attempts{true, false}));
  EXPECT_EQ(count(), 1) << "the failed attempt's row was rolled back";
  expect_chain(before + 8);
}

TEST_F(PostgresPresumedTail, WhileAnotherInstanceAppendsEachWriteReadsTheTail) {
  write(1);
  write(2);
  another_instance_appends(3);
  write(4);  // the presumed attempt failed
  for (int n = 5; n < 11; n += 2) {
    another_instance_appends(n);
    EXPECT_EQ(write(n + 1), Attempts{false}) << "not presumed, so never an attempt wasted";
  }
}

TEST_F(PostgresPresumedTail, APagesPresumptionIsCheckedWithTheTailEvenWithNoEvent) {
  write(1);
  write(2);
  std::int64_t version = 0;
  db_->read_all([&](Tx& tx) {
    version = tx.query_one("SELECT n FROM content_version WHERE id = 1")->integer(0);
  });
  // A change on another instance that appends no event: the tail holds.
  other_->write_all([](Tx& tx) { tx.exec("UPDATE content_version SET n = n + 1 WHERE id = 1"); });
  const Presumption page{version, {}};
  std::vector<bool> holds;
  db_->write_all([&](Tx& tx) { holds.push_back(presumed_reads::confirm(tx, {&page}).front()); });
  EXPECT_EQ(holds, (Attempts{true, false}))
      << "taken to hold, refused by the server at COMMIT, then read and found stale";
}

}  // namespace
}  // namespace casepanel::store
