// Issue 14, item 8: "CP plan for more than 18 months" was accepted for a child
// whose plan had started 15 months earlier. A criterion the child's record
// does not bear out is named with its dates, must be confirmed by the
// practitioner before the request is sent, and approvers see that it was
// claimed against the record. "Today" is the world's fake clock: 24 November
// 2026.
#include <gtest/gtest.h>

#include "app/papers.h"
#include "app/requests.h"
#include "support/requests.h"
#include "support/world.h"

namespace casepanel::app {
namespace {

using testing::TestWorld;

constexpr const char* kCriterion = "cp_plan_over_18_months";
constexpr const char* kConfirm = "confirm_cp_plan_over_18_months";

void set_plan_start(TestWorld& w, std::int64_t child, const char* iso) {
  w.db().write_all([&](store::Tx& tx) {
    tx.exec("UPDATE children SET cp_plan_start = $1 WHERE id = $2", {std::string(iso), child});
  });
}

core::RequestDraft cp_plan_draft() {
  core::RequestDraft d = testing::support_draft();
  d.criteria = {kCriterion};
  return d;
}

// sw_a's Support draft for `children`, every section but the criteria
// saved, its papers accounted for.
std::int64_t draft_for(TestWorld& w, const std::vector<std::int64_t>& children) {
  auto& s = w.services();
  const Actor a = w.actor(w.sw_a);
  const std::int64_t id = start_request(s, a, "support", children).value();
  EXPECT_TRUE(save_section(s, a, id, core::Section::details, testing::support_draft()).ok());
  EXPECT_TRUE(save_section(s, a, id, core::Section::attendance, testing::support_draft()).ok());
  for (const auto& doc : s.panels.find("support")->documents) {
    EXPECT_TRUE(mark_not_provided(s, a, id, doc.id, "Not written yet").ok());
  }
  return id;
}

TEST(RecordClaims, TheCriteriaFormNamesTheDatesOfEachChildTheRecordDoesNotBearOut) {
  TestWorld w;
  set_plan_start(w, w.sibling_1, "2025-08-03");  // 15 months ago
  set_plan_start(w, w.sibling_2, "2025-03-01");  // 20 months ago
  const std::int64_t id = draft_for(w, {w.sibling_1, w.sibling_2});
  auto v = draft_for_edit(w.services(), w.actor(w.sw_a), id);
  ASSERT_TRUE(v.ok());
  std::vector<std::string> cp;
  for (const auto& claim : v->claims_against_record) {
    if (claim.criterion_id == kCriterion) {
      cp.push_back(claim.text);
    }
  }
  ASSERT_EQ(cp.size(), 1u);
  EXPECT_EQ(cp[0],
            "Cal Testchild's Child Protection Plan started on 3 August 2025, 15 months ago; "
            "18 months will have passed on 3 February 2027.");
}

TEST(RecordClaims, AnUnconfirmedClaimIsRefusedAndAConfirmedOneIsShownToTheApprover) {
  TestWorld w;
  set_plan_start(w, w.child_a, "2025-08-03");
  const std::int64_t id = draft_for(w, {w.child_a});
  auto& s = w.services();
  const Actor sw = w.actor(w.sw_a);
  auto refused = save_section(s, sw, id, core::Section::type, cp_plan_draft());
  ASSERT_FALSE(refused.ok());
  ASSERT_EQ(refused.error().fields.size(), 1u);
  EXPECT_EQ(refused.error().fields[0].field, kConfirm);

  core::RequestDraft confirmed = cp_plan_draft();
  confirmed.confirmed_against_record = {kCriterion};
  ASSERT_TRUE(save_section(s, sw, id, core::Section::type, confirmed).ok());
  ASSERT_TRUE(send_for_approval(s, sw, id).ok());
  EXPECT_EQ(testing::state_of(w, id), "awaiting_approval");

  auto v = request_view(s, w.actor(w.pm_a), id);
  ASSERT_TRUE(v.ok());
  ASSERT_EQ(v->claims_against_record.size(), 1u);
  EXPECT_TRUE(v->claims_against_record[0].confirmed);
  ASSERT_EQ(v->claims_against_record[0].record.size(), 1u);
  EXPECT_NE(v->claims_against_record[0].record[0].find("15 months ago"), std::string::npos);
}

TEST(RecordClaims, SendingIsBlockedWhenTheRecordNoLongerBearsOutASavedCriterion) {
  TestWorld w;
  set_plan_start(w, w.child_a, "2025-03-01");  // 20 months: borne out
  const std::int64_t id = draft_for(w, {w.child_a});
  auto& s = w.services();
  const Actor sw = w.actor(w.sw_a);
  ASSERT_TRUE(save_section(s, sw, id, core::Section::type, cp_plan_draft()).ok());
  // The record is corrected: the plan started 15 months ago.
  set_plan_start(w, w.child_a, "2025-08-03");
  auto refused = send_for_approval(s, sw, id);
  ASSERT_FALSE(refused.ok());
  ASSERT_EQ(refused.error().fields.size(), 1u);
  EXPECT_EQ(refused.error().fields[0].field, kConfirm);
  EXPECT_EQ(testing::state_of(w, id), "draft");
  auto v = request_view(s, sw, id);
  ASSERT_EQ(v->claims_against_record.size(), 1u);
  EXPECT_FALSE(v->claims_against_record[0].confirmed);
}

TEST(RecordClaims, UnselectingTheCriterionDropsItsConfirmation) {
  TestWorld w;  // child_a's record has no plan start date at all
  const std::int64_t id = draft_for(w, {w.child_a});
  auto& s = w.services();
  const Actor sw = w.actor(w.sw_a);
  core::RequestDraft confirmed = cp_plan_draft();
  confirmed.confirmed_against_record = {kCriterion};
  ASSERT_TRUE(save_section(s, sw, id, core::Section::type, confirmed).ok());
  ASSERT_TRUE(save_section(s, sw, id, core::Section::type, testing::support_draft()).ok());
  EXPECT_EQ(testing::number(w,
                            "SELECT COUNT(*) FROM request_criteria WHERE request_id = $1 AND "
                            "confirmed_against_record = 1",
                            {id}),
            0);
  // Choosing it again asks again.
  EXPECT_FALSE(save_section(s, sw, id, core::Section::type, cp_plan_draft()).ok());
}

}  // namespace
}  // namespace casepanel::app
