#include "app/sittings.h"

#include <algorithm>
#include <charconv>
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

namespace casepanel::app {
using store::Row;
using store::Tx;

const char* const kSittingColumns =
    "SELECT m.id, m.panel_id, m.sitting_date, m.starts_at, m.ends_at, m.venue_id, m.status, "
    "COALESCE((SELECT SUM(h.minutes) FROM hearings h WHERE h.sitting_id = m.id), 0), "
    "(SELECT COUNT(*) FROM hearings h WHERE h.sitting_id = m.id), m.room, "
    "m.conference_details, COALESCE(m.proposed_date, ''), m.cancel_reason, "
    "COALESCE(m.published_at, ''), m.starts_at FROM sittings m ";

namespace {

// A decision is recorded on the day of its sitting or after (the note taker
// may write it up during the afternoon), never before and never at a
// cancelled sitting. Empty when a decision may be recorded.
std::string why_not_decide_yet(const Services& s, const std::string& sitting_date,
                               const std::string& status) {
  if (status == "cancelled") {
    return "This sitting is cancelled: no decision can be recorded at it";
  }
  if (sitting_date > today(s)) {
    return "This hearing is on " + long_date(sitting_date) +
           ": its decision can be recorded from that day";
  }
  return "";
}

}  // namespace

int minutes_between(const std::string& from_utc, const std::string& to_utc) {
  return static_cast<int>(
      std::chrono::duration_cast<std::chrono::minutes>(parse_utc(to_utc) - parse_utc(from_utc))
          .count());
}

SittingSummary sitting_of(const Services& s, const Row& r) {
  const core::PanelType* p = s.panels.find(r.text(1));
  const core::Venue* v = p ? p->venue(r.text(5)) : nullptr;
  SittingSummary out;
  out.id = r.integer(0);
  out.panel = p ? p->name : r.text(1);
  out.date = long_date(r.text(2));
  out.iso_date = r.text(2);
  out.start = london_hh_mm(r.text(3));
  out.end = london_hh_mm(r.text(4));
  out.venue = v ? v->name + " (" + v->code + ")" : r.text(5);
  out.status = r.text(6);
  out.booked_minutes = static_cast<int>(r.integer(7));
  out.hearings = static_cast<int>(r.integer(8));
  out.capacity_minutes = minutes_between(r.text(3), r.text(4));
  if (auto d = core::parse_iso_date(r.text(2))) {
    out.on_bank_holiday = s.calendar.is_bank_holiday(*d);
  }
  out.venue_id = r.text(5);
  out.room = r.text(9);
  out.conference_details = r.text(10);
  out.proposed_date = long_date(r.text(11));
  out.iso_proposed_date = r.text(11);
  out.cancel_reason = r.text(12);
  out.published = !r.text(13).empty() ? london_long_date(r.text(13)) : "";
  out.starts_at = r.text(14);
  return out;
}

std::string today(const Services& s) { return core::to_iso(core::london_date(s.clock.now())); }

int ensure_sittings(Services& s, core::Date from, int count) {
  int created = 0;
  s.db.write_all([&](Tx& tx) {
    for (const core::PanelType& panel : s.panels.all()) {
      for (const core::Sitting& sit : core::sittings_from(panel, s.calendar, from, count)) {
        const std::string starts = core::to_iso_utc(core::london_to_utc(sit.date, sit.start));
        // A sitting the coordinator moved or cancelled keeps its slot in
        // the schedule, so it is not made again.
        if (tx.query_one("SELECT 1 FROM sittings WHERE panel_id = $1 AND (starts_at = $2 OR "
                         "schedule_slot = $3)",
                         {panel.id, starts, starts})) {
          continue;
        }
        tx.exec(
            "INSERT INTO sittings (panel_id, sitting_date, starts_at, ends_at, venue_id, status, "
            "schedule_slot, proposed_date) VALUES ($1, $2, $3, $4, $5, 'planned', $6, $7)",
            {panel.id, core::to_iso(sit.date), starts,
             core::to_iso_utc(core::london_to_utc(sit.date, sit.end)), sit.venue_id, starts,
             sit.proposed_date ? store::Value{core::to_iso(*sit.proposed_date)}
                               : store::Value{nullptr}});
        ++created;
      }
    }
  });
  return created;
}

std::vector<PlannedSitting> planned_sittings(Services& s, const core::PanelType& panel,
                                             core::Date from, int count) {
  struct Found {
    std::string starts_at;
    PlannedSitting sitting;
  };
  std::vector<Found> found;
  auto venue_name = [&](const std::string& id) {
    const core::Venue* v = panel.venue(id);
    return v ? v->name : id;
  };
  s.db.read_all([&](Tx& tx) {
    std::set<std::string> slots;  // the schedule's slots the database already holds
    for (const Row& r :
         tx.query("SELECT sitting_date, starts_at, ends_at, venue_id, status, "
                  "COALESCE(schedule_slot, starts_at) FROM sittings WHERE panel_id = $1",
                  {panel.id})) {
      slots.insert(r.text(5));
      const auto date = core::parse_iso_date(r.text(0));
      if (r.text(4) == "cancelled" || !date ||
          std::chrono::sys_days{*date} < std::chrono::sys_days{from}) {
        continue;
      }
      found.push_back({r.text(1),
                       {*date, london_hh_mm(r.text(1)), london_hh_mm(r.text(2)),
                        venue_name(r.text(3)), s.calendar.is_bank_holiday(*date)}});
    }
    // Enough of the schedule to fill `count` however many the database took.
    const int enough = count + static_cast<int>(slots.size());
    for (const core::Sitting& sit : core::sittings_from(panel, s.calendar, from, enough)) {
      const std::string starts = core::to_iso_utc(core::london_to_utc(sit.date, sit.start));
      if (slots.count(starts)) {
        continue;
      }
      found.push_back({starts,
                       {sit.date, core::to_hh_mm(sit.start), core::to_hh_mm(sit.end),
                        venue_name(sit.venue_id), sit.on_bank_holiday}});
    }
  });
  std::sort(found.begin(), found.end(),
            [](const Found& a, const Found& b) { return a.starts_at < b.starts_at; });
  std::vector<PlannedSitting> out;
  for (std::size_t i = 0; i < found.size() && static_cast<int>(i) < count; ++i) {
    out.push_back(found[i].sitting);
  }
  return out;
}

core::Result<std::vector<SittingSummary>> upcoming_sittings(Services& s, const Actor& a) {
  if (!a.may(core::Permission::view_sittings)) {
    return core::Error::forbidden("You cannot see panel sittings");
  }
  std::vector<SittingSummary> out;
  s.db.read_all([&](Tx& tx) {
    const bool all =
        core::relevant(a.roles, core::Resource::sitting).count(core::Relationship::any);
    // Only the sittings of the panels the person serves and those they are
    // expected at (core/access.h), the first 20 of them.
    for (const Row& r : tx.query(std::string(kSittingColumns) +
                                     "WHERE m.sitting_date >= $1 ORDER BY m.starts_at LIMIT 400",
                                 {today(s)})) {
      if (out.size() == 20) {
        break;
      }
      if (all || may_sitting(tx, s, a, r.integer(0), r.text(1), core::Resource::sitting,
                             core::Use::read)) {
        out.push_back(sitting_of(s, r));
      }
    }
  });
  return out;
}

core::Result<SittingView> sitting_view(Services& s, const Actor& a, std::int64_t sitting_id,
                                       SittingPage page) {
  if (!a.may(core::Permission::view_sittings)) {
    return core::Error::not_found();
  }
  auto view = s.db.read<SittingView>([&](Tx& tx) -> core::Result<SittingView> {
    auto m = tx.query_one(std::string(kSittingColumns) + "WHERE m.id = $1", {sitting_id});
    if (!m ||
        !may_sitting(tx, s, a, sitting_id, m->text(1), core::Resource::sitting, core::Use::read)) {
      return core::Error::not_found();
    }
    SittingView v;
    v.sitting = sitting_of(s, *m);
    v.can_record = may_sitting(tx, s, a, sitting_id, m->text(1), core::Resource::decision,
                               core::Use::change) &&
                   why_not_decide_yet(s, v.sitting.iso_date, v.sitting.status).empty();
    v.can_manage =
        may_sitting(tx, s, a, sitting_id, m->text(1), core::Resource::sitting, core::Use::change);
    const core::PanelType* panel = s.panels.find(m->text(1));
    if (auto chair = tx.query_one("SELECT u.name FROM sittings m JOIN users u ON u.id = "
                                  "m.chair_id WHERE m.id = $1",
                                  {sitting_id})) {
      v.chair = chair->text(0);
    }
    const auto names = sitting_children_names(tx, sitting_id);
    for (const Row& r :
         tx.query("SELECT h.id, h.request_id, h.starts_at, h.minutes, r.request_type, "
                  "r.conference_call, COALESCE(w.name, ''), COALESCE(pm.name, ''), "
                  "(SELECT COUNT(*) FROM decisions d WHERE d.hearing_id = h.id), "
                  "r.statutory_due IS NOT NULL, COALESCE(hc.name, '') "
                  "FROM hearings h JOIN requests r ON r.id = h.request_id "
                  "JOIN users w ON w.id = r.author_id LEFT JOIN teams t ON t.id = r.team_id "
                  "LEFT JOIN users pm ON pm.id = t.manager_id "
                  "LEFT JOIN users hc ON hc.id = h.chair_id "
                  "WHERE h.sitting_id = $1 ORDER BY h.starts_at",
                  {sitting_id})) {
      AgendaItem item;
      item.hearing_id = r.integer(0);
      item.request_id = r.integer(1);
      item.start = london_hh_mm(r.text(2));
      item.end = core::to_hh_mm(
          core::london_time_of_day(parse_utc(r.text(2)) + std::chrono::minutes{r.integer(3)}));
      int children = 0;
      if (auto n = names.find(item.request_id); n != names.end()) {
        item.children = n->second.names;
        children = n->second.count;
      }
      item.request_type = request_type_label(panel, r.text(4));
      item.conference_call = r.integer(5) != 0;
      item.presenters =
          r.text(6) + (r.text(7).empty() || r.text(7) == r.text(6) ? "" : ", " + r.text(7));
      item.decided = r.integer(8) >= children;
      item.statutory = r.integer(9) != 0;
      item.chair = r.text(10);
      if (panel && panel->chair.independent_of_line_management) {
        item.chair_warning = chair_conflict(tx, s, item.hearing_id);
      }
      v.agenda.push_back(std::move(item));
    }
    v.members = sitting_members(tx, s, sitting_id);
    if (panel) {
      v.quorum = quorum_of(*panel, v.members);
      if (v.can_manage) {
        v.chairs = chairs_of(tx, *panel);
      }
    }
    return v;
  });
  if (view) {
    // Recorded before the page is handed out, as a child's record is.
    s.db.write_all([&](Tx& tx) {
      audit(tx, s, a, page == SittingPage::print ? "sitting.print" : "sitting.view", "sitting",
            sitting_id);
    });
  }
  return view;
}

core::Result<DecisionForm> decision_form(Services& s, const Actor& a, std::int64_t hearing_id) {
  if (!a.may(core::Permission::record_decision)) {
    return core::Error::not_found();
  }
  return s.db.read<DecisionForm>([&](Tx& tx) -> core::Result<DecisionForm> {
    auto h = tx.query_one(
        "SELECT h.sitting_id, m.panel_id, m.sitting_date, h.request_id, r.team_id, m.status "
        "FROM hearings h JOIN sittings m ON m.id = h.sitting_id "
        "JOIN requests r ON r.id = h.request_id WHERE h.id = $1",
        {hearing_id});
    if (!h || !may_sitting(tx, s, a, h->integer(0), h->text(1), core::Resource::decision,
                           core::Use::change)) {
      return core::Error::not_found();
    }
    if (const std::string why = why_not_decide_yet(s, h->text(2), h->text(5)); !why.empty()) {
      return core::Error::conflict(why);
    }
    const core::PanelType* panel = s.panels.find(h->text(1));
    DecisionForm f;
    f.hearing_id = hearing_id;
    f.sitting_id = h->integer(0);
    f.sitting = (panel ? panel->name : h->text(1)) + ", " + long_date(h->text(2));
    for (const Row& c :
         tx.query("SELECT c.id, c.first_name || ' ' || c.last_name FROM children c "
                  "JOIN request_children rc ON rc.child_id = c.id WHERE rc.request_id = $1 "
                  "AND NOT EXISTS (SELECT 1 FROM decisions d WHERE d.hearing_id = $2 "
                  "AND d.child_id = c.id) ORDER BY c.date_of_birth",
                  {h->integer(3), hearing_id})) {
      f.children.push_back({c.integer(0), c.text(1)});
    }
    if (panel) {
      for (const auto& d : panel->decisions) {
        f.decisions.push_back(d);
      }
    }
    for (const Row& u : tx.query("SELECT DISTINCT u.id, u.name FROM users u "
                                 "WHERE u.active = 1 AND (u.team_id = $1 OR u.id IN "
                                 "(SELECT manager_id FROM teams WHERE id = $2)) ORDER BY u.name",
                                 {h->integer(4), h->integer(4)})) {
      f.owners.push_back({u.integer(0), u.text(1)});
    }
    return f;
  });
}

core::Status record_decision(Services& s, const Actor& a, std::int64_t hearing_id,
                             const DecisionInput& in) {
  if (!a.may(core::Permission::record_decision)) {
    return core::Error::not_found();
  }
  std::vector<core::FieldError> problems;
  if (in.child_id == 0) {
    problems.push_back({"child_id", "Select the child this decision is for"});
  }
  if (in.decision_type.empty()) {
    problems.push_back({"decision_type", "Select the decision"});
  }
  if (blank(in.summary)) {
    problems.push_back({"decided", "Enter what the panel decided"});
  }
  if (blank(in.reasons)) {
    problems.push_back({"reasons", "Enter the reasons for the decision"});
  }
  std::optional<core::Date> review;
  if (!in.review_date.empty()) {
    review = core::parse_iso_date(in.review_date);
    if (!review) {
      problems.push_back({"review_date", "Enter the review date as a real date, like 2027-03-31"});
    }
  }
  int due_days = 0;
  const bool has_action = !blank(in.action);
  if (has_action) {
    if (in.action_owner_id == 0) {
      problems.push_back({"action_owner_id", "Select who owns the action"});
    }
    auto [p, ec] = std::from_chars(
        in.action_due_working_days.data(),
        in.action_due_working_days.data() + in.action_due_working_days.size(), due_days);
    if (ec != std::errc{} ||
        p != in.action_due_working_days.data() + in.action_due_working_days.size() ||
        due_days < 1 || due_days > 260) {
      problems.push_back(
          {"action_due_working_days", "Enter the working days to complete it, from 1 to 260"});
    }
  }
  if (!problems.empty()) {
    return core::Error::invalid_fields(std::move(problems));
  }
  return s.db.write<core::Done>([&](Tx& tx) -> core::Status {
    auto h = tx.query_one(
        "SELECT h.request_id, m.panel_id, m.sitting_date, m.status, m.id FROM hearings h "
        "JOIN sittings m ON m.id = h.sitting_id WHERE h.id = $1",
        {hearing_id});
    if (!h || !may_sitting(tx, s, a, h->integer(4), h->text(1), core::Resource::decision,
                           core::Use::change)) {
      return core::Error::not_found();
    }
    if (const std::string why = why_not_decide_yet(s, h->text(2), h->text(3)); !why.empty()) {
      return core::Error::conflict(why);
    }
    const core::PanelType* panel = s.panels.find(h->text(1));
    // Support Panel 4.1: a chair in the line management of the case does not
    // decide it; the coordinator names another chair for the hearing first.
    if (const std::string conflict = chair_conflict(tx, s, hearing_id); !conflict.empty()) {
      return core::Error::conflict(conflict);
    }
    const core::DecisionOption* option = panel ? panel->decision(in.decision_type) : nullptr;
    if (option == nullptr) {
      return core::Error::invalid("decision_type", "Select the decision");
    }
    if (!tx.query_one("SELECT 1 FROM request_children WHERE request_id = $1 AND child_id = $2",
                      {h->integer(0), in.child_id})) {
      return core::Error::invalid("child_id", "Select a child heard at this hearing");
    }
    if (tx.query_one("SELECT 1 FROM decisions WHERE hearing_id = $1 AND child_id = $2",
                     {hearing_id, in.child_id})) {
      return core::Error::conflict("A decision for this child is already recorded");
    }
    const std::string now = now_utc(s);
    const std::int64_t decision = tx.insert(
        "INSERT INTO decisions (hearing_id, child_id, decision_type, summary, reasons, "
        "review_date, is_recommendation, recorded_by, recorded_at) "
        "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
        {hearing_id, in.child_id, in.decision_type, in.summary, in.reasons,
         review ? store::Value{core::to_iso(*review)} : store::Value{nullptr},
         std::int64_t{option->final_decision_by ? 1 : 0}, a.id, now});
    nlohmann::json detail = {
        {"hearing", hearing_id}, {"child", in.child_id}, {"decision_type", in.decision_type}};
    if (has_action) {
      if (!tx.query_one("SELECT 1 FROM users WHERE id = $1 AND active = 1", {in.action_owner_id})) {
        return core::Error::invalid("action_owner_id", "Select who owns the action");
      }
      const core::Date sat = *core::parse_iso_date(h->text(2));
      const std::string due = core::to_iso(s.calendar.add_working_days(sat, due_days));
      const std::int64_t action = tx.insert(
          "INSERT INTO actions (decision_id, child_id, description, owner_id, due_date, status, "
          "created_at) VALUES ($1, $2, $3, $4, $5, 'open', $6) RETURNING id",
          {decision, in.child_id, in.action, in.action_owner_id, due, now});
      detail["action"] = action;
      detail["action_due"] = due;
      queue_email(tx, s, in.action_owner_id, "A panel action is yours",
                  in.action + " (due " + long_date(due) + ")");
    }
    audit(tx, s, a, "decision.record", "decision", decision, detail);
    // The hearing is heard once every child on it has a decision.
    auto left = tx.query_one(
        "SELECT COUNT(*) FROM request_children rc WHERE rc.request_id = $1 AND NOT EXISTS "
        "(SELECT 1 FROM decisions d WHERE d.hearing_id = $2 AND d.child_id = rc.child_id)",
        {h->integer(0), hearing_id});
    if (left->integer(0) == 0) {
      tx.exec("UPDATE hearings SET status = 'heard' WHERE id = $1", {hearing_id});
      tx.exec("UPDATE requests SET state = 'heard', updated_at = $1 WHERE id = $2",
              {now, h->integer(0)});
      audit(tx, s, a, "request.heard", "request", h->integer(0));
    }
    return core::Done{};
  });
}

}  // namespace casepanel::app
