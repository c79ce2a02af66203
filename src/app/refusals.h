// Refusals in the audit log: every 403 and 404 casepanel answers to a
// signed-in person or an API client (an out-of-scope record is "not found"
// too) is one event, `access.refused`, outcome refused, with the method, the
// path and the status (ASVS 5.0 V16: log authorisation failures).
//
// The event is written in its own transaction: the refused request changed
// nothing, so there is no other transaction to share.
#pragma once

#include <string>

#include "app/services.h"

namespace casepanel::app {

struct Refusal {
  std::string method;
  std::string path;  // without the query string
  int status = 404;
  std::string client_address;
};

// `actor` is null for someone not signed in (recorded with no actor). The
// record names the entity the path is about ("/requests/9": request 9).
void record_refusal(Services& s, const Actor* actor, const Refusal& refusal);

}  // namespace casepanel::app
