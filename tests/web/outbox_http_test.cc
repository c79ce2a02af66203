// The administrators' email outbox over HTTP: who may see it, what it shows,
// and retrying a failed message (CSRF, audit).
#include <gtest/gtest.h>
#include <atomic>

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

}  // namespace
}  // namespace casepanel::web
