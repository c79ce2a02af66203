// Unreadable input over HTTP (security review, item 11): invalid UTF-8 or a
// NUL in any field is refused with 400 and a message naming the field, and
// nothing is written.
#include <gtest/gtest.h>

#include "app/requests.h"
#include "support/world.h"
#include "web/http_client.h"
#include "web/server.h"

namespace casepanel::web {
namespace {

using namespace std::string_literals;
using testing::TestWorld;

class InputHttp : public ::testing::Test {
 protected:
  InputHttp() {
    site_ = std::make_unique<Site>(
        world_.services(), Templates::load(std::string(CASEPANEL_SOURCE_DIR) + "/templates"),
        StaticFiles{}, SiteOptions{});
    ServerConfig config;
    config.port = 0;
    server_ = std::make_unique<Server>(*site_, config);
    server_->start();
  }
  ~InputHttp() override { server_->stop(); }

  std::int64_t audit_events() {
    std::int64_t n = 0;
    world_.db().read_all(
        [&](store::Tx& tx) { n = tx.query_one("SELECT COUNT(*) FROM audit_events")->integer(0); });
    return n;
  }

  TestWorld world_;
  std::unique_ptr<Site> site_;
  std::unique_ptr<Server> server_;
};

// On 797697a this was a 500: the failed sign-in's audit event could not be
// written as JSON.
TEST_F(InputHttp, AnEmailThatIsNotUtf8IsRefusedWith400AndNothingWritten) {
  Client c(server_->port());
  Reply page = c.get("/sign-in");
  const std::int64_t before = audit_events();
  Reply r = c.post(
      "/sign-in",
      {{"csrf_token", Client::token_in(page.body)}, {"email", "sw_a@test\xFF"}, {"password", "x"}});
  EXPECT_EQ(r.status, 400);
  EXPECT_NE(r.body.find("The field email has characters that are not valid text (UTF-8)."),
            std::string::npos);
  EXPECT_NE(r.body.find("Nothing was saved"), std::string::npos);
  EXPECT_EQ(r.header("X-Content-Type-Options"), "nosniff");
  EXPECT_EQ(audit_events(), before);
}

// On 797697a the NUL was stored in the draft's reason.
TEST_F(InputHttp, ANulInATypedFieldIsRefusedAndTheDraftIsUnchanged) {
  auto draft =
      app::start_request(world_.services(), world_.actor(world_.sw_a), "clam", {world_.child_a});
  ASSERT_TRUE(draft.ok());
  Client c(server_->port());
  ASSERT_TRUE(c.sign_in("sw_a@test"));
  const std::string path = "/requests/" + std::to_string(*draft) + "/edit/details";
  const std::string csrf = Client::token_in(c.get(path).body);
  const std::int64_t before = audit_events();
  Reply r = c.post(
      path, {{"csrf_token", csrf}, {"reason", "Neglect\0 at home"s}, {"proposed_plan", "Plan"}});
  EXPECT_EQ(r.status, 400);
  EXPECT_NE(r.body.find("The field reason has a NUL character."), std::string::npos);
  EXPECT_EQ(audit_events(), before);
  auto stored = app::draft_for_edit(world_.services(), world_.actor(world_.sw_a), *draft);
  ASSERT_TRUE(stored.ok());
  EXPECT_EQ(stored->draft.reason, "");
}

TEST_F(InputHttp, AnApiCallWithAnUnreadableQueryGetsJson) {
  Client c(server_->port());
  Reply r = c.get("/api/v1/children?q=%FF");
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(r.header("Content-Type"), "application/json");
  EXPECT_NE(r.body.find("\"error\":\"bad_request\""), std::string::npos);
}

}  // namespace
}  // namespace casepanel::web
