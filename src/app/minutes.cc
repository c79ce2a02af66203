#include "app/minutes.h"

#include <algorithm>

#include "app/audit_trail.h"
#include "app/display.h"
#include "app/notifications.h"
#include "app/scope.h"
#include "app/sitting_rows.h"
#include "core/sittings.h"
#include "store/hearings.h"
#include "store/minutes.h"
#include "store/role_holders.h"
#include "store/sittings.h"

namespace casepanel::app {
namespace {

using core::MinutesEvent;
using core::MinutesStatus;
using store::Tx;

// A sitting with its minutes (if saved) and how the actor stands to them.
struct MinutesAt {
  store::SittingRecord sitting;
  const core::PanelType* panel = nullptr;
  std::optional<store::MinutesRecord> minutes;
  bool writer = false;      // drafts them (Resource::minutes change)
  bool authoriser = false;  // the sitting's chair
  bool reader = false;      // expected at the sitting (Resource::minutes read)

  MinutesStatus status() const { return minutes ? minutes->status : MinutesStatus::draft; }
  bool authorised() const { return status() == MinutesStatus::authorised; }
};

// Who authorises the minutes (Support Panel 6: the panel chair): the
// sitting's chair; while it has none, every active holder of the panel's
// chair role.
std::vector<std::int64_t> minutes_authorisers(Tx& tx, const store::SittingRecord& sitting,
                                              const core::PanelType* panel) {
  if (sitting.chair_id) {
    return {*sitting.chair_id};
  }
  std::vector<std::int64_t> out;
  for (const store::RoleHolder& h :
       store::role_holders(tx, panel ? panel->chair.role : core::Role::chair)) {
    out.push_back(h.id);
  }
  return out;
}

bool is_authoriser(Tx& tx, const Actor& a, const MinutesAt& at) {
  const auto ids = minutes_authorisers(tx, at.sitting, at.panel);
  return std::find(ids.begin(), ids.end(), a.id) != ids.end();
}

// The sitting's minutes as the actor may see them: the administrators of
// its panel and its chair always, those expected at it once authorised;
// anyone else, or an unknown sitting, is not found.
core::Result<MinutesAt> find_at(Tx& tx, const Services& s, const Actor& a,
                                std::int64_t sitting_id) {
  auto sitting = store::find_sitting(tx, sitting_id);
  if (!sitting) {
    return core::Error::not_found();
  }
  MinutesAt at{*sitting, s.panels.find(sitting->panel_id), store::find_minutes(tx, sitting_id)};
  const auto may = [&](core::Use use) {
    return may_sitting(tx, s, a, sitting_id, sitting->panel_id, core::Resource::minutes, use);
  };
  at.writer = may(core::Use::change);
  at.reader = may(core::Use::read);
  at.authoriser = at.reader && is_authoriser(tx, a, at);
  if (!at.writer && !at.authoriser && !(at.reader && at.authorised())) {
    return core::Error::not_found();
  }
  return at;
}

// The sitting, when the actor drafts its minutes and the sitting's day has
// come; `event` must be allowed from the minutes' status.
core::Result<MinutesAt> writable(Tx& tx, const Services& s, const Actor& a, std::int64_t sitting_id,
                                 MinutesEvent event) {
  MinutesAt at = TRY(find_at(tx, s, a, sitting_id));
  if (!at.writer) {
    return core::Error::not_found();
  }
  TRY(core::may_minute(at.sitting.status, at.sitting.date, today(s)));
  TRY(core::next_minutes_status(at.status(), event));
  return at;
}

// The sitting, when the actor is its chair and `event` is allowed.
core::Result<MinutesAt> for_chair(Tx& tx, const Services& s, const Actor& a,
                                  std::int64_t sitting_id, MinutesEvent event) {
  MinutesAt at = TRY(find_at(tx, s, a, sitting_id));
  if (!at.authoriser) {
    return core::Error::not_found();
  }
  TRY(core::next_minutes_status(at.status(), event));
  return at;
}

std::string minutes_title_of(const MinutesAt& at) {
  return (at.panel ? at.panel->name : at.sitting.panel_id) + " on " +
         core::long_date(at.sitting.date);
}

std::string link_to(const Services& s, std::int64_t sitting_id) {
  return link(s, "/sittings/" + std::to_string(sitting_id) + "/minutes");
}

}  // namespace

namespace {

void add_minutes_history(const store::MinutesRecord& m, MinutesView& v) {
  v.chair_comments = m.chair_comments;
  v.last_saved = "Last saved by " + m.drafted_by_name + " " + at_time_on(m.updated_at);
  if (m.sent_at) {
    v.sent = "Sent to the chair " + at_time_on(*m.sent_at);
  }
  if (m.authorised_at) {
    v.authorised = "Authorised by " + m.authorised_by_name + " " + at_time_on(*m.authorised_at);
  }
}

// What the minutes say: from the snapshot once authorised, else from what
// is recorded now.
MinutesView view_of(Tx& tx, const Services& s, const MinutesAt& at) {
  MinutesView v;
  v.status = at.status();
  v.started = at.minutes.has_value();
  if (at.minutes && at.minutes->authorised_text) {
    v.content = from_snapshot(*at.minutes->authorised_text);
  } else {
    v.content = minutes_content(tx, s, at.sitting);
  }
  if (at.minutes) {
    add_minutes_history(*at.minutes, v);
  }
  for (const store::AddendumRecord& r : store::minutes_addenda(tx, at.sitting.id)) {
    v.addenda.push_back({r.text, r.why, "Added by " + r.added_by + " " + at_time_on(r.added_at)});
  }
  const bool day_come = core::may_minute(at.sitting.status, at.sitting.date, today(s)).ok();
  v.can_edit = at.writer && day_come && core::minutes_allow(v.status, MinutesEvent::save);
  v.can_send = at.writer && day_come && core::minutes_allow(v.status, MinutesEvent::send);
  v.can_decide = at.authoriser && core::minutes_allow(v.status, MinutesEvent::authorise);
  v.can_add_addendum = at.writer && core::minutes_allow(v.status, MinutesEvent::add_addendum);
  return v;
}

core::Result<MinutesView> read_minutes_view(Services& s, const Actor& a, std::int64_t sitting_id) {
  if (!a.may(core::Permission::view_minutes)) {
    return core::Error::not_found();
  }
  return s.db.read<MinutesView>([&](Tx& tx) -> core::Result<MinutesView> {
    const MinutesAt at = TRY(find_at(tx, s, a, sitting_id));
    if (at.writer && !at.minutes) {
      // Nothing to read before the sitting's day: say when they can be written.
      TRY(core::may_minute(at.sitting.status, at.sitting.date, today(s)));
    }
    return view_of(tx, s, at);
  });
}

// A reading of the minutes (personal data) is recorded before the page is
// handed out.
void audit_read(Services& s, const Actor& a, const char* action, std::int64_t sitting_id,
                const nlohmann::json& detail = {}) {
  s.db.write_all([&](Tx& tx) { audit(tx, s, a, action, "sitting", sitting_id, detail); });
}

}  // namespace

core::Result<MinutesView> minutes_view(Services& s, const Actor& a, std::int64_t sitting_id,
                                       MinutesPage page) {
  auto view = read_minutes_view(s, a, sitting_id);
  if (view) {
    audit_read(s, a, page == MinutesPage::print ? "minutes.print" : "minutes.view", sitting_id);
  }
  return view;
}

core::Result<MinutesView> minutes_extract(Services& s, const Actor& a, std::int64_t sitting_id,
                                          std::int64_t child_id) {
  MinutesView view = TRY(read_minutes_view(s, a, sitting_id));
  view.content = child_extract(std::move(view.content), child_id);
  if (view.content.hearings.empty()) {
    return core::Error::not_found();
  }
  audit_read(s, a, "minutes.extract", sitting_id, {{"child", child_id}});
  return view;
}

core::Status save_minutes(Services& s, const Actor& a, std::int64_t sitting_id,
                          const std::map<std::int64_t, std::string>& overviews) {
  if (!a.may(core::Permission::write_minutes)) {
    return core::Error::not_found();
  }
  return s.db.write<core::Done>([&](Tx& tx) -> core::Status {
    const MinutesAt at = TRY(writable(tx, s, a, sitting_id, MinutesEvent::save));
    const auto before = store::minutes_overviews(tx, sitting_id);
    nlohmann::json changed = nlohmann::json::array();
    for (const store::HearingRecord& h : store::sitting_hearings(tx, sitting_id)) {
      const auto given = overviews.find(h.id);
      const auto was = before.find(h.id);
      if (given == overviews.end() || (was != before.end() && was->second == given->second)) {
        continue;
      }
      store::save_minutes_overview(tx, h.id, given->second);
      changed.push_back({{"hearing", h.id},
                         {"before", was == before.end() ? "" : was->second},
                         {"after", given->second}});
    }
    store::save_minutes_draft(tx, sitting_id, a.id, s.clock.now());
    audit(tx, s, a, "minutes.save", "sitting", sitting_id, {{"overviews", changed}});
    return core::Done{};
  });
}

core::Status send_minutes(Services& s, const Actor& a, std::int64_t sitting_id) {
  if (!a.may(core::Permission::write_minutes)) {
    return core::Error::not_found();
  }
  return s.db.write<core::Done>([&](Tx& tx) -> core::Status {
    const MinutesAt at = TRY(writable(tx, s, a, sitting_id, MinutesEvent::send));
    const std::vector<std::int64_t> chairs = minutes_authorisers(tx, at.sitting, at.panel);
    if (chairs.empty()) {
      return core::Error::conflict("Nobody holds the chair's role to authorise these minutes");
    }
    if (!at.minutes) {
      store::save_minutes_draft(tx, sitting_id, a.id, s.clock.now());
    }
    store::set_minutes_sent(tx, sitting_id, s.clock.now());
    for (std::int64_t chair : chairs) {
      queue_email(tx, s, chair, "Minutes to authorise: " + minutes_title_of(at),
                  "The minutes of the " + minutes_title_of(at) +
                      " are ready for you to authorise. Read them, then authorise them or "
                      "return them with comments:\n\n" +
                      link_to(s, sitting_id));
    }
    audit(tx, s, a, "minutes.send", "sitting", sitting_id, {{"to", chairs}});
    return core::Done{};
  });
}

core::Status return_minutes(Services& s, const Actor& a, std::int64_t sitting_id,
                            const std::string& comments) {
  if (!a.may(core::Permission::view_minutes)) {
    return core::Error::not_found();
  }
  return s.db.write<core::Done>([&](Tx& tx) -> core::Status {
    const MinutesAt at = TRY(for_chair(tx, s, a, sitting_id, MinutesEvent::return_to_draft));
    TRY(core::check_return(comments));
    store::set_minutes_returned(tx, sitting_id, comments, s.clock.now());
    queue_email(tx, s, at.minutes->drafted_by,
                "Minutes returned by the chair: " + minutes_title_of(at),
                a.name + " returned the minutes of the " + minutes_title_of(at) +
                    " with these comments:\n\n" + comments + "\n\n" + link_to(s, sitting_id));
    audit(tx, s, a, "minutes.return", "sitting", sitting_id, {{"comments", comments}});
    return core::Done{};
  });
}

core::Status authorise_minutes(Services& s, const Actor& a, std::int64_t sitting_id) {
  if (!a.may(core::Permission::view_minutes)) {
    return core::Error::not_found();
  }
  return s.db.write<core::Done>([&](Tx& tx) -> core::Status {
    const MinutesAt at = TRY(for_chair(tx, s, a, sitting_id, MinutesEvent::authorise));
    // Frozen from here on: the minutes are read from this snapshot.
    const std::string snapshot = to_snapshot(minutes_content(tx, s, at.sitting));
    store::set_minutes_authorised(tx, sitting_id, a.id, s.clock.now(), snapshot);
    // Support Panel 6: "inform relevant social workers ... once the minutes
    // have been authorised by the panel chair".
    const std::vector<std::int64_t> workers = store::sitting_social_workers(tx, sitting_id);
    for (std::int64_t worker : workers) {
      queue_email(tx, s, worker, "Panel outcome on the child's record: " + minutes_title_of(at),
                  "The chair has authorised the minutes of the " + minutes_title_of(at) +
                      ". The outcome for the children you work with who were heard there is "
                      "now on each child's record.");
    }
    audit(tx, s, a, "minutes.authorise", "sitting", sitting_id, {{"told", workers}});
    return core::Done{};
  });
}

core::Status add_minutes_addendum(Services& s, const Actor& a, std::int64_t sitting_id,
                                  const std::string& text, const std::string& why) {
  if (!a.may(core::Permission::write_minutes)) {
    return core::Error::not_found();
  }
  return s.db.write<core::Done>([&](Tx& tx) -> core::Status {
    const MinutesAt at = TRY(find_at(tx, s, a, sitting_id));
    if (!at.writer) {
      return core::Error::not_found();
    }
    TRY(core::next_minutes_status(at.status(), MinutesEvent::add_addendum));
    TRY(core::check_addendum(text, why));
    const std::int64_t id =
        store::add_minutes_addendum(tx, {sitting_id, text, why, a.id, s.clock.now()});
    audit(tx, s, a, "minutes.addendum", "sitting", sitting_id,
          {{"addendum", id}, {"text", text}, {"why", why}});
    return core::Done{};
  });
}

std::vector<MinutesTask> minutes_to_authorise(Tx& tx, const Services& s, const Actor& a) {
  std::vector<MinutesTask> out;
  for (const store::MinutesAwaiting& m : store::minutes_with_chair(tx)) {
    const core::PanelType* panel = s.panels.find(m.panel_id);
    const bool mine =
        m.chair_id ? *m.chair_id == a.id : a.has(panel ? panel->chair.role : core::Role::chair);
    if (mine) {
      out.push_back(
          {m.sitting_id, panel ? panel->name : m.panel_id, core::long_date(m.sitting_date)});
    }
  }
  return out;
}

std::string minutes_status_line(Services& s, const Actor& a, std::int64_t sitting_id) {
  if (!a.may(core::Permission::view_minutes)) {
    return "";
  }
  return s.db
      .read<std::string>([&](Tx& tx) -> core::Result<std::string> {
        auto at = find_at(tx, s, a, sitting_id);
        if (!at) {
          return std::string();
        }
        if (!at->minutes) {
          return std::string("Not started");
        }
        return std::string(core::minutes_status_label(at->status()));
      })
      .value();
}

}  // namespace casepanel::app
