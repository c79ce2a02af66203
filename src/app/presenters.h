// Who presents each hearing, how they attend, and which as_relevant seats
// are invited to it (issue 12 section 1).
//
// The panel's file names who presents (hearing.presented_by: the case's
// social worker, the request's author) and who presents instead when they
// cannot attend (hearing.presenter_if_absent; Support Panel 6: "their
// supervisor (either PS or TM) will need to attend and present", the manager
// of the request's team). core/presenters.h holds the rule. The coordinator
// or panel administrator records the presenter's attendance; when the
// presenter is away and the panel names a stand-in, the stand-in becomes the
// presenter (hearings.presenter_id), is told by email, and the agenda shows
// them. Audited ("hearing.presenter").
//
// Support Panel 4.1: members marked as_relevant (the Youth Offending
// Service) attend "as relevant to the individual case": the coordinator
// invites the seat to one hearing; its holders are then expected at the
// sitting and told by email. Audited ("hearing.invite").
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "app/services.h"
#include "core/panel_type.h"
#include "core/presenters.h"
#include "core/result.h"
#include "store/hearings.h"
#include "store/seats.h"

namespace casepanel::app {

// Who presents the hearing now, by name ("" when the panel's rule names
// nobody on the case), and how they attend.
struct PresenterLine {
  std::string name;
  core::Attendance attendance = core::Attendance::expected;
  bool stand_in = false;  // not the person the panel's rule names first
};
PresenterLine presenter_line(const core::PanelType& panel, const store::HearingPeople& people,
                             const store::PresenterRecord& recorded);

// Records how the hearing's presenter attends (an attendance id:
// present, conference_call, apologies, absent, expected). The coordinator
// and panel administrator of the sitting's panel; not on a cancelled sitting.
core::Status record_presenter_attendance(Services& s, const Actor& a, std::int64_t hearing_id,
                                         const std::string& attendance);

// Invites one of the panel's as_relevant seats to the hearing. The
// coordinator only.
core::Status invite_seat_to_hearing(Services& s, const Actor& a, std::int64_t hearing_id,
                                    const std::string& seat_id);

}  // namespace casepanel::app
