#include "app/sittings.h"

#include <algorithm>
#include <set>

#include "app/audit_trail.h"
#include "app/auth.h"
#include "app/child_names.h"
#include "app/display.h"
#include "app/members.h"
#include "app/notifications.h"
#include "app/scope.h"
#include "app/sitting_rows.h"
#include "core/sittings.h"
#include "store/seats.h"
#include "store/sittings.h"

namespace casepanel::app {
namespace {

using store::Tx;

// How many upcoming sittings the list shows, and how many it reads to find
// them among those the person may not see.
constexpr std::size_t kSittingsListed = 20;
constexpr int kSittingsRead = 400;

store::SittingPlace place_of(const core::Sitting& sit) {
  return {sit.date,
          core::london_to_utc(sit.date, sit.start),
          core::london_to_utc(sit.date, sit.end),
          sit.venue_id,
          "",
          ""};
}

// One planned sitting of a panel, with the start that orders the list.
struct Found {
  core::Instant starts_at;
  PlannedSitting sitting;
};

std::string venue_name(const core::PanelType& panel, const std::string& id) {
  const core::Venue* v = panel.venue(id);
  return v ? v->name : id;
}

}  // namespace

std::string venue_label(const core::PanelType* panel, const std::string& venue_id) {
  const core::Venue* v = panel ? panel->venue(venue_id) : nullptr;
  return v ? v->name + " (" + v->code + ")" : venue_id;
}

std::string london_time(core::Instant t) { return core::to_hh_mm(core::london_time_of_day(t)); }

core::Date today(const Services& s) { return core::london_date(s.clock.now()); }

SittingSummary sitting_summary(const Services& s, const store::SittingRecord& r) {
  const core::PanelType* p = s.panels.find(r.panel_id);
  SittingSummary out;
  out.id = r.id;
  out.panel_id = r.panel_id;
  out.panel = p ? p->name : r.panel_id;
  out.panel_description = p ? p->description : "";
  out.date = core::long_date(r.date);
  out.iso_date = core::to_iso(r.date);
  out.start = london_time(r.starts_at);
  out.end = london_time(r.ends_at);
  out.venue = venue_label(p, r.venue_id);
  out.status = r.status;
  out.booked_minutes = r.booked_minutes;
  out.hearings = r.hearings;
  out.capacity_minutes = static_cast<int>(
      std::chrono::duration_cast<std::chrono::minutes>(r.ends_at - r.starts_at).count());
  out.on_bank_holiday = s.calendar.is_bank_holiday(r.date);
  out.venue_id = r.venue_id;
  const core::Venue* venue = p ? p->venue(r.venue_id) : nullptr;
  out.venue_address = venue ? venue->address : "";
  out.room = r.room;
  out.conference_details = r.conference_details;
  if (r.proposed_date) {
    out.proposed_date = core::long_date(*r.proposed_date);
    out.iso_proposed_date = core::to_iso(*r.proposed_date);
  }
  out.cancel_reason = r.cancel_reason;
  if (r.published_at) {
    out.published = core::long_date(core::london_date(*r.published_at));
  }
  return out;
}

int ensure_sittings(Services& s, core::Date from, int count) {
  int created = 0;
  s.db.write_all([&](Tx& tx) {
    for (const core::PanelType& panel : s.panels.all()) {
      // The chair is the holder of the panel's chair seat (app/members.h).
      const auto chair = seat_chair(tx, panel);
      for (const core::Sitting& sit : core::sittings_from(panel, s.calendar, from, count)) {
        const store::SittingPlace place = place_of(sit);
        // A sitting the coordinator moved or cancelled keeps its slot in
        // the schedule, so it is not made again.
        if (store::sitting_holds_slot(tx, panel.id, place.starts_at)) {
          continue;
        }
        const std::int64_t id =
            store::add_sitting(tx, panel.id, place, place.starts_at, sit.proposed_date);
        if (chair) {
          store::set_sitting_chair(tx, id, *chair);
        }
        ++created;
      }
    }
  });
  return created;
}

std::vector<PlannedSitting> planned_sittings(Services& s, const core::PanelType& panel,
                                             core::Date from, int count) {
  std::vector<Found> found;
  s.db.read_all([&](Tx& tx) {
    std::set<core::Instant> slots;  // the schedule's slots the database already holds
    for (const store::ScheduledSitting& held : store::panel_sittings(tx, panel.id)) {
      const store::SittingRecord& r = held.sitting;
      slots.insert(held.schedule_slot);
      if (r.status == core::SittingStatus::cancelled ||
          std::chrono::sys_days{r.date} < std::chrono::sys_days{from}) {
        continue;
      }
      found.push_back({r.starts_at,
                       {r.date, london_time(r.starts_at), london_time(r.ends_at),
                        venue_name(panel, r.venue_id), s.calendar.is_bank_holiday(r.date)}});
    }
    // Enough of the schedule to fill `count` however many the database took.
    const int enough = count + static_cast<int>(slots.size());
    for (const core::Sitting& sit : core::sittings_from(panel, s.calendar, from, enough)) {
      const core::Instant starts = core::london_to_utc(sit.date, sit.start);
      if (slots.count(starts)) {
        continue;
      }
      found.push_back({starts,
                       {sit.date, core::to_hh_mm(sit.start), core::to_hh_mm(sit.end),
                        venue_name(panel, sit.venue_id), sit.on_bank_holiday}});
    }
  });
  std::stable_sort(found.begin(), found.end(),
                   [](const Found& a, const Found& b) { return a.starts_at < b.starts_at; });
  std::vector<PlannedSitting> out;
  for (std::size_t i = 0; i < found.size() && static_cast<int>(i) < count; ++i) {
    out.push_back(found[i].sitting);
  }
  return out;
}

namespace {

// The sittings the person may see among `records`, the first 20 of them:
// those of the panels they serve and those they are expected at
// (core/access.h).
std::vector<SittingSummary> visible(Tx& tx, const Services& s, const Actor& a,
                                    const std::vector<store::SittingRecord>& records) {
  const bool all = core::relevant(a.roles, core::Resource::sitting).count(core::Relationship::any);
  std::vector<SittingSummary> out;
  for (const store::SittingRecord& r : records) {
    if (out.size() == kSittingsListed) {
      break;
    }
    if (all || may_sitting(tx, s, a, r.id, r.panel_id, core::Resource::sitting, core::Use::read)) {
      out.push_back(sitting_summary(s, r));
    }
  }
  return out;
}

}  // namespace

core::Result<std::vector<SittingSummary>> upcoming_sittings(Services& s, const Actor& a) {
  if (!a.may(core::Permission::view_sittings)) {
    return core::Error::forbidden("You cannot see panel sittings");
  }
  std::vector<SittingSummary> out;
  s.db.read_all(
      [&](Tx& tx) { out = visible(tx, s, a, store::sittings_from(tx, today(s), kSittingsRead)); });
  return out;
}

core::Result<std::vector<SittingSummary>> recent_sittings(Services& s, const Actor& a,
                                                          std::optional<core::Date> before) {
  if (!a.may(core::Permission::view_sittings)) {
    return core::Error::forbidden("You cannot see panel sittings");
  }
  const core::Date until = before.value_or(today(s));
  const core::Date from{std::chrono::sys_days{until} - std::chrono::days{56}};
  std::vector<SittingSummary> out;
  s.db.read_all([&](Tx& tx) {
    out = visible(tx, s, a, store::sittings_before(tx, from, until, kSittingsRead));
  });
  return out;
}

}  // namespace casepanel::app
