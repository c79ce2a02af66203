// The sittings and hearings repositories: records come back typed, and a
// state or time casepanel never wrote is a broken database (it throws, naming
// the table, the row and the value) rather than a default or 1 January 1970.
// Line management is read for every worker in one query, loops included.
#include <gtest/gtest.h>

#include <stdexcept>

#include "store/column_types.h"
#include "store/hearings.h"
#include "store/sittings.h"
#include "support/world.h"

namespace casepanel::store {
namespace {

using testing::TestWorld;

core::Instant utc(const char* text) { return *parse_instant(text); }

SittingPlace december_first() {
  return {*core::parse_iso_date("2026-12-01"),
          utc("2026-12-01T13:30:00Z"),
          utc("2026-12-01T17:00:00Z"),
          "",
          "Room 2",
          ""};
}

// The message of what `read` throws, or "" when it does not.
template <typename Read>
std::string thrown(Read read) {
  try {
    read();
  } catch (const std::runtime_error& e) {
    return e.what();
  }
  return "";
}

TEST(SittingsStore, ASittingReadsBackTyped) {
  TestWorld w;
  w.db().write_all([&](Tx& tx) {
    const auto id = add_sitting(tx, "clam", december_first());
    auto s = find_sitting(tx, id);
    ASSERT_TRUE(s.has_value());
    EXPECT_EQ(s->status, core::SittingStatus::planned);
    EXPECT_EQ(core::to_iso(s->date), "2026-12-01");
    EXPECT_EQ(core::to_iso_utc(s->starts_at), "2026-12-01T13:30:00Z");
    EXPECT_EQ(s->room, "Room 2");
    EXPECT_FALSE(s->proposed_date.has_value());
    EXPECT_FALSE(s->published_at.has_value());
    publish_sitting(tx, id, utc("2026-11-24T09:00:00Z"));
    cancel_sitting(tx, id, "No quorum");
    s = find_sitting(tx, id);
    EXPECT_EQ(s->status, core::SittingStatus::cancelled);
    EXPECT_EQ(s->cancel_reason, "No quorum");
    EXPECT_EQ(core::to_iso_utc(*s->published_at), "2026-11-24T09:00:00Z");
  });
}

TEST(SittingsStore, AStatusOrTimeCasepanelNeverWroteThrowsNamingWhere) {
  TestWorld w;
  w.db().write_all([&](Tx& tx) {
    const auto id = add_sitting(tx, "clam", december_first());
    const std::string row = "sittings " + std::to_string(id);
    tx.exec("UPDATE sittings SET status = 'meeting' WHERE id = $1", {id});
    EXPECT_EQ(thrown([&] { find_sitting(tx, id); }),
              row + " has status 'meeting', which casepanel never wrote");
    tx.exec("UPDATE sittings SET status = 'planned', starts_at = 'soon' WHERE id = $1", {id});
    EXPECT_EQ(thrown([&] { find_sitting(tx, id); }),
              row + " has starts_at 'soon', which casepanel never wrote");
    tx.exec(
        "UPDATE sittings SET starts_at = '2026-12-01T13:30:00Z', published_at = '' "
        "WHERE id = $1",
        {id});
    EXPECT_NE(thrown([&] { find_sitting(tx, id); }), "") << "an empty time is not 1970";
  });
}

TEST(SittingsStore, AHearingWithAnUnknownStatusThrows) {
  TestWorld w;
  w.db().write_all([&](Tx& tx) {
    const auto sitting = add_sitting(tx, "clam", december_first());
    const auto request = tx.insert(
        "INSERT INTO requests (panel_id, state, author_id, team_id, created_at, updated_at) "
        "VALUES ('clam', 'scheduled', $1, $2, '2026-11-20T09:00:00Z', "
        "'2026-11-20T09:00:00Z') RETURNING id",
        {w.sw_a, *w.actor(w.sw_a).team_id});
    const auto id = add_hearing(tx, sitting, request, utc("2026-12-01T13:30:00Z"), 15);
    EXPECT_EQ(find_hearing(tx, id)->status, core::HearingStatus::scheduled);
    tx.exec("UPDATE hearings SET status = 'done' WHERE id = $1", {id});
    EXPECT_EQ(thrown([&] { find_hearing(tx, id); }),
              "hearings " + std::to_string(id) + " has status 'done', which casepanel never wrote");
  });
}

TEST(SittingsStore, LineChainsOfEveryWorkerInOneQueryAndLoopsEnd) {
  TestWorld w;
  w.db().write_all([&](Tx& tx) {
    tx.exec("UPDATE users SET line_manager_id = $1 WHERE id = $2", {w.pm_a, w.sw_a});
    tx.exec("UPDATE users SET line_manager_id = $1 WHERE id = $2", {w.gm, w.pm_a});
    tx.exec("UPDATE users SET line_manager_id = NULL WHERE id = $1", {w.gm});
    tx.exec("UPDATE users SET line_manager_id = $1 WHERE id = $2", {w.pm_b, w.sw_b});
    tx.exec("UPDATE users SET line_manager_id = $1 WHERE id = $2", {w.sw_b, w.pm_b});  // a loop
    const auto chains = line_chains(tx, {w.sw_a, w.sw_b, w.gm}, 5);
    EXPECT_EQ(chains.at(w.sw_a), (std::vector<std::int64_t>{w.pm_a, w.gm}));
    EXPECT_EQ(chains.at(w.sw_b),
              (std::vector<std::int64_t>{w.pm_b, w.sw_b, w.pm_b, w.sw_b, w.pm_b}));
    EXPECT_EQ(chains.count(w.gm), 0u) << "nobody manages the group manager";
  });
}

}  // namespace
}  // namespace casepanel::store
