// Scope: who may see and change what, worked out for one actor and one
// record inside the use case's transaction. core/access.h holds the policy
// (which role may do what, given how the actor stands to the record); this
// file works out how the actor stands: their line management's teams, the
// panels they serve, the sittings they are expected at. Out of scope is the
// caller's `not_found`, so that record ids cannot be probed.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "app/services.h"
#include "core/access.h"
#include "store/relationships.h"

namespace casepanel::app {

// The teams in the actor's line management: their own team and the teams of
// everyone in their line-management chain below them.
std::vector<std::int64_t> teams_in_scope(store::Tx& tx, const Actor& actor);
bool team_in_scope(store::Tx& tx, const Actor& actor, std::int64_t team_id);

// Access (core/access.h): how the actor stands to a record, worked out only
// for the relationships the actor's roles have rows for, and the policy's
// answer.
core::Relationships child_relationships(store::Tx& tx, const Services& s, const Actor& actor,
                                        std::int64_t child_id);
bool may_child(store::Tx& tx, const Services& s, const Actor& actor, std::int64_t child_id,
               core::Use use);
// A request, or its papers: a request not yet submitted is asked as a draft
// (its papers too), a submitted one as `request` (its papers as `papers`).
enum class RequestPart { request, papers };
core::Resource request_resource(const store::RequestFacts& r, RequestPart part);
core::Relationships request_relationships(store::Tx& tx, const Services& s, const Actor& actor,
                                          const store::RequestFacts& r, core::Resource resource);
bool may_request(store::Tx& tx, const Services& s, const Actor& actor, const store::RequestFacts& r,
                 RequestPart part, core::Use use);
// Whether the person may open every request on a sitting's agenda without
// asking of each: oversight (any), or serving the sitting's panel (every
// request on an agenda has been submitted). Others are asked request by request.
bool may_open_whole_agenda(store::Tx& tx, const Actor& actor, const std::string& panel_id);
// A sitting: those expected at it or chairing it, and those serving its panel.
bool may_sitting(store::Tx& tx, const Services& s, const Actor& actor, std::int64_t sitting_id,
                 const std::string& panel_id, core::Resource resource, core::Use use);
// Whether the actor is expected at the sitting: its chair or a hearing's, on
// its list of members, or (while it has no list) holding a seat of its panel
// (the list app/members.h shows).
bool expected_at(store::Tx& tx, const Services& s, const Actor& actor, std::int64_t sitting_id,
                 const std::string& panel_id);
// Whether a sitting hearing a request is on the actor's agenda now: expected
// at it, and its access window open (core/access.h).
bool on_agenda(store::Tx& tx, const Services& s, const Actor& actor,
               const store::AgendaSitting& sitting);
// The earliest date whose sittings may still have an open window (ISO).
std::string window_since(store::Tx& tx, const Services& s);

}  // namespace casepanel::app
