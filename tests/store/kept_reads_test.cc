// Kept reads (store/kept_reads.h): inside a shared read, a read is answered
// from memory while the content version is the one it was made at, and asked
// of the database again once a change has moved it on; outside one, every
// read asks the database; reads of tables whose changes move nothing are
// refused. On both engines.
#include "store/kept_reads.h"

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "store/audit.h"
#include "store/children.h"
#include "store/relationships.h"
#include "store/sessions.h"
#include "store/shared_reads.h"
#include "support/world.h"

namespace casepanel::store {
namespace {

using testing::TestWorld;

// Each call its own shared read, as each request is.
template <typename T, typename F>
T in_a_request(Database& db, F read) {
  const SharedReads shared(db);
  T out{};
  db.read_all([&](Tx& tx) { out = read(tx); });
  return out;
}

std::vector<std::string> panels(TestWorld& w) {
  return in_a_request<std::vector<std::string>>(
      w.db(), [&](Tx& tx) { return panels_served(tx, w.coordinator); });
}

// Another person's change, on another thread (this one's shared read, if
// any, is not ended by it).
void elsewhere(Database& db, const std::string& sql, const Params& params) {
  std::thread([&] { db.write_all([&](Tx& tx) { tx.exec(sql, params); }); }).join();
}

TEST(KeptReads, AReadIsAnsweredFromMemoryUntilAChangeMovesTheVersion) {
  TestWorld w;
  const std::vector<std::string> before = panels(w);
  ASSERT_FALSE(before.empty()) << "the world's coordinator serves a panel";
  const KeptReads::Counts start = w.db().kept_reads().counts();
  EXPECT_EQ(panels(w), before);
  EXPECT_EQ(panels(w), before);
  const KeptReads::Counts kept = w.db().kept_reads().counts();
  EXPECT_EQ(kept.hits - start.hits, 2u);
  EXPECT_EQ(kept.misses, start.misses);

  // The coordinator stops serving the panel: the very next request knows.
  elsewhere(w.db(), "DELETE FROM user_panels WHERE user_id = $1", {w.coordinator});
  EXPECT_TRUE(panels(w).empty());
  EXPECT_EQ(w.db().kept_reads().counts().misses - kept.misses, 1u);
}

TEST(KeptReads, AViewEventOrASignInMovesNoVersionAndDropsNothing) {
  TestWorld w;
  panels(w);
  const KeptReads::Counts start = w.db().kept_reads().counts();
  w.db().write_shared([&](Tx& tx) {
    append_audit(tx, {.at = "2026-11-24T09:00:00Z",
                      .actor_id = w.coordinator,
                      .actor_role = "coordinator",
                      .action = "sitting.view",
                      .entity = "sitting",
                      .entity_id = "1",
                      .detail = "{}"});
    insert_session(tx, {.id_hash = "kept", .user_id = w.coordinator, .csrf_token = "t"});
  });
  panels(w);
  EXPECT_EQ(w.db().kept_reads().counts().hits - start.hits, 1u);
}

TEST(KeptReads, OutsideASharedReadEveryReadAsksTheDatabase) {
  TestWorld w;
  const KeptReads::Counts start = w.db().kept_reads().counts();
  std::optional<std::int64_t> team;
  w.db().read_all([&](Tx& tx) { team = child_team(tx, w.child_a); });
  EXPECT_EQ(team, std::optional<std::int64_t>(w.team_a));
  w.db().write_all([&](Tx& tx) {
    tx.exec("UPDATE children SET team_id = $1 WHERE id = $2", {w.team_b, w.child_a});
    EXPECT_EQ(child_team(tx, w.child_a), std::optional<std::int64_t>(w.team_b))
        << "a write sees its own change";
  });
  const KeptReads::Counts end = w.db().kept_reads().counts();
  EXPECT_EQ(end.hits, start.hits);
  EXPECT_EQ(end.misses, start.misses);
}

TEST(KeptReads, EachParameterMakesADifferentRead) {
  TestWorld w;
  const auto team = [&](std::int64_t child) {
    return in_a_request<std::optional<std::int64_t>>(w.db(),
                                                     [&](Tx& tx) { return child_team(tx, child); });
  };
  for (int round = 0; round < 2; ++round) {
    EXPECT_EQ(team(w.child_a), std::optional<std::int64_t>(w.team_a));
    EXPECT_EQ(team(w.child_b), std::optional<std::int64_t>(w.team_b));
  }
  // Text is kept by its length as well as its bytes: "ab" + "c" is not "a" + "bc".
  const auto joined = [&](const std::string& a, const std::string& b) {
    return in_a_request<std::string>(w.db(), [&](Tx& tx) {
      return kept_query_one(tx, "SELECT $1 || '|' || $2", {a, b})->text(0);
    });
  };
  EXPECT_EQ(joined("ab", "c"), "ab|c");
  EXPECT_EQ(joined("a", "bc"), "a|bc");
}

TEST(KeptReads, RefusesWhatIsNotAReadOfTablesThatMoveTheVersion) {
  TestWorld w;
  const SharedReads shared(w.db());
  w.db().read_all([&](Tx& tx) {
    EXPECT_THROW(kept_query(tx, "SELECT user_id FROM sessions"), std::logic_error);
    EXPECT_THROW(kept_query(tx, "SELECT COUNT(*) FROM Audit_Events"), std::logic_error);
    EXPECT_THROW(kept_query(tx, "UPDATE children SET team_id = team_id"), std::logic_error);
    EXPECT_NO_THROW(kept_query(tx, "WITH t(n) AS (SELECT 1) SELECT n FROM t"));
  });
}

TEST(KeptReads, KeepsOneVersionAndAtMostItsBound) {
  KeptReads kept(2);
  const Rows one{Row({std::int64_t{1}})};
  kept.keep(5, "a", one);
  kept.keep(5, "b", one);
  EXPECT_TRUE(kept.find(5, "a"));
  EXPECT_FALSE(kept.find(6, "a")) << "another version";
  kept.keep(4, "c", one);
  EXPECT_FALSE(kept.find(4, "c")) << "an older version is not kept";
  EXPECT_TRUE(kept.find(5, "b"));
  kept.keep(5, "c", one);
  EXPECT_FALSE(kept.find(5, "a")) << "past the bound, the rest go";
  EXPECT_TRUE(kept.find(5, "c"));
  kept.keep(6, "d", one);
  EXPECT_FALSE(kept.find(6, "c")) << "a newer version drops the old";
  EXPECT_TRUE(kept.find(6, "d"));
}

}  // namespace
}  // namespace casepanel::store
