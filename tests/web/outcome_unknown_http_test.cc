// When the connection to PostgreSQL is lost while a change's COMMIT is in
// flight (as in a failover), nobody can say whether it was saved: the server
// does not run it again (store/database.h, CommitOutcomeUnknown) and tells the
// person to look before doing it again. The loss is real: a deferred
// constraint trigger ends the transaction's own server process at COMMIT.
// PostgreSQL only (an SQLite database has no connection to lose); ctest runs
// it in `make test` with the PostgreSQL part of the HTTP suite.
#include <gtest/gtest.h>

#include "support/test_database.h"
#include "web/site_fixture.h"

namespace casepanel::web {
namespace {

bool has(const std::string& html, const std::string& part) {
  return html.find(part) != std::string::npos;
}

class OutcomeUnknownHttp : public SiteFixture {
 protected:
  void SetUp() override {
    if (world_.db().engine() != store::Engine::postgresql) {
      GTEST_SKIP() << "PostgreSQL only: an SQLite database has no connection to lose";
    }
  }

  // Every COMMIT that inserted a request ends its own server process. The
  // pg_sleep never waits: the termination interrupts it at once, before the
  // transaction commits.
  void lose_the_connection_at_commit_of_a_new_request() {
    world_.db().write_all([](store::Tx& tx) {
      tx.exec(
          "CREATE FUNCTION lose_connection() RETURNS trigger LANGUAGE plpgsql AS $f$ BEGIN "
          "PERFORM pg_terminate_backend(pg_backend_pid()); PERFORM pg_sleep(60); RETURN NULL; "
          "END $f$");
      tx.exec(
          "CREATE CONSTRAINT TRIGGER lose_connection_at_commit AFTER INSERT ON requests "
          "DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION lose_connection()");
    });
  }

  Reply start_a_draft(Client& c) {
    const std::string page =
        c.get("/requests/new?panel=support&child=" + std::to_string(world_.child_a)).body;
    return c.post("/requests", {{"csrf_token", Client::token_in(page)},
                                {"panel_id", "support"},
                                {"child_id", std::to_string(world_.child_a)},
                                {"child_ids", std::to_string(world_.child_a)}});
  }
};

TEST_F(OutcomeUnknownHttp, APersonIsToldToLookBeforeDoingTheChangeAgain) {
  Client c = signed_in("sw_a@test");
  lose_the_connection_at_commit_of_a_new_request();

  const Reply r = start_a_draft(c);

  EXPECT_EQ(r.status, 500);
  EXPECT_TRUE(has(r.body, "Sorry, we cannot tell whether your change was saved")) << r.body;
  EXPECT_TRUE(has(r.body, "saved whole or not saved at all")) << r.body;
  EXPECT_TRUE(has(r.body, "look at the record to see whether it is already there")) << r.body;
  EXPECT_TRUE(has(r.body, "href=\"/\"")) << r.body;
  EXPECT_EQ(number("SELECT COUNT(*) FROM requests"), 0)
      << "run once, not again: the server process ended before the commit";
}

TEST_F(OutcomeUnknownHttp, TheServerGoesOnOnANewConnection) {
  Client c = signed_in("sw_a@test");
  lose_the_connection_at_commit_of_a_new_request();
  ASSERT_EQ(start_a_draft(c).status, 500);
  world_.db().write_all(
      [](store::Tx& tx) { tx.exec("DROP TRIGGER lose_connection_at_commit ON requests"); });

  const Reply again = start_a_draft(c);

  EXPECT_EQ(again.status, 303) << again.body;
  EXPECT_EQ(number("SELECT COUNT(*) FROM requests"), 1);
}

}  // namespace
}  // namespace casepanel::web
