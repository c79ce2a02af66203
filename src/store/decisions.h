// Decisions: the repository for the decision records made at a hearing (one
// per child: the decision from the panel's catalogue, what was decided, the
// reasons, a review date) and the actions a decision creates (what, whose,
// due when). All the SQL behind recording decisions lives here; the rules
// are core/decisions.h.
//
// Every function takes the caller's open transaction; none commits.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/calendar.h"
#include "core/clock.h"
#include "store/database.h"
#include "store/sittings.h"

namespace casepanel::store {

enum class Recommendation { no, yes };  // a decision someone else makes final

struct NewDecision {
  std::int64_t hearing_id = 0;
  std::int64_t child_id = 0;
  std::string decision_type;
  std::string summary;
  std::string reasons;
  std::optional<core::Date> review_date;
  Recommendation recommendation = Recommendation::no;
  std::int64_t recorded_by = 0;
  core::Instant recorded_at;
};
std::int64_t add_decision(Tx& tx, const NewDecision& d);

struct NewAction {
  std::int64_t decision_id = 0;
  std::int64_t child_id = 0;
  std::string description;
  std::int64_t owner_id = 0;
  core::Date due;
  core::Instant created_at;
};
// An open action.
std::int64_t add_action(Tx& tx, const NewAction& a);

bool has_decision(Tx& tx, std::int64_t hearing_id, std::int64_t child_id);

// The children of the hearing's request without a decision at it yet, eldest
// first (id and "First Last").
std::vector<PersonContact> undecided_children(Tx& tx, std::int64_t hearing_id,
                                              std::int64_t request_id);
// How many there are, without their names.
int undecided_count(Tx& tx, std::int64_t hearing_id, std::int64_t request_id);

// Who may own an action: the active people of the team, and its manager.
std::vector<PersonContact> action_owners(Tx& tx, std::int64_t team_id);

}  // namespace casepanel::store
