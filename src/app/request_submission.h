// A request moving on from its author: telling the approvers of the step it
// waits at, reaching the coordinator (with, on a panel with a cut-off, the
// sitting it goes to and any it missed), and the note that tells the author
// where it would go if it reached the coordinator now. Helpers of the request
// use cases, inside their transaction; not use cases themselves.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/services.h"
#include "core/cutoff.h"
#include "core/sittings.h"
#include "store/requests.h"

namespace casepanel::app {

// Everyone who holds the step's role and manages the request's team (but not
// its author) is told by email.
void notify_approvers(store::Tx& tx, const Services& s, const core::PanelType& panel,
                      const store::RequestRecord& r, int step);

// Where a request reaching the coordinator now goes.
std::optional<core::TargetSitting> target_now(store::Tx& tx, const Services& s,
                                              const core::PanelType& panel, bool must_go_next);

// The request has reached the coordinator: record when, and for a panel with
// a cut-off, the sitting it goes to and any it missed. Those who may triage
// the panel are told it is ready for triage; the holders of its
// `submitted_to` roles who cannot triage are told it was submitted, with a
// link to its papers if they may open them. Nobody is told twice.
void submit(store::Tx& tx, const Services& s, const core::PanelType& panel,
            const store::RequestRecord& r);

// "If it reaches the Administrator now, it will go to the sitting on ...";
// "" when there is no sitting ahead or the panel has no cut-off.
std::string cutoff_note(const core::PanelType& panel, const Services& s,
                        const std::optional<core::TargetSitting>& t, bool must_go_next);

}  // namespace casepanel::app
