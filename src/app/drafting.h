// Drafting a request to panel: the practitioner starts it for a child or a
// sibling group, completes the task list section by section, and sends it on
// (to the first approval step, or straight to the coordinator where the panel
// has none or the coordinator asked for more information). Only the author
// changes or sends their draft; every problem is named, next to its field.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "app/named_id.h"
#include "app/services.h"
#include "core/request.h"
#include "core/result.h"

namespace casepanel::app {

// Starts an empty draft for one child or a sibling group (the form's first
// page); the author then completes the task list section by section.
core::Result<std::int64_t> start_request(Services& s, const Actor& a, const std::string& panel_id,
                                         const std::vector<std::int64_t>& child_ids);
// Starts an empty draft inside the caller's transaction (a review request
// started from a return to panel, app/returns.h): the children must be in
// the actor's reach and share a team. Not audited here: the caller's event
// says why it was made.
core::Result<std::int64_t> insert_draft(store::Tx& tx, const Services& s, const Actor& a,
                                        const std::string& panel_id,
                                        const std::vector<std::int64_t>& child_ids);
// A whole draft at once (demo data, tests, machine clients): validated whole,
// every section completed.
core::Result<std::int64_t> create_request(Services& s, const Actor& a,
                                          const std::vector<std::int64_t>& child_ids,
                                          const core::RequestDraft& draft);

// A draft as stored, for the section forms.
struct DraftView {
  std::int64_t id = 0;
  const core::PanelType* panel = nullptr;
  core::RequestDraft draft;
  std::vector<NamedId> children;
  std::vector<NamedId> authorisers;        // who may authorise (the criteria's role)
  std::string first_child_came_into_care;  // ISO, from the child's record
  // For each criterion that counts months, each child whose record does not
  // bear it out today (shown under the criterion, to be confirmed).
  std::vector<core::ClaimAgainstRecord> claims_against_record;
};
core::Result<DraftView> draft_for_edit(Services& s, const Actor& a, std::int64_t request_id);
// Saves one section of the author's draft (only that section's fields of
// `input` are read). Invalid input changes nothing and names each field.
core::Status save_section(Services& s, const Actor& a, std::int64_t request_id,
                          core::Section section, const core::RequestDraft& input);

// Sends the completed draft on: to the first approval step, or straight to
// the coordinator when the panel has none. Every problem is named.
core::Status send_for_approval(Services& s, const Actor& a, std::int64_t request_id);

}  // namespace casepanel::app
