#include "core/minutes.h"

#include <algorithm>
#include <cctype>
#include <vector>

#include "core/sittings.h"
#include "core/text.h"

namespace casepanel::core {
namespace {

using S = MinutesStatus;
using E = MinutesEvent;

struct MinutesTransition {
  S from;
  E event;
  S to;
};
constexpr MinutesTransition kMinutesTransitions[] = {
    {S::draft, E::save, S::draft},
    {S::draft, E::send, S::with_chair},
    {S::with_chair, E::return_to_draft, S::draft},
    {S::with_chair, E::authorise, S::authorised},
    {S::authorised, E::add_addendum, S::authorised},
};

// Why `event` cannot happen to minutes in `from`, in the council's words.
std::string refusal(S from, E event) {
  if (from == S::authorised) {
    return "These minutes are authorised and cannot change: add an addendum instead";
  }
  switch (event) {
    case E::save:
      return "These minutes are with the chair: they can be changed once the chair returns them";
    case E::send:
      return "These minutes are already with the chair";
    case E::return_to_draft:
    case E::authorise:
      return "These minutes have not been sent to the chair";
    case E::add_addendum:
      return "An addendum is added to authorised minutes only: change the draft instead";
  }
  return "These minutes cannot change now";
}

}  // namespace

std::string_view minutes_status_id(MinutesStatus s) {
  switch (s) {
    case S::draft:
      return "draft";
    case S::with_chair:
      return "with_chair";
    case S::authorised:
      return "authorised";
  }
  return "?";
}

std::optional<MinutesStatus> minutes_status_from_id(std::string_view id) {
  for (MinutesStatus s : kMinutesStatuses) {
    if (minutes_status_id(s) == id) {
      return s;
    }
  }
  return std::nullopt;
}

std::string_view minutes_status_label(MinutesStatus s) {
  switch (s) {
    case S::draft:
      return "Draft";
    case S::with_chair:
      return "With the chair";
    case S::authorised:
      return "Authorised";
  }
  return "?";
}

std::string_view minutes_event_id(MinutesEvent e) {
  switch (e) {
    case E::save:
      return "save";
    case E::send:
      return "send";
    case E::return_to_draft:
      return "return_to_draft";
    case E::authorise:
      return "authorise";
    case E::add_addendum:
      return "add_addendum";
  }
  return "?";
}

Result<MinutesStatus> next_minutes_status(MinutesStatus from, MinutesEvent event) {
  for (const MinutesTransition& t : kMinutesTransitions) {
    if (t.from == from && t.event == event) {
      return t.to;
    }
  }
  return Error::conflict(refusal(from, event));
}

bool minutes_allow(MinutesStatus from, MinutesEvent event) {
  return next_minutes_status(from, event).ok();
}

Status may_minute(SittingStatus status, Date sitting_date, Date today) {
  if (status == SittingStatus::cancelled) {
    return Error::conflict("This sitting was cancelled: it has no minutes");
  }
  if (today < sitting_date) {
    return Error::conflict("This sitting is on " + long_date(sitting_date) +
                           ": its minutes can be written from that day");
  }
  return Done{};
}

Status check_return(const std::string& comments) {
  if (blank(comments)) {
    return Error::invalid("comments", "Enter what the administrator should change");
  }
  return Done{};
}

Status check_addendum(const std::string& text, const std::string& why) {
  std::vector<FieldError> errors;
  if (blank(text)) {
    errors.push_back({"text", "Enter the addendum"});
  }
  if (blank(why)) {
    errors.push_back({"why", "Enter why the addendum is added"});
  }
  if (!errors.empty()) {
    return Error::invalid_fields(std::move(errors));
  }
  return Done{};
}

}  // namespace casepanel::core
