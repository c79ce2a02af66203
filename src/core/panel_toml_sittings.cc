// Reading the sitting side of a panel file: venues and their rotation, the
// schedule, hearings, members with the quorum, and the chair.
#include <algorithm>
#include <string>

#include "core/panel_toml.h"

namespace casepanel::core::panel_toml {

namespace {

void read_rotation(TableReader& r, PanelType& p, bool has_weekday) {
  Schedule& s = p.schedule;
  std::vector<std::pair<std::string, int>> rotation = r.texts("venue_rotation");
  for (size_t i = 0; i < rotation.size(); ++i) {
    const auto& [venue, line] = rotation[i];
    if (!p.venue(venue)) {
      r.problems().add(line, r.path("venue_rotation") + "[" + std::to_string(i) + "]",
                       "unknown venue " + quoted(venue) + ": list it under [[venues]] first");
    }
    s.venue_rotation.push_back(venue);
  }
  bool has_anchor = r.date("rotation_anchor", s.rotation_anchor, Need::optional);
  if (rotation.size() > 1 && !r.has("rotation_anchor")) {
    r.problem("rotation_anchor",
              "required field is missing: give a sitting date held at the first venue of "
              "venue_rotation");
  }
  if (has_anchor && has_weekday &&
      std::chrono::weekday{std::chrono::sys_days{s.rotation_anchor}} != s.weekday) {
    r.problem("rotation_anchor", to_iso(s.rotation_anchor) + " is not a " +
                                     std::string(weekday_name(s.weekday)) +
                                     ", the day the panel sits");
  }
}

void check_slot_fits(TableReader& r, const PanelType& p) {
  int sitting = static_cast<int>((p.schedule.end - p.schedule.start).count());
  if (sitting > 0 && p.slot_minutes > sitting) {
    r.problem("slot_minutes", "a slot of " + std::to_string(p.slot_minutes) +
                                  " minutes does not fit in a sitting of " +
                                  std::to_string(sitting) + " minutes");
  }
}

}  // namespace

void read_venues(TableReader& root, PanelType& p) {
  IdSet ids;
  root.each_table("venues", [&](TableReader& r) {
    Venue v;
    if (r.id("id", v.id, Need::required)) {
      ids.add(r, v.id);
    }
    r.text("code", v.code, Need::optional);
    r.text("name", v.name, Need::required);
    r.text("address", v.address, Need::optional);
    p.venues.push_back(std::move(v));
  });
}

void read_schedule(TableReader& root, PanelType& p) {
  root.with_table("schedule", Need::required, [&](TableReader& r) {
    Schedule& s = p.schedule;
    bool has_weekday = r.weekday("weekday", s.weekday, Need::required);
    bool has_start = r.time("start", s.start, Need::required);
    bool has_end = r.time("end", s.end, Need::required);
    if (has_start && has_end && s.end <= s.start) {
      r.problem("end", "the sitting must end after it starts (" + to_hh_mm(s.start) + ")");
    }
    bool has_every = r.integer("every_weeks", s.every_weeks, Need::optional);
    require_positive(r, "every_weeks", s.every_weeks, has_every);
    read_rotation(r, p, has_weekday);
  });
}

// [hearing]: how long a hearing lasts, who attends and who presents.
void read_hearing(TableReader& root, PanelType& p) {
  root.with_table("hearing", Need::required, [&](TableReader& r) {
    bool has_slot = r.integer("slot_minutes", p.slot_minutes, Need::required);
    require_positive(r, "slot_minutes", p.slot_minutes, has_slot);
    if (has_slot) {
      check_slot_fits(r, p);
    }
    bool has_extra =
        r.integer("extra_minutes_per_sibling", p.extra_minutes_per_sibling, Need::required);
    require_not_negative(r, "extra_minutes_per_sibling", p.extra_minutes_per_sibling, has_extra);
    p.hearing.attendees = r.roles("attendees");
    r.role("presented_by", p.hearing.presented_by, Need::optional);
    r.role("presenter_if_absent", p.hearing.presenter_if_absent);
  });
}

namespace {

// A seat's id when the file gives none: its label in lower case, runs of
// other characters as one "_" ("Group Manager: Fostering" -> "group_manager_fostering").
std::string seat_id_from(const std::string& label) {
  std::string id;
  for (const char c : label) {
    const bool word = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (word || (c >= 'A' && c <= 'Z')) {
      id += word ? c : static_cast<char>(c - 'A' + 'a');
    } else if (!id.empty() && id.back() != '_') {
      id += '_';
    }
  }
  while (!id.empty() && id.back() == '_') {
    id.pop_back();
  }
  return id.substr(0, 60);
}

}  // namespace

void read_members(TableReader& root, PanelType& p) {
  IdSet ids;
  root.each_table("members", [&](TableReader& r) {
    Member m{.id = {}, .role = Role::member, .label = {}};
    r.role("role", m.role, Need::required);
    r.text("label", m.label, Need::required);
    if (!r.id("id", m.id, Need::optional)) {
      m.id = seat_id_from(m.label);
    }
    if (ids.contains(m.id)) {
      r.problem("id", "two seats have the id " + quoted(m.id) +
                          " (made from their labels when not given): give each its own `id`");
    } else {
      ids.add(r, m.id);
    }
    m.counts_to_quorum = m.role != Role::panel_admin && m.role != Role::coordinator;
    r.flag("counts_to_quorum", m.counts_to_quorum);
    r.flag("as_relevant", m.as_relevant);
    m.required = !m.as_relevant;
    r.flag("required", m.required);
    if (m.required && m.as_relevant) {
      r.problem("required", "a member who attends as relevant to the case cannot be required");
    }
    p.members.push_back(std::move(m));
  });
  root.with_table("membership", Need::optional, [&](TableReader& r) {
    bool has_quorum = r.integer("quorum", p.quorum, Need::optional);
    require_not_negative(r, "quorum", p.quorum, has_quorum);
    if (has_quorum && p.quorum > static_cast<int>(p.members.size())) {
      r.problem("quorum", "a quorum of " + std::to_string(p.quorum) + " is more than the " +
                              std::to_string(p.members.size()) + " members listed");
    }
  });
}

void read_chair(TableReader& root, PanelType& p) {
  root.with_table("chair", Need::optional, [&](TableReader& r) {
    r.role("role", p.chair.role, Need::optional);
    r.flag("independent_of_line_management", p.chair.independent_of_line_management);
    r.role("disagreement_to", p.chair.disagreement_to);
  });
  bool chair_is_member = std::any_of(p.members.begin(), p.members.end(),
                                     [&](const Member& m) { return m.role == p.chair.role; });
  if (!p.members.empty() && !chair_is_member) {
    root.problem("members", "no member holds the chair's role (" +
                                std::string(role_id(p.chair.role)) + "): add one");
  }
}

}  // namespace casepanel::core::panel_toml
