// The decisions API over HTTP (docs/api.md): a child's records and the
// change feed as JSON, scoped to the token's user, with JSON errors for a
// child out of scope and for a bad cursor or limit.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "app/auth.h"
#include "support/decided_hearing.h"
#include "web/http_client.h"
#include "web/site_fixture.h"

namespace casepanel::web {
namespace {

using nlohmann::json;

class ApiDecisionsHttp : public SiteFixture {
 protected:
  std::string token_for(const std::string& email) {
    auto t = app::create_api_token(world_.services(), email);
    EXPECT_TRUE(t.ok());
    return t.ok() ? t->token : std::string();
  }
  Reply get(const std::string& path, const std::string& token) {
    return client().get_with_token(path, token);
  }
};

TEST_F(ApiDecisionsHttp, AChildsDecisionsAreJsonWithItemsPlansAndActions) {
  const auto decided = testing::decided_hearing(world_, {world_.child_a});
  const std::string token = token_for("sw_a@test");
  Reply r = get("/api/v1/children/" + std::to_string(world_.child_a) + "/decisions", token);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.header("Content-Type"), "application/json");
  const json body = json::parse(r.body);
  ASSERT_EQ(body["decisions"].size(), 1u);
  const json& d = body["decisions"][0];
  EXPECT_EQ(d["hearing_id"], decided.hearing_id);
  EXPECT_EQ(d["panel_id"], "clam");
  EXPECT_EQ(d["sitting_date"], "2026-12-01");
  EXPECT_EQ(d["reasons"], "The plan keeps them safe.");
  ASSERT_EQ(d["items"].size(), 1u);
  EXPECT_EQ(d["items"][0]["kind"], "decision");
  EXPECT_EQ(d["items"][0]["option_id"], decided.decision_option);
  EXPECT_EQ(d["items"][0]["detail"], "Agreed as planned");
  EXPECT_FALSE(d["items"][0]["label"].get<std::string>().empty());
  ASSERT_EQ(d["actions"].size(), 1u);
  // Tuesday 1 December 2026 + 5 working days.
  EXPECT_EQ(d["actions"][0]["due"], "2026-12-08");
  EXPECT_EQ(d["recorded_at"], "2026-12-01T14:00:00Z");
}

TEST_F(ApiDecisionsHttp, AChildOutsideTheTokensScopeIs404Json) {
  testing::decided_hearing(world_, {world_.child_a});
  const std::string token = token_for("sw_b@test");
  for (const std::string& id :
       {std::to_string(world_.child_a), std::string("999999"), std::string("abc")}) {
    Reply r = get("/api/v1/children/" + id + "/decisions", token);
    EXPECT_EQ(r.status, 404) << id;
    EXPECT_EQ(json::parse(r.body)["error"], "not_found") << id;
  }
  EXPECT_EQ(client().get("/api/v1/decisions").status, 401);
}

TEST_F(ApiDecisionsHttp, TheFeedPagesWithItsCursor) {
  testing::decided_hearing(world_, {world_.sibling_1, world_.sibling_2});
  const std::string token = token_for("sw_a@test");
  const json all = json::parse(get("/api/v1/decisions", token).body);
  ASSERT_GE(all["events"].size(), 2u);
  EXPECT_EQ(all["next_cursor"], all["events"].back()["cursor"]);
  const json first = json::parse(get("/api/v1/decisions?since=0&limit=1", token).body);
  ASSERT_EQ(first["events"].size(), 1u);
  EXPECT_EQ(first["events"][0], all["events"][0]);
  const std::string next = std::to_string(first["next_cursor"].get<std::int64_t>());
  const json second = json::parse(get("/api/v1/decisions?since=" + next + "&limit=1", token).body);
  ASSERT_EQ(second["events"].size(), 1u);
  EXPECT_EQ(second["events"][0], all["events"][1]);
  // Past the end: nothing, and the cursor stays where it was.
  const std::string end = std::to_string(all["next_cursor"].get<std::int64_t>());
  const json after = json::parse(get("/api/v1/decisions?since=" + end, token).body);
  EXPECT_TRUE(after["events"].empty());
  EXPECT_EQ(after["next_cursor"], all["next_cursor"]);
}

TEST_F(ApiDecisionsHttp, TheFeedShowsAnotherTeamNothingButItsCursorMoves) {
  testing::decided_hearing(world_, {world_.child_a});
  const json mine = json::parse(get("/api/v1/decisions", token_for("sw_a@test")).body);
  const json theirs = json::parse(get("/api/v1/decisions", token_for("sw_b@test")).body);
  EXPECT_FALSE(mine["events"].empty());
  EXPECT_TRUE(theirs["events"].empty());
  EXPECT_EQ(theirs["next_cursor"], mine["next_cursor"]);
}

TEST_F(ApiDecisionsHttp, ABadCursorOrLimitIs400Json) {
  const std::string token = token_for("sw_a@test");
  for (const char* query : {"since=-1", "since=abc", "since=1.5", "since=%20", "limit=0",
                            "limit=501", "limit=ten", "limit=-3", "since=99999999999999999999"}) {
    Reply r = get(std::string("/api/v1/decisions?") + query, token);
    EXPECT_EQ(r.status, 400) << query;
    const json body = json::parse(r.body);
    EXPECT_EQ(body["error"], "bad_request") << query;
    EXPECT_FALSE(body["reason"].get<std::string>().empty()) << query;
  }
  EXPECT_EQ(get("/api/v1/decisions?limit=500", token).status, 200);
}

}  // namespace
}  // namespace casepanel::web
