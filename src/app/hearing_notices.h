// Telling people about their place at panel: the presenters of a hearing
// (the request's author, who is the allocated worker, and their team's
// manager) when it is scheduled, moved or cancelled, and a sitting's members
// when its agenda is published, moved or cancelled.
//
// Each notice is an outbox row written inside the caller's transaction, so it
// is sent only if the change commits; the outbox worker (jobs/) delivers it.
// A hearing's or sitting's notices carry its invitation sequence: every
// change raises it, so calendars replace the earlier invitation.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "app/services.h"

namespace casepanel::app {

// `updated`: the same time and place, with changed details (a republished
// agenda, a new room).
enum class Notice { scheduled, moved, updated, cancelled };

// The people who present a hearing: the request's author and their team's
// manager, without duplicates.
std::vector<std::int64_t> hearing_presenters(store::Tx& tx, std::int64_t hearing_id);

// Queues the notice of a hearing to its presenters; a cancellation goes to
// those who were sent its invitation (store::invited_to). Call before
// deleting a cancelled hearing (it reads the hearing); raises its invitation
// sequence for a move or cancellation.
void notify_presenters(store::Tx& tx, const Services& s, std::int64_t hearing_id, Notice notice,
                       const std::string& why = "");

// Queues the notice of a sitting to its members (sitting_members, else the
// people holding the panel's member roles): the published agenda, then every
// change to it. A move before the agenda is published tells nobody; a
// cancellation goes to exactly those who were sent the sitting's invitation,
// and so to nobody when its agenda was never published.
void notify_members(store::Tx& tx, const Services& s, std::int64_t sitting_id, Notice notice,
                    const std::string& why = "");

}  // namespace casepanel::app
