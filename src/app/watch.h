// Keeping watch (Support Panel 2.1 and 2.2): the children who meet a panel's
// entry criterion by the passing of time alone — a child protection plan of
// more than 18 months, a case open to the FAST team for more than 9 months —
// listed for the managers whose teams hold them, with the discussion each
// has had about going to panel. The criteria come from configuration
// (`after_months`, `months_from`, `team` on an entry criterion), so a third
// council's panel gets its own watch list by writing them.
//
// Managers record the discussion and the arguments for the decision on the
// child's record, or start a request from the list.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "app/services.h"
#include "core/panel_type.h"
#include "core/result.h"

namespace casepanel::app {

struct WatchedChild {
  std::int64_t id = 0;
  std::string name;
  std::string team;
  std::string since;                 // long date the months count from
  int months = 0;                    // whole months since then
  std::string last_discussed;        // long date, empty when never
  std::string last_outcome;          // "Take to panel" | "Not to panel now"
  std::int64_t open_request_id = 0;  // a request to this panel under way
};

struct WatchList {
  std::string panel_id;
  std::string panel_name;
  std::string criterion_id;
  std::string label;  // the criterion
  std::string hint;
  std::string considered_by;  // the panel's title for `considered_by`, or empty
  bool may_record = false;    // the reader may record these discussions
  std::vector<WatchedChild> not_discussed;
  std::vector<WatchedChild> discussed;
};

// For managers (who may approve requests): their teams' children only.
// Where the criterion names who considers such cases (`considered_by`), only
// a holder of that role records the discussion.
core::Result<std::vector<WatchList>> watch_lists(Services& s, const Actor& a);

// Whether the actor may record a discussion of the criterion: a manager, and
// the holder of its `considered_by` role where it names one; forbidden, with
// who does, otherwise.
core::Status may_record_discussion(const Actor& a, const core::PanelType& panel,
                                   const core::EntryCriterion& c);

struct DiscussionInput {
  std::string panel_id;
  std::string criterion_id;
  std::string discussed_on;  // ISO date as entered
  std::string outcome;       // "refer" | "not_now"
  std::string arguments;
};
core::Status record_discussion(Services& s, const Actor& a, std::int64_t child_id,
                               const DiscussionInput& in);

struct ChildDiscussion {
  std::string criterion;
  std::string discussed_on;
  std::string outcome;
  std::string arguments;
  std::string recorded_by;
};
// Inside a transaction that has checked the child is visible.
std::vector<ChildDiscussion> child_discussions(store::Tx& tx, const Services& s,
                                               std::int64_t child_id);

// The criteria a watch list is kept for, with their panels.
struct WatchedCriterion {
  const core::PanelType* panel;
  const core::EntryCriterion* criterion;
};
std::vector<WatchedCriterion> watched_criteria(const Services& s);

// Whether a team's cases are watched for the criterion: any team when it
// names none, else the team whose kind is that name ("fast") or whose name
// contains it ("North FAST Team"), ignoring case.
bool team_is_watched(const core::EntryCriterion& c, const std::string& team_kind,
                     const std::string& team_name);

}  // namespace casepanel::app
