// Seats (issue 12 section 1, "Members are people"): an administrator assigns
// people to each seat of a panel ([[members]] in its file): holders, whom a
// sitting expects, and deputies, who attend when a holder gives apologies
// (app/members.h). Only someone holding the seat's role may sit in it, so
// the access rules that follow from roles (a chair chairs, a member sees the
// papers of the sittings they are expected at) hold for every seat.
//
// Managing seats is the administrator's (Permission::administer). The page
// names staff and seats only: the administrator never sees a child. Every
// change is audited ("seat.assign", "seat.remove", on the person).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "app/named_id.h"
#include "app/services.h"
#include "core/result.h"
#include "store/seats.h"

namespace casepanel::app {

struct SeatPerson {
  std::int64_t id = 0;
  std::string name;
  store::SeatPart part = store::SeatPart::holder;
};

struct SeatView {
  std::string id;
  std::string label;       // "Service Manager for the relevant area"
  std::string role_title;  // "Group manager"
  bool as_relevant = false;
  bool counts_to_quorum = true;
  std::vector<SeatPerson> people;   // holders first, then deputies
  std::vector<NamedId> candidates;  // those holding the role, not yet in the seat
};

struct PanelSeats {
  std::string panel_id;
  std::string panel_name;
  int quorum = 0;
  std::vector<SeatView> seats;  // in the order of the panel's [[members]]
};

// Each panel configured, for the administrator's list: what it is for, and
// how many of its seats have a holder.
struct PanelSummary {
  std::string id;
  std::string name;
  std::string council;
  std::string description;
  int seats = 0;
  int seats_held = 0;
};
core::Result<std::vector<PanelSummary>> panel_summaries(Services& s, const Actor& a);

// The panel's seats and who sits in them; not found for an unknown panel.
core::Result<PanelSeats> panel_seats(Services& s, const Actor& a, const std::string& panel_id);

// Puts the person in the seat as a holder or deputy (or changes their part).
core::Status assign_seat(Services& s, const Actor& a, const std::string& panel_id,
                         const std::string& seat_id, std::int64_t user_id, store::SeatPart part);

// Takes the person out of the seat. Sittings that stored their members keep
// them.
core::Status remove_from_seat(Services& s, const Actor& a, const std::string& panel_id,
                              const std::string& seat_id, std::int64_t user_id);

}  // namespace casepanel::app
