// The minutes of a sitting (Support Panel 6: "the Panel Administrator will
// ... produce minutes ... authorised by the panel chair"), as one
// transition function: given the state the minutes are in and what someone
// does, the state they move to, or a refusal a person can read.
//
//   (none) --save--> draft --save--> draft        (the panel administrator)
//   draft --send--> with_chair                    (sent to the sitting's chair)
//   with_chair --return_to_draft--> draft          (the chair's comments say why)
//   with_chair --authorise--> authorised           (the chair)
//   authorised --add_addendum--> authorised        (a correction: who, when, why)
//
// authorised is final: the minutes never change again, and a correction is
// an addendum beside them. Minutes that do not exist yet are a draft not yet
// saved (pass `draft`).
//
// Pure: values in, values out; safe from any thread.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/calendar.h"
#include "core/result.h"
#include "core/sitting_status.h"

namespace casepanel::core {

enum class MinutesStatus { draft, with_chair, authorised };
inline constexpr MinutesStatus kMinutesStatuses[] = {
    MinutesStatus::draft, MinutesStatus::with_chair, MinutesStatus::authorised};
std::string_view minutes_status_id(MinutesStatus s);  // stored: "with_chair"
std::optional<MinutesStatus> minutes_status_from_id(std::string_view id);
std::string_view minutes_status_label(MinutesStatus s);  // "With the chair"

enum class MinutesEvent { save, send, return_to_draft, authorise, add_addendum };
inline constexpr MinutesEvent kMinutesEvents[] = {
    MinutesEvent::save, MinutesEvent::send, MinutesEvent::return_to_draft, MinutesEvent::authorise,
    MinutesEvent::add_addendum};
std::string_view minutes_event_id(MinutesEvent e);  // "return_to_draft"

// The state after `event`, or a conflict (HTTP 409) a person can read.
Result<MinutesStatus> next_minutes_status(MinutesStatus from, MinutesEvent event);
bool minutes_allow(MinutesStatus from, MinutesEvent event);

// Minutes are written after the sitting: on or after its date (Europe/London),
// never for a cancelled sitting.
Status may_minute(SittingStatus status, Date sitting_date, Date today);

// Returning minutes to the administrator needs the chair's comments.
Status check_return(const std::string& comments);
// An addendum needs its text and why it is added.
Status check_addendum(const std::string& text, const std::string& why);

}  // namespace casepanel::core
