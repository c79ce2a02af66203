// Decision records as HTML, the same wherever they are shown (the child's
// record, the request, the hearing, the minutes): templates/decision_records
// renders a list of app::RecordView, with links to act on them when the
// page gives them.
#pragma once

#include <string>
#include <vector>

#include "app/decision_view.h"
#include "web/site.h"

namespace casepanel::web {

struct RecordLinks {
  bool child = false;        // a heading per child ("Olivia Parrish, born ...")
  bool sitting = false;      // the panel and date in the heading
  bool correct = false;      // "Correct this record" (the note taker, on the day)
  bool final = false;        // "Make the final decision" on an awaiting recommendation
  bool disagree = false;     // "Record a disagreement" on a recommendation
  bool resolve = false;      // "Record the agreed outcome" on an open disagreement
  bool change_plan = false;  // "Propose a change of plan", where the panel takes one
};

Data record_data(const app::RecordView& v, const RecordLinks& links);
std::string render_records(const Site& site, const std::vector<app::RecordView>& records,
                           const RecordLinks& links);

}  // namespace casepanel::web
