#include "support/requests.h"

#include <stdexcept>

#include "app/papers.h"

namespace casepanel::testing {

std::string tiny_pdf() { return "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"; }

core::RequestDraft clam_draft(TestWorld& w) {
  core::RequestDraft d;
  d.panel_id = "clam";
  d.request_type = w.services().panels.find("clam")->request_types.front().id;
  d.reason = "Unplanned emergency placement on Thursday night.";
  d.proposed_plan = "Stay with the foster carers while assessments finish.";
  d.parallel_plan = "Return home with support.";
  d.venue_preference = "chn";
  return d;
}

core::RequestDraft support_draft() {
  core::RequestDraft d;
  d.panel_id = "support";
  d.criteria = {"complex_or_high_risk"};
  d.reason = "Neglect concerns continue despite support.";
  d.proposed_plan = "Legal planning meeting and a parenting assessment.";
  return d;
}

std::int64_t sent_request(TestWorld& w, std::int64_t author,
                          const std::vector<std::int64_t>& children,
                          const core::RequestDraft& draft) {
  auto& s = w.services();
  const app::Actor a = w.actor(author);
  auto id = app::create_request(s, a, children, draft);
  if (!id) {
    throw std::runtime_error("create_request: " + id.error().message);
  }
  for (const auto& doc : s.panels.find(draft.panel_id)->documents) {
    if (doc.required) {
      auto paper = app::add_paper(s, a, *id, doc.id, {"referral.pdf", tiny_pdf()});
      if (!paper) {
        throw std::runtime_error("add_paper: " + paper.error().message);
      }
    } else if (auto done = app::mark_not_provided(s, a, *id, doc.id, "Not written yet"); !done) {
      throw std::runtime_error("mark_not_provided: " + done.error().message);
    }
  }
  if (auto sent = app::send_for_approval(s, a, *id); !sent) {
    throw std::runtime_error("send_for_approval: " + sent.error().message);
  }
  return *id;
}

std::int64_t sent_clam_request(TestWorld& w, const std::vector<std::int64_t>& children) {
  return sent_request(w, w.sw_a, children, clam_draft(w));
}

app::ApprovalInput clam_quality_assurance(TestWorld& w, std::string comments) {
  app::ApprovalInput in;
  in.comments = std::move(comments);
  in.discussion_date = "2026-11-23";
  in.discussion_practice_manager = w.pm_a;
  in.discussion_group_manager = w.gm;
  return in;
}

void approve_clam(TestWorld& w, std::int64_t request) {
  if (auto done =
          app::approve_request(w.services(), w.actor(w.pm_a), request, clam_quality_assurance(w));
      !done) {
    throw std::runtime_error("quality assurance: " + done.error().message);
  }
  if (auto done = app::approve_request(w.services(), w.actor(w.gm), request, {}); !done) {
    throw std::runtime_error("permission: " + done.error().message);
  }
}

std::string state_of(TestWorld& w, std::int64_t request) {
  std::string s;
  w.db().read_all([&](store::Tx& tx) {
    s = tx.query_one("SELECT state FROM requests WHERE id = $1", {request})->text(0);
  });
  return s;
}

}  // namespace casepanel::testing
