// The administrators' email outbox over HTTP: who may see it, what it shows a
// page at a time, one message with its text and invitation (audited), and
// retrying a failed message (CSRF, audit).
#include <gtest/gtest.h>
#include <atomic>

#include "app/display.h"
#include "app/invitation.h"
#include "app/people.h"
#include "support/world.h"
#include "web/http_client.h"
#include "web/server.h"

namespace casepanel::web {
namespace {

using testing::TestWorld;

class OutboxHttp : public ::testing::Test {
 protected:
  OutboxHttp() {
    SiteOptions options;
    options.after_post = [this] { ++posts_handled_; };
    site_ = std::make_unique<Site>(
        world_.services(), Templates::load(std::string(CASEPANEL_SOURCE_DIR) + "/templates"),
        StaticFiles{}, options);
    ServerConfig config;
    config.port = 0;
    config.max_threads = 4;
    server_ = std::make_unique<Server>(*site_, config);
    server_->start();
    world_.db().write_all([&](store::Tx& tx) {
      failed_ = tx.insert(
          "INSERT INTO outbox (created_at, recipient_id, recipient, subject, body, status, "
          "attempts, last_error) VALUES ('2026-11-23T09:00:00Z', $1, 'sw_a@test', "
          "'A request to CLAM Panel needs you', 'b', 'failed', 8, "
          "'451 4.3.0 Mailbox <busy> today') RETURNING id",
          {world_.sw_a});
      tx.exec(
          "INSERT INTO outbox (created_at, recipient_id, recipient, subject, body, status, "
          "attempts, sent_at) VALUES ('2026-11-24T08:00:00Z', $1, 'pm_a@test', "
          "'Your request was approved', 'b', 'sent', 1, '2026-11-24T08:00:05Z')",
          {world_.pm_a});
    });
  }
  ~OutboxHttp() override { server_->stop(); }

  Client client() { return Client(server_->port()); }
  Client administrator() {
    Client c = client();
    EXPECT_TRUE(c.sign_in("sysadmin@test"));
    return c;
  }

  // `n` more sent messages, numbered in their subjects, oldest first.
  void add_sent(int n) {
    world_.db().write_all([&](store::Tx& tx) {
      for (int i = 1; i <= n; ++i) {
        tx.exec(
            "INSERT INTO outbox (created_at, recipient_id, recipient, subject, body, status, "
            "attempts) VALUES ('2026-11-24T08:30:00Z', $1, 'sw_a@test', $2, 'b', 'sent', 1)",
            {world_.sw_a, "Message number " + std::to_string(i) + "."});
      }
    });
  }

  std::int64_t queue(const std::string& body, const std::optional<std::string>& calendar = {},
                     const std::string& method = "REQUEST") {
    std::int64_t id = 0;
    world_.db().write_all([&](store::Tx& tx) {
      id = tx.insert(
          "INSERT INTO outbox (created_at, recipient_id, recipient, subject, body, calendar, "
          "calendar_method, status) VALUES ('2026-11-24T08:40:00Z', $1, 'pm_a@test', "
          "'CLAM Panel: the sitting on 1 December 2026 is cancelled', $2, $3, $4, 'pending') "
          "RETURNING id",
          {world_.pm_a, body, calendar ? store::Value{*calendar} : store::Value{nullptr}, method});
    });
    return id;
  }

  std::string status_of(std::int64_t id) {
    std::string s;
    world_.db().read_all([&](store::Tx& tx) {
      s = tx.query_one("SELECT status FROM outbox WHERE id = $1", {id})->text(0);
    });
    return s;
  }

  TestWorld world_;
  std::unique_ptr<Site> site_;
  std::unique_ptr<Server> server_;
  std::int64_t failed_ = 0;
  std::atomic<int> posts_handled_ = 0;  // calls of SiteOptions::after_post
};

TEST_F(OutboxHttp, OnlyAdministratorsSeeTheOutbox) {
  EXPECT_EQ(client().get("/admin/outbox").status, 303) << "signed out: to the sign-in page";
  for (const char* who : {"sw_a@test", "auditor@test", "coord@test", "gm@test"}) {
    Client c = client();
    ASSERT_TRUE(c.sign_in(who));
    Reply r = c.get("/admin/outbox");
    EXPECT_EQ(r.status, 403) << who;
    EXPECT_EQ(r.body.find("A request to CLAM Panel needs you"), std::string::npos) << who;
  }
}

TEST_F(OutboxHttp, TheAdministratorSeesFailedMessagesFirstWithTheirError) {
  Client admin = client();
  ASSERT_TRUE(admin.sign_in("sysadmin@test"));
  Reply r = admin.get("/admin/outbox");
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.header("Cache-Control"), "no-store");
  const auto failed = r.body.find("A request to CLAM Panel needs you");
  const auto sent = r.body.find("Your request was approved");
  ASSERT_NE(failed, std::string::npos);
  ASSERT_NE(sent, std::string::npos);
  EXPECT_LT(failed, sent) << "failed messages come first";
  EXPECT_NE(r.body.find("govuk-tag--red\">Failed"), std::string::npos);
  EXPECT_NE(r.body.find("451 4.3.0 Mailbox &lt;busy&gt; today"), std::string::npos)
      << "the error is shown, escaped";
  EXPECT_NE(r.body.find("/admin/outbox/" + std::to_string(failed_) + "/retry"), std::string::npos);
  EXPECT_NE(admin.get("/").body.find("href=\"/admin/outbox\""), std::string::npos)
      << "linked from the administrator's pages";
}

TEST_F(OutboxHttp, RetryingNeedsTheCsrfTokenAndAnAdministrator) {
  const std::string path = "/admin/outbox/" + std::to_string(failed_) + "/retry";
  Client sw = client();
  ASSERT_TRUE(sw.sign_in("sw_a@test"));
  EXPECT_EQ(sw.post(path, {{"csrf_token", Client::token_in(sw.get("/").body)}}).status, 403);
  Client admin = client();
  ASSERT_TRUE(admin.sign_in("sysadmin@test"));
  EXPECT_EQ(admin.post(path, {}).status, 403);
  EXPECT_EQ(status_of(failed_), "failed");

  const std::string token_before = Client::token_in(admin.get("/admin/outbox").body);
  const int posts_before = posts_handled_;
  Reply r = admin.post(path, {{"csrf_token", token_before}});
  EXPECT_EQ(r.status, 303);
  EXPECT_EQ(posts_handled_, posts_before + 1)
      << "after the retry is committed, serve's hook wakes the outbox worker";
  EXPECT_EQ(r.header("Location"), "/admin/outbox");
  EXPECT_EQ(status_of(failed_), "pending");
  std::int64_t audited = 0;
  world_.db().read_all([&](store::Tx& tx) {
    audited = tx.query_one(
                    "SELECT COUNT(*) FROM audit_events WHERE action = 'outbox.retry' AND "
                    "entity = 'outbox' AND entity_id = $1 AND actor_id = $2",
                    {std::to_string(failed_), world_.admin})
                  ->integer(0);
  });
  EXPECT_EQ(audited, 1);
  Reply again =
      admin.post(path, {{"csrf_token", Client::token_in(admin.get("/admin/outbox").body)}});
  EXPECT_EQ(again.status, 409) << "a message no longer failed is not retried";
  const std::string token = Client::token_in(admin.get("/").body);
  EXPECT_EQ(admin.post("/admin/outbox/999999/retry", {{"csrf_token", token}}).status, 404);
}

TEST_F(OutboxHttp, TheOutboxComesFiftyMessagesAPageWithTheFailedFirst) {
  add_sent(120);  // 122 messages in all: 3 pages
  Client admin = administrator();
  Reply first = admin.get("/admin/outbox");
  ASSERT_EQ(first.status, 200);
  EXPECT_NE(first.body.find("Showing 1 to 50 of 122 messages"), std::string::npos);
  EXPECT_LT(first.body.find("A request to CLAM Panel needs you"),
            first.body.find("Message number 120."))
      << "the failed message first, then the others newest first";
  EXPECT_NE(first.body.find("Message number 72."), std::string::npos);
  EXPECT_EQ(first.body.find("Message number 71."), std::string::npos) << "on page 2";
  EXPECT_NE(first.body.find("class=\"govuk-pagination\""), std::string::npos);
  EXPECT_NE(first.body.find("href=\"/admin/outbox?page=2\" rel=\"next\""), std::string::npos);
  EXPECT_NE(first.body.find("href=\"/admin/outbox/" + std::to_string(failed_) + "\""),
            std::string::npos)
      << "each subject opens its message";

  Reply last = admin.get("/admin/outbox?page=3");
  EXPECT_NE(last.body.find("Showing 101 to 122 of 122 messages"), std::string::npos);
  EXPECT_NE(last.body.find("Your request was approved"), std::string::npos) << "the oldest last";
  EXPECT_NE(last.body.find("href=\"/admin/outbox?page=2\" rel=\"prev\""), std::string::npos);
  EXPECT_EQ(last.body.find("rel=\"next\""), std::string::npos);
  EXPECT_EQ(last.body.find("A request to CLAM Panel needs you"), std::string::npos);

  // A page that is not a number is the first; one past the last is the last.
  for (const char* bad : {"0", "-1", "two", "1.5", "99999999999999999999"}) {
    Reply r = admin.get(std::string("/admin/outbox?page=") + bad);
    EXPECT_EQ(r.status, 200) << bad;
    EXPECT_NE(r.body.find("Showing 1 to 50 of 122"), std::string::npos) << bad;
  }
  EXPECT_NE(admin.get("/admin/outbox?page=4").body.find("Showing 101 to 122 of 122"),
            std::string::npos);
}

TEST_F(OutboxHttp, OneMessageShowsItsTextEscapedAndReadingItIsAudited) {
  const std::int64_t id = queue("Request 7 has <b>moved</b>.\nAgenda: /sittings/3");
  const std::string path = "/admin/outbox/" + std::to_string(id);
  EXPECT_EQ(client().get(path).status, 303) << "signed out: to the sign-in page";
  for (const char* who : {"sw_a@test", "auditor@test", "coord@test"}) {
    Client c = client();
    ASSERT_TRUE(c.sign_in(who));
    Reply r = c.get(path);
    EXPECT_EQ(r.status, 403) << who;
    EXPECT_EQ(r.body.find("moved"), std::string::npos) << who;
  }
  Client admin = administrator();
  Reply r = admin.get(path);
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.header("Cache-Control"), "no-store");
  EXPECT_NE(r.body.find("pm_a@test"), std::string::npos);
  EXPECT_NE(r.body.find("CLAM Panel: the sitting on 1 December 2026 is cancelled"),
            std::string::npos);
  EXPECT_NE(r.body.find("Request 7 has &lt;b&gt;moved&lt;/b&gt;.\nAgenda: /sittings/3"),
            std::string::npos)
      << "the body, escaped, its lines kept";
  EXPECT_EQ(r.body.find("<b>moved"), std::string::npos);
  EXPECT_EQ(r.body.find("id=\"invitation\""), std::string::npos) << "no invitation to show";
  std::int64_t audited = 0;
  world_.db().read_all([&](store::Tx& tx) {
    audited = tx.query_one(
                    "SELECT COUNT(*) FROM audit_events WHERE action = 'outbox.read' AND "
                    "entity = 'outbox' AND entity_id = $1 AND actor_id = $2",
                    {std::to_string(id), world_.admin})
                  ->integer(0);
  });
  EXPECT_EQ(audited, 1);
  EXPECT_EQ(admin.get("/admin/outbox/999999").status, 404);
  EXPECT_EQ(admin.get("/admin/outbox/abc").status, 404);
  Reply failed = admin.get("/admin/outbox/" + std::to_string(failed_));
  EXPECT_NE(failed.body.find("451 4.3.0 Mailbox &lt;busy&gt; today"), std::string::npos);
  EXPECT_NE(failed.body.find("/admin/outbox/" + std::to_string(failed_) + "/retry"),
            std::string::npos);
}

TEST_F(OutboxHttp, ACalendarInvitationIsSummarisedInLondonTime) {
  app::Invitation inv;
  inv.uid = "sitting-3@casepanel";
  inv.sequence = 2;
  inv.method = app::InviteMethod::cancel;
  inv.starts = app::parse_utc("2026-12-01T13:30:00Z");  // GMT: 13:30 in London
  inv.ends = app::parse_utc("2026-12-01T17:00:00Z");
  inv.stamp = app::parse_utc("2026-11-24T08:40:00Z");
  inv.summary = "CLAM Panel sitting";
  inv.location = "Worthing, Room 4";
  const std::int64_t id = queue("The sitting is cancelled.", app::invitation_ics(inv), "CANCEL");
  Reply r = administrator().get("/admin/outbox/" + std::to_string(id));
  ASSERT_EQ(r.status, 200);
  EXPECT_NE(r.body.find("A cancellation"), std::string::npos);
  EXPECT_NE(r.body.find(">CANCEL<"), std::string::npos);
  EXPECT_NE(r.body.find("1 December 2026 at 13:30"), std::string::npos);
  EXPECT_NE(r.body.find("1 December 2026 at 17:00"), std::string::npos);
  EXPECT_NE(r.body.find("Worthing, Room 4"), std::string::npos);
  EXPECT_NE(r.body.find("sitting-3@casepanel, version 2"), std::string::npos);
  EXPECT_NE(r.body.find("BEGIN:VCALENDAR"), std::string::npos) << "the raw text, in a details";
}

TEST_F(OutboxHttp, TheAdministratorCannotReadASetPasswordLinkBack) {
  ASSERT_TRUE(app::send_password_link(world_.services(), world_.actor(world_.admin), world_.sw_a));
  std::int64_t id = 0;
  std::string body;
  world_.db().read_all([&](store::Tx& tx) {
    auto row = tx.query_one("SELECT id, body FROM outbox ORDER BY id DESC LIMIT 1");
    id = row->integer(0);
    body = row->text(1);
  });
  const auto at = body.find("/set-password/");
  ASSERT_NE(at, std::string::npos);
  const std::string token = body.substr(at + 14, body.find('\n', at) - at - 14);
  ASSERT_GE(token.size(), 20u);
  Reply r = administrator().get("/admin/outbox/" + std::to_string(id));
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.body.find(token), std::string::npos) << "the token would sign in as sw_a";
  EXPECT_NE(r.body.find("/set-password/(hidden: only the recipient may use this link)"),
            std::string::npos);
}

}  // namespace
}  // namespace casepanel::web
