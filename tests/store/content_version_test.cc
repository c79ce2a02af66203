// The content version (store/content_version.h): moved on in the transaction
// of every write that may change what a page shows, and by nothing else: not
// a read, not a write that rolls back, not an audit event or a session.
#include "store/content_version.h"

#include <gtest/gtest.h>

#include "app/audit_trail.h"
#include "support/world.h"

namespace casepanel::store {
namespace {

using testing::TestWorld;

std::int64_t version(TestWorld& w) {
  std::int64_t v = 0;
  w.db().read_all([&](Tx& tx) { v = content_version(tx); });
  return v;
}

TEST(ContentVersion, MovesWithEveryWriteThatMayChangeAPageAndWithNothingElse) {
  TestWorld w;
  const std::int64_t start = version(w);

  w.db().read_all([&](Tx& tx) { tx.query("SELECT COUNT(*) FROM children"); });
  w.db().write_all([&](Tx& tx) {
    tx.query("SELECT COUNT(*) FROM children");
    app::audit(tx, w.services(), w.actor(w.sw_a), "child.view", "child", w.child_a);
    tx.exec("UPDATE sessions SET last_seen_at = $1 WHERE id_hash = $2",
            {std::int64_t{1}, std::string("none")});
    tx.exec("DELETE FROM sessions WHERE id_hash = 'none'");
  });
  EXPECT_EQ(version(w), start) << "a read, a view's audit event and a session";

  const auto failed = w.db().write<int>([&](Tx& tx) -> core::Result<int> {
    tx.exec("UPDATE children SET first_name = 'Adaline' WHERE id = $1", {w.child_a});
    return core::Error::not_found();
  });
  EXPECT_FALSE(failed.ok());
  EXPECT_EQ(version(w), start) << "a write that rolls back";

  w.db().write_all([&](Tx& tx) {
    tx.exec("  update children SET first_name = 'Adaline' WHERE id = $1", {w.child_a});
  });
  EXPECT_EQ(version(w), start + 1) << "any other statement, in any case";
  w.db().write_all(
      [&](Tx& tx) { tx.query("WITH c AS (SELECT id FROM children) SELECT COUNT(*) FROM c"); });
  EXPECT_EQ(version(w), start + 2) << "unsure (a WITH) counts as a change";
}

}  // namespace
}  // namespace casepanel::store
