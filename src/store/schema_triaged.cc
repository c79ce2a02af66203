// Migration 18, when a request was triaged: see the comment on it in
// schema_history.cc. Released migrations never change.
#include "store/schema_parts.h"

namespace casepanel::store {

// `requests.triaged_at`: when the coordinator's triage decision took the
// request out of the queue (given a slot at a sitting, asked for more
// information, or declined: app/triage_common.h), an ISO UTC instant like
// `submitted_at`; NULL while it waits, and again once it is sent anew.
//
// Rows written before this migration get it from what the database holds:
// the first triage outcome in the request's history (`approvals`, step
// "triage": more information asked for, or declined) or the first audit event
// `request.schedule` (the coordinator gave it a slot, by hand or from a
// proposed agenda), whichever is earlier, not before the request was last
// submitted. A request with neither (one loaded in bulk, without its audit
// trail) keeps NULL: it is left out of the two stages that need the day
// rather than given a day it did not have. The text comparisons hold on both
// engines because every instant is stored as "YYYY-MM-DDTHH:MM:SS...Z".
const char kTriagedSql[] = R"SQL(
ALTER TABLE requests ADD COLUMN triaged_at TEXT;
UPDATE requests SET triaged_at = (SELECT MIN(a.at) FROM approvals a WHERE a.request_id = requests.id AND a.step_id = 'triage' AND a.at >= requests.submitted_at) WHERE submitted_at IS NOT NULL;
UPDATE requests SET triaged_at = (SELECT MIN(e.at) FROM audit_events e WHERE e.entity = 'request' AND e.entity_id = CAST(requests.id AS TEXT) AND e.action = 'request.schedule' AND e.at >= requests.submitted_at) WHERE submitted_at IS NOT NULL AND EXISTS (SELECT 1 FROM audit_events e WHERE e.entity = 'request' AND e.entity_id = CAST(requests.id AS TEXT) AND e.action = 'request.schedule' AND e.at >= requests.submitted_at AND (requests.triaged_at IS NULL OR e.at < requests.triaged_at));
CREATE INDEX requests_triaged ON requests(triaged_at)
)SQL";

}  // namespace casepanel::store
