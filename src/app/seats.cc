#include "app/seats.h"

#include <algorithm>

#include "app/audit_trail.h"
#include "app/members.h"

namespace casepanel::app {
namespace {

using store::Tx;

core::Status seat_administrators_only(const Actor& a) {
  if (!a.may(core::Permission::administer)) {
    return core::Error::forbidden("Only administrators assign seats");
  }
  return core::ok_status();
}

core::Result<const core::Member*> find_seat(const Services& s, const std::string& panel_id,
                                            const std::string& seat_id) {
  const core::PanelType* panel = s.panels.find(panel_id);
  if (panel == nullptr) {
    return core::Error::not_found();
  }
  for (const core::Member& m : panel->members) {
    if (m.id == seat_id) {
      return &m;
    }
  }
  return core::Error::invalid("seat_id", "Select a seat on this panel");
}

SeatView seat_view(Tx& tx, const core::PanelType& panel, const core::Member& seat,
                   const std::vector<store::SeatHolderRecord>& holders) {
  SeatView v{
      seat.id, seat.label, panel.title_of(seat.role), seat.as_relevant, seat.counts_to_quorum,
      {},      {}};
  for (const store::SeatHolderRecord& h : holders) {
    if (h.seat_id == seat.id) {
      v.people.push_back({h.person.id, h.person.name, h.part});
    }
  }
  for (const store::PersonContact& p : store::role_holders(tx, seat.role)) {
    const bool seated = std::any_of(v.people.begin(), v.people.end(),
                                    [&](const SeatPerson& x) { return x.id == p.id; });
    if (!seated) {
      v.candidates.push_back({p.id, p.name});
    }
  }
  return v;
}

std::string_view part_id(store::SeatPart part) {
  return part == store::SeatPart::deputy ? "deputy" : "holder";
}

}  // namespace

core::Result<std::vector<PanelSummary>> panel_summaries(Services& s, const Actor& a) {
  TRY(seat_administrators_only(a));
  return s.db.read<std::vector<PanelSummary>>(
      [&](Tx& tx) -> core::Result<std::vector<PanelSummary>> {
        std::vector<PanelSummary> out;
        for (const core::PanelType& panel : s.panels.all()) {
          PanelSummary p{panel.id,
                         panel.name,
                         panel.council,
                         panel.description,
                         static_cast<int>(panel.members.size()),
                         0};
          const auto holders = store::seat_holders(tx, panel.id);
          for (const core::Member& seat : panel.members) {
            p.seats_held += std::any_of(holders.begin(), holders.end(), [&](const auto& h) {
              return h.seat_id == seat.id && h.part == store::SeatPart::holder;
            });
          }
          out.push_back(std::move(p));
        }
        return out;
      });
}

core::Result<PanelSeats> panel_seats(Services& s, const Actor& a, const std::string& panel_id) {
  TRY(seat_administrators_only(a));
  const core::PanelType* panel = s.panels.find(panel_id);
  if (panel == nullptr) {
    return core::Error::not_found();
  }
  return s.db.read<PanelSeats>([&](Tx& tx) -> core::Result<PanelSeats> {
    PanelSeats out{panel->id, panel->name, panel->quorum, {}};
    const auto holders = store::seat_holders(tx, panel->id);
    for (const core::Member& seat : panel->members) {
      out.seats.push_back(seat_view(tx, *panel, seat, holders));
    }
    return out;
  });
}

core::Status assign_seat(Services& s, const Actor& a, const std::string& panel_id,
                         const std::string& seat_id, std::int64_t user_id, store::SeatPart part) {
  TRY(seat_administrators_only(a));
  const core::Member* seat = TRY(find_seat(s, panel_id, seat_id));
  return s.db.write<core::Done>([&](Tx& tx) -> core::Status {
    // Only someone holding the seat's role: the access rules follow roles.
    if (!store::holds_role(tx, user_id, seat->role)) {
      return core::Error::invalid("user_id", "Select someone with the role " +
                                                 s.panels.find(panel_id)->title_of(seat->role));
    }
    store::set_seat_holder(tx, panel_id, seat_id, user_id, part);
    nlohmann::json detail = {
        {"panel", panel_id}, {"seat", seat_id}, {"part", std::string(part_id(part))}};
    const core::PanelType* panel = s.panels.find(panel_id);
    if (part == store::SeatPart::holder && seat->role == panel->chair.role) {
      // The chair's seat: planned sittings without a chair take its holder.
      detail["sittings_chaired"] = store::chair_unchaired_sittings(tx, panel_id, user_id);
    }
    audit(tx, s, a, "seat.assign", "user", user_id, detail);
    return core::Done{};
  });
}

core::Status remove_from_seat(Services& s, const Actor& a, const std::string& panel_id,
                              const std::string& seat_id, std::int64_t user_id) {
  TRY(seat_administrators_only(a));
  TRY(find_seat(s, panel_id, seat_id));
  return s.db.write<core::Done>([&](Tx& tx) -> core::Status {
    if (!store::remove_seat_holder(tx, panel_id, seat_id, user_id)) {
      return core::Error::invalid("user_id", "Select someone in this seat");
    }
    audit(tx, s, a, "seat.remove", "user", user_id, {{"panel", panel_id}, {"seat", seat_id}});
    return core::Done{};
  });
}

}  // namespace casepanel::app
