#include "app/requests.h"

#include <algorithm>
#include <array>

#include "app/audit_trail.h"
#include "app/auth.h"
#include "app/child_names.h"
#include "app/display.h"
#include "app/notifications.h"
#include "app/papers.h"
#include "app/scope.h"
#include "core/cutoff.h"

namespace casepanel::app {
namespace {

using store::Row;
using store::Tx;

struct Loaded {
  std::int64_t id;
  std::string panel_id;
  core::RequestState state;
  int step;
  std::int64_t author_id;
  std::int64_t team_id;
};

std::optional<Loaded> load(Tx& tx, std::int64_t id) {
  auto r = tx.query_one(
      "SELECT id, panel_id, state, approval_step, author_id, team_id FROM requests WHERE id = $1",
      {id});
  if (!r) {
    return std::nullopt;
  }
  return Loaded{r->integer(0),
                r->text(1),
                core::state_from_id(r->text(2)).value_or(core::RequestState::draft),
                static_cast<int>(r->integer(3)),
                r->integer(4),
                r->integer(5)};
}

// The policy's question about this request (core/access.h), with it in hand.
bool allowed(Tx& tx, const Services& s, const Actor& a, const Loaded& r, core::Use use) {
  const store::RequestFacts facts{r.id, r.panel_id, std::string(core::state_id(r.state)),
                                  r.author_id, r.team_id};
  return may_request(tx, s, a, facts, RequestPart::request, use);
}

// Everyone who holds the step's role and manages the team: told by email.
void notify_approvers(Tx& tx, Services& s, const core::PanelType& panel, const Loaded& r) {
  const core::ApprovalStep& step = panel.approval_steps[static_cast<std::size_t>(r.step)];
  for (const Row& u : tx.query("SELECT u.id FROM users u JOIN user_roles ur ON ur.user_id = u.id "
                               "WHERE ur.role = $1 AND u.active = 1",
                               {std::string(core::role_id(step.role))})) {
    auto approver = load_actor(tx, u.integer(0));
    if (approver && approver->id != r.author_id && team_in_scope(tx, *approver, r.team_id)) {
      queue_email(tx, s, approver->id, "A request to " + panel.name + " needs you",
                  "Request " + std::to_string(r.id) + " is waiting for: " + step.label + ".");
    }
  }
}

// The request if the actor may `use` it; otherwise not_found, so that ids
// outside the actor's scope cannot be told from ids that do not exist.
core::Result<Loaded> load_visible(Tx& tx, const Services& s, const Actor& a, std::int64_t id,
                                  core::Use use = core::Use::read) {
  auto r = load(tx, id);
  if (!r || !allowed(tx, s, a, *r, use)) {
    return core::Error::not_found();
  }
  return *r;
}

// The author's own draft, for changing or sending (`doing`: "send it").
core::Result<Loaded> load_own_draft(Tx& tx, const Services& s, const Actor& a, std::int64_t id,
                                    const std::string& doing) {
  auto r = load_visible(tx, s, a, id);
  if (!r) {
    return r.error();
  }
  if (r->author_id != a.id) {
    return core::Error::forbidden("Only the request's author can " + doing);
  }
  if (r->state != core::RequestState::draft) {
    return core::Error::conflict(doing == "send it"
                                     ? "This request has already been sent"
                                     : "This request has been sent and can no longer be changed");
  }
  return *r;
}

// The approval step the actor may act on now, with its request and panel.
struct CurrentStep {
  Loaded request;
  const core::PanelType* panel;
  const core::ApprovalStep* step;
};
core::Result<CurrentStep> current_step(Tx& tx, Services& s, const Actor& a,
                                       std::int64_t request_id) {
  auto r = load_visible(tx, s, a, request_id, core::Use::change);
  if (!r) {
    return r.error();
  }
  const core::PanelType* panel = s.panels.find(r->panel_id);
  if (panel == nullptr) {
    return core::Error::conflict("This request's panel is no longer configured");
  }
  auto step = core::approval_step_for(
      *panel, {r->state, r->step, r->author_id, a.id, a.roles, team_in_scope(tx, a, r->team_id)});
  if (!step) {
    return step.error();
  }
  return CurrentStep{*r, panel, *step};
}

// Each field that changed, with its old and new value, for the audit log.
nlohmann::json draft_changes(const core::RequestDraft& before, const core::RequestDraft& after) {
  nlohmann::json out = nlohmann::json::object();
  const auto field = [&](const char* name, const auto& old_value, const auto& new_value) {
    if (old_value != new_value) {
      out[name] = {{"old", old_value}, {"new", new_value}};
    }
  };
  field("request_type", before.request_type, after.request_type);
  field("came_into_care", before.came_into_care, after.came_into_care);
  field("criteria", before.criteria, after.criteria);
  field("reason", before.reason, after.reason);
  field("proposed_plan", before.proposed_plan, after.proposed_plan);
  field("parallel_plan", before.parallel_plan, after.parallel_plan);
  field("venue_preference", before.venue_preference, after.venue_preference);
  field("conference_call", before.conference_call, after.conference_call);
  const auto authorisations = [](const core::RequestDraft& d) {
    nlohmann::json list = nlohmann::json::array();
    for (const core::Authorisation& au : d.authorisations) {
      list.push_back({{"criterion", au.criterion_id},
                      {"by", au.authorised_by},
                      {"date", au.date},
                      {"time", au.time},
                      {"what", au.what}});
    }
    return list;
  };
  field("authorisations", authorisations(before), authorisations(after));
  return out;
}

constexpr std::array<core::Section, 3> kEditable = {core::Section::type, core::Section::details,
                                                    core::Section::attendance};

bool has_section(const core::PanelType& panel, core::Section section) {
  switch (section) {
    case core::Section::type:
      return !panel.request_types.empty() || !panel.entry_criteria.empty();
    case core::Section::attendance:
      return panel.asks_venue_preference || panel.asks_conference_call;
    default:
      return true;
  }
}

std::string section_label(const core::PanelType& panel, core::Section section) {
  switch (section) {
    case core::Section::type:
      return panel.request_types.empty() ? "Entry criteria" : "Request type";
    case core::Section::details:
      return "Reason and plans";
    case core::Section::attendance:
      return panel.asks_venue_preference ? "Venue and attendance" : "Attendance";
    case core::Section::children:
      return "Children";
  }
  return "";
}

bool holds_role(Tx& tx, std::int64_t user_id, core::Role role) {
  return user_id != 0 && tx.query_one(
                               "SELECT 1 FROM user_roles ur JOIN users u ON u.id = ur.user_id "
                               "WHERE ur.user_id = $1 AND ur.role = $2 AND u.active = 1",
                               {user_id, std::string(core::role_id(role))})
                             .has_value();
}

std::vector<NamedId> holders_of(Tx& tx, core::Role role) {
  std::vector<NamedId> out;
  for (const Row& r : tx.query("SELECT u.id, u.name FROM users u JOIN user_roles ur ON "
                               "ur.user_id = u.id WHERE ur.role = $1 AND u.active = 1 "
                               "ORDER BY u.name",
                               {std::string(core::role_id(role))})) {
    out.push_back({r.integer(0), r.text(1)});
  }
  return out;
}

// The draft as stored.
core::RequestDraft load_draft(Tx& tx, std::int64_t id) {
  core::RequestDraft d;
  auto r = tx.query_one(
      "SELECT panel_id, request_type, COALESCE(came_into_care, ''), reason, proposed_plan, "
      "parallel_plan, venue_preference, conference_call, "
      "(SELECT COUNT(*) FROM request_children rc WHERE rc.request_id = requests.id) "
      "FROM requests WHERE id = $1",
      {id});
  d.panel_id = r->text(0);
  d.request_type = r->text(1);
  d.came_into_care = r->text(2);
  d.reason = r->text(3);
  d.proposed_plan = r->text(4);
  d.parallel_plan = r->text(5);
  d.venue_preference = r->text(6);
  d.conference_call = r->integer(7) != 0;
  d.children = static_cast<int>(r->integer(8));
  for (const Row& c : tx.query(
           "SELECT criterion_id FROM request_criteria WHERE request_id = $1 ORDER BY criterion_id",
           {id})) {
    d.criteria.push_back(c.text(0));
  }
  for (const Row& a : tx.query("SELECT criterion_id, authorised_by, authorised_at, what "
                               "FROM request_authorisations WHERE request_id = $1",
                               {id})) {
    const core::Instant at = parse_utc(a.text(2));
    d.authorisations.push_back({a.text(0), a.integer(1), true, core::to_iso(core::london_date(at)),
                                core::to_hh_mm(core::london_time_of_day(at)), a.text(3)});
  }
  return d;
}

std::vector<std::string> sections_done(Tx& tx, std::int64_t id) {
  std::vector<std::string> out;
  auto r = tx.query_one("SELECT sections_done FROM requests WHERE id = $1", {id});
  std::string all = r ? r->text(0) : "";
  for (std::size_t start = 0; start < all.size();) {
    std::size_t end = all.find(',', start);
    if (end == std::string::npos) {
      end = all.size();
    }
    if (end > start) {
      out.push_back(all.substr(start, end - start));
    }
    start = end + 1;
  }
  return out;
}

bool contains(const std::vector<std::string>& list, std::string_view id) {
  return std::find(list.begin(), list.end(), id) != list.end();
}

// Writes one section's fields of `d`.
void write_section(Tx& tx, Services& s, const Actor& a, const core::PanelType& panel,
                   std::int64_t id, core::Section section, const core::RequestDraft& d) {
  const std::string now = now_utc(s);
  switch (section) {
    case core::Section::type: {
      const auto due = core::statutory_due(panel, s.calendar, d);
      const core::RequestType* type = panel.request_type(d.request_type);
      const bool statutory = type && type->statutory();
      tx.exec(
          "UPDATE requests SET request_type = $1, came_into_care = $2, statutory_due = $3, "
          "must_go_to_next_sitting = $4 WHERE id = $5",
          {d.request_type, statutory ? store::nullable_text(d.came_into_care) : store::Value{},
           due ? store::Value{core::to_iso(*due)} : store::Value{},
           std::int64_t{core::must_go_to_next_sitting(panel, d) ? 1 : 0}, id});
      tx.exec("DELETE FROM request_criteria WHERE request_id = $1", {id});
      for (const std::string& c : d.criteria) {
        tx.exec("INSERT INTO request_criteria (request_id, criterion_id) VALUES ($1, $2)", {id, c});
      }
      tx.exec("DELETE FROM request_authorisations WHERE request_id = $1", {id});
      for (const core::EntryCriterion* c : core::criteria_needing_authorisation(panel, d)) {
        for (const core::Authorisation& au : d.authorisations) {
          if (au.criterion_id != c->id) {
            continue;
          }
          const core::Instant at =
              core::london_to_utc(*core::parse_iso_date(au.date), *core::parse_hh_mm(au.time));
          tx.exec(
              "INSERT INTO request_authorisations (request_id, criterion_id, authorised_by, "
              "authorised_at, what, recorded_by, recorded_at) VALUES ($1, $2, $3, $4, $5, $6, $7)",
              {id, c->id, au.authorised_by, core::to_iso_utc(at), au.what, a.id, now});
        }
      }
      break;
    }
    case core::Section::details:
      tx.exec(
          "UPDATE requests SET reason = $1, proposed_plan = $2, parallel_plan = $3 WHERE id = $4",
          {d.reason, d.proposed_plan, d.parallel_plan, id});
      break;
    case core::Section::attendance:
      tx.exec("UPDATE requests SET venue_preference = $1, conference_call = $2 WHERE id = $3",
              {d.venue_preference, std::int64_t{d.conference_call ? 1 : 0}, id});
      break;
    case core::Section::children:
      break;
  }
  std::vector<std::string> done = sections_done(tx, id);
  if (!contains(done, core::section_id(section))) {
    done.emplace_back(core::section_id(section));
  }
  std::string joined;
  for (const std::string& x : done) {
    joined += (joined.empty() ? "" : ",") + x;
  }
  tx.exec("UPDATE requests SET sections_done = $1, updated_at = $2 WHERE id = $3",
          {joined, now, id});
}

// The panel's sittings ahead of now, soonest first: those planned in the
// database, or (before any are) those the schedule gives.
std::vector<core::Sitting> sittings_ahead(Tx& tx, Services& s, const core::PanelType& panel) {
  std::vector<core::Sitting> out;
  for (const Row& r : tx.query("SELECT sitting_date, starts_at, ends_at, venue_id FROM sittings "
                               "WHERE panel_id = $1 AND status <> 'cancelled' AND starts_at > $2 "
                               "ORDER BY starts_at LIMIT 26",
                               {panel.id, now_utc(s)})) {
    auto date = core::parse_iso_date(r.text(0));
    if (!date) {
      continue;
    }
    out.push_back({*date, core::london_time_of_day(parse_utc(r.text(1))),
                   core::london_time_of_day(parse_utc(r.text(2))), r.text(3),
                   s.calendar.is_bank_holiday(*date), std::nullopt});
  }
  if (out.empty()) {
    out = core::sittings_from(panel, s.calendar, core::london_date(s.clock.now()), 8);
  }
  return out;
}

// Where a request reaching the administrator now goes.
std::optional<core::TargetSitting> target_now(Tx& tx, Services& s, const core::PanelType& panel,
                                              bool must_go_next) {
  return core::target_sitting(panel, s.calendar, sittings_ahead(tx, s, panel), s.clock.now(),
                              must_go_next);
}

// The request has reached the coordinator: record when, and for a panel with
// a cut-off, the sitting it goes to and any it missed.
void mark_submitted(Tx& tx, Services& s, const core::PanelType& panel, std::int64_t id) {
  const std::string now = now_utc(s);
  auto must = tx.query_one("SELECT must_go_to_next_sitting FROM requests WHERE id = $1", {id});
  store::Value target, missed;
  if (panel.deadline.kind != core::DeadlineKind::none) {
    if (auto t = target_now(tx, s, panel, must && must->integer(0) != 0)) {
      target = core::to_iso(t->sitting.date);
      if (t->missed) {
        missed = core::to_iso(t->missed->date);
      }
    }
  }
  tx.exec(
      "UPDATE requests SET state = 'submitted', submitted_at = $1, updated_at = $2, "
      "target_sitting_date = $3, missed_cutoff_date = $4 WHERE id = $5",
      {now, now, target, missed, id});
  for (core::Role role : panel.submitted_to) {
    for (const NamedId& u : holders_of(tx, role)) {
      queue_email(tx, s, u.id, "A request to " + panel.name + " is ready for triage",
                  "Request " + std::to_string(id) + " has been submitted.");
    }
  }
}

std::string cutoff_note(const core::PanelType& panel, const Services& s,
                        const std::optional<core::TargetSitting>& t, bool must_go_next) {
  if (!t) {
    return "";
  }
  const std::string date = long_date(core::to_iso(t->sitting.date));
  if (must_go_next) {
    return "It must go to the next sitting, on " + date + ".";
  }
  auto cutoff = core::submission_cutoff(panel, s.calendar, t->sitting.date);
  if (!cutoff) {
    return "";
  }
  std::string note = "If it reaches the " + panel.title_of(core::Role::coordinator) +
                     " now, it will go to the sitting on " + date +
                     ". The cut-off for that sitting is " +
                     core::to_hh_mm(core::london_time_of_day(*cutoff)) + " on " +
                     long_date(core::to_iso(core::london_date(*cutoff))) + ".";
  if (t->missed) {
    note += " It is too late for the sitting on " + long_date(core::to_iso(t->missed->date)) +
            " unless the " + panel.title_of(core::Role::coordinator) + " accepts it late.";
  }
  return note;
}

}  // namespace

namespace {

// Checks the children and inserts the request and its children; returns its id.
core::Result<std::int64_t> insert_request(Tx& tx, Services& s, const Actor& a,
                                          const std::string& panel_id,
                                          const std::vector<std::int64_t>& child_ids) {
  if (child_ids.empty()) {
    return core::Error::invalid("children", "Select at least one child");
  }
  std::optional<std::int64_t> team;
  for (std::int64_t child : child_ids) {
    if (!may_child(tx, s, a, child, core::Use::read)) {
      return core::Error::not_found();
    }
    auto row = tx.query_one("SELECT team_id FROM children WHERE id = $1", {child});
    if (team && *team != row->integer(0)) {
      return core::Error::invalid("children", "Children in one request must share a team");
    }
    team = row->integer(0);
  }
  const std::string now = now_utc(s);
  const std::int64_t id = tx.insert(
      "INSERT INTO requests (panel_id, state, author_id, team_id, created_at, updated_at) "
      "VALUES ($1, 'draft', $2, $3, $4, $5) RETURNING id",
      {panel_id, a.id, *team, now, now});
  for (std::int64_t child : child_ids) {
    tx.exec("INSERT INTO request_children (request_id, child_id) VALUES ($1, $2)", {id, child});
  }
  return id;
}

core::Date today_of(const Services& s) { return core::london_date(s.clock.now()); }

// Fills in whether each authoriser holds the role the criterion asks for.
core::RequestDraft with_authoriser_roles(Tx& tx, const core::PanelType& panel,
                                         core::RequestDraft d) {
  for (core::Authorisation& au : d.authorisations) {
    const core::EntryCriterion* c = panel.entry_criterion(au.criterion_id);
    au.authoriser_has_role =
        c && c->authorisation_by && holds_role(tx, au.authorised_by, *c->authorisation_by);
  }
  return d;
}

}  // namespace

core::Result<std::int64_t> start_request(Services& s, const Actor& a, const std::string& panel_id,
                                         const std::vector<std::int64_t>& child_ids) {
  if (!a.may(core::Permission::draft_request)) {
    return core::Error::forbidden("You cannot make requests to panel");
  }
  if (s.panels.find(panel_id) == nullptr) {
    return core::Error::invalid("panel_id", "Select the panel");
  }
  return s.db.write<std::int64_t>([&](Tx& tx) -> core::Result<std::int64_t> {
    auto id = insert_request(tx, s, a, panel_id, child_ids);
    if (id) {
      audit(tx, s, a, "request.create", "request", *id,
            {{"panel", panel_id}, {"children", child_ids}});
    }
    return id;
  });
}

core::Result<std::int64_t> create_request(Services& s, const Actor& a,
                                          const std::vector<std::int64_t>& child_ids,
                                          const core::RequestDraft& draft) {
  if (!a.may(core::Permission::draft_request)) {
    return core::Error::forbidden("You cannot make requests to panel");
  }
  const core::PanelType* panel = s.panels.find(draft.panel_id);
  if (panel == nullptr) {
    return core::Error::invalid("panel_id", "Select the panel");
  }
  return s.db.write<std::int64_t>([&](Tx& tx) -> core::Result<std::int64_t> {
    core::RequestDraft checked = with_authoriser_roles(tx, *panel, draft);
    checked.children = static_cast<int>(child_ids.size());
    if (auto ok = core::validate_draft(*panel, checked, today_of(s)); !ok) {
      return ok.error();
    }
    auto id = insert_request(tx, s, a, draft.panel_id, child_ids);
    if (!id) {
      return id;
    }
    for (core::Section section : kEditable) {
      if (has_section(*panel, section)) {
        write_section(tx, s, a, *panel, *id, section, checked);
      }
    }
    audit(tx, s, a, "request.create", "request", *id,
          {{"panel", draft.panel_id},
           {"request_type", draft.request_type},
           {"criteria", draft.criteria},
           {"children", child_ids}});
    return id;
  });
}

core::Result<DraftView> draft_for_edit(Services& s, const Actor& a, std::int64_t request_id) {
  return s.db.read<DraftView>([&](Tx& tx) -> core::Result<DraftView> {
    auto r = load_own_draft(tx, s, a, request_id, "change it");
    if (!r) {
      return r.error();
    }
    DraftView v;
    v.id = request_id;
    v.panel = s.panels.find(r->panel_id);
    if (v.panel == nullptr) {
      return core::Error::conflict("This request's panel is no longer configured");
    }
    v.draft = load_draft(tx, request_id);
    for (const Row& c : tx.query("SELECT c.id, c.first_name || ' ' || c.last_name, "
                                 "COALESCE(c.came_into_care, '') FROM children c "
                                 "JOIN request_children rc ON rc.child_id = c.id "
                                 "WHERE rc.request_id = $1 ORDER BY c.date_of_birth",
                                 {request_id})) {
      v.children.push_back({c.integer(0), c.text(1)});
      if (v.first_child_came_into_care.empty()) {
        v.first_child_came_into_care = c.text(2);
      }
    }
    for (const core::EntryCriterion& c : v.panel->entry_criteria) {
      if (c.authorisation_by) {
        v.authorisers = holders_of(tx, *c.authorisation_by);
        break;
      }
    }
    return v;
  });
}

core::Status save_section(Services& s, const Actor& a, std::int64_t request_id,
                          core::Section section, const core::RequestDraft& input) {
  return s.db.write<core::Done>([&](Tx& tx) -> core::Status {
    auto r = load_own_draft(tx, s, a, request_id, "change it");
    if (!r) {
      return r.error();
    }
    const core::PanelType* panel = s.panels.find(r->panel_id);
    if (panel == nullptr || !has_section(*panel, section) || section == core::Section::children) {
      return core::Error::not_found();
    }
    core::RequestDraft d = load_draft(tx, request_id);
    const core::RequestDraft before = d;
    switch (section) {
      case core::Section::type:
        d.request_type = input.request_type;
        d.came_into_care = input.came_into_care;
        d.criteria = input.criteria;
        d.authorisations = input.authorisations;
        break;
      case core::Section::details:
        d.reason = input.reason;
        d.proposed_plan = input.proposed_plan;
        d.parallel_plan = input.parallel_plan;
        break;
      case core::Section::attendance:
        d.venue_preference = input.venue_preference;
        d.conference_call = input.conference_call;
        break;
      case core::Section::children:
        break;
    }
    d = with_authoriser_roles(tx, *panel, std::move(d));
    if (auto ok = core::validate_section(*panel, d, today_of(s), section); !ok) {
      return ok.error();
    }
    write_section(tx, s, a, *panel, request_id, section, d);
    audit(tx, s, a, "request.update", "request", request_id,
          {{"section", std::string(core::section_id(section))},
           {"changes", draft_changes(before, d)}});
    return core::Done{};
  });
}

core::Status send_for_approval(Services& s, const Actor& a, std::int64_t request_id) {
  return s.db.write<core::Done>([&](Tx& tx) -> core::Status {
    auto r = load_own_draft(tx, s, a, request_id, "send it");
    if (!r) {
      return r.error();
    }
    const core::PanelType* panel = s.panels.find(r->panel_id);
    if (panel == nullptr) {
      return core::Error::conflict("This request's panel is no longer configured");
    }
    const core::RequestDraft d = with_authoriser_roles(tx, *panel, load_draft(tx, request_id));
    std::vector<core::FieldError> problems;
    if (auto ok = core::validate_draft(*panel, d, today_of(s)); !ok) {
      problems = ok.error().fields;
    }
    if (auto papers = papers_ready(tx, *panel, request_id); !papers) {
      problems.insert(problems.end(), papers.error().fields.begin(), papers.error().fields.end());
    }
    if (!problems.empty()) {
      return core::Error::invalid_fields(std::move(problems));
    }
    // Sent back by the coordinator for more information: the approvals were
    // given, so the request goes straight back to the queue.
    auto last = tx.query_one(
        "SELECT step_id, outcome FROM approvals WHERE request_id = $1 ORDER BY id DESC LIMIT 1",
        {request_id});
    const bool from_triage = last && last->text(0) == "triage" && last->text(1) == "returned";
    const bool needs_approval = !panel->approval_steps.empty() && !from_triage;
    if (needs_approval) {
      tx.exec(
          "UPDATE requests SET state = 'awaiting_approval', approval_step = 0, updated_at = $1 "
          "WHERE id = $2",
          {now_utc(s), request_id});
    } else {
      mark_submitted(tx, s, *panel, request_id);
    }
    audit(tx, s, a, "request.send", "request", request_id,
          {{"state", needs_approval ? "awaiting_approval" : "submitted"}});
    if (needs_approval) {
      Loaded sent = *r;
      sent.step = 0;
      notify_approvers(tx, s, *panel, sent);
    }
    return core::Done{};
  });
}

core::Status approve_request(Services& s, const Actor& a, std::int64_t request_id,
                             const ApprovalInput& input) {
  return s.db.write<core::Done>([&](Tx& tx) -> core::Status {
    auto current = current_step(tx, s, a, request_id);
    if (!current) {
      return current.error();
    }
    const Loaded& r = current->request;
    const core::PanelType& panel = *current->panel;
    const core::ApprovalStep& step = *current->step;
    const std::string now = now_utc(s);
    if (step.records_three_way_discussion) {
      std::vector<core::FieldError> problems;
      const auto date = core::parse_iso_date(input.discussion_date);
      if (!date) {
        problems.push_back(
            {"discussion_date", "Enter the date of the 3-way discussion, as a real date"});
      } else if (std::chrono::sys_days{*date} > std::chrono::sys_days{today_of(s)}) {
        problems.push_back(
            {"discussion_date", "The date of the 3-way discussion must be today or in the past"});
      }
      if (!holds_role(tx, input.discussion_practice_manager, core::Role::practice_manager)) {
        problems.push_back(
            {"discussion_practice_manager",
             "Select the " + panel.title_of(core::Role::practice_manager) + " in the discussion"});
      }
      if (!holds_role(tx, input.discussion_group_manager, core::Role::group_manager)) {
        problems.push_back(
            {"discussion_group_manager",
             "Select the " + panel.title_of(core::Role::group_manager) + " in the discussion"});
      }
      if (!problems.empty()) {
        return core::Error::invalid_fields(std::move(problems));
      }
      tx.exec(
          "UPDATE requests SET three_way_date = $1, three_way_pm_id = $2, three_way_gm_id = $3 "
          "WHERE id = $4",
          {input.discussion_date, input.discussion_practice_manager, input.discussion_group_manager,
           request_id});
    }
    tx.exec(
        "INSERT INTO approvals (request_id, step_id, approver_id, outcome, comments, at) "
        "VALUES ($1, $2, $3, 'approved', $4, $5)",
        {request_id, step.id, a.id, input.comments, now});
    const int next = r.step + 1;
    const bool last = next >= static_cast<int>(panel.approval_steps.size());
    tx.exec(
        "UPDATE requests SET state = 'awaiting_approval', approval_step = $1, updated_at = $2 "
        "WHERE id = $3",
        {std::int64_t{next}, now, request_id});
    if (last) {
      mark_submitted(tx, s, panel, request_id);
    }
    audit(tx, s, a, "request.approve", "request", request_id,
          {{"step", step.id}, {"comments", input.comments}});
    Loaded moved = r;
    moved.step = next;
    if (!last) {
      notify_approvers(tx, s, panel, moved);
    }
    queue_email(tx, s, r.author_id, "Your request to " + panel.name + " was approved",
                step.label + ": approved." + (last ? " It is now with the coordinator." : ""));
    return core::Done{};
  });
}

core::Status accept_late(Services& s, const Actor& a, std::int64_t request_id,
                         const std::string& reason) {
  if (!a.may(core::Permission::triage)) {
    return core::Error::forbidden("Only the coordinator can accept a late request");
  }
  if (blank(reason)) {
    return core::Error::invalid("late_reason", "Enter why the request is accepted late");
  }
  if (reason.size() > 2000) {
    return core::Error::invalid("late_reason", "Keep the reason to 2,000 characters or fewer");
  }
  return s.db.write<core::Done>([&](Tx& tx) -> core::Status {
    auto r = tx.query_one(
        "SELECT panel_id, state, COALESCE(missed_cutoff_date, ''), author_id FROM requests "
        "WHERE id = $1",
        {request_id});
    auto facts = store::request_facts(tx, request_id);
    if (!r || !facts || !may_request(tx, s, a, *facts, RequestPart::request, core::Use::change)) {
      return core::Error::not_found();
    }
    const core::PanelType* panel = s.panels.find(r->text(0));
    if (r->text(1) != "submitted" || r->text(2).empty() || panel == nullptr) {
      return core::Error::conflict("This request did not miss a cut-off");
    }
    const auto missed = core::parse_iso_date(r->text(2));
    if (!missed) {
      return core::Error::conflict("This request did not miss a cut-off");
    }
    // The sitting as the coordinator left it (it may have been moved to
    // another time), or else as the schedule has it.
    auto sitting = tx.query_one(
        "SELECT starts_at FROM sittings WHERE panel_id = $1 AND sitting_date = $2 AND "
        "status <> 'cancelled' ORDER BY starts_at LIMIT 1",
        {r->text(0), r->text(2)});
    const core::Instant starts =
        sitting ? parse_utc(sitting->text(0)) : core::london_to_utc(*missed, panel->schedule.start);
    if (starts <= s.clock.now()) {
      return core::Error::conflict("The sitting it missed has already started");
    }
    const std::string now = now_utc(s);
    tx.exec(
        "UPDATE requests SET target_sitting_date = missed_cutoff_date, late_accepted_by = $1, "
        "late_accepted_at = $2, late_reason = $3, updated_at = $4 WHERE id = $5",
        {a.id, now, reason, now, request_id});
    audit(tx, s, a, "request.accept_late", "request", request_id,
          {{"sitting", r->text(2)}, {"reason", reason}});
    queue_email(tx, s, r->integer(3), "Your late request to " + panel->name + " was accepted",
                "It will go to the sitting on " + long_date(r->text(2)) + ". Reason: " + reason);
    return core::Done{};
  });
}

core::Status return_request(Services& s, const Actor& a, std::int64_t request_id,
                            const std::string& comments) {
  return s.db.write<core::Done>([&](Tx& tx) -> core::Status {
    // Scope first: a request outside it is not found, whatever was typed.
    auto current = current_step(tx, s, a, request_id);
    if (!current) {
      return current.error();
    }
    if (blank(comments)) {
      return core::Error::invalid("comments", "Enter what needs to change");
    }
    const Loaded& r = current->request;
    const core::PanelType& panel = *current->panel;
    const core::ApprovalStep& step = *current->step;
    tx.exec(
        "INSERT INTO approvals (request_id, step_id, approver_id, outcome, comments, at) "
        "VALUES ($1, $2, $3, 'returned', $4, $5)",
        {request_id, step.id, a.id, comments, now_utc(s)});
    tx.exec("UPDATE requests SET state = 'draft', approval_step = 0, updated_at = $1 WHERE id = $2",
            {now_utc(s), request_id});
    audit(tx, s, a, "request.return", "request", request_id,
          {{"step", step.id}, {"comments", comments}});
    queue_email(tx, s, r.author_id, "Your request to " + panel.name + " was returned",
                "Changes asked for: " + comments);
    return core::Done{};
  });
}

namespace {

std::vector<TaskListItem> task_list(Tx& tx, Services& s, const core::PanelType& panel,
                                    std::int64_t id, const core::RequestDraft& d) {
  std::vector<TaskListItem> out;
  const std::vector<std::string> done = sections_done(tx, id);
  const std::string base = "/requests/" + std::to_string(id);
  bool all_done = true;
  for (core::Section section : kEditable) {
    if (!has_section(panel, section)) {
      continue;
    }
    const std::string sid(core::section_id(section));
    std::string status = "Not yet started";
    if (contains(done, sid)) {
      status = core::validate_section(panel, d, today_of(s), section) ? "Completed" : "In progress";
    }
    all_done = all_done && status == "Completed";
    out.push_back({sid, section_label(panel, section), base + "/edit/" + sid, status});
  }
  if (!panel.documents.empty()) {
    std::string status = "Not yet started";
    if (papers_ready(tx, panel, id)) {
      status = "Completed";
    } else if (tx.query_one("SELECT 1 FROM request_papers WHERE request_id = $1", {id})) {
      status = "In progress";
    }
    all_done = all_done && status == "Completed";
    out.push_back({"papers", "Papers", base + "/papers", status});
  }
  out.push_back({"check", "Check your answers and send", base + "/check",
                 all_done ? "Not yet started" : "Cannot start yet"});
  return out;
}

}  // namespace

core::Result<RequestView> request_view(Services& s, const Actor& a, std::int64_t request_id) {
  auto view = s.db.read<RequestView>([&](Tx& tx) -> core::Result<RequestView> {
    auto r = load_visible(tx, s, a, request_id);
    if (!r) {
      return r.error();
    }
    auto row = tx.query_one(
        "SELECT u.name, COALESCE(r.statutory_due, ''), r.must_go_to_next_sitting, "
        "COALESCE(r.target_sitting_date, ''), COALESCE(r.missed_cutoff_date, ''), "
        "COALESCE(la.name, ''), COALESCE(r.late_accepted_at, ''), r.late_reason, "
        "COALESCE(r.three_way_date, ''), COALESCE(pm.name, ''), COALESCE(gm.name, '') "
        "FROM requests r JOIN users u ON u.id = r.author_id "
        "LEFT JOIN users la ON la.id = r.late_accepted_by "
        "LEFT JOIN users pm ON pm.id = r.three_way_pm_id "
        "LEFT JOIN users gm ON gm.id = r.three_way_gm_id WHERE r.id = $1",
        {request_id});
    const core::PanelType* panel = s.panels.find(r->panel_id);
    if (panel == nullptr) {
      return core::Error::conflict("This request's panel is no longer configured");
    }
    const core::RequestDraft d = load_draft(tx, request_id);
    RequestView v;
    v.id = request_id;
    v.panel_id = r->panel_id;
    v.panel_name = panel->name;
    v.state = std::string(core::state_id(r->state));
    v.state_label = std::string(core::state_label(r->state));
    v.request_type = request_type_label(panel, d.request_type);
    for (const std::string& c : d.criteria) {
      const core::EntryCriterion* ec = panel->entry_criterion(c);
      v.criteria.push_back(ec ? ec->label : c);
    }
    for (const Row& au : tx.query("SELECT ra.criterion_id, u.name, ra.authorised_at, ra.what "
                                  "FROM request_authorisations ra JOIN users u ON "
                                  "u.id = ra.authorised_by WHERE ra.request_id = $1",
                                  {request_id})) {
      const core::EntryCriterion* ec = panel->entry_criterion(au.text(0));
      v.authorisations.push_back({ec ? ec->label : au.text(0), au.text(1),
                                  london_long_date(au.text(2)) + " at " + london_hh_mm(au.text(2)),
                                  au.text(3)});
    }
    v.came_into_care = long_date(d.came_into_care);
    v.reason = d.reason;
    v.proposed_plan = d.proposed_plan;
    v.parallel_plan = d.parallel_plan;
    const core::Venue* venue = panel->venue(d.venue_preference);
    v.venue = venue ? venue->name + " (" + venue->code + ")" : "";
    v.asks_venue = panel->asks_venue_preference;
    v.asks_conference_call = panel->asks_conference_call;
    v.conference_call = d.conference_call;
    v.author = row->text(0);
    v.statutory_due = long_date(row->text(1));
    const bool open = r->state == core::RequestState::draft ||
                      r->state == core::RequestState::awaiting_approval ||
                      r->state == core::RequestState::submitted ||
                      r->state == core::RequestState::scheduled;
    if (auto due = core::parse_iso_date(row->text(1)); due && open) {
      v.statutory_overdue = std::chrono::sys_days{*due} < std::chrono::sys_days{today_of(s)};
    }
    v.must_go_to_next_sitting = row->integer(2) != 0;
    v.has_papers = !panel->documents.empty();
    for (const Row& c : tx.query("SELECT c.id, c.first_name || ' ' || c.last_name FROM children c "
                                 "JOIN request_children rc ON rc.child_id = c.id "
                                 "WHERE rc.request_id = $1 ORDER BY c.date_of_birth",
                                 {request_id})) {
      v.children.push_back({c.integer(0), c.text(1)});
    }
    for (const Row& ap : tx.query("SELECT a.step_id, u.name, a.outcome, a.comments, a.at "
                                  "FROM approvals a JOIN users u ON u.id = a.approver_id "
                                  "WHERE a.request_id = $1 ORDER BY a.id",
                                  {request_id})) {
      std::string step = ap.text(0) == "triage" ? "Coordinator's triage" : ap.text(0);
      for (const auto& st : panel->approval_steps) {
        if (st.id == step) {
          step = st.label;
        }
      }
      v.approvals.push_back({step, ap.text(1), ap.text(2), ap.text(3),
                             london_long_date(ap.text(4)) + " at " + london_hh_mm(ap.text(4))});
    }
    if (!row->text(8).empty()) {
      v.three_way_discussion = "On " + long_date(row->text(8)) + ", with " + row->text(9) + " (" +
                               panel->title_of(core::Role::practice_manager) + ") and " +
                               row->text(10) + " (" + panel->title_of(core::Role::group_manager) +
                               ")";
    }
    v.can_edit = r->state == core::RequestState::draft && r->author_id == a.id;
    if (v.can_edit) {
      v.tasks = task_list(tx, s, *panel, request_id, d);
      v.ready_to_send = v.tasks.back().status != "Cannot start yet";
    }
    if (r->state == core::RequestState::awaiting_approval &&
        r->step < static_cast<int>(panel->approval_steps.size())) {
      const auto& st = panel->approval_steps[static_cast<std::size_t>(r->step)];
      v.waiting_for = panel->title_of(st.role) + ": " + st.label;
      auto step = core::approval_step_for(*panel, {r->state, r->step, r->author_id, a.id, a.roles,
                                                   team_in_scope(tx, a, r->team_id)});
      v.can_approve = step.ok();
      v.approve_label = st.label;
      v.records_three_way_discussion = st.records_three_way_discussion;
      if (v.can_approve && st.records_three_way_discussion) {
        v.practice_managers = holders_of(tx, core::Role::practice_manager);
        v.group_managers = holders_of(tx, core::Role::group_manager);
      }
    }
    if (panel->deadline.kind != core::DeadlineKind::none) {
      if (r->state == core::RequestState::draft ||
          r->state == core::RequestState::awaiting_approval) {
        v.cutoff_note = cutoff_note(*panel, s, target_now(tx, s, *panel, v.must_go_to_next_sitting),
                                    v.must_go_to_next_sitting);
      } else {
        v.target_sitting = long_date(row->text(3));
        v.missed_sitting = long_date(row->text(4));
        if (!row->text(5).empty()) {
          v.late_accepted =
              "by " + row->text(5) + " on " + london_long_date(row->text(6)) + ": " + row->text(7);
          v.missed_sitting.clear();
        }
        v.can_accept_late = r->state == core::RequestState::submitted &&
                            !v.missed_sitting.empty() && a.may(core::Permission::triage);
      }
    }
    v.can_schedule = r->state == core::RequestState::submitted && a.may(core::Permission::triage);
    if (auto h = tx.query_one("SELECT m.id, h.starts_at, m.venue_id FROM hearings h "
                              "JOIN sittings m ON m.id = h.sitting_id WHERE h.request_id = $1",
                              {request_id})) {
      v.sitting_id = h->integer(0);
      v.hearing_date = london_long_date(h->text(1));
      v.hearing_time = london_hh_mm(h->text(1));
      const core::Venue* hv = panel->venue(h->text(2));
      v.hearing_venue = hv ? hv->name : h->text(2);
    }
    return v;
  });
  if (view) {
    // Recorded before the page is handed out, as a child's record is.
    s.db.write_all([&](Tx& tx) { audit(tx, s, a, "request.view", "request", request_id); });
  }
  return view;
}

core::Result<Tasks> my_tasks(Services& s, const Actor& a) {
  Tasks t;
  s.db.read_all([&](Tx& tx) {
    auto item = [&](const Row& r, std::string detail) {
      const core::PanelType* p = s.panels.find(r.text(1));
      return TaskItem{r.integer(0), request_children_names(tx, r.integer(0)),
                      p ? p->name : r.text(1), request_type_label(p, r.text(2)), std::move(detail)};
    };
    for (const Row& r : tx.query(
             "SELECT r.id, r.panel_id, r.request_type, "
             "(SELECT a.comments FROM approvals a WHERE a.request_id = r.id "
             " ORDER BY a.id DESC LIMIT 1), "
             "(SELECT a.outcome FROM approvals a WHERE a.request_id = r.id "
             " ORDER BY a.id DESC LIMIT 1) "
             "FROM requests r WHERE r.author_id = $1 AND r.state = 'draft' ORDER BY r.updated_at",
             {a.id})) {
      if (r.text(4) == "returned") {
        t.returned.push_back(item(r, r.text(3)));
      } else {
        t.drafts.push_back(item(r, ""));
      }
    }
    if (!a.may(core::Permission::approve_request)) {
      return;
    }
    const std::vector<std::int64_t> teams = teams_in_scope(tx, a);
    auto manages = [&](std::int64_t team) {
      return std::find(teams.begin(), teams.end(), team) != teams.end();
    };
    for (const Row& r :
         tx.query("SELECT id, panel_id, request_type, approval_step, author_id, team_id "
                  "FROM requests WHERE state = 'awaiting_approval' ORDER BY updated_at")) {
      const core::PanelType* p = s.panels.find(r.text(1));
      if (p == nullptr) {
        continue;
      }
      auto step = core::approval_step_for(
          *p, {core::RequestState::awaiting_approval, static_cast<int>(r.integer(3)), r.integer(4),
               a.id, a.roles, manages(r.integer(5))});
      if (step) {
        t.awaiting_my_approval.push_back(item(r, (*step)->label));
      }
    }
  });
  return t;
}

}  // namespace casepanel::app
