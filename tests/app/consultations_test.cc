// Consultation before panel (issue 14, item 4): a referral goes to the people
// in the seat the panel's consultation names, who read it and answer it; the
// answer shows on the request and in triage; nobody else sees it.
#include <gtest/gtest.h>

#include "app/consultations.h"
#include "app/request_view.h"
#include "app/sittings.h"
#include "app/triage.h"
#include "store/seats.h"
#include "support/changed_panels.h"
#include "support/requests.h"
#include "support/world.h"

namespace casepanel::app {
namespace {

using testing::TestWorld;

constexpr const char* kSeat = "permanency_planning_co_ordinator";

class Consultations : public ::testing::Test {
 protected:
  void SetUp() override {
    ensure_sittings(w.services(), core::Date{std::chrono::year{2026} / 11 / 24}, 3);
    holder = testing::add_person(w, "ppc@test", "member");
    deputy = testing::add_person(w, "ppc-deputy@test", "member");
    other_member = testing::add_person(w, "member@test", "member");
    w.db().write_all([&](store::Tx& tx) {
      store::set_seat_holder(tx, "clam", kSeat, holder, store::SeatPart::holder);
      store::set_seat_holder(tx, "clam", kSeat, deputy, store::SeatPart::deputy);
    });
    request = testing::sent_clam_request(w, {w.sibling_1, w.sibling_2});
    testing::approve_clam(w, request);
  }

  std::int64_t count(const std::string& sql, const store::Params& params = {}) {
    return testing::number(w, sql, params);
  }
  std::int64_t emails_to(std::int64_t user, const std::string& subject_part) {
    return count("SELECT COUNT(*) FROM outbox WHERE recipient_id = $1 AND subject LIKE $2",
                 {user, "%" + subject_part + "%"});
  }
  // Refers the request as the coordinator; the referral's id.
  std::int64_t refer(Services& s) {
    EXPECT_TRUE(refer_for_consultation(s, w.actor(w.coordinator), request, "permanency_planning",
                                       "Can the pair stay together?")
                    .ok());
    return count("SELECT MAX(id) FROM request_consultations");
  }

  TestWorld w;
  std::int64_t holder = 0, deputy = 0, other_member = 0, request = 0;
};

TEST_F(Consultations, OnlyTheSeatsPeopleAreTold) {
  refer(w.services());
  EXPECT_EQ(emails_to(holder, "consultation asked for request"), 1);
  EXPECT_EQ(emails_to(deputy, "consultation asked for request"), 1);
  EXPECT_EQ(emails_to(other_member, "consultation"), 0);
  EXPECT_EQ(emails_to(w.sw_a, "referred to the Permanency Planning Co-ordinator"), 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM outbox WHERE body LIKE '%/consultations/%'"), 2);
  EXPECT_EQ(testing::emails_naming_a_child(w), std::vector<std::string>{});
}

TEST_F(Consultations, NobodyInTheSeatMeansNoReferral) {
  w.db().write_all([&](store::Tx& tx) {
    store::remove_seat_holder(tx, "clam", kSeat, holder);
    store::remove_seat_holder(tx, "clam", kSeat, deputy);
  });
  auto refused = refer_for_consultation(w.services(), w.actor(w.coordinator), request,
                                        "permanency_planning", "Can the pair stay together?");
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().fields[0].field, "consultation_id");
  EXPECT_EQ(count("SELECT COUNT(*) FROM request_consultations"), 0);
}

TEST_F(Consultations, TheConsulteeReadsTheReferralAndAnswersItOnce) {
  auto& s = w.services();
  const auto id = refer(s);
  ASSERT_EQ(consultation_counts(s, w.actor(holder)).waiting, 1);
  auto mine = my_consultations(s, w.actor(deputy));
  ASSERT_TRUE(mine.ok());
  ASSERT_EQ(mine->waiting.size(), 1u);
  EXPECT_EQ(mine->waiting[0].children, "Cal Testchild, Dee Testchild");

  auto v = consultation_view(s, w.actor(holder), id);
  ASSERT_TRUE(v.ok());
  ASSERT_EQ(v->children.size(), 2u);
  EXPECT_EQ(v->children[0].born, "1 May 2015");
  EXPECT_EQ(v->note, "Can the pair stay together?");
  EXPECT_TRUE(v->may_read_papers);
  EXPECT_FALSE(v->answered);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_events WHERE action = 'consultation.view' AND "
                  "actor_id = $1 AND entity_id = $2",
                  {holder, request}),
            1);
  // The request and its papers open for them too, while it is referred; the
  // request links the consultee (only) to their answer, and not to the
  // children's records, which are not theirs to open.
  auto theirs = request_view(s, w.actor(holder), request);
  ASSERT_TRUE(theirs.ok());
  ASSERT_EQ(theirs->consultations.size(), 1u);
  EXPECT_EQ(theirs->consultations[0].yours_to_answer, id);
  EXPECT_FALSE(theirs->may_open_children);
  auto authors = request_view(s, w.actor(w.sw_a), request);
  EXPECT_EQ(authors->consultations[0].yours_to_answer, 0);
  EXPECT_TRUE(authors->may_open_children);

  auto empty = give_advice(s, w.actor(holder), id, "  \n ");
  ASSERT_FALSE(empty.ok());
  EXPECT_EQ(empty.error().fields[0].field, "advice");
  ASSERT_TRUE(give_advice(s, w.actor(holder), id, "Keep them together; search for a carer.").ok());
  auto again = give_advice(s, w.actor(deputy), id, "A second opinion");
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().kind, core::ErrorKind::conflict);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_events WHERE action = 'consultation.advise'"), 1);
  EXPECT_EQ(emails_to(w.coordinator, "advice given on request"), 1);
  EXPECT_EQ(emails_to(w.sw_a, "advice given on request"), 1);
  EXPECT_EQ(testing::emails_naming_a_child(w), std::vector<std::string>{});
  EXPECT_EQ(consultation_counts(s, w.actor(holder)).answered, 1);

  // The answer shows on the request and on the triage card.
  auto page = request_view(s, w.actor(w.sw_a), request);
  ASSERT_TRUE(page.ok());
  ASSERT_EQ(page->consultations.size(), 1u);
  EXPECT_EQ(page->consultations[0].advice, "Keep them together; search for a carer.");
  EXPECT_EQ(page->consultations[0].advice_given.rfind("Advice given on ", 0), 0u);
  auto queue = triage_queue(s, w.actor(w.coordinator));
  ASSERT_TRUE(queue.ok());
  bool seen = false;
  for (const TriageItem& item : *queue) {
    if (item.request_id == request) {
      seen = true;
      EXPECT_NE(item.consultation_answer.find("by ppc@test"), std::string::npos)
          << item.consultation_answer;
      EXPECT_EQ(item.consultation_advice, "Keep them together; search for a carer.");
    }
  }
  EXPECT_TRUE(seen);
}

TEST_F(Consultations, TheTriageCardWaitsForAdvice) {
  refer(w.services());
  auto queue = triage_queue(w.services(), w.actor(w.coordinator));
  ASSERT_TRUE(queue.ok());
  for (const TriageItem& item : *queue) {
    if (item.request_id == request) {
      EXPECT_EQ(item.consultation_answer, "Waiting for advice");
    }
  }
}

TEST_F(Consultations, NobodyElseSeesTheReferral) {
  auto& s = w.services();
  const auto id = refer(s);
  auto not_theirs = consultation_view(s, w.actor(other_member), id);
  ASSERT_FALSE(not_theirs.ok());
  EXPECT_EQ(not_theirs.error().kind, core::ErrorKind::not_found);
  EXPECT_EQ(give_advice(s, w.actor(other_member), id, "Advice").error().kind,
            core::ErrorKind::not_found);
  EXPECT_FALSE(request_view(s, w.actor(other_member), request).ok());
  EXPECT_TRUE(my_consultations(s, w.actor(other_member))->waiting.empty());
  EXPECT_EQ(consultation_counts(s, w.actor(other_member)).waiting, 0);
  // The administrator never sees a child; the coordinator reads the answer
  // on the request, not through the consultee's page.
  for (std::int64_t who : {w.admin, w.coordinator, w.sw_a}) {
    EXPECT_EQ(consultation_view(s, w.actor(who), id).error().kind, core::ErrorKind::not_found)
        << who;
    EXPECT_EQ(my_consultations(s, w.actor(who)).error().kind, core::ErrorKind::forbidden) << who;
  }
  EXPECT_EQ(count("SELECT COUNT(*) FROM request_consultations WHERE advice IS NOT NULL"), 0);
}

TEST_F(Consultations, AConsultationWithoutASeatGoesToEveryoneWithItsRole) {
  testing::ChangedPanels changed(w, [](core::PanelType& p) {
    for (core::Consultation& c : p.consultations) {
      c.seat.clear();
      c.role = core::Role::member;
    }
  });
  auto& s = changed.services();
  const auto id = refer(s);
  for (std::int64_t who : {holder, deputy, other_member}) {
    EXPECT_EQ(emails_to(who, "consultation asked for request"), 1) << who;
    EXPECT_TRUE(consultation_view(s, w.actor(who), id).ok()) << who;
  }
  EXPECT_EQ(consultation_view(s, w.actor(w.gm), id).error().kind, core::ErrorKind::not_found);
}

}  // namespace
}  // namespace casepanel::app
