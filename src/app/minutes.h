// The minutes of a sitting (Support Panel 6: "the Panel Administrator will
// ... produce minutes ... The minutes will be authorised by the panel chair
// ... inform relevant social workers ... once the minutes have been
// authorised"). The lifecycle is core/minutes.h; what they say is
// app/minutes_content.h.
//
// Who does what (core/access.h, Resource::minutes):
//   - the panel administrator (or coordinator) serving the sitting's panel
//     drafts them on or after the sitting's day: an overview of the
//     discussion per hearing, beside what was recorded; sends them to the
//     chair; adds addenda once they are authorised;
//   - the sitting's chair (sittings.chair_id) authorises them or returns
//     them with comments;
//   - those expected at the sitting read them once authorised.
// Everyone else, and minutes of a sitting outside the reader's scope: not
// found. Every change is audited, and so is every reading (personal data).
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "app/minutes_content.h"
#include "app/services.h"
#include "core/minutes.h"
#include "core/result.h"

namespace casepanel::app {

struct AddendumView {
  std::string text;
  std::string why;
  std::string added;  // "Added by X at 10:05 on 3 December 2026"
};

struct MinutesView {
  MinutesContent content;
  core::MinutesStatus status = core::MinutesStatus::draft;
  bool started = false;        // saved at least once
  std::string chair_comments;  // the chair's, when returned
  std::string last_saved;      // "Last saved by X at 10:05 on 3 December 2026"
  std::string sent;            // "Sent to the chair at ..."
  std::string authorised;      // "Authorised by X at ..."
  std::vector<AddendumView> addenda;
  bool can_edit = false;  // the administrator, while a draft
  bool can_send = false;
  bool can_decide = false;  // the sitting's chair, while with them
  bool can_add_addendum = false;
};

// Which page reads the minutes: the audit log tells them apart.
enum class MinutesPage { minutes, print };
core::Result<MinutesView> minutes_view(Services& s, const Actor& a, std::int64_t sitting_id,
                                       MinutesPage page = MinutesPage::minutes);
// One child's extract of the minutes, for the child's file.
core::Result<MinutesView> minutes_extract(Services& s, const Actor& a, std::int64_t sitting_id,
                                          std::int64_t child_id);

// The administrator saves the overviews (hearing id -> text); the minutes
// stay a draft.
core::Status save_minutes(Services& s, const Actor& a, std::int64_t sitting_id,
                          const std::map<std::int64_t, std::string>& overviews);
// The administrator sends the draft to the chair, who is told by email.
core::Status send_minutes(Services& s, const Actor& a, std::int64_t sitting_id);
// The chair returns them with comments: a draft again; the administrator is told.
core::Status return_minutes(Services& s, const Actor& a, std::int64_t sitting_id,
                            const std::string& comments);
// The chair authorises them: frozen, and the social workers concerned are
// told that the outcome is on the child's record.
core::Status authorise_minutes(Services& s, const Actor& a, std::int64_t sitting_id);
// A correction of authorised minutes (who, when, why).
core::Status add_minutes_addendum(Services& s, const Actor& a, std::int64_t sitting_id,
                                  const std::string& text, const std::string& why);

// The minutes a chair has to authorise, for their home page.
struct MinutesTask {
  std::int64_t sitting_id = 0;
  std::string panel;
  std::string date;
};
std::vector<MinutesTask> minutes_to_authorise(store::Tx& tx, const Services& s, const Actor& a);

// The minutes' status for the sitting page: empty when the reader may not
// see them, or "Not started" before the first save.
std::string minutes_status_line(Services& s, const Actor& a, std::int64_t sitting_id);

}  // namespace casepanel::app
