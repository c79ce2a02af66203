#include "app/scheduling.h"

#include <algorithm>

#include "app/audit_trail.h"
#include "app/child_names.h"
#include "app/display.h"
#include "app/notifications.h"
#include "app/scope.h"
#include "app/triage_common.h"
#include "core/statutory.h"
#include "core/time_entry.h"
#include "store/sittings.h"

namespace casepanel::app {
namespace {

using store::Tx;

// A planned sitting of the request's panel that has not started, and not
// before the sitting the request's cut-off sends it to.
core::Result<store::SittingRecord> sitting_for(Tx& tx, const Services& s, const Submitted& req,
                                               std::int64_t sitting_id) {
  auto m = store::find_sitting(tx, sitting_id);
  if (!m || m->panel_id != req.panel->id || m->status != core::SittingStatus::planned ||
      m->starts_at <= s.clock.now()) {
    return core::Error::invalid("sitting_id", "Select a planned sitting of this panel");
  }
  // A request that missed a sitting's cut-off goes to a later one, unless
  // it was accepted late (which moves its target sitting back).
  const auto& target = req.request.target_sitting;
  if (target && std::chrono::sys_days{m->date} < std::chrono::sys_days{*target}) {
    return core::Error::invalid("sitting_id",
                                "This request arrived after the cut-off for that "
                                "sitting: accept it late first, or choose the "
                                "sitting on " +
                                    core::long_date(*target) + " or later");
  }
  return *m;
}

// Where in the sitting the hearing starts: at the time asked for, if those
// minutes are free, else the first gap long enough.
core::Result<core::Instant> start_in(Tx& tx, const store::SittingRecord& m,
                                     const std::optional<core::LocalTime>& wanted,
                                     const std::string& start, int minutes) {
  const auto taken = booked(tx, m.id);
  if (wanted) {
    const core::Instant chosen = core::london_to_utc(core::london_date(m.starts_at), *wanted);
    if (!core::fits_at(taken, chosen, m.starts_at, m.ends_at, minutes)) {
      return core::Error::invalid("start", "The " + std::to_string(minutes) + " minutes from " +
                                               start + " are not free in that sitting");
    }
    return chosen;
  }
  auto at = core::first_gap(taken, m.starts_at, m.ends_at, minutes);
  if (!at) {
    return core::Error::invalid(
        "sitting_id", "That sitting has no room for " + std::to_string(minutes) + " more minutes");
  }
  return *at;
}

}  // namespace

core::Status schedule_request(Services& s, const Actor& a, std::int64_t request_id,
                              std::int64_t sitting_id, const std::string& start,
                              const std::string& late_reason) {
  if (!a.may(core::Permission::triage)) {
    return core::Error::forbidden("Only coordinators schedule requests");
  }
  std::optional<core::LocalTime> wanted;
  if (!start.empty()) {
    wanted = core::parse_time_entered(start);
    if (!wanted) {
      return core::Error::invalid("start", "Enter the start time, like 1:45pm or 13:45");
    }
  }
  return s.db.write<core::Done>([&](Tx& tx) -> core::Status {
    const Submitted req = TRY(load_submitted(tx, s, a, request_id));
    const store::SittingRecord m = TRY(sitting_for(tx, s, req, sitting_id));
    // CLAM: a statutory request heard after its date needs the
    // coordinator's reason (core/statutory.h).
    TRY(core::check_statutory_date(req.request.statutory_due, m.date, late_reason));
    const int children = app::request_child_count(tx, request_id);
    const int minutes = req.panel->hearing_minutes(std::max(1, children));
    const core::Instant at = TRY(start_in(tx, m, wanted, start, minutes));
    const bool late = core::heard_after_deadline(req.request.statutory_due, m.date);
    return put_on_agenda(tx, s, a, {request_id, sitting_id, at, minutes, ""}, {},
                         late ? late_reason : std::string());
  });
}

}  // namespace casepanel::app
