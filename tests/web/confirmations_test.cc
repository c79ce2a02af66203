// The success banner after a change (web/confirmations.h): the handler's
// redirect names a key, the layout shows the message kept for it; a key
// nobody keeps, or text put in the URL, shows nothing.
#include <gtest/gtest.h>

#include "web/confirmations.h"
#include "web/site_fixture.h"

namespace casepanel::web {
namespace {

TEST(Confirmed, TheKeyGoesIntoTheQueryBeforeAnyFragment) {
  EXPECT_EQ(confirmed("/requests/4", "sent"), "/requests/4?done=sent");
  EXPECT_EQ(confirmed("/sittings?x=1", "agenda_accepted"), "/sittings?x=1&done=agenda_accepted");
  EXPECT_EQ(confirmed("/children/3#watch", "discussion_saved"),
            "/children/3?done=discussion_saved#watch");
  EXPECT_EQ(confirmation("approved"), "Request approved");
  EXPECT_FALSE(confirmation("Request approved").has_value());
  EXPECT_FALSE(confirmation("").has_value());
}

using Banner = SiteFixture;

TEST_F(Banner, TheLayoutShowsTheKeptMessageAndNothingFromTheUrl) {
  Client sw = signed_in("sw_a@test");
  const std::string shown = sw.get("/?done=sent").body;
  EXPECT_NE(shown.find("id=\"success-banner\""), std::string::npos);
  EXPECT_NE(shown.find("Request sent"), std::string::npos);
  for (const char* query : {"/?done=Hello", "/?done=%3Cscript%3E", "/"}) {
    const std::string body = sw.get(query).body;
    EXPECT_EQ(body.find("id=\"success-banner\""), std::string::npos) << query;
    EXPECT_EQ(body.find("<script>"), std::string::npos) << query;
  }
}

}  // namespace
}  // namespace casepanel::web
