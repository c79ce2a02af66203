// Pages kept in memory (web/page_cache.h, issue 17): the child's record and a
// sitting's agenda are served again, to the same person, only while nothing
// has changed; every serving is access-checked and audited; a person's other
// session gets its own CSRF token; another person, another day, a query or a
// change builds the page again.
#include <gtest/gtest.h>

#include "app/display.h"
#include "core/completion.h"
#include "core/non_blocking.h"
#include "support/decided_hearing.h"
#include "web/site_fixture.h"

namespace casepanel::web {
namespace {

class PageCacheHttp : public SiteFixture {
 protected:
  void SetUp() override {
    hearing_ = testing::fgc_hearing(world_);
    child_ = "/children/" + std::to_string(world_.child_a);
  }
  PageCache::Counts counts() const { return site_->page_cache_counts(); }
  std::int64_t views(const std::string& action) {
    return number("SELECT COUNT(*) FROM audit_events WHERE action = $1", {action});
  }
  // The status cell of the record's one action.
  static std::string action_status(const std::string& page) {
    const auto table = page.find("id=\"actions\"");
    const auto end = page.find("</table>", table);
    if (table == std::string::npos || end == std::string::npos) {
      return "";
    }
    const std::string rows = page.substr(table, end - table);
    const auto last = rows.rfind("<td class=\"govuk-table__cell\">");
    return rows.substr(last + 30, rows.find("</td>", last) - last - 30);
  }

  testing::DecidedHearing hearing_;
  std::string child_;
};

TEST_F(PageCacheHttp, ARecordIsServedAgainOnlyUntilAUseCaseChangesIt) {
  Client sw = signed_in("sw_a@test");
  const std::int64_t shared_before = world_.db().shared_counts().works;
  const Reply first = sw.get(child_);
  ASSERT_EQ(first.status, 200);
  EXPECT_EQ(action_status(first.body), "open");
  const Reply again = sw.get(child_);
  ASSERT_EQ(again.status, 200);
  EXPECT_EQ(again.body, first.body);
  EXPECT_EQ(counts().hits, 1u);
  EXPECT_EQ(counts().misses, 1u);
  EXPECT_EQ(views("child.view"), 2) << "a kept page's view is audited too";
  EXPECT_EQ(world_.db().shared_counts().works - shared_before, 2)
      << "each view's event by a shared commit (Database::write_shared)";
  // The I/O thread answers a kept page itself (web/server.h; on PostgreSQL
  // on reads presumed from memory, store/presumed_reads.h); a page built, or
  // any other, goes to a worker.
  EXPECT_EQ(server_->answered_by_io_thread(), 1u);

  // The owner closes the action the same day: the record shows it at once.
  const std::string action = std::to_string(number("SELECT id FROM actions WHERE kind = 'action'"));
  const Reply page = sw.get("/actions/" + action);
  ASSERT_EQ(
      sw.post("/actions/" + action + "/done", {{"csrf_token", Client::token_in(page.body)},
                                               {"evidence_text", "Met the family on 7 December"}})
          .status,
      303);
  const Reply after = sw.get(child_);
  ASSERT_EQ(after.status, 200);
  EXPECT_EQ(action_status(after.body), "done");
  EXPECT_EQ(counts().misses, 2u);
  EXPECT_EQ(sw.get(child_).body, after.body);
  EXPECT_EQ(counts().hits, 2u);
  EXPECT_EQ(views("child.view"), 4);
  EXPECT_EQ(server_->answered_by_io_thread(), 2u);
}

// A kept page is sent only once its view event has committed (it commits in
// a shared write after the worker has moved on): when the event cannot be
// written, the person gets an error, never the page.
TEST_F(PageCacheHttp, AKeptPageWhoseViewCannotBeRecordedIsNotSent) {
  Client sw = signed_in("sw_a@test");
  ASSERT_EQ(sw.get(child_).status, 200);
  world_.db().write_all([](store::Tx& tx) {
    tx.exec(tx.engine() == store::Engine::sqlite
                ? "CREATE TRIGGER no_views BEFORE INSERT ON audit_events WHEN NEW.action = "
                  "'child.view' BEGIN SELECT RAISE(ABORT, 'no views today'); END"
                : "CREATE RULE no_views AS ON INSERT TO audit_events WHERE NEW.action = "
                  "'child.view' DO INSTEAD SELECT 1 / 0");
    // Not a change to what the page shows: the version the page was kept
    // at stays current (the COMMIT moves it on by one).
    tx.exec("UPDATE content_version SET n = n - 1 WHERE id = 1");
  });
  const std::int64_t hits = counts().hits;
  const Reply refused = sw.get(child_);
  EXPECT_EQ(counts().hits, hits + 1) << "the page was kept";
  EXPECT_EQ(refused.status, 500);
  EXPECT_EQ(refused.body.find("<html"), std::string::npos);
}

TEST_F(PageCacheHttp, AnyWriteMovesTheVersionButAViewOrASessionDoesNot) {
  Client sw = signed_in("sw_a@test");
  ASSERT_EQ(sw.get(child_).status, 200);
  // Views, sign-ins and the audit events they write change nothing shown.
  Client other = signed_in("pm_a@test");
  ASSERT_EQ(other.get(child_).status, 200);
  ASSERT_EQ(sw.get(child_).status, 200);
  EXPECT_EQ(counts().hits, 1u);

  // A change made by any transaction, not only by the record's use cases.
  world_.db().write_all([&](store::Tx& tx) {
    tx.exec("UPDATE children SET first_name = 'Adaline' WHERE id = $1", {world_.child_a});
  });
  const Reply renamed = sw.get(child_);
  EXPECT_NE(renamed.body.find("Adaline"), std::string::npos);
  EXPECT_EQ(counts().hits, 1u);
}

TEST_F(PageCacheHttp, AKeptPageIsNeverServedToSomeoneTheAccessCheckRefuses) {
  Client sw = signed_in("sw_a@test");
  ASSERT_EQ(sw.get(child_).status, 200);
  Client outsider = signed_in("sw_b@test");
  EXPECT_EQ(outsider.get(child_).status, 404);
  EXPECT_EQ(number("SELECT COUNT(*) FROM audit_events WHERE action = 'access.refused' AND "
                   "actor_id = $1",
                   {world_.sw_b}),
            1);
  // The manager's own page is built for the manager, not served from sw_a's.
  Client pm = signed_in("pm_a@test");
  const Reply managers = pm.get(child_);
  ASSERT_EQ(managers.status, 200);
  EXPECT_EQ(counts().hits, 0u);
  EXPECT_NE(managers.body.find("Pat Alpha"), std::string::npos) << "the manager's own name";
}

TEST_F(PageCacheHttp, APersonsOtherSessionGetsItsOwnToken) {
  Client first = signed_in("sw_a@test");
  Client second = signed_in("sw_a@test");
  const Reply a = first.get(child_);
  const Reply b = second.get(child_);
  ASSERT_EQ(b.status, 200);
  EXPECT_EQ(counts().hits, 1u);
  const std::string token_a = Client::token_in(a.body);
  const std::string token_b = Client::token_in(b.body);
  ASSERT_FALSE(token_b.empty());
  EXPECT_NE(token_a, token_b);
  EXPECT_EQ(b.body.find(token_a), std::string::npos);
  // The token works: the second session signs out with it.
  EXPECT_EQ(second.post("/sign-out", {{"csrf_token", token_b}}).status, 303);
}

TEST_F(PageCacheHttp, ANewDayOrAQueryBuildsThePageAgain) {
  Client sw = signed_in("sw_a@test");
  ASSERT_EQ(sw.get(child_).status, 200);
  ASSERT_EQ(sw.get(child_ + "?done=x").status, 200);
  EXPECT_EQ(counts().hits + counts().misses, 1u) << "a query is not looked up";
  EXPECT_EQ(server_->answered_by_io_thread(), 0u)
      << "a page built, with or without a query, is never built by the I/O thread";
  world_.clock().advance(std::chrono::hours(24));
  Client next_day = signed_in("sw_a@test");  // the first session has idled out
  ASSERT_EQ(next_day.get(child_).status, 200);
  EXPECT_EQ(counts().hits, 0u);
  EXPECT_EQ(counts().misses, 2u);
}

// The I/O thread (core/non_blocking.h) never builds a page: a page with a
// query, for no session, or not kept is handed to a worker before `build`.
TEST_F(PageCacheHttp, OnAThreadThatMustNotWaitNoPageIsBuilt) {
  int checked = 0;
  int built = 0;
  const auto check = [&] {
    ++checked;
    return core::Result<std::int64_t>(1);
  };
  const auto viewed = [] { return std::make_shared<core::Completion>(); };
  const auto build = [&] {
    ++built;
    return WebResponse::text(200, "built");
  };
  WebRequest signed_in_get;
  signed_in_get.method = "GET";
  signed_in_get.path = "/kept";
  signed_in_get.session = app::SessionInfo{world_.actor(world_.sw_a), "token", "hash"};
  WebRequest with_query = signed_in_get;
  with_query.query.emplace("done", "x");
  WebRequest no_session = signed_in_get;
  no_session.session.reset();
  {
    const core::NonBlocking here;
    for (const WebRequest* r : {&with_query, &no_session, &signed_in_get}) {
      EXPECT_THROW(site_->kept_page(*r, check, viewed, build), core::WouldWait) << r->path;
    }
  }
  EXPECT_EQ(built, 0);
  EXPECT_EQ(checked, 1) << "only the signed-in GET was looked up, and missed";
  EXPECT_EQ(counts().misses, 0u) << "a trial's miss is the worker's to count";
  EXPECT_EQ(site_->kept_page(with_query, check, viewed, build).body, "built");
  EXPECT_EQ(site_->kept_page(signed_in_get, check, viewed, build).body, "built");
  EXPECT_EQ(built, 2) << "a worker builds them";
  EXPECT_EQ(counts().misses, 1u);
}

TEST_F(PageCacheHttp, TheSittingAgendaAndItsPrintAreKeptAndAuditedApart) {
  Client coordinator = signed_in("coord@test");
  const std::string sitting = "/sittings/" + std::to_string(hearing_.sitting_id);
  const std::int64_t viewed = views("sitting.view");
  const Reply agenda = coordinator.get(sitting);
  ASSERT_EQ(agenda.status, 200);
  EXPECT_EQ(coordinator.get(sitting).body, agenda.body);
  ASSERT_EQ(coordinator.get(sitting + "/print").status, 200);
  ASSERT_EQ(coordinator.get(sitting + "/print").status, 200);
  EXPECT_EQ(counts().hits, 2u);
  EXPECT_EQ(views("sitting.view"), viewed + 2);
  EXPECT_EQ(views("sitting.print"), 2);
  Client outsider = signed_in("sw_b@test");  // no agenda for a social worker
  EXPECT_EQ(outsider.get(sitting).status, 403);
}

TEST_F(PageCacheHttp, AFormOnAKeptAgendaCarriesTheSessionsTokenAndSaysWhatWasSaved) {
  Client coordinator = signed_in("coord@test");
  const std::string sitting = "/sittings/" + std::to_string(hearing_.sitting_id);
  ASSERT_EQ(coordinator.get(sitting).status, 200);
  const Reply kept = coordinator.get(sitting);  // the second time: the kept page
  ASSERT_EQ(counts().hits, 1u);
  const std::string token = Client::token_in(kept.body);
  ASSERT_FALSE(token.empty());
  const Reply refused = coordinator.post(sitting + "/attendance", {{"csrf_token", token + "x"}});
  EXPECT_EQ(refused.status, 403);
  const Reply saved = coordinator.post(sitting + "/attendance", {{"csrf_token", token}});
  ASSERT_EQ(saved.status, 303) << saved.body;
  EXPECT_EQ(saved.header("Location"), sitting + "?done=attendance_saved");
  const Reply banner = coordinator.get(saved.header("Location"));
  EXPECT_NE(banner.body.find("id=\"success-banner\""), std::string::npos);
  EXPECT_NE(banner.body.find("Attendance saved"), std::string::npos);
  EXPECT_EQ(counts().hits, 1u) << "a page with a banner is built, not kept";
}

}  // namespace
}  // namespace casepanel::web
