#include "web/site_fixture.h"

namespace casepanel::web {

SiteFixture::SiteFixture(const std::string& extra_panel_toml) : world_(extra_panel_toml) {
  start(StaticAssets::none);
}

SiteFixture::SiteFixture(StaticAssets assets) { start(assets); }

void SiteFixture::start(StaticAssets assets) {
  StaticFiles files;
  if (assets == StaticAssets::repository) {
    files.add_directory("/static/", std::string(CASEPANEL_SOURCE_DIR) + "/static");
  }
  site_ = std::make_unique<Site>(world_.services(),
                                 Templates::load(std::string(CASEPANEL_SOURCE_DIR) + "/templates"),
                                 std::move(files), SiteOptions{});
  ServerConfig config;
  config.port = 0;
  config.max_threads = 4;
  // As casepanel serve sets it (cli/server_command.cc).
  config.io_thread_answers = true;
  server_ = std::make_unique<Server>(*site_, config);
  server_->start();
}

SiteFixture::~SiteFixture() { server_->stop(); }

Client SiteFixture::signed_in(const std::string& email) {
  Client c = client();
  EXPECT_TRUE(c.sign_in(email)) << email;
  return c;
}

std::int64_t SiteFixture::number(const std::string& sql, const store::Params& params) {
  return testing::number(world_, sql, params);
}

}  // namespace casepanel::web
