#include "app/sitting_changes.h"

#include "app/audit_trail.h"
#include "app/display.h"
#include "app/hearing_notices.h"
#include "app/scope.h"

namespace casepanel::app {
namespace {

using store::Row;
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
    problems.push_back({"date", "Enter the date as a real date, like 2026-12-01"});
  } else if (std::chrono::sys_days{*date} < std::chrono::sys_days{today}) {
    problems.push_back({"date", "The date must be today or in the future"});
  }
  const auto start = core::parse_hh_mm(in.start);
  const auto end = core::parse_hh_mm(in.end);
  if (!start) {
    problems.push_back({"start", "Enter the start time as HH:MM, like 13:30"});
  }
  if (!end) {
    problems.push_back({"end", "Enter the end time as HH:MM, like 17:00"});
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
core::Result<Row> changeable(Tx& tx, const Services& s, const Actor& a, std::int64_t sitting_id) {
  auto m = tx.query_one(
      "SELECT id, panel_id, status, starts_at, ends_at, sitting_date, venue_id, room, "
      "conference_details FROM sittings WHERE id = $1",
      {sitting_id});
  if (!m ||
      !may_sitting(tx, s, a, sitting_id, m->text(1), core::Resource::sitting, core::Use::change)) {
    return core::Error::not_found();
  }
  if (m->text(2) != "planned") {
    return core::Error::conflict("This sitting is " + m->text(2) + " and can no longer change");
  }
  if (parse_utc(m->text(3)) <= s.clock.now()) {
    return core::Error::conflict("This sitting has started and can no longer change");
  }
  return *m;
}

bool clashes(Tx& tx, const std::string& panel_id, const std::string& starts,
             std::int64_t except_id) {
  return tx
      .query_one("SELECT 1 FROM sittings WHERE panel_id = $1 AND starts_at = $2 AND id <> $3",
                 {panel_id, starts, except_id})
      .has_value();
}

core::Status check_reason(const std::string& field, const std::string& reason, bool required) {
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
  auto when = check_when(s, *panel, in);
  if (!when) {
    return when.error();
  }
  return s.db.write<std::int64_t>([&](Tx& tx) -> core::Result<std::int64_t> {
    if (!may_sitting(tx, s, a, 0, panel->id, core::Resource::sitting, core::Use::change)) {
      return core::Error::invalid("panel_id", "Select a panel you coordinate");
    }
    const std::string starts = core::to_iso_utc(when->starts);
    if (clashes(tx, panel->id, starts, 0)) {
      return core::Error::invalid("start", "This panel already has a sitting at that time");
    }
    const std::int64_t id = tx.insert(
        "INSERT INTO sittings (panel_id, sitting_date, starts_at, ends_at, venue_id, room, "
        "conference_details, status) VALUES ($1, $2, $3, $4, $5, $6, $7, 'planned') "
        "RETURNING id",
        {panel->id, core::to_iso(when->date), starts, core::to_iso_utc(when->ends), in.venue_id,
         in.room, in.conference_details});
    audit(tx, s, a, "sitting.add", "sitting", id,
          {{"panel", panel->id}, {"starts_at", starts}, {"venue", in.venue_id}});
    return id;
  });
}

core::Status move_sitting(Services& s, const Actor& a, std::int64_t sitting_id,
                          const SittingInput& in, const std::string& reason) {
  if (!a.may(core::Permission::manage_sittings)) {
    return core::Error::forbidden("Only the coordinator moves sittings");
  }
  if (auto ok = check_reason("reason", reason, false); !ok) {
    return ok;
  }
  return s.db.write<core::Done>([&](Tx& tx) -> core::Status {
    auto m = changeable(tx, s, a, sitting_id);
    if (!m) {
      return m.error();
    }
    const core::PanelType* panel = s.panels.find(m->text(1));
    if (panel == nullptr) {
      return core::Error::conflict("This sitting's panel is no longer configured");
    }
    SittingInput with_details = in;
    with_details.room = in.room.empty() ? m->text(7) : in.room;
    with_details.conference_details =
        in.conference_details.empty() ? m->text(8) : in.conference_details;
    auto when = check_when(s, *panel, with_details);
    if (!when) {
      return when.error();
    }
    const core::Instant old_start = parse_utc(m->text(3));
    const std::string starts = core::to_iso_utc(when->starts);
    if (clashes(tx, panel->id, starts, sitting_id)) {
      return core::Error::invalid("start", "This panel already has a sitting at that time");
    }
    // The hearings keep their offsets from the start, so they must still fit.
    struct Moved {
      std::int64_t id;
      core::Instant starts;
    };
    std::vector<Moved> hearings;
    for (const Row& h : tx.query("SELECT id, starts_at, minutes FROM hearings "
                                 "WHERE sitting_id = $1 ORDER BY starts_at",
                                 {sitting_id})) {
      const core::Instant moved = when->starts + (parse_utc(h.text(1)) - old_start);
      if (moved + std::chrono::minutes{h.integer(2)} > when->ends) {
        return core::Error::invalid("end", "The hearings booked need the sitting to last until " +
                                               core::to_hh_mm(core::london_time_of_day(
                                                   moved + std::chrono::minutes{h.integer(2)})) +
                                               ": choose a later end time");
      }
      hearings.push_back({h.integer(0), moved});
    }
    tx.exec(
        "UPDATE sittings SET sitting_date = $1, starts_at = $2, ends_at = $3, venue_id = $4, "
        "room = $5, conference_details = $6, proposed_date = NULL WHERE id = $7",
        {core::to_iso(when->date), starts, core::to_iso_utc(when->ends), in.venue_id,
         with_details.room, with_details.conference_details, sitting_id});
    for (const Moved& h : hearings) {
      tx.exec("UPDATE hearings SET starts_at = $1 WHERE id = $2",
              {core::to_iso_utc(h.starts), h.id});
      notify_presenters(tx, s, h.id, Notice::moved, reason);
    }
    notify_members(tx, s, sitting_id, Notice::moved, reason);
    audit(tx, s, a, "sitting.move", "sitting", sitting_id,
          {{"from", m->text(3)},
           {"to", starts},
           {"venue", in.venue_id},
           {"hearings", hearings.size()},
           {"reason", reason}});
    return core::Done{};
  });
}

core::Status cancel_sitting(Services& s, const Actor& a, std::int64_t sitting_id,
                            const std::string& reason) {
  if (!a.may(core::Permission::manage_sittings)) {
    return core::Error::forbidden("Only the coordinator cancels sittings");
  }
  if (auto ok = check_reason("cancel_reason", reason, true); !ok) {
    return ok;
  }
  return s.db.write<core::Done>([&](Tx& tx) -> core::Status {
    auto m = changeable(tx, s, a, sitting_id);
    if (!m) {
      return m.error();
    }
    nlohmann::json requeued = nlohmann::json::array();
    for (const Row& h :
         tx.query("SELECT id, request_id FROM hearings WHERE sitting_id = $1", {sitting_id})) {
      notify_presenters(tx, s, h.integer(0), Notice::cancelled, reason);
      tx.exec("DELETE FROM hearings WHERE id = $1", {h.integer(0)});
      // Back in the queue, for the coordinator to give a new slot.
      tx.exec("UPDATE requests SET state = 'submitted', updated_at = $1 WHERE id = $2",
              {now_utc(s), h.integer(1)});
      requeued.push_back(h.integer(1));
    }
    tx.exec("UPDATE sittings SET status = 'cancelled', cancel_reason = $1 WHERE id = $2",
            {reason, sitting_id});
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
    auto m = changeable(tx, s, a, sitting_id);
    if (!m) {
      return m.error();
    }
    tx.exec("UPDATE sittings SET room = $1, conference_details = $2 WHERE id = $3",
            {room, conference_details, sitting_id});
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
    auto m = changeable(tx, s, a, sitting_id);
    if (!m) {
      return m.error();
    }
    const bool again =
        tx.query_one("SELECT 1 FROM sittings WHERE id = $1 AND published_at IS NOT NULL",
                     {sitting_id})
            .has_value();
    tx.exec("UPDATE sittings SET published_at = $1 WHERE id = $2", {now_utc(s), sitting_id});
    notify_members(tx, s, sitting_id, again ? Notice::updated : Notice::scheduled);
    audit(tx, s, a, "sitting.publish", "sitting", sitting_id, {{"again", again}});
    return core::Done{};
  });
}

}  // namespace casepanel::app
