#include "app/sitting_changes.h"

#include "app/audit_trail.h"
#include "app/child_names.h"
#include "app/display.h"
#include "app/hearing_notices.h"
#include "app/members.h"
#include "app/notifications.h"
#include "app/scope.h"
#include "core/request_lifecycle.h"
#include "core/statutory.h"
#include "core/time_entry.h"
#include "store/hearings.h"
#include "store/request_queue.h"
#include "store/requests.h"
#include "store/seats.h"
#include "store/sittings.h"

namespace casepanel::app {
namespace {

using store::Tx;

constexpr std::size_t kLongestRoom = 200;
constexpr std::size_t kLongestConference = 1000;
constexpr std::size_t kLongestReason = 2000;

// A sitting's times, checked.
struct When {
  core::Date date;
  core::Instant starts;
  core::Instant ends;
};

core::Result<When> check_when(const Services& s, const core::PanelType& panel,
                              const SittingInput& in) {
  std::vector<core::FieldError> problems;
  const auto date = core::parse_iso_date(in.date);
  const core::Date today = core::london_date(s.clock.now());
  if (!date) {
    problems.push_back(
        {"date", in.date.empty() ? "Enter the date of the sitting"
                                 : "The date of the sitting must be a real date, like 3 12 2026"});
  } else if (std::chrono::sys_days{*date} < std::chrono::sys_days{today}) {
    problems.push_back({"date", "The date must be today or in the future"});
  }
  const auto start = core::parse_time_entered(in.start);
  const auto end = core::parse_time_entered(in.end);
  if (!start) {
    problems.push_back({"start", "Enter the start time, like 1:30pm or 13:30"});
  }
  if (!end) {
    problems.push_back({"end", "Enter the end time, like 5pm or 17:00"});
  } else if (start && *end <= *start) {
    problems.push_back({"end", "The end time must be after the start time"});
  }
  if (!panel.venues.empty() && panel.venue(in.venue_id) == nullptr) {
    problems.push_back({"venue_id", "Select the venue"});
  }
  if (in.room.size() > kLongestRoom) {
    problems.push_back({"room", "Keep the room to 200 characters or fewer"});
  }
  if (in.conference_details.size() > kLongestConference) {
    problems.push_back({"conference_details", "Keep the details to 1,000 characters or fewer"});
  }
  if (!problems.empty()) {
    return core::Error::invalid_fields(std::move(problems));
  }
  When w{*date, core::london_to_utc(*date, *start), core::london_to_utc(*date, *end)};
  if (w.starts <= s.clock.now()) {
    return core::Error::invalid("start", "The start time must be in the future");
  }
  return w;
}

// A planned sitting that has not started: the only kind that can change.
// Outside the panels the actor serves, a sitting is not found (core/access.h).
core::Result<store::SittingRecord> changeable_sitting(Tx& tx, const Services& s, const Actor& a,
                                                      std::int64_t sitting_id) {
  auto m = store::find_sitting(tx, sitting_id);
  if (!m ||
      !may_sitting(tx, s, a, sitting_id, m->panel_id, core::Resource::sitting, core::Use::change)) {
    return core::Error::not_found();
  }
  if (m->status != core::SittingStatus::planned) {
    return core::Error::conflict("This sitting is " +
                                 std::string(core::sitting_status_id(m->status)) +
                                 " and can no longer change");
  }
  if (m->starts_at <= s.clock.now()) {
    return core::Error::conflict("This sitting has started and can no longer change");
  }
  return *m;
}

store::SittingPlace changed_place_of(const When& w, const SittingInput& in) {
  return {w.date, w.starts, w.ends, in.venue_id, in.room, in.conference_details};
}

// The sitting's hearings at their new starts, keeping their offsets from the
// sitting's start; refused when one would end after the new end.
core::Result<std::vector<store::HearingRecord>> moved_hearings(Tx& tx,
                                                               const store::SittingRecord& m,
                                                               const When& when) {
  std::vector<store::HearingRecord> out;
  for (store::HearingRecord h : store::sitting_hearings(tx, m.id)) {
    h.starts_at = when.starts + (h.starts_at - m.starts_at);
    const core::Instant ends = h.starts_at + std::chrono::minutes{h.minutes};
    if (ends > when.ends) {
      return core::Error::invalid("end", "The hearings booked need the sitting to last until " +
                                             core::to_hh_mm(core::london_time_of_day(ends)) +
                                             ": choose a later end time");
    }
    out.push_back(h);
  }
  return out;
}

// A cancelled sitting's hearing: its presenters told, the hearing removed and
// the request back in the queue, for the coordinator to give a new slot.
core::Status requeue(Tx& tx, const Services& s, const store::HearingRecord& h,
                     const std::string& reason) {
  const auto request = store::find_request(tx, h.request_id);
  if (!request) {
    return core::Error::conflict("A hearing of this sitting has no request");
  }
  const core::RequestState back =
      TRY(core::next_state(request->state, core::RequestEvent::unschedule));
  notify_presenters(tx, s, h.id, Notice::cancelled, reason);
  store::remove_hearing(tx, h.id);
  store::set_request_state(tx, h.request_id, back, s.clock.now());
  return core::Done{};
}

core::Status check_change_reason(const std::string& field, const std::string& reason,
                                 bool required) {
  if (required && blank(reason)) {
    return core::Error::invalid(field, "Enter the reason, to tell the people concerned");
  }
  if (reason.size() > kLongestReason) {
    return core::Error::invalid(field, "Keep the reason to 2,000 characters or fewer");
  }
  return core::Done{};
}

}  // namespace

core::Result<std::int64_t> add_sitting(Services& s, const Actor& a, const SittingInput& in) {
  if (!a.may(core::Permission::manage_sittings)) {
    return core::Error::forbidden("Only the coordinator adds sittings");
  }
  const core::PanelType* panel = s.panels.find(in.panel_id);
  if (panel == nullptr) {
    return core::Error::invalid("panel_id", "Select the panel");
  }
  const When when = TRY(check_when(s, *panel, in));
  return s.db.write<std::int64_t>([&](Tx& tx) -> core::Result<std::int64_t> {
    if (!may_sitting(tx, s, a, 0, panel->id, core::Resource::sitting, core::Use::change)) {
      return core::Error::invalid("panel_id", "Select a panel you coordinate");
    }
    if (store::sitting_clashes(tx, panel->id, when.starts, 0)) {
      return core::Error::invalid("start", "This panel already has a sitting at that time");
    }
    const std::int64_t id = store::add_sitting(tx, panel->id, changed_place_of(when, in));
    // The chair is the holder of the panel's chair seat (app/members.h).
    const auto chair = seat_chair(tx, *panel);
    if (chair) {
      store::set_sitting_chair(tx, id, *chair);
    }
    audit(tx, s, a, "sitting.add", "sitting", id,
          {{"panel", panel->id},
           {"starts_at", core::to_iso_utc(when.starts)},
           {"venue", in.venue_id}});
    return id;
  });
}

namespace {

// CLAM: a statutory request heard after its date needs the coordinator's
// reason (core/statutory.h). Each moved hearing keeps the reason when it is
// late on the new date, and loses it when the move puts it back in time.
core::Result<std::vector<std::string>> late_reasons(Tx& tx,
                                                    const std::vector<store::HearingRecord>& hs,
                                                    const std::string& late_reason) {
  std::vector<std::string> out;
  for (const store::HearingRecord& h : hs) {
    const auto request = store::find_request(tx, h.request_id);
    const std::optional<core::Date> due = request ? request->statutory_due : std::nullopt;
    const core::Date on = core::london_date(h.starts_at);
    TRY(core::check_statutory_date(due, on, late_reason));
    out.push_back(core::heard_after_deadline(due, on) ? late_reason : std::string());
  }
  return out;
}

}  // namespace

core::Status move_sitting(Services& s, const Actor& a, std::int64_t sitting_id,
                          const SittingInput& in, const std::string& reason,
                          const std::string& late_reason) {
  if (!a.may(core::Permission::manage_sittings)) {
    return core::Error::forbidden("Only the coordinator moves sittings");
  }
  TRY(check_change_reason("reason", reason, false));
  return s.db.write<core::Done>([&](Tx& tx) -> core::Status {
    const store::SittingRecord m = TRY(changeable_sitting(tx, s, a, sitting_id));
    const core::PanelType* panel = s.panels.find(m.panel_id);
    if (panel == nullptr) {
      return core::Error::conflict("This sitting's panel is no longer configured");
    }
    SittingInput with_details = in;
    with_details.room = in.room.empty() ? m.room : in.room;
    with_details.conference_details =
        in.conference_details.empty() ? m.conference_details : in.conference_details;
    const When when = TRY(check_when(s, *panel, with_details));
    if (store::sitting_clashes(tx, panel->id, when.starts, sitting_id)) {
      return core::Error::invalid("start", "This panel already has a sitting at that time");
    }
    // The hearings keep their offsets from the start, so they must still fit.
    const auto hearings = TRY(moved_hearings(tx, m, when));
    const auto late = TRY(late_reasons(tx, hearings, late_reason));
    store::move_sitting(tx, sitting_id, changed_place_of(when, with_details));
    for (std::size_t i = 0; i < hearings.size(); ++i) {
      const store::HearingRecord& h = hearings[i];
      store::move_hearing(tx, h.id, h.starts_at);
      store::set_hearing_late_reason(tx, h.id, late[i]);
      notify_presenters(tx, s, h.id, Notice::moved, reason);
    }
    notify_members(tx, s, sitting_id, Notice::moved, reason);
    audit(tx, s, a, "sitting.move", "sitting", sitting_id,
          {{"from", core::to_iso_utc(m.starts_at)},
           {"to", core::to_iso_utc(when.starts)},
           {"venue", in.venue_id},
           {"hearings", hearings.size()},
           {"reason", reason},
           {"late_reasons", late}});
    return core::Done{};
  });
}

core::Status cancel_sitting(Services& s, const Actor& a, std::int64_t sitting_id,
                            const std::string& reason) {
  if (!a.may(core::Permission::manage_sittings)) {
    return core::Error::forbidden("Only the coordinator cancels sittings");
  }
  TRY(check_change_reason("cancel_reason", reason, true));
  return s.db.write<core::Done>([&](Tx& tx) -> core::Status {
    TRY(changeable_sitting(tx, s, a, sitting_id));
    nlohmann::json requeued = nlohmann::json::array();
    for (const store::HearingRecord& h : store::sitting_hearings(tx, sitting_id)) {
      TRY(requeue(tx, s, h, reason));
      requeued.push_back(h.request_id);
    }
    store::cancel_sitting(tx, sitting_id, reason);
    notify_members(tx, s, sitting_id, Notice::cancelled, reason);
    audit(tx, s, a, "sitting.cancel", "sitting", sitting_id,
          {{"reason", reason}, {"requests_requeued", requeued}});
    return core::Done{};
  });
}

core::Status set_sitting_details(Services& s, const Actor& a, std::int64_t sitting_id,
                                 const std::string& room, const std::string& conference_details) {
  if (!a.may(core::Permission::manage_sittings)) {
    return core::Error::forbidden("Only the coordinator changes sittings");
  }
  std::vector<core::FieldError> problems;
  if (room.size() > kLongestRoom) {
    problems.push_back({"room", "Keep the room to 200 characters or fewer"});
  }
  if (conference_details.size() > kLongestConference) {
    problems.push_back({"conference_details", "Keep the details to 1,000 characters or fewer"});
  }
  if (!problems.empty()) {
    return core::Error::invalid_fields(std::move(problems));
  }
  return s.db.write<core::Done>([&](Tx& tx) -> core::Status {
    TRY(changeable_sitting(tx, s, a, sitting_id));
    store::set_sitting_details(tx, sitting_id, room, conference_details);
    audit(tx, s, a, "sitting.details", "sitting", sitting_id,
          {{"room", room}, {"conference_details", conference_details}});
    return core::Done{};
  });
}

core::Status publish_agenda(Services& s, const Actor& a, std::int64_t sitting_id) {
  if (!a.may(core::Permission::manage_sittings)) {
    return core::Error::forbidden("Only the coordinator publishes agendas");
  }
  return s.db.write<core::Done>([&](Tx& tx) -> core::Status {
    const store::SittingRecord m = TRY(changeable_sitting(tx, s, a, sitting_id));
    const bool again = m.published_at.has_value();
    store::publish_sitting(tx, sitting_id, s.clock.now());
    notify_members(tx, s, sitting_id, again ? Notice::updated : Notice::scheduled);
    audit(tx, s, a, "sitting.publish", "sitting", sitting_id, {{"again", again}});
    return core::Done{};
  });
}

}  // namespace casepanel::app
