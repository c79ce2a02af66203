// A sitting's members and attendance, its quorum, and the chair's
// independence of the cases heard.
//
// Membership comes from the panel's seats ([[members]]; app/seats.h): until
// the coordinator records attendance, a sitting's members are the holders of
// each seat (a seat nobody holds falls back to the active people holding its
// role), all expected, labelled by the seat. as_relevant seats (Support
// Panel 4.1) sit only when invited to one of the sitting's hearings.
// Recording attendance stores one row a member with their seat
// (sitting_members), so later changes to seats or roles do not rewrite a
// held sitting. When a holder gives apologies or is absent, the seat's
// deputies are added, expected; when the chair is away, the chair seat's
// first deputy chairs the sitting.
//
// The quorum counts seats (core/seat_quorum.h), not people.
//
// Support Panel 4.1: the chair is "independent of the line management of the
// case". A chair who is the case's social worker or in that worker's chain of
// line managers may not decide that hearing: the agenda warns, and
// record_decision refuses until another chair is named for the hearing.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "app/requests.h"
#include "app/services.h"
#include "core/result.h"
#include "core/sitting_status.h"
#include "store/hearings.h"
#include "store/sittings.h"

namespace casepanel::app {

struct SittingMember {
  std::int64_t user_id = 0;
  std::string name;
  core::Role role = core::Role::member;
  std::string role_label;  // the seat's label, "Service Manager for the relevant area"
  core::Attendance attendance = core::Attendance::expected;
  std::string seat_id;  // "" for rows stored before seats
  bool counts_to_quorum = true;
};

// Inside a transaction: the stored members of a sitting, or those the
// configuration gives, by the order of the panel's [[members]].
std::vector<SittingMember> sitting_members(store::Tx& tx, const Services& s,
                                           const store::SittingRecord& sitting);

struct Quorum {
  int needed = 0;    // the panel's quorum (0: none set)
  int expected = 0;  // members expected or present
  int present = 0;
  bool recorded = false;  // attendance has been taken
  bool met = false;       // by those present once recorded, else by those expected
  std::string summary;    // "Quorum of 3: 5 members expected"
};
Quorum quorum_of(const core::PanelType& panel, const std::vector<SittingMember>& members);

// Records who attended (user id -> attendance id: expected, present,
// conference_call, apologies, absent); members not named keep their entry.
// The coordinator and panel administrator only; not on a cancelled sitting.
// Audited.
core::Status record_attendance(Services& s, const Actor& a, std::int64_t sitting_id,
                               const std::map<std::int64_t, std::string>& attendance);

// Each worker's chain of line managers, nearest first, read at once for
// all of them (one query, however many workers and however deep).
using LineChains = std::map<std::int64_t, std::vector<std::int64_t>>;
LineChains line_management_of(store::Tx& tx, const std::vector<std::int64_t>& worker_ids);

// Support Panel 4.1: the reason the hearing's chair may not decide it, or
// empty when they may. The first asks the panel's rule; the second is the
// rule's answer for a hearing's people, given their workers' chains.
std::string chair_conflict(store::Tx& tx, const Services& s, std::int64_t hearing_id);
std::string chair_conflict(const store::HearingPeople& people, const LineChains& chains);

// Names another chair for one hearing (someone holding the panel's chair
// role, independent of the case). The coordinator only. Audited.
core::Status name_hearing_chair(Services& s, const Actor& a, std::int64_t hearing_id,
                                std::int64_t chair_id);

// The people who may chair (the panel's chair role), for the form.
std::vector<NamedId> chairs_of(store::Tx& tx, const core::PanelType& panel);

// The holder of the panel's chair seat (the first seat of the chair's role),
// else its first deputy; none when nobody sits in it.
std::optional<std::int64_t> seat_chair(store::Tx& tx, const core::PanelType& panel);

}  // namespace casepanel::app
