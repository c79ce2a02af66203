// Requests for tests: a complete CLAM draft, its written referral (a small
// PDF) and the approvals each panel needs, so that tests about later stages
// start from a request made the way a practitioner makes one.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "app/requests.h"
#include "core/request.h"
#include "support/world.h"

namespace casepanel::testing {

// The smallest file the upload check takes as a PDF.
std::string tiny_pdf();

// A complete CLAM draft of the first request type (no statutory date).
core::RequestDraft clam_draft(TestWorld& w);
// A complete Support Panel draft with one ordinary criterion.
core::RequestDraft support_draft();

// Creates the draft as `author`, provides its papers (uploads the CLAM
// referral; says why each Support document is not provided) and sends it.
std::int64_t sent_request(TestWorld& w, std::int64_t author,
                          const std::vector<std::int64_t>& children,
                          const core::RequestDraft& draft);
// The same for sw_a's CLAM request of the first type.
std::int64_t sent_clam_request(TestWorld& w, const std::vector<std::int64_t>& children);

// What pm_a enters to approve a CLAM request (the 3-way discussion with gm).
app::ApprovalInput clam_quality_assurance(TestWorld& w, std::string comments = "");
// pm_a's quality assurance then gm's permission: the request is submitted.
void approve_clam(TestWorld& w, std::int64_t request);

std::string state_of(TestWorld& w, std::int64_t request);

}  // namespace casepanel::testing
