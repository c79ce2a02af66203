// SharedReads (store/shared_reads.h): a thread's reads inside one share a
// transaction, and so one snapshot, until the scope ends or the thread asks
// for a write; a read that throws runs again alone; a content version kept
// for the shared transaction never outlives it. On both engines.
#include "store/shared_reads.h"

#include <gtest/gtest.h>

#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <thread>

#include "store/content_version.h"
#include "store/sessions.h"
#include "support/world.h"

namespace casepanel::store {
namespace {

using testing::TestWorld;

std::string first_name(Database& db, std::int64_t child) {
  std::string name;
  db.read_all([&](Tx& tx) {
    name = tx.query_one("SELECT first_name FROM children WHERE id = $1", {child})->text(0);
  });
  return name;
}

void rename(Database& db, std::int64_t child, const std::string& name) {
  db.write_all([&](Tx& tx) {
    tx.exec("UPDATE children SET first_name = $1 WHERE id = $2", {name, child});
  });
}

// On another thread, so that the write does not end this thread's shared
// read: another person's change, committed between two of this one's reads.
void rename_elsewhere(Database& db, std::int64_t child, const std::string& name) {
  std::thread([&] { rename(db, child, name); }).join();
}

TEST(SharedReads, ReadsInOneScopeSeeOneSnapshotAndTheNextScopeSeesTheChange) {
  TestWorld w;
  rename(w.db(), w.child_a, "Before");
  {
    const SharedReads shared(w.db());
    EXPECT_EQ(first_name(w.db(), w.child_a), "Before");
    rename_elsewhere(w.db(), w.child_a, "After");
    EXPECT_EQ(first_name(w.db(), w.child_a), "Before") << "the second read shares the first's";
  }
  EXPECT_EQ(first_name(w.db(), w.child_a), "After");

  // Without a scope each read is its own transaction.
  rename_elsewhere(w.db(), w.child_a, "Again");
  EXPECT_EQ(first_name(w.db(), w.child_a), "Again");
}

TEST(SharedReads, AWriteOnTheSameThreadEndsTheSharedReadSoTheNextReadSeesIt) {
  TestWorld w;
  const SharedReads shared(w.db());
  EXPECT_NE(first_name(w.db(), w.child_a), "Written");
  rename(w.db(), w.child_a, "Written");
  EXPECT_EQ(first_name(w.db(), w.child_a), "Written") << "write_all";

  w.db().write_shared([&](Tx& tx) {
    tx.exec("UPDATE children SET first_name = 'Shared' WHERE id = $1", {w.child_a});
  });
  EXPECT_EQ(first_name(w.db(), w.child_a), "Shared") << "write_shared";

  // With no core::Deferred scope open, this thread runs it at once.
  const auto done = w.db().write_shared_async([&](Tx& tx) {
    tx.exec("UPDATE children SET first_name = 'Async' WHERE id = $1", {w.child_a});
  });
  ASSERT_EQ(done->outcome(), std::optional(core::Completion::Outcome::committed));
  EXPECT_EQ(first_name(w.db(), w.child_a), "Async") << "write_shared_async";
}

TEST(SharedReads, OneConnectionServesAScopesReadsAndItsWrite) {
  TestWorld w;
  // The write waits for the pool's one connection, which the shared read
  // would hold for ever if the write did not end it first.
  const std::unique_ptr<Database> one = Database::open(w.location(), 1);
  const SharedReads shared(*one);
  EXPECT_NE(first_name(*one, w.child_b), "Pooled");
  rename(*one, w.child_b, "Pooled");
  EXPECT_EQ(first_name(*one, w.child_b), "Pooled");
}

TEST(SharedReads, AReadInsideAReadsWorkRunsAloneOnAConnectionOfItsOwn) {
  TestWorld w;
  const std::unique_ptr<Database> two = Database::open(w.location(), 2);
  const SharedReads shared(*two);
  EXPECT_NE(first_name(*two, w.child_b), "Inner");
  two->read_all([&](Tx& tx) {
    tx.query("SELECT COUNT(*) FROM children");  // its snapshot taken
    rename_elsewhere(*two, w.child_b, "Inner");
    EXPECT_EQ(first_name(*two, w.child_b), "Inner") << "not the outer read's snapshot";
  });
}

TEST(SharedReads, AReadThatThrowsRunsAgainAloneAndTheScopeGoesOn) {
  TestWorld w;
  const SharedReads shared(w.db());
  EXPECT_FALSE(first_name(w.db(), w.child_a).empty());
  int runs = 0;
  std::int64_t children = 0;
  w.db().read_all([&](Tx& tx) {
    // The first run's bad statement aborts the shared transaction (on
    // PostgreSQL, every later statement in it would fail too).
    if (++runs == 1) {
      tx.query("SELECT no_such_column FROM children");
    }
    children = tx.query_one("SELECT COUNT(*) FROM children")->integer(0);
  });
  EXPECT_EQ(runs, 2);
  EXPECT_GT(children, 0);
  rename_elsewhere(w.db(), w.child_a, "Later");
  EXPECT_EQ(first_name(w.db(), w.child_a), "Later") << "a new shared read, after the failure";

  EXPECT_THROW(w.db().read_all([&](Tx& tx) { tx.query("SELECT no_such_column FROM children"); }),
               std::exception)
      << "a read that fails alone too reaches its caller";
  EXPECT_EQ(first_name(w.db(), w.child_a), "Later");
}

TEST(SharedReads, AContentVersionKeptForTheSharedReadNeverOutlivesIt) {
  TestWorld w;
  const auto version = [&] {
    std::int64_t v = 0;
    w.db().read_all([&](Tx& tx) { v = content_version(tx); });
    return v;
  };
  const auto version_elsewhere = [&] {
    std::int64_t v = 0;
    std::thread([&] { v = version(); }).join();
    return v;
  };
  const SharedReads shared(w.db());
  const std::int64_t start = version();
  EXPECT_EQ(version(), start);
  rename_elsewhere(w.db(), w.child_a, "Moved");
  EXPECT_EQ(version(), start) << "one snapshot, one version";
  EXPECT_GT(version_elsewhere(), start);

  // A change on this thread: the write's own transaction, and every read
  // after it, read the version afresh.
  std::int64_t inside_write = 0;
  w.db().write_all([&](Tx& tx) {
    move_content_version(tx);
    inside_write = content_version(tx);
  });
  EXPECT_GT(inside_write, start + 1);
  EXPECT_EQ(version(), version_elsewhere());
  EXPECT_GT(version(), inside_write) << "its commit moved it once more (a non-SELECT)";
}

TEST(SharedReads, TheSessionsRowBringsTheContentVersionForTheReadsAfterIt) {
  TestWorld w;
  w.db().write_all(
      [&](Tx& tx) { insert_session(tx, {.id_hash = "h", .user_id = w.sw_a, .csrf_token = "t"}); });
  std::int64_t fresh = 0;
  w.db().read_all([&](Tx& tx) { fresh = content_version(tx); });
  const SharedReads shared(w.db());
  w.db().read_all([&](Tx& tx) {
    ASSERT_TRUE(find_session(tx, "h"));
    const std::optional<std::int64_t>* kept = shared_reads::content_version_of(tx);
    ASSERT_NE(kept, nullptr);
    EXPECT_EQ(*kept, std::optional<std::int64_t>(fresh));
  });
  w.db().write_all([&](Tx& tx) {
    ASSERT_TRUE(find_session(tx, "h"));
    EXPECT_EQ(shared_reads::content_version_of(tx), nullptr) << "a write keeps none";
  });
}

}  // namespace
}  // namespace casepanel::store
