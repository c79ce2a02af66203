// What the coordinator does with a submitted request other than schedule it:
// ask its author for more information (back to them as a draft), decline it,
// or refer it for consultation (CLAM Panel: the Permanency Planning
// Co-ordinator, for children with more complex needs or large sibling
// groups). Each is one transaction with its audit event, and tells the people
// concerned. The request's new state comes from core::next_state.
#pragma once

#include <cstdint>
#include <string>

#include "app/services.h"
#include "core/result.h"

namespace casepanel::app {

// Sends the request back to its author, with the message, as a draft. Once
// changed and sent again it returns to the queue without going through the
// approvals again (they were given).
core::Status ask_for_information(Services& s, const Actor& a, std::int64_t request_id,
                                 const std::string& message);

// Declines the request, with the reason (told to the author and their manager).
core::Status decline_request(Services& s, const Actor& a, std::int64_t request_id,
                             const std::string& reason);

// Refers the request for consultation (one of the panel's [[consultations]]),
// telling the people consulted (app/consultees.h: the seat's holder and
// deputies) with a link to answer it, and the author. Refused while nobody
// sits in the seat. It stays in the queue.
core::Status refer_for_consultation(Services& s, const Actor& a, std::int64_t request_id,
                                    const std::string& consultation_id, const std::string& note);

}  // namespace casepanel::app
