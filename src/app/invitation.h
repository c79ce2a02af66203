// Invitation: a calendar invitation (RFC 5545 iCalendar, iTIP method REQUEST
// or CANCEL) for a hearing or a panel sitting, as the text that goes into the
// text/calendar part of an email. Pure: values in, text out; no clock, no
// database (the caller passes DTSTAMP from its Clock).
//
// Updates and cancellations: a calendar client matches an invitation to the
// event it already holds by UID, and takes the one with the highest SEQUENCE.
// So the caller keeps one UID per hearing or sitting ("hearing-42@casepanel")
// and raises SEQUENCE with every change it sends, including the cancellation.
//
// Times: starts/ends are UTC instants; they are written as Europe/London
// wall-clock times with TZID=Europe/London, and the calendar carries its own
// VTIMEZONE for Europe/London (GMT/BST with the EU rules), the form Outlook
// accepts without a time-zone database of its own.
//
// The text is built with libical, which escapes TEXT values (commas,
// semicolons, backslashes, newlines), quotes parameter values and folds lines
// at 75 octets with CRLF line endings. Thread-safe: no shared state.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/clock.h"

namespace casepanel::app {

enum class InviteMethod { request, cancel };

struct Invitation {
  std::string uid;   // stable per hearing or sitting: "hearing-42@casepanel"
  int sequence = 0;  // 0 for the first; higher for each update or the cancellation
  InviteMethod method = InviteMethod::request;
  core::Instant starts;
  core::Instant ends;
  core::Instant stamp;  // DTSTAMP: when this version was made (from the Clock)
  std::string summary;
  std::string description;
  std::string location;
  std::string organizer_name;
  std::string organizer_email;
  std::vector<std::pair<std::string, std::string>> attendees;  // name, email
};

// The whole VCALENDAR, CRLF line endings, folded.
std::string invitation_ics(const Invitation& invitation);

// "REQUEST" or "CANCEL": the iTIP method, as the email's Content-Type names it.
const char* invite_method_name(InviteMethod method);

// What an invitation says, read back from its text (the email outbox's
// message page shows it). Times in Europe/London words.
struct InvitationSummary {
  InviteMethod method = InviteMethod::request;
  std::string uid;
  int sequence = 0;
  std::string summary;
  std::string starts;  // "1 December 2026 at 13:30"
  std::string ends;
  std::string location;
};
// nullopt when the text is not a calendar with an event.
std::optional<InvitationSummary> read_invitation(const std::string& ics);

}  // namespace casepanel::app
