// After panel: what follows a recorded decision, as the panel file says
// (docs/after-panel.md).
//
// Support Panel 6.1: "Where panel's decision to progress to Family Group
// Conference (FGC) is not progressed, the FGC Practice Supervisor will
// escalate to the Social Care Team Manager if the referral is not received
// within 5 working days and to the Service Manager if still not received
// within 7 working days." CLAM: "Any difficulties in achieving this plan
// must be escalated to their Group Managers."
//
// Two kinds of thing are followed up, both kept as actions:
//   - the panel's actions, each with an owner and a due date;
//   - a timescale a decision starts ([[timescales]] applies_to, counted from
//     the hearing): due on its last working day, met when whoever the panel
//     names records it (the FGC referral received, with the date).
//
// An open one climbs each ladder that applies to it ([[escalations]]):
//
//   open --day of step 1--> escalated (1) --day of step 2--> escalated (2) ...
//     |                         |                                |
//     +-----------+-------------+--------------------------------+
//                 v
//        done (with evidence) | not done (with the reason)
//
// A step acts once its working days after `from` have passed, on the next
// working day: "not received within 5 working days" acts on the sixth; a step
// of 0 working days after an action's due date acts on the first working day
// the action is overdue. Working days are Monday to Friday less bank holidays
// and the organisation's closures (core/calendar.h). The procedure gives the
// counts; when the step acts within the day is ours.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/calendar.h"
#include "core/panel_type.h"
#include "core/result.h"

namespace casepanel::core {

enum class ActionStatus { open, done, not_done };
std::string_view action_status_id(ActionStatus s);  // "open", "done", "not_done"
std::optional<ActionStatus> action_status_from_id(std::string_view id);
// As a page says it: "open", "done", "not done"; the id itself when unknown.
std::string action_status_words(std::string_view id);

// The kind of a panel action (the other kinds are timescale ids).
inline constexpr std::string_view kPanelAction = "action";

// An open action, as a ladder asks of it.
struct TrackedAction {
  std::string kind = std::string(kPanelAction);  // "action", or a timescale id
  std::string started_by;  // the decision or outcome id that started a timescale
  Date hearing;            // the date of the sitting that decided it
  Date due;
};

// Whether the ladder watches this action: "any_action" watches the panel's
// actions, a decision or outcome id the timescales that decision started.
bool ladder_applies(const EscalationLadder& ladder, const TrackedAction& a);

// The day a step acts (see above).
Date step_day(const Calendar& c, Date from, int after_working_days);

struct StepDue {
  const EscalationLadder* ladder = nullptr;
  int step = 0;  // index into ladder->steps
  Date day;
};
// Every step of every ladder that applies, that acts on or before `as_of`, in
// the order they act (by day, then ladder, then step).
std::vector<StepDue> steps_due(const PanelType& p, const Calendar& c, const TrackedAction& a,
                               Date as_of);

// A timescale a recorded decision or outcome starts, due on its last
// working day counted from the hearing.
struct StartedTimescale {
  const Timescale* timescale = nullptr;
  Date due;
};
std::vector<StartedTimescale> timescales_started(const PanelType& p, const Calendar& c,
                                                 std::string_view option_id, Date hearing);

// An open action is overdue from the day after its due date.
inline bool is_overdue(Date due, Date today) { return today > due; }

// Closing an action. Support Panel 6: "if actions have not been completed,
// the reasons also to be recorded"; 6.1: "All legal actions are to be
// evidenced ... with a case note informing what the action was and the
// outcome", so a legal action's evidence says where the legal document is
// held. A timescale recorded by a named role (the FGC referral received)
// asks for the date it was met instead of evidence.
struct CompletionEntry {
  bool done = true;  // false: closed as not done
  std::string evidence;
  bool legal = false;
  std::string legal_document_at;
  std::string met_on;  // ISO date, for a timescale
  std::string not_done_reason;
};
struct CheckedCompletion {
  ActionStatus status = ActionStatus::done;
  std::optional<Date> met_on;
};
Result<CheckedCompletion> check_completion(const CompletionEntry& in, bool asks_date, Date hearing,
                                           Date today);

// Who may close it: a timescale with recorded_by names a role; otherwise its
// owner (and the owner's managers, app/actions.h).
const Timescale* timescale_of(const PanelType& p, std::string_view kind);

}  // namespace casepanel::core
