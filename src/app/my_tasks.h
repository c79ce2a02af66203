// The practitioner's and the manager's tasks on the home page: their drafts,
// the drafts returned to them with what to change, their requests on the way
// to panel and those decided, and the requests waiting at an approval step
// they may act on; the chair's minutes to authorise.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "app/minutes.h"
#include "app/services.h"
#include "core/result.h"

namespace casepanel::app {

struct TaskItem {
  std::int64_t request_id = 0;
  std::string children;
  std::string panel;
  std::string request_type;
  std::string detail;  // what to change (returned), the step waiting (approvals),
                       // or where the request has got to (my requests)
  std::string state;   // the request's state, "Scheduled" (my requests)
};
struct Tasks {
  std::vector<TaskItem> drafts;
  std::vector<TaskItem> returned;
  std::vector<TaskItem> awaiting_my_approval;
  // The author's requests sent and not yet heard, the soonest to panel first:
  // waiting for approval, sent to panel, scheduled (with the date, time and
  // venue).
  std::vector<TaskItem> on_the_way;
  // The author's requests heard in the last eight weeks, the latest first.
  std::vector<TaskItem> decided;
  std::vector<MinutesTask> minutes_to_authorise;  // the chair's (app/minutes.h)
};
core::Result<Tasks> my_tasks(Services& s, const Actor& a);

}  // namespace casepanel::app
