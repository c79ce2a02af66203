// Reading the audit log for the audit page: events newest first, filtered by
// child, person, action and time, a page at a time, with the names the
// page's sentences need. Only reads; appending is store/audit.h.
//
// Filtering by child finds the events whose entity is the child and the
// events on any request for that child.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "store/database.h"

namespace casepanel::store {

struct AuditFilter {
  std::vector<std::int64_t> child_ids;  // empty: any child
  std::optional<std::int64_t> actor_id;
  std::string action;  // "" for any
  std::string from;    // ISO 8601 UTC, inclusive; "" for no bound
  std::string until;   // ISO 8601 UTC, exclusive; "" for no bound
};

struct AuditRecord {
  std::int64_t id = 0;
  std::string at;  // ISO 8601 UTC
  std::optional<std::int64_t> actor_id;
  std::string actor_name;  // "" when there was no actor or the person is gone
  std::string actor_role;
  std::string action;
  std::string entity;
  std::string entity_id;
  std::string detail;  // JSON text
  std::string client_address;
  std::string outcome;
};

struct AuditRecords {
  std::vector<AuditRecord> rows;
  std::int64_t total = 0;  // matching the filter, over all pages
};
AuditRecords find_audit_events(Tx& tx, const AuditFilter& filter, std::int64_t offset,
                               std::int64_t limit);

// Children whose id or external id is `text`, or whose name contains it
// (case-insensitive); at most `limit`.
struct ChildName {
  std::int64_t id = 0;
  std::string name;  // "Ada Testchild"
};
std::vector<ChildName> find_children_named(Tx& tx, const std::string& text, int limit);
// The names of these children, by id.
std::map<std::int64_t, std::string> child_names(Tx& tx, const std::vector<std::int64_t>& ids);
// Everyone who has an account, by name: the page's "person" choices.
std::vector<std::pair<std::int64_t, std::string>> audit_people(Tx& tx);

}  // namespace casepanel::store
