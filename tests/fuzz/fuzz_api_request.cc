// Fuzz target: a request to the site as a machine client sends it, through
// web::Site::handle: the route matching of the path, the query, the
// `Authorization: Bearer` header of the integration API (pages_api.cc) and
// the session cookie. The site runs on an empty, migrated SQLite database in
// a temporary directory ($CASEPANEL_FUZZ_DB_DIR, which scripts/fuzz sets and
// removes, else $TMPDIR), built once per process. The fuzzer never signs in,
// so every answer is a refusal, a redirect to sign-in or a public page.
//
// Input, one field a line (missing lines are empty):
//   1. the Authorization header value, e.g. "Bearer 0123abcd";
//   2. the request target, e.g. "/api/v1/children?team=1&x"; split at the
//      first '?', the query at '&' and '=' (percent-decoding is the HTTP
//      parser's, fuzzed by the http helper's targets);
//   3. the value of the session cookie.
//
// Properties checked: no 500 (Site::handle turns an escaped exception into
// one: a bug), an API route never answers 200 without a valid token, and no
// header value holds a control character (DESIGN.md).
#include <stdlib.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>

#include "app/services.h"
#include "core/calendar.h"
#include "core/clock.h"
#include "fuzz/property.h"
#include "store/database.h"
#include "store/migrations.h"
#include "store/panel_files.h"
#include "web/site.h"
#include "web/static_files.h"
#include "web/templates.h"

namespace {

using namespace casepanel;

// The site and everything it stands on, for the life of the process.
struct World {
  std::filesystem::path dir;
  core::FakeClock clock{core::Instant{std::chrono::sys_days{std::chrono::year{2026} / 11 / 24}}};
  core::Calendar calendar = core::Calendar::england_and_wales();
  std::unique_ptr<app::PanelCatalogue> panels;
  std::unique_ptr<store::Database> db;
  std::unique_ptr<app::Services> services;
  std::unique_ptr<web::Site> site;

  World() {
    // scripts/fuzz names a directory it removes after the run, even when the
    // run ends in a crash (which skips this destructor); by hand, $TMPDIR.
    const char* given = std::getenv("CASEPANEL_FUZZ_DB_DIR");
    const std::filesystem::path base = given != nullptr && *given != '\0'
                                           ? std::filesystem::path(given)
                                           : std::filesystem::temp_directory_path();
    std::string pattern = (base / "casepanel-fuzz-XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr) {
      throw std::runtime_error("mkdtemp failed");
    }
    dir = pattern;
    const std::string source = CASEPANEL_SOURCE_DIR;
    auto files = store::load_panel_files(std::filesystem::path(source) / "config/panels");
    if (!files.ok()) {
      throw std::runtime_error(files.problems.front().to_string());
    }
    panels = std::make_unique<app::PanelCatalogue>(std::move(files.panels));
    db = store::Database::open((dir / "fuzz.db").string(), 2);
    store::migrate(*db);
    services = std::make_unique<app::Services>(
        app::Services{*db, clock, calendar, *panels, dir / "uploads", 1024 * 1024});
    site = std::make_unique<web::Site>(*services, web::Templates::load(source + "/templates"),
                                       web::StaticFiles{}, web::SiteOptions{});
  }
  ~World() {
    site.reset();
    services.reset();
    db.reset();
    std::error_code ignored;
    std::filesystem::remove_all(dir, ignored);
  }
};

World& world() {
  static World w;
  return w;
}

std::string_view next_line(std::string_view& input) {
  const auto end = input.find('\n');
  const std::string_view line = input.substr(0, end);
  input = end == std::string_view::npos ? std::string_view() : input.substr(end + 1);
  return line;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  web::WebRequest r;
  r.method = "GET";
  r.client_address = "192.0.2.1";
  r.authorization = std::string(next_line(input));
  const std::string_view target = next_line(input);
  const auto question = target.find('?');
  r.path = std::string(target.substr(0, question));
  if (r.path.empty() || r.path[0] != '/') {
    r.path.insert(0, "/");  // the HTTP parser refuses any other target
  }
  if (question != std::string_view::npos) {
    std::string_view query = target.substr(question + 1);
    while (!query.empty()) {
      const auto amp = query.find('&');
      const std::string_view pair = query.substr(0, amp);
      const auto eq = pair.find('=');
      r.query.emplace(std::string(pair.substr(0, eq)), eq == std::string_view::npos
                                                           ? std::string()
                                                           : std::string(pair.substr(eq + 1)));
      query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
    }
  }
  if (const std::string_view cookie = next_line(input); !cookie.empty()) {
    r.cookies.emplace(web::kSessionCookie, std::string(cookie));
  }

  const web::WebResponse out = world().site->handle(r);
  FUZZ_CHECK(out.status != 500);
  if (r.path.starts_with("/api/")) {
    FUZZ_CHECK(out.status != 200);
  }
  for (const auto& [name, value] : out.headers) {
    for (const unsigned char c : name + value) {
      FUZZ_CHECK(c >= 0x20 && c != 0x7F);
    }
  }
  return 0;
}
