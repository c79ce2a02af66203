#include "app/actions.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <optional>
#include <stdexcept>

#include "app/audit_trail.h"
#include "app/display.h"
#include "app/paper_files.h"
#include "app/scope.h"
#include "app/sitting_rows.h"
#include "core/papers.h"
#include "core/request_lifecycle.h"
#include "core/sittings.h"
#include "store/crypto.h"
#include "store/relationships.h"
#include "store/requests.h"
#include "store/returns.h"

namespace casepanel::app {
namespace {

using store::FollowUpRecord;
using store::Tx;
namespace fs = std::filesystem;

// How long a team view keeps showing a closed action.
constexpr auto kClosedShownFor = std::chrono::days{90};

const core::PanelType* action_panel_of(const Services& s, const FollowUpRecord& f) {
  return s.panels.find(f.panel_id);
}

std::string closed_words(const FollowUpRecord& f) {
  if (f.status == core::ActionStatus::open || !f.closed_at) {
    return "";
  }
  const std::string when = core::long_date(core::london_date(*f.closed_at));
  const std::string by = f.closed_by.empty() ? "" : " by " + f.closed_by;
  if (f.status == core::ActionStatus::not_done) {
    return "Closed as not done on " + when + by;
  }
  if (f.done_on) {
    return "Recorded as received on " + core::long_date(*f.done_on) + by;
  }
  return "Done " + when + by;
}

ActionLine action_line_of(Tx& tx, const Services& s, const FollowUpRecord& f) {
  const core::PanelType* p = action_panel_of(s, f);
  ActionLine l;
  l.id = f.id;
  l.child_id = f.child_id;
  l.child = f.child;
  l.child_born = core::long_date(f.child_born);
  l.team = f.team;
  l.panel = p ? p->name : f.panel_id;
  l.what = f.description;  // a timescale's is its label, written when it started
  l.timescale = f.kind != core::kPanelAction;
  l.owner = f.owner;
  l.due = f.due;
  l.status = f.status;
  l.overdue = f.status == core::ActionStatus::open && core::is_overdue(f.due, today(s));
  l.escalation_level = f.escalation_level;
  if (f.escalation_level > 0) {
    const auto steps = store::escalations_of(tx, f.id);
    if (!steps.empty()) {
      const store::EscalationRecord& last = steps.back();
      const std::string title =
          p ? p->title_of(last.role) : std::string(core::role_title(last.role));
      l.last_step = "Escalated to the " + title +
                    (last.notified.empty() ? "" : " (" + last.notified + ")") + ", " +
                    core::long_date(last.step_day);
    }
  }
  l.closed = closed_words(f);
  return l;
}

core::Relationships relationships(Tx& tx, const Actor& a, const FollowUpRecord& f) {
  core::Relationships out;
  const core::Relationships wanted = core::relevant(a.roles, core::Resource::follow_up);
  if (wanted.count(core::Relationship::any)) {
    out.insert(core::Relationship::any);
  }
  if (f.owner_id == a.id) {
    out.insert(core::Relationship::author);
  }
  if (wanted.count(core::Relationship::own_line) && team_in_scope(tx, a, f.team_id)) {
    out.insert(core::Relationship::own_line);
  }
  if (wanted.count(core::Relationship::panel_served)) {
    const auto served = store::panels_served(tx, a.id);
    if (std::find(served.begin(), served.end(), f.panel_id) != served.end()) {
      out.insert(core::Relationship::panel_served);
    }
  }
  return out;
}

// The role a timescale names to record it, if any.
std::optional<core::Role> recorder_of(const Services& s, const FollowUpRecord& f) {
  if (f.kind == core::kPanelAction) {
    return std::nullopt;
  }
  const core::PanelType* p = action_panel_of(s, f);
  const core::Timescale* t = p ? core::timescale_of(*p, f.kind) : nullptr;
  return t ? t->recorded_by : std::nullopt;
}

// Who may close it: a timescale the panel names a role to record, that
// role's holders who serve the panel or manage the case; anything else, its
// owner or a manager of the case (never through serving the panel alone).
bool may_close(const Services& s, const Actor& a, core::Relationships rels,
               const FollowUpRecord& f) {
  if (auto role = recorder_of(s, f)) {
    return a.has(*role) && core::may({*role}, rels, core::Resource::follow_up, core::Use::change);
  }
  rels.erase(core::Relationship::panel_served);
  return core::may(a.roles, rels, core::Resource::follow_up, core::Use::change);
}

// The follow-up, when the actor may see it; not found otherwise.
core::Result<FollowUpRecord> visible_action(Tx& tx, const Actor& a, std::int64_t id,
                                            core::Relationships* rels_out = nullptr) {
  auto f = store::find_follow_up(tx, id);
  if (!f) {
    return core::Error::not_found();
  }
  core::Relationships rels = relationships(tx, a, *f);
  if (!core::may(a.roles, rels, core::Resource::follow_up, core::Use::read)) {
    return core::Error::not_found();
  }
  if (rels_out) {
    *rels_out = std::move(rels);
  }
  return *f;
}

std::string closes_as(const Services& s, const FollowUpRecord& f) {
  if (recorder_of(s, f)) {
    return "Record it as received";
  }
  return f.kind == core::kPanelAction ? "Record the outcome" : "Record that it was met";
}

}  // namespace

int close_finished_requests(Tx& tx, const Services& s, const Actor& a, std::int64_t request_id) {
  int closed = 0;
  for (std::int64_t id : store::finished_requests(tx, request_id)) {
    const auto r = store::find_request(tx, id);
    const auto next = r ? core::next_state(r->state, core::RequestEvent::close)
                        : core::Result<core::RequestState>(core::Error::not_found());
    if (!next) {
      continue;
    }
    store::set_request_state(tx, id, *next, s.clock.now());
    audit(tx, s, a, "request.closed", "request", id, {{"why", "nothing left to follow up"}});
    ++closed;
  }
  return closed;
}

core::Result<MyActions> my_actions(Services& s, const Actor& a) {
  return s.db.write<MyActions>([&](Tx& tx) -> core::Result<MyActions> {
    MyActions out;
    for (const FollowUpRecord& f : store::follow_ups_owned(tx, a.id)) {
      (f.status == core::ActionStatus::open ? out.open : out.closed)
          .push_back(action_line_of(tx, s, f));
    }
    for (const FollowUpRecord& f : store::follow_ups_escalated_to(tx, a.id)) {
      out.escalated_to_me.push_back(action_line_of(tx, s, f));
    }
    const auto served = store::panels_served(tx, a.id);
    for (const std::string& panel_id : served) {
      const core::PanelType* p = s.panels.find(panel_id);
      if (p == nullptr) {
        continue;
      }
      for (const core::Timescale& t : p->timescales) {
        if (!t.recorded_by || !a.has(*t.recorded_by)) {
          continue;
        }
        for (const FollowUpRecord& f : store::open_follow_ups_of_kind(tx, panel_id, t.id)) {
          out.to_record.push_back(action_line_of(tx, s, f));
        }
      }
    }
    const std::size_t shown =
        out.open.size() + out.closed.size() + out.escalated_to_me.size() + out.to_record.size();
    if (shown > 0) {
      audit(tx, s, a, "actions.list", "user", a.id, {{"shown", shown}});
    }
    return out;
  });
}

ActionCounts action_counts(Services& s, const Actor& a) {
  ActionCounts out;
  if (!a.may(core::Permission::view_follow_ups)) {
    return out;
  }
  const core::Date now = today(s);
  s.db.read_all([&](Tx& tx) {
    for (const FollowUpRecord& f : store::follow_ups_owned(tx, a.id)) {
      if (f.status == core::ActionStatus::open) {
        ++out.open;
        out.overdue += core::is_overdue(f.due, now) ? 1 : 0;
      }
    }
    out.escalated_to_me = static_cast<int>(store::follow_ups_escalated_to(tx, a.id).size());
    for (const std::string& panel_id : store::panels_served(tx, a.id)) {
      const core::PanelType* p = s.panels.find(panel_id);
      for (const core::Timescale& t : p ? p->timescales : std::vector<core::Timescale>{}) {
        if (t.recorded_by && a.has(*t.recorded_by)) {
          out.to_record +=
              static_cast<int>(store::open_follow_ups_of_kind(tx, panel_id, t.id).size());
        }
      }
    }
  });
  return out;
}

core::Result<std::vector<TeamActions>> team_actions(Services& s, const Actor& a) {
  if (!a.has(core::Role::practice_manager) && !a.has(core::Role::group_manager) &&
      !a.has(core::Role::auditor)) {
    return core::Error::forbidden("The team view is for practice and group managers.");
  }
  return s.db.write<std::vector<TeamActions>>(
      [&](Tx& tx) -> core::Result<std::vector<TeamActions>> {
        const std::vector<std::int64_t> teams = teams_in_scope(tx, a);
        std::vector<TeamActions> out;
        std::map<std::string, std::size_t> at;
        std::size_t shown = 0;
        for (const FollowUpRecord& f :
             store::follow_ups_of_teams(tx, teams, s.clock.now() - kClosedShownFor)) {
          auto [it, added] = at.try_emplace(f.team, out.size());
          if (added) {
            out.push_back({f.team, {}, {}});
          }
          TeamActions& t = out[it->second];
          (f.status == core::ActionStatus::open ? t.open : t.closed)
              .push_back(action_line_of(tx, s, f));
          ++shown;
        }
        audit(tx, s, a, "actions.team", "user", a.id, {{"teams", teams}, {"shown", shown}});
        return out;
      });
}

core::Result<ActionPage> action_view(Services& s, const Actor& a, std::int64_t id) {
  return s.db.write<ActionPage>([&](Tx& tx) -> core::Result<ActionPage> {
    core::Relationships rels;
    FollowUpRecord f = TRY(visible_action(tx, a, id, &rels));
    const core::PanelType* p = action_panel_of(s, f);
    ActionPage v;
    v.line = action_line_of(tx, s, f);
    for (const store::EscalationRecord& e : store::escalations_of(tx, f.id)) {
      const std::string title = p ? p->title_of(e.role) : std::string(core::role_title(e.role));
      v.steps.push_back({core::long_date(e.step_day),
                         e.notified.empty() ? "Nobody holds the role of " + title + " for this case"
                                            : title + ": " + e.notified,
                         e.label});
    }
    v.may_close = f.status == core::ActionStatus::open && may_close(s, a, rels, f);
    v.asks_date = recorder_of(s, f).has_value();
    v.closes_as = closes_as(s, f);
    v.record = std::move(f);
    audit(tx, s, a, "action.view", "child", v.record.child_id, {{"action", id}});
    return v;
  });
}

namespace {

// What closing an action writes: its outcome, and when done the evidence and
// its file, written to the uploads directory here (`written` names it, so
// that the caller removes it if the transaction fails).
core::Result<store::ActionClosing> closing_of(Services& s, const Actor& a,
                                              const core::CompletionEntry& entry,
                                              const core::CheckedCompletion& checked,
                                              const Upload& file,
                                              std::optional<fs::path>& written) {
  store::ActionClosing c;
  c.status = checked.status;
  c.done_on = checked.met_on;
  c.by = a.id;
  c.at = s.clock.now();
  if (checked.status != core::ActionStatus::done) {
    c.not_done_reason = entry.not_done_reason;
    return c;
  }
  c.evidence = entry.evidence;
  c.legal_document_at = entry.legal ? entry.legal_document_at : "";
  if (!file.file_name.empty() || !file.content.empty()) {
    c.media_type = TRY(check_upload(s, "evidence_file", file));
    c.file_name = core::display_file_name(file.file_name);
    c.stored_name = generated_paper_name();
    c.bytes = static_cast<std::int64_t>(file.content.size());
    c.sha256 = store::sha256_hex(file.content);
    write_file_atomically(s.uploads_dir, c.stored_name, file.content);
    written = s.uploads_dir / c.stored_name;
  }
  return c;
}

}  // namespace

core::Status close_action(Services& s, const Actor& a, std::int64_t id,
                          const core::CompletionEntry& entry, const Upload& file) {
  std::optional<fs::path> written;
  try {
    core::Status done = s.db.write<core::Done>([&](Tx& tx) -> core::Result<core::Done> {
      core::Relationships rels;
      const FollowUpRecord f = TRY(visible_action(tx, a, id, &rels));
      if (!may_close(s, a, rels, f)) {
        return core::Error::forbidden(
            recorder_of(s, f) ? "Only the role the panel names records this."
                              : "Only the action's owner or a manager of the case closes it.");
      }
      if (f.status != core::ActionStatus::open) {
        return core::Error::conflict("This action is already closed.");
      }
      const bool asks_date = recorder_of(s, f).has_value();
      const core::CheckedCompletion checked =
          TRY(core::check_completion(entry, asks_date, f.hearing, today(s)));
      const store::ActionClosing c = TRY(closing_of(s, a, entry, checked, file, written));
      if (!store::close_follow_up(tx, f.id, c)) {
        return core::Error::conflict("This action is already closed.");
      }
      close_finished_requests(tx, s, a, f.request_id);
      audit(tx, s, a, c.status == core::ActionStatus::done ? "action.done" : "action.not_done",
            "child", f.child_id,
            {{"action", f.id},
             {"kind", f.kind},
             {"evidence", c.evidence},
             {"legal_document_at", c.legal_document_at},
             {"met_on", c.done_on ? core::to_iso(*c.done_on) : ""},
             {"not_done_reason", c.not_done_reason},
             {"file", c.file_name},
             {"sha256", c.sha256}});
      return core::Done{};
    });
    if (!done && written) {
      remove_quietly(*written);
    }
    return done;
  } catch (...) {
    if (written) {
      remove_quietly(*written);
    }
    throw;
  }
}

core::Result<PaperFile> action_evidence_file(Services& s, const Actor& a, std::int64_t id) {
  return s.db.write<PaperFile>([&](Tx& tx) -> core::Result<PaperFile> {
    const FollowUpRecord f = TRY(visible_action(tx, a, id));
    if (f.evidence_stored_name.empty()) {
      return core::Error::not_found();
    }
    if (!generated_name(f.evidence_stored_name)) {
      throw std::runtime_error("action " + std::to_string(id) + " has a bad stored name");
    }
    PaperFile out{f.evidence_file_name, f.evidence_media_type,
                  read_file(s.uploads_dir / f.evidence_stored_name)};
    if (store::sha256_hex(out.content) != f.evidence_sha256) {
      throw std::runtime_error("action " + std::to_string(id) +
                               " evidence does not match its SHA-256");
    }
    audit(tx, s, a, "action.evidence_download", "child", f.child_id,
          {{"action", id}, {"file_name", out.file_name}, {"sha256", f.evidence_sha256}});
    return out;
  });
}

}  // namespace casepanel::app
