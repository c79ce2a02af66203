// Approving a request: the managers' approval steps from the panel type's
// configuration (nobody approves their own request; an approver holds the
// step's role and manages the request's team), returning it to its author for
// changes, and the coordinator's acceptance of a request that missed a
// sitting's cut-off (Support Panel).
#pragma once

#include <cstdint>
#include <string>

#include "app/services.h"
#include "core/result.h"

namespace casepanel::app {

struct ApprovalInput {
  std::string comments;
  // CLAM: the 3-way discussion (date, Practice Manager, Group Manager), at a
  // step that records it.
  std::string discussion_date;  // ISO date as entered
  std::int64_t discussion_practice_manager = 0;
  std::int64_t discussion_group_manager = 0;
};
core::Status approve_request(Services& s, const Actor& a, std::int64_t request_id,
                             const ApprovalInput& input);
core::Status return_request(Services& s, const Actor& a, std::int64_t request_id,
                            const std::string& comments);
// Support Panel: the coordinator accepts a request that missed a sitting's
// cut-off for that sitting, with a reason that is recorded.
core::Status accept_late(Services& s, const Actor& a, std::int64_t request_id,
                         const std::string& reason);

}  // namespace casepanel::app
