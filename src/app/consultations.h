// Consultation before panel (issue 14, item 4; CLAM: "Consultation and
// advice is available for children with more complex needs or high number
// sibling groups from the Permanency Planning Co-ordinator"). At triage the
// coordinator refers a request to one of its panel's [[consultations]]
// (app/triage_outcomes.h); the people consulted (app/consultees.h: the
// seat's holder and deputies) see the referral here, with what they need of
// the request, and answer it once with their advice, which the request page
// and the triage card then show.
//
// Access: only those consulted, while the request is sent to panel (the
// `consulted` relationship, core/access.h); anyone else gets not_found.
// Reading the list or a referral is an audited read of personal data;
// giving advice is one transaction with its audit event and the emails to
// the coordinator who referred it and the request's author (a link, never a
// child's name).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "app/services.h"
#include "core/result.h"
#include "store/database.h"

namespace casepanel::app {

// One referral in the consultee's list.
struct ConsultationLine {
  std::int64_t id = 0;
  std::string panel;
  std::string children;  // "Amy Smith, Ben Smith"
  std::string request_type;
  std::string referred;  // "24 November 2026"
  bool answered = false;
  std::string advised;  // "26 November 2026", once answered
};
struct MyConsultations {
  std::vector<ConsultationLine> waiting;   // oldest first
  std::vector<ConsultationLine> answered;  // latest answer first
};
// The referrals made to the actor; audited as `consultation.list`.
core::Result<MyConsultations> my_consultations(Services& s, const Actor& a);
// How many of them wait for the actor's advice and how many they answered
// (the home page's count; names nobody, so not audited). Zeros for those
// who are never consulted.
struct ConsultationCounts {
  int waiting = 0;
  int answered = 0;
};
ConsultationCounts consultation_counts(Services& s, const Actor& a);

struct ConsultationChild {
  std::string name;
  std::string born;  // "3 May 2015"
};
struct ConsultationView {
  std::int64_t id = 0;
  std::int64_t request_id = 0;
  std::string panel;
  std::string label;  // the consultation's label
  std::string with;   // "Permanency Planning Co-ordinator"
  std::vector<ConsultationChild> children;
  std::string request_type;
  std::string note;  // what advice the coordinator asks for
  std::string referred_by;
  std::string referred_on;
  bool may_read_papers = false;  // the panel has papers and the actor may open them
  bool answered = false;
  std::string advice;
  std::string advised_by;
  std::string advised_on;
};
// One referral made to the actor; audited as `consultation.view`.
core::Result<ConsultationView> consultation_view(Services& s, const Actor& a, std::int64_t id);

// Answers the referral with the advice (required, at most 2,000 characters):
// recorded once, audited, and the coordinator and the request's author told.
core::Status give_advice(Services& s, const Actor& a, std::int64_t id, const std::string& advice);

// A request's referrals as its page and the triage card show them.
struct ReferralSummary {
  std::string referred;  // "Referred to the Permanency Planning Co-ordinator on 24 November 2026"
  std::string note;
  bool answered = false;
  std::string advice_given;  // "Advice given on 26 November 2026 by Ann Example"
  std::string advice;
  // The referral's id when it waits for the reader's own advice, so that the
  // request page links the consultee to their answer; 0 otherwise.
  std::int64_t yours_to_answer = 0;
};
// Oldest first.
std::vector<ReferralSummary> referral_summaries(store::Tx& tx, const Services& s, const Actor& a,
                                                std::int64_t request_id,
                                                const std::string& panel_id);

}  // namespace casepanel::app
