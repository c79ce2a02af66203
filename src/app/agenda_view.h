// The agenda of one sitting, as its page and its printed copy show it: the
// sitting, its chair, its hearings in order (children, presenters, whether
// decided, the Support Panel 4.1 chair warning), its members and quorum, and
// what the reader may do there. Reading it is audited ("sitting.view" or
// "sitting.print").
//
// The page reads a fixed number of queries, however many hearings the
// sitting has and however deep their workers' line management.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "app/members.h"
#include "app/presenters.h"
#include "app/services.h"
#include "app/sittings.h"
#include "core/result.h"

namespace casepanel::app {

struct AgendaItem {
  std::int64_t hearing_id = 0;
  std::int64_t request_id = 0;
  std::string start;
  std::string end;
  std::string children;
  std::string request_type;
  std::string presenters;
  bool conference_call = false;
  bool decided = false;
  bool statutory = false;
  bool immediate = false;         // must go to the next sitting (Support Panel 2.2)
  bool can_open_request = false;  // the reader may open the request (the agenda links it)
  // "Heard after the statutory deadline of D: <reason>" (core/statutory.h).
  std::string statutory_breach;
  std::string chair;                    // named for this hearing, when not the sitting's chair
  std::string chair_warning;            // Support Panel 4.1: why the chair may not decide it
  PresenterLine presenter;              // who presents and how they attend (app/presenters.h)
  std::vector<std::string> invited;     // the as_relevant seats invited, by label
  std::vector<core::Choice> invitable;  // as_relevant seats not yet invited
};
struct SittingView {
  SittingSummary sitting;
  std::string chair;
  std::vector<AgendaItem> agenda;
  std::vector<SittingMember> members;
  Quorum quorum;
  std::vector<NamedId> chairs;  // who may chair, for naming another
  bool can_record = false;
  bool can_manage = false;  // the coordinator: move, cancel, publish, invite
  // The coordinator or the panel administrator: members' and presenters'
  // attendance.
  bool can_take_attendance = false;
};
// Which page the sitting is read for: the audit log tells them apart.
enum class SittingPage { agenda, print };
core::Result<SittingView> sitting_view(Services& s, const Actor& a, std::int64_t sitting_id,
                                       SittingPage page = SittingPage::agenda);
// For a page kept in memory (web/page_cache.h): sitting_view's access check
// alone, giving the content version (store/content_version.h) it read; and
// the view of a kept page, recorded as sitting_view records it.
core::Result<std::int64_t> sitting_view_version(Services& s, const Actor& a,
                                                std::int64_t sitting_id);
void sitting_viewed(Services& s, const Actor& a, std::int64_t sitting_id, SittingPage page);
// The same without waiting for the COMMIT (child_record_viewed_async).
std::shared_ptr<core::Completion> sitting_viewed_async(Services& s, const Actor& a,
                                                       std::int64_t sitting_id, SittingPage page);

}  // namespace casepanel::app
