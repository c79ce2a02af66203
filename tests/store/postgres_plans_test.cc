// PostgreSQL plans a kept statement once, generically, and never again for
// each run's values (store/postgres_statements.h, "Plans"): under the
// server's default a kept child page's access check was planned on every
// run, 0.24 ms of planning for 0.02 ms of work (docs/benchmarks.md).
#include <gtest/gtest.h>

#include <string>

#include "store/relationships.h"
#include "support/test_database.h"
#include "support/world.h"

namespace casepanel::store {
namespace {

using testing::TestWorld;

TEST(PostgresPlans, AKeptStatementIsPlannedOnceGenericallyWhateverItsValues) {
  if (testing::test_engine() != Engine::postgresql) {
    GTEST_SKIP() << "needs PostgreSQL (CASEPANEL_TEST_ENGINE=postgresql)";
  }
  TestWorld w;
  // The statement as the server keeps it; the pool may have more than one
  // connection, so all is read on the one connection of one transaction.
  w.db().read_all([&](Tx& tx) {
    for (const std::int64_t child : {w.child_a, w.child_b, w.sibling_1, w.sibling_2}) {
      for (int run = 0; run < 3; ++run) {
        child_before_panel_served(tx, child, run % 2 == 0 ? w.coordinator : w.sw_a);
      }
    }
    const auto plans = tx.query_one(
        "SELECT generic_plans, custom_plans FROM pg_prepared_statements "
        "WHERE statement LIKE $1",
        {std::string("SELECT 1 FROM request_children rc JOIN requests r%")});
    ASSERT_TRUE(plans);
    EXPECT_GE(plans->integer(0), 12) << "each run on the generic plan";
    EXPECT_EQ(plans->integer(1), 0) << "no run planned for its own values";
  });
}

}  // namespace
}  // namespace casepanel::store
