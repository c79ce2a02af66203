// The request page over HTTP: the real server on port 0 over a TestWorld.
// The history list names each outcome as a person reads it.
#include <gtest/gtest.h>

#include "app/requests.h"
#include "app/triage.h"
#include "support/requests.h"
#include "support/world.h"
#include "web/http_client.h"
#include "web/server.h"

namespace casepanel::web {
namespace {

using testing::TestWorld;

class RequestPage : public ::testing::Test {
 protected:
  RequestPage() {
    StaticFiles files;
    site_ = std::make_unique<Site>(
        world_.services(), Templates::load(std::string(CASEPANEL_SOURCE_DIR) + "/templates"),
        std::move(files), SiteOptions{});
    ServerConfig config;
    config.port = 0;
    config.max_threads = 2;
    server_ = std::make_unique<Server>(*site_, config);
    server_->start();
  }
  ~RequestPage() override { server_->stop(); }

  // The history list (id="approvals") of the page, "" when it has none.
  static std::string history_of(const std::string& html) {
    const auto from = html.find("id=\"approvals\"");
    if (from == std::string::npos) {
      return "";
    }
    return html.substr(from, html.find("</ul>", from) - from);
  }

  TestWorld world_;
  std::unique_ptr<Site> site_;
  std::unique_ptr<Server> server_;
};

// Issue 11: a declined request showed "Returned for changes" in its history.
TEST_F(RequestPage, ADeclinedRequestsHistorySaysDeclined) {
  const auto id = testing::sent_clam_request(world_, {world_.child_a});
  testing::approve_clam(world_, id);
  ASSERT_TRUE(app::decline_request(world_.services(), world_.actor(world_.coordinator), id,
                                   "Not a matter for CLAM")
                  .ok());
  Client c(server_->port());
  ASSERT_TRUE(c.sign_in("sw_a@test"));
  const Reply page = c.get("/requests/" + std::to_string(id));
  ASSERT_EQ(page.status, 200);
  const std::string history = history_of(page.body);
  EXPECT_NE(history.find("<strong>Declined</strong>"), std::string::npos) << history;
  EXPECT_EQ(history.find("Returned for changes"), std::string::npos) << history;
  EXPECT_NE(history.find("Not a matter for CLAM"), std::string::npos) << history;
}

// An approver's return still reads as before.
TEST_F(RequestPage, AReturnedRequestsHistorySaysReturnedForChanges) {
  const auto id = testing::sent_clam_request(world_, {world_.child_a});
  ASSERT_TRUE(app::return_request(world_.services(), world_.actor(world_.pm_a), id,
                                  "Add the parallel plan's dates")
                  .ok());
  Client c(server_->port());
  ASSERT_TRUE(c.sign_in("sw_a@test"));
  const std::string history = history_of(c.get("/requests/" + std::to_string(id)).body);
  EXPECT_NE(history.find("<strong>Returned for changes</strong>"), std::string::npos) << history;
}

}  // namespace
}  // namespace casepanel::web
