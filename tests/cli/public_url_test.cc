// The public address every email link starts with ([server] public_url; the
// older [people] site_url is still read), without a trailing slash.
#include <gtest/gtest.h>

#include "cli/settings.h"

namespace casepanel::cli {
namespace {

TEST(PublicUrl, IsReadFromServerOrItsOlderNameWithoutATrailingSlash) {
  struct Row {
    const char* toml;
    const char* url;
    const char* why;
  };
  const Row rows[] = {
      {"[server]\npublic_url = \"https://panel.council.test/\"\n", "https://panel.council.test",
       "the slash is the path's"},
      {"[people]\nsite_url = \"https://old.council.test\"\n", "https://old.council.test",
       "the older name still works"},
      {"[server]\npublic_url = \"https://new.council.test\"\n[people]\nsite_url = "
       "\"https://old.council.test\"\n",
       "https://new.council.test", "public_url wins"},
      {"", "", "unset: links are paths"},
  };
  for (const Row& row : rows) {
    EXPECT_EQ(settings_from_toml(row.toml, "casepanel.toml").site_url, row.url) << row.why;
  }
}

}  // namespace
}  // namespace casepanel::cli
