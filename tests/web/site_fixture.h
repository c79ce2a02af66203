// SiteFixture: the web tests' council on the real server. A TestWorld
// (tests/support/world.h) served by a Site with the repository's templates,
// behind a Server on port 0 with four workers, started on construction and
// stopped on destruction. Test fixtures derive from it and add their own
// helpers; clients speak to it through web/http_client.h.
#pragma once

#include <gtest/gtest.h>

#include <cstdint>
#include <memory>
#include <string>

#include "support/world.h"
#include "web/http_client.h"
#include "web/server.h"

namespace casepanel::web {

// Whether the site serves the repository's static/ directory under /static/.
enum class StaticAssets { none, repository };

class SiteFixture : public ::testing::Test {
 protected:
  explicit SiteFixture(StaticAssets assets = StaticAssets::none);
  // The council with one more panel file (support/world.h), no static files.
  explicit SiteFixture(const std::string& extra_panel_toml);
  ~SiteFixture() override;

  Client client() { return Client(server_->port()); }
  // A client signed in as `email` (with testing::kPassword).
  Client signed_in(const std::string& email);
  // The number an SQL query gives (a count, an id), read directly; 0 for no row.
  std::int64_t number(const std::string& sql, const store::Params& params = {});

  testing::TestWorld world_;
  std::unique_ptr<Site> site_;
  std::unique_ptr<Server> server_;

 private:
  void start(StaticAssets assets);
};

}  // namespace casepanel::web
