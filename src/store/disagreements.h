// Disagreements with a recommendation (Support Panel 7): who disagreed, on
// which point (a decision item), why; the role the panel names
// (chair.disagreement_to) records the agreed outcome with its reasons.
// Every function takes the caller's open transaction; none commits.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/role.h"
#include "store/database.h"

namespace casepanel::store {

struct NewDisagreement {
  std::int64_t item_id = 0;
  std::int64_t member_id = 0;
  std::string why;
  std::int64_t recorded_by = 0;
  core::Instant recorded_at;
  core::Role resolve_role = core::Role::assistant_director;
};
std::int64_t add_disagreement(Tx& tx, const NewDisagreement& d);

struct Resolution {
  std::string agreed_outcome;
  std::string reasons;
  std::int64_t by = 0;
  core::Instant at;
};
// Records the agreed outcome; false when it was already resolved.
bool resolve_disagreement(Tx& tx, std::int64_t disagreement_id, const Resolution& r);

// The item a disagreement is about, and whether it is still open.
struct DisagreementRef {
  std::int64_t item_id = 0;
  core::Role resolve_role = core::Role::assistant_director;
  bool open = true;
};
std::optional<DisagreementRef> find_disagreement(Tx& tx, std::int64_t disagreement_id);

// Open disagreements for `role` to resolve, oldest first: (disagreement id,
// item id) pairs; the records come from store/decision_records.h.
std::vector<std::pair<std::int64_t, std::int64_t>> open_disagreements(Tx& tx, core::Role role);

// Whether any disagreement refers to the item (it may then not be removed).
bool item_has_disagreement(Tx& tx, std::int64_t item_id);

}  // namespace casepanel::store
