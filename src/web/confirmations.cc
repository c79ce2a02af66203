#include "web/confirmations.h"

namespace casepanel::web {
namespace {

struct Confirmation {
  std::string_view key;
  std::string_view message;
};
constexpr Confirmation kConfirmations[] = {
    // Requests (pages_request.cc, pages_triage.cc, pages_proposals.cc).
    {"sent", "Request sent"},
    {"approved", "Request approved"},
    {"returned", "Request returned to its author with your comments"},
    {"accepted_late", "Request accepted late"},
    {"scheduled", "Request scheduled. The people concerned are told"},
    {"information_asked", "Request returned to its author for more information"},
    {"declined", "Request declined. Its author is told why"},
    {"referred", "Request referred for consultation"},
    {"agenda_accepted", "Proposed agenda accepted. The requests are scheduled"},
    // Sittings and their hearings (pages_sittings.cc).
    {"sitting_moved", "Sitting moved. Everyone invited is told the new date"},
    {"sitting_cancelled", "Sitting cancelled. Everyone invited is told"},
    {"sitting_details_saved", "Room and conference details saved"},
    {"agenda_published", "Agenda published"},
    {"attendance_saved", "Attendance saved"},
    {"presenter_saved", "Presenter's attendance saved"},
    {"seat_invited", "Invited to the hearing"},
    {"hearing_chair_named", "Chair named for the hearing"},
    // The panel day and after (pages_decisions.cc, pages_watch.cc).
    {"decision_recorded", "Decision recorded"},
    {"decision_corrected", "Decision record corrected"},
    {"discussion_saved", "Discussion saved"},
    // People and passwords (pages_people.cc).
    {"added", "Person added. Send them a set-password link so that they can sign in"},
    {"saved", "Changes saved"},
    {"disabled", "Account disabled. All their sessions have ended"},
    {"enabled", "Account enabled"},
    {"link_sent", "Set-password link sent. It works once, for 24 hours"},
    {"sessions_ended", "All their sessions have ended"},
    {"password_changed", "Your password has been changed. Your other sessions have ended"},
};

}  // namespace

std::string confirmed(const std::string& path, std::string_view key) {
  const std::size_t hash = path.find('#');
  const std::string base = path.substr(0, hash);
  const std::string fragment = hash == std::string::npos ? "" : path.substr(hash);
  return base + (base.find('?') == std::string::npos ? "?done=" : "&done=") + std::string(key) +
         fragment;
}

std::optional<std::string_view> confirmation(std::string_view key) {
  for (const Confirmation& c : kConfirmations) {
    if (c.key == key) {
      return c.message;
    }
  }
  return std::nullopt;
}

}  // namespace casepanel::web
