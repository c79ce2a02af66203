// Migration 16, the annual review at national scale: see the comment on it
// in schema_history.cc. Released migrations never change.
#include "store/schema_parts.h"

namespace casepanel::store {

// One index for each column a measure of the review is dated by (the period
// is a range of the stored text: store/reports.cc), so that a year is read
// rather than every row ever written. The day an action was done is an
// expression (the day recorded, or else the day it was closed): the index is
// on the expression as the measure writes it, which both engines match, after
// the status (the measure counts those done), or SQLite takes the index on
// the status alone.
// `actions_follow_ups` holds only the few actions that are not ordinary ones
// (tracked timescales): an index on `kind` for every action was measured to
// mislead SQLite, which took it for `kind = 'action'` (nearly every row) over
// the index on the day.
const char kReviewIndexesSql[] = R"SQL(
CREATE INDEX requests_submitted ON requests(submitted_at);
CREATE INDEX requests_statutory_due ON requests(statutory_due);
CREATE INDEX decisions_recorded ON decisions(recorded_at);
CREATE INDEX decisions_hearing ON decisions(hearing_id, recorded_at);
CREATE INDEX sittings_day ON sittings(sitting_date);
CREATE INDEX sittings_minutes_authorised ON sittings(minutes_authorised_at);
CREATE INDEX actions_due ON actions(due_date);
CREATE INDEX actions_done_day ON actions(status, (COALESCE(done_on, substr(completed_at, 1, 10))));
CREATE INDEX actions_follow_ups ON actions(kind) WHERE kind <> 'action';
CREATE INDEX escalations_step_day ON escalations(step_day);
CREATE INDEX panel_returns_due_day ON panel_returns(due_date)
)SQL";

}  // namespace casepanel::store
