#include "app/presenters.h"

#include <set>

#include "app/audit_trail.h"
#include "app/notifications.h"
#include "app/scope.h"
#include "app/sitting_rows.h"
#include "core/calendar.h"

namespace casepanel::app {
namespace {

using store::Tx;

core::CasePeople case_people(const store::HearingPeople& people) {
  core::CasePeople out;
  out.social_worker = people.author.id;
  if (people.team_manager) {
    out.practice_manager = people.team_manager->id;
  }
  return out;
}

core::PresenterRule rule_of(const core::PanelType& panel) {
  return {panel.hearing.presented_by, panel.hearing.presenter_if_absent};
}

core::Presenter recorded_presenter(const store::PresenterRecord& r) {
  core::Presenter p;
  if (r.person) {
    p.person = r.person->id;
  }
  p.attendance = r.attendance;
  return p;
}

std::string name_of(std::int64_t id, const store::HearingPeople& people,
                    const store::PresenterRecord& recorded) {
  if (recorded.person && recorded.person->id == id) {
    return recorded.person->name;
  }
  if (people.team_manager && people.team_manager->id == id) {
    return people.team_manager->name;
  }
  return people.author.id == id ? people.author.name : "";
}

struct PresentedHearing {
  store::HearingRecord hearing;
  store::SittingRecord sitting;
  const core::PanelType* panel = nullptr;
};

// The hearing, for those who run its sitting's panel (core/access.h).
core::Result<PresentedHearing> hearing_at(Tx& tx, const Services& s, const Actor& a,
                                          std::int64_t hearing_id) {
  auto hearing = store::find_hearing(tx, hearing_id);
  auto sitting = hearing ? store::find_sitting(tx, hearing->sitting_id) : std::nullopt;
  if (!sitting || !(may_sitting(tx, s, a, sitting->id, sitting->panel_id, core::Resource::sitting,
                                core::Use::change) ||
                    may_sitting(tx, s, a, sitting->id, sitting->panel_id, core::Resource::decision,
                                core::Use::change))) {
    return core::Error::not_found();
  }
  if (sitting->status == core::SittingStatus::cancelled) {
    return core::Error::conflict("This sitting is cancelled");
  }
  const core::PanelType* panel = s.panels.find(sitting->panel_id);
  if (panel == nullptr) {
    return core::Error::conflict("This hearing's panel is no longer configured");
  }
  return PresentedHearing{*hearing, *sitting, panel};
}

std::string when_of(const PresentedHearing& at) {
  return core::to_iso(at.sitting.date) + " at " + london_time(at.hearing.starts_at);
}

// The people the seat expects: its holders and deputies, else its role's.
std::vector<store::PersonContact> seat_people(Tx& tx, const core::PanelType& panel,
                                              const core::Member& seat) {
  std::vector<store::PersonContact> out;
  for (const store::SeatHolderRecord& h : store::seat_holders(tx, panel.id)) {
    if (h.seat_id == seat.id && h.part == store::SeatPart::holder) {
      out.push_back(h.person);
    }
  }
  return out.empty() ? store::role_holders(tx, seat.role) : out;
}

// A sitting whose attendance is already stored lists the invited seat's
// people too, expected.
void list_invited(Tx& tx, std::int64_t sitting_id, const core::Member& seat,
                  const std::vector<store::PersonContact>& people) {
  const auto listed = store::listed_sitting_members(tx, sitting_id);
  if (listed.empty()) {
    return;
  }
  std::set<std::int64_t> seen;
  for (const auto& m : listed) {
    seen.insert(m.person.id);
  }
  for (const store::PersonContact& p : people) {
    if (seen.insert(p.id).second) {
      store::set_sitting_member(tx, sitting_id,
                                {p, seat.role, core::Attendance::expected, seat.id});
    }
  }
}

}  // namespace

PresenterLine presenter_line(const core::PanelType& panel, const store::HearingPeople& people,
                             const store::PresenterRecord& recorded) {
  const core::Presenter now =
      core::who_presents(rule_of(panel), case_people(people), recorded_presenter(recorded));
  PresenterLine line;
  line.attendance = now.attendance;
  if (now.person) {
    line.name = name_of(*now.person, people, recorded);
    line.stand_in =
        now.person != core::case_person(panel.hearing.presented_by, case_people(people));
  }
  return line;
}

core::Status record_presenter_attendance(Services& s, const Actor& a, std::int64_t hearing_id,
                                         const std::string& attendance) {
  if (!a.has(core::Role::coordinator) && !a.has(core::Role::panel_admin)) {
    return core::Error::forbidden(
        "Only the coordinator or panel administrator records a presenter's attendance");
  }
  const auto value = core::attendance_from_id(attendance);
  if (!value) {
    return core::Error::invalid("presenter_attendance",
                                "Select in person, by conference call or absent");
  }
  return s.db.write<core::Done>([&](Tx& tx) -> core::Status {
    const PresentedHearing at = TRY(hearing_at(tx, s, a, hearing_id));
    const auto people = store::hearing_people(tx, hearing_id);
    if (!people) {
      return core::Error::not_found();
    }
    const core::CasePeople on_case = case_people(*people);
    const auto rule = rule_of(*at.panel);
    const core::Presenter before = core::who_presents(
        rule, on_case, recorded_presenter(store::hearing_presenter(tx, hearing_id)));
    const core::Presenter now = core::who_presents(rule, on_case, {before.person, *value});
    store::set_hearing_presenter(tx, hearing_id, now.person, now.attendance);
    const bool switched = now.person != before.person;
    audit(tx, s, a, "hearing.presenter", "hearing", hearing_id,
          {{"attendance", core::attendance_id(*value)},
           {"presenter", now.person ? nlohmann::json(*now.person) : nlohmann::json(nullptr)},
           {"switched", switched}});
    if (switched && now.person) {
      // Support Panel 6: the supervisor attends and presents instead.
      queue_email(tx, s, *now.person, "You are presenting at " + at.panel->name,
                  "The case's social worker cannot attend the hearing on " + when_of(at) +
                      ", so you present instead.\n\nAgenda: " +
                      link(s, "/sittings/" + std::to_string(at.sitting.id)));
    }
    return core::Done{};
  });
}

core::Status invite_seat_to_hearing(Services& s, const Actor& a, std::int64_t hearing_id,
                                    const std::string& seat_id) {
  if (!a.may(core::Permission::manage_sittings)) {
    return core::Error::forbidden("Only the coordinator invites members to a hearing");
  }
  return s.db.write<core::Done>([&](Tx& tx) -> core::Status {
    const PresentedHearing at = TRY(hearing_at(tx, s, a, hearing_id));
    const core::Member* seat = nullptr;
    for (const core::Member& m : at.panel->members) {
      seat = m.id == seat_id && m.as_relevant ? &m : seat;
    }
    if (seat == nullptr) {
      return core::Error::invalid("seat_id", "Select a member who attends as relevant");
    }
    store::invite_seat(tx, hearing_id, seat_id);
    const auto people = seat_people(tx, *at.panel, *seat);
    list_invited(tx, at.sitting.id, *seat, people);
    for (const store::PersonContact& p : people) {
      queue_email(tx, s, p.id, "Invitation to " + at.panel->name,
                  "You are invited, as " + seat->label + ", to one hearing of the " +
                      at.panel->name + " on " + when_of(at) +
                      ".\n\nAgenda: " + link(s, "/sittings/" + std::to_string(at.sitting.id)));
    }
    audit(tx, s, a, "hearing.invite", "hearing", hearing_id,
          {{"seat", seat_id}, {"told", people.size()}});
    return core::Done{};
  });
}

}  // namespace casepanel::app
