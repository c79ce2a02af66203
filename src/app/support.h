// Helpers shared by the use cases (not a use case themselves): the time now,
// audit events, line-management scope and outbox messages. Each takes the
// use case's open transaction.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/services.h"
#include "store/audit.h"
#include "store/relationships.h"

namespace casepanel::app {

std::string now_utc(const Services& s);

// Whether typed text is empty or only spaces and line breaks.
bool blank(const std::string& text);

// Appends the event for what the actor did (who, their role, their client
// address, when) to the audit log in the use case's transaction.
void audit(store::Tx& tx, const Services& s, const Actor& actor, std::string action,
           std::string entity, std::int64_t entity_id, const nlohmann::json& detail = {},
           store::AuditOutcome outcome = store::AuditOutcome::done);

// The teams in the actor's line management: their own team and the teams of
// everyone in their line-management chain below them.
std::vector<std::int64_t> teams_in_scope(store::Tx& tx, const Actor& actor);
bool team_in_scope(store::Tx& tx, const Actor& actor, std::int64_t team_id);

// Access (core/access.h): how the actor stands to a record, worked out only
// for the relationships the actor's roles have rows for, and the policy's
// answer. Out of scope is the caller's `not_found`.
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
// The earliest date whose sittings may still have an open window.
std::string window_since(store::Tx& tx, const Services& s);

// The names of a request's children, eldest first, joined with ", "; their
// number in `count` when given.
std::string request_children_names(store::Tx& tx, std::int64_t request_id, int* count = nullptr);
// How many children a request is for, without reading their names.
int request_child_count(store::Tx& tx, std::int64_t request_id);
// The children's names of every request heard at a sitting, by request id,
// as request_children_names gives them one request at a time, in one query.
// A request with no children has no entry.
struct ChildrenNames {
  std::string names;
  int count = 0;
};
std::unordered_map<std::int64_t, ChildrenNames> sitting_children_names(store::Tx& tx,
                                                                       std::int64_t sitting_id);
// A request type's label from its panel; the panel's name + " request" where
// the panel asks for criteria rather than a type.
std::string request_type_label(const core::PanelType* panel, const std::string& type);

// Queues an email for the outbox worker; delivered after the transaction commits.
void queue_email(store::Tx& tx, const Services& s, std::int64_t user_id, std::string subject,
                 std::string body);

// "12 March 2026" from "2026-03-12"; the input unchanged when not a date.
std::string long_date(const std::string& iso_date);
// "Tue 12 Mar 2026 13:30" style pieces from an ISO UTC instant, in Europe/London.
std::string london_hh_mm(const std::string& iso_utc);
std::string london_long_date(const std::string& iso_utc);
core::Instant parse_utc(const std::string& iso_utc);

}  // namespace casepanel::app

namespace casepanel::app {
// "$first, $first+1, ..." for an IN list of `count` bound values.
std::string placeholders(int first, std::size_t count);
}  // namespace casepanel::app
