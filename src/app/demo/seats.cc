// The demo's seats: every seat of both panels held by someone with its role,
// most with a deputy (member@ deputises in CLAM's Permanency Planning
// Co-ordinator's seat, to answer the demo's consultation), and a Support
// Panel chair who line-manages teams (the South locality's Group Manager), chairing the next
// Support sitting, which hears a South team's case: the agenda shows the Support Panel 4.1 warning
// and asks for another chair. The held sittings' members were there.
// Names are invented (app/demo/people.h).
#include "store/seats.h"
#include "app/demo/builder.h"
#include "app/members.h"
#include "store/people.h"
#include "store/sittings.h"

namespace casepanel::app::demo {

using core::Role;

namespace {

// Which member sits in a seat, by a word of its label (the panels' files
// name the services; the demo's members have matching job titles).
constexpr std::pair<const char*, const char*> kMemberSeats[] = {
    {"Family Group", "Family Group Conference Manager"},
    {"Youth Offending", "Youth Offending Service Officer"},
    {"Fostering", "Fostering Team Manager"},
    {"SEND", "SEND Team Representative"},
    {"Permanency", "Permanency Planning Co-ordinator"},
    {"Service Leads", "Placement Finding Team Manager"},
};

}  // namespace

// The holder (first) and deputy (second, if any) of a panel's nth seat.
std::vector<std::int64_t> Builder::seat_people(const core::Member& seat, std::size_t nth) {
  const auto& gms = council_.group_managers;
  switch (seat.role) {
    case Role::chair:
      return {council_.chairs[0], council_.chairs[1]};
    case Role::group_manager:
      return {gms[nth % gms.size()], gms[(nth + 1) % gms.size()]};
    case Role::practice_manager:
      return {council_.teams[0].manager, council_.teams[1].manager};
    case Role::member:
      for (const auto& [word, job] : kMemberSeats) {
        if (seat.label.find(word) == std::string::npos) {
          continue;
        }
        // member@ deputises for the Permanency Planning Co-ordinator, so
        // that someone who can sign in answers the demo's consultation.
        if (std::string_view(word) == "Permanency") {
          return {council_.members.at(job), council_.login.at(Role::member)};
        }
        return {council_.members.at(job)};
      }
      return {council_.members.begin()->second};
    case Role::panel_admin:
    case Role::coordinator:
      return {council_.login.at(seat.role)};
    default:
      return {};
  }
}

void Builder::assign_seats(const std::vector<Sitting>& support_future) {
  int seats = 0;
  for (const core::PanelType& panel : s_.panels.all()) {
    for (std::size_t i = 0; i < panel.members.size(); ++i) {
      const auto people = seat_people(panel.members[i], i);
      for (std::size_t p = 0; p < people.size(); ++p) {
        store::set_seat_holder(tx_, panel.id, panel.members[i].id, people[p],
                               p == 0 ? store::SeatPart::holder : store::SeatPart::deputy);
      }
      seats += people.empty() ? 0 : 1;
    }
  }
  make_support_chair(support_future);
  note("seats", {{"seats", seats}});
}

// Support Panel 4.1 exercised: the South Group Manager (who manages the
// South teams' practice managers) also chairs, holds the Support Panel's
// chair seat with chair@ as deputy, and chairs the next Support sitting.
void Builder::make_support_chair(const std::vector<Sitting>& support_future) {
  const core::PanelType* support = s_.panels.find("support");
  if (support == nullptr || council_.group_managers.size() < 2) {
    return;
  }
  const std::int64_t south = council_.group_managers[1];
  auto person = store::find_person(tx_, south);
  person->roles.insert(Role::chair);
  store::update_person(tx_, south,
                       {person->email, person->name, person->job_title + " (Panel Chair)",
                        person->roles, person->team_id, person->line_manager_id});
  for (const core::Member& seat : support->members) {
    if (seat.role == Role::chair) {
      store::set_seat_holder(tx_, support->id, seat.id, south, store::SeatPart::holder);
      store::set_seat_holder(tx_, support->id, seat.id, council_.chairs[0],
                             store::SeatPart::deputy);
      store::remove_seat_holder(tx_, support->id, seat.id, council_.chairs[1]);
    }
  }
  for (const Sitting& sit : support_future) {
    if (!sit.on_bank_holiday && sit.id != 0) {
      store::set_sitting_chair(tx_, sit.id, south);
      return;
    }
  }
}

void Builder::record_attendance(const std::map<std::string, std::vector<Sitting>>& past) {
  int k = 0;
  for (const auto& [panel, sittings] : past) {
    for (const Sitting& sit : sittings) {
      const auto record = store::find_sitting(tx_, sit.id);
      for (const SittingMember& m : sitting_members(tx_, s_, *record)) {
        const auto how =
            ++k % 4 == 0 ? core::Attendance::conference_call : core::Attendance::present;
        store::set_sitting_member(tx_, sit.id, {{m.user_id, m.name, ""}, m.role, how, m.seat_id});
      }
    }
  }
}

}  // namespace casepanel::app::demo
