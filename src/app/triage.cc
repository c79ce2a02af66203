#include "app/triage.h"

#include <algorithm>

#include "app/audit_trail.h"
#include "app/child_names.h"
#include "app/display.h"
#include "app/hearing_notices.h"
#include "app/notifications.h"
#include "app/scope.h"
#include "app/sitting_rows.h"
#include "core/agenda.h"

namespace casepanel::app {
namespace {

using store::Row;
using store::Tx;

constexpr std::size_t kLongestMessage = 2000;
constexpr std::size_t kSittingsOffered = 6;

core::Status check_text(const std::string& field, const std::string& text,
                        const std::string& missing) {
  if (blank(text)) {
    return core::Error::invalid(field, missing);
  }
  if (text.size() > kLongestMessage) {
    return core::Error::invalid(field, "Keep it to 2,000 characters or fewer");
  }
  return core::Done{};
}

// A submitted request, for the coordinator's actions.
struct Submitted {
  const core::PanelType* panel = nullptr;
  std::int64_t author_id = 0;
  std::int64_t team_id = 0;
  std::string target_sitting_date;
};

core::Result<Submitted> load_submitted(Tx& tx, const Services& s, const Actor& a,
                                       std::int64_t request_id) {
  auto r = tx.query_one(
      "SELECT panel_id, state, author_id, team_id, COALESCE(target_sitting_date, '') "
      "FROM requests WHERE id = $1",
      {request_id});
  // Only the coordinators of the request's panel triage it (core/access.h).
  auto facts = store::request_facts(tx, request_id);
  if (!r || !facts || !may_request(tx, s, a, *facts, RequestPart::request, core::Use::change)) {
    return core::Error::not_found();
  }
  if (r->text(1) != "submitted") {
    return core::Error::conflict("Only a request waiting in the queue can be triaged");
  }
  const core::PanelType* panel = s.panels.find(r->text(0));
  if (panel == nullptr) {
    return core::Error::conflict("This request's panel is no longer configured");
  }
  return Submitted{panel, r->integer(2), r->integer(3), r->text(4)};
}

// Whether the actor may use the triage of this panel: the coordinators who
// serve it change it, oversight reads every panel's (core/access.h).
bool triage_allowed(Tx& tx, const Services& s, const Actor& a, const std::string& panel_id,
                    core::Use use) {
  return may_sitting(tx, s, a, 0, panel_id, core::Resource::triage, use);
}

std::optional<std::int64_t> team_manager(Tx& tx, std::int64_t team_id) {
  auto r = tx.query_one("SELECT manager_id FROM teams WHERE id = $1", {team_id});
  return r ? r->optional_integer(0) : std::nullopt;
}

// The booked hearings of a sitting, as [start, end) instants, in order.
std::vector<std::pair<core::Instant, core::Instant>> booked(Tx& tx, std::int64_t sitting_id) {
  std::vector<std::pair<core::Instant, core::Instant>> out;
  for (const Row& h :
       tx.query("SELECT starts_at, minutes FROM hearings WHERE sitting_id = $1 ORDER BY starts_at",
                {sitting_id})) {
    const core::Instant at = parse_utc(h.text(0));
    out.emplace_back(at, at + std::chrono::minutes{h.integer(1)});
  }
  return out;
}

// The first start from the sitting's start where `minutes` fit between the
// booked hearings, or nullopt.
std::optional<core::Instant> first_gap(
    const std::vector<std::pair<core::Instant, core::Instant>>& b, core::Instant starts,
    core::Instant ends, int minutes) {
  core::Instant at = starts;
  for (const auto& [from, to] : b) {
    if (at + std::chrono::minutes{minutes} <= from) {
      return at;
    }
    at = std::max(at, to);
  }
  if (at + std::chrono::minutes{minutes} <= ends) {
    return at;
  }
  return std::nullopt;
}

bool fits_at(const std::vector<std::pair<core::Instant, core::Instant>>& b, core::Instant at,
             core::Instant starts, core::Instant ends, int minutes) {
  const core::Instant until = at + std::chrono::minutes{minutes};
  if (at < starts || until > ends) {
    return false;
  }
  return std::none_of(b.begin(), b.end(),
                      [&](const auto& h) { return at < h.second && h.first < until; });
}

std::string papers_summary(Tx& tx, const core::PanelType* panel, std::int64_t request_id,
                           bool* complete) {
  int files = 0;
  int not_provided = 0;
  for (const Row& r : tx.query("SELECT document_id, MIN(kind) FROM request_papers "
                               "WHERE request_id = $1 GROUP BY document_id",
                               {request_id})) {
    (r.text(1) == "file" ? files : not_provided) += 1;
  }
  const int needed = panel ? static_cast<int>(panel->documents.size()) : 0;
  *complete = files + not_provided >= needed;
  if (needed == 0) {
    return "";
  }
  return std::to_string(files + not_provided) + " of " + std::to_string(needed) +
         " documents: " + std::to_string(files) + (files == 1 ? " file, " : " files, ") +
         std::to_string(not_provided) + " not provided";
}

// A triage action that takes the request out of the queue: recorded as the
// coordinator's "approval" outcome with the text, the request's new state,
// the audit event, then `tell` the people concerned.
struct TriageOutcome {
  const char* outcome;    // approvals.outcome: "returned" | "declined"
  const char* new_state;  // "draft" | "declined"
  const char* action;     // the audit event
  const char* field;      // the form field of the text
  const char* missing;    // the message when the text is empty
};

template <typename Tell>
core::Status close_triage(Services& s, const Actor& a, std::int64_t request_id,
                          const TriageOutcome& o, const std::string& text, Tell tell) {
  if (!a.may(core::Permission::triage)) {
    return core::Error::forbidden("Only coordinators triage requests");
  }
  if (auto ok = check_text(o.field, text, o.missing); !ok) {
    return ok;
  }
  return s.db.write<core::Done>([&](Tx& tx) -> core::Status {
    auto req = load_submitted(tx, s, a, request_id);
    if (!req) {
      return req.error();
    }
    const std::string now = now_utc(s);
    tx.exec(
        "INSERT INTO approvals (request_id, step_id, approver_id, outcome, comments, at) "
        "VALUES ($1, 'triage', $2, $3, $4, $5)",
        {request_id, a.id, std::string(o.outcome), text, now});
    tx.exec("UPDATE requests SET state = $1, updated_at = $2 WHERE id = $3",
            {std::string(o.new_state), now, request_id});
    audit(tx, s, a, o.action, "request", request_id, {{o.field, text}});
    tell(tx, *req);
    return core::Done{};
  });
}

// Puts the request on the sitting's agenda, audited, and tells its presenters.
void insert_hearing(Tx& tx, const Services& s, const Actor& a, const core::Placement& p,
                    nlohmann::json detail) {
  const std::string starts = core::to_iso_utc(p.starts);
  const std::int64_t hearing = tx.insert(
      "INSERT INTO hearings (sitting_id, request_id, starts_at, minutes, status) "
      "VALUES ($1, $2, $3, $4, 'scheduled') RETURNING id",
      {p.sitting_id, p.request_id, starts, std::int64_t{p.minutes}});
  tx.exec("UPDATE requests SET state = 'scheduled', updated_at = $1 WHERE id = $2",
          {now_utc(s), p.request_id});
  detail["sitting"] = p.sitting_id;
  detail["hearing"] = hearing;
  detail["starts_at"] = starts;
  detail["minutes"] = p.minutes;
  audit(tx, s, a, "request.schedule", "request", p.request_id, std::move(detail));
  notify_presenters(tx, s, hearing, Notice::scheduled);
}

// How far ahead a proposal looks: the planned sittings of the next twelve weeks.
constexpr int kProposalWeeks = 12;

// What core::propose_agenda needs, read from the queue and the sittings.
struct ProposalInput {
  std::vector<core::AgendaRequest> requests;
  std::vector<core::AgendaSitting> sittings;
};

ProposalInput proposal_input(Tx& tx, const Services& s, const core::PanelType& panel) {
  ProposalInput in;
  const core::Instant now = s.clock.now();
  const std::string horizon = core::to_iso(core::Date{
      std::chrono::sys_days{core::london_date(now)} + std::chrono::days{7 * kProposalWeeks}});
  for (const Row& r : tx.query("SELECT id, sitting_date, starts_at, ends_at, venue_id "
                               "FROM sittings WHERE panel_id = $1 AND status = 'planned' AND "
                               "starts_at > $2 AND sitting_date <= $3 ORDER BY starts_at",
                               {panel.id, core::to_iso_utc(now), horizon})) {
    core::AgendaSitting sit;
    sit.id = r.integer(0);
    sit.date = core::parse_iso_date(r.text(1)).value_or(core::Date{});
    sit.starts = parse_utc(r.text(2));
    sit.ends = parse_utc(r.text(3));
    sit.venue_id = r.text(4);
    sit.booked = booked(tx, sit.id);
    in.sittings.push_back(std::move(sit));
  }
  // A child's latest review date makes the request a return-to-panel review.
  for (const Row& r : tx.query(
           "SELECT r.id, COALESCE(r.statutory_due, ''), r.must_go_to_next_sitting, "
           "r.submitted_at, r.venue_preference, COALESCE(r.target_sitting_date, ''), "
           "(SELECT COUNT(*) FROM request_children rc WHERE rc.request_id = r.id), "
           "COALESCE((SELECT MIN(d.review_date) FROM decisions d JOIN request_children rc ON "
           "rc.child_id = d.child_id WHERE rc.request_id = r.id AND d.review_date IS NOT NULL), "
           "'') FROM requests r WHERE r.state = 'submitted' AND r.panel_id = $1 ORDER BY r.id",
           {panel.id})) {
    core::AgendaRequest q;
    q.id = r.integer(0);
    q.minutes = panel.hearing_minutes(std::max<int>(1, static_cast<int>(r.integer(6))));
    q.statutory_due = core::parse_iso_date(r.text(1));
    q.must_go_to_next_sitting = r.integer(2) != 0;
    q.submitted_at = parse_utc(r.text(3));
    q.venue_preference = r.text(4);
    q.earliest = core::parse_iso_date(r.text(5));
    q.review_due = core::parse_iso_date(r.text(7));
    in.requests.push_back(std::move(q));
  }
  return in;
}

std::string sitting_label(const core::PanelType& panel, const core::AgendaSitting& sit) {
  const core::Venue* v = panel.venue(sit.venue_id);
  return long_date(core::to_iso(sit.date)) + (v ? " at " + v->name + " (" + v->code + ")" : "");
}

}  // namespace

core::Result<std::vector<AgendaProposal>> propose_agendas(Services& s, const Actor& a) {
  if (!a.may(core::Permission::view_triage)) {
    return core::Error::forbidden("Only coordinators triage requests");
  }
  std::vector<AgendaProposal> out;
  s.db.read_all([&](Tx& tx) {
    for (const core::PanelType& panel : s.panels.all()) {
      if (!triage_allowed(tx, s, a, panel.id, core::Use::read)) {
        continue;
      }
      const ProposalInput in = proposal_input(tx, s, panel);
      if (in.requests.empty()) {
        continue;
      }
      const core::ProposedAgenda proposed =
          core::propose_agenda(in.requests, in.sittings, panel.venues);
      AgendaProposal p{panel.id, panel.name, {}, {}};
      for (const core::Placement& placed : proposed.placements) {
        ProposedSlot slot;
        slot.request_id = placed.request_id;
        auto r = tx.query_one(
            "SELECT request_type, statutory_due IS NOT NULL FROM requests WHERE id = $1",
            {placed.request_id});
        slot.children = request_children_names(tx, placed.request_id);
        slot.request_type = r ? request_type_label(&panel, r->text(0)) : "";
        slot.statutory = r && r->integer(1) != 0;
        slot.sitting_id = placed.sitting_id;
        for (const core::AgendaSitting& sit : in.sittings) {
          if (sit.id == placed.sitting_id) {
            slot.sitting = sitting_label(panel, sit);
          }
        }
        slot.start = core::to_hh_mm(core::london_time_of_day(placed.starts));
        slot.end = core::to_hh_mm(
            core::london_time_of_day(placed.starts + std::chrono::minutes{placed.minutes}));
        slot.note = placed.note;
        p.slots.push_back(std::move(slot));
      }
      for (const core::Unplaced& u : proposed.unplaced) {
        p.unplaced.push_back({u.request_id, request_children_names(tx, u.request_id), u.reason});
      }
      out.push_back(std::move(p));
    }
  });
  // Recorded before the proposal is handed out, as a child's record is.
  s.db.write_all([&](Tx& tx) {
    audit(tx, s, a, "triage.view", "request", 0, {{"page", "proposal"}, {"proposals", out.size()}});
  });
  return out;
}

core::Result<int> accept_proposed_agenda(Services& s, const Actor& a, const std::string& panel_id) {
  if (!a.may(core::Permission::triage)) {
    return core::Error::forbidden("Only coordinators schedule requests");
  }
  const core::PanelType* panel = s.panels.find(panel_id);
  if (panel == nullptr) {
    return core::Error::invalid("panel_id", "Select the panel");
  }
  return s.db.write<int>([&](Tx& tx) -> core::Result<int> {
    if (!triage_allowed(tx, s, a, panel->id, core::Use::change)) {
      return core::Error::invalid("panel_id", "Select a panel you coordinate");
    }
    const ProposalInput in = proposal_input(tx, s, *panel);
    const core::ProposedAgenda proposed =
        core::propose_agenda(in.requests, in.sittings, panel->venues);
    if (proposed.placements.empty()) {
      return core::Error::conflict("There is nothing to schedule");
    }
    for (const core::Placement& placed : proposed.placements) {
      insert_hearing(tx, s, a, placed, {{"proposed", true}, {"note", placed.note}});
    }
    return static_cast<int>(proposed.placements.size());
  });
}

core::Result<std::vector<TriageItem>> triage_queue(Services& s, const Actor& a,
                                                   std::int64_t about_request) {
  if (!a.may(core::Permission::view_triage)) {
    return core::Error::forbidden("Only coordinators triage requests");
  }
  std::vector<TriageItem> out;
  const std::string now = now_utc(s);
  const std::string today_iso = today(s);
  s.db.read_all([&](Tx& tx) {
    // Sittings that have not started yet (not merely today's or later: a
    // sitting that began this morning takes no more hearings).
    std::vector<std::pair<std::string, SittingSummary>> sittings;
    for (const Row& r :
         tx.query(std::string(kSittingColumns) + "WHERE m.status = 'planned' AND m.starts_at > $1 "
                                                 "ORDER BY m.starts_at LIMIT 200",
                  {now})) {
      sittings.emplace_back(r.text(1), sitting_of(s, r));
    }
    for (const Row& r :
         tx.query("SELECT r.id, r.panel_id, r.request_type, r.submitted_at, "
                  "COALESCE(r.statutory_due, ''), r.venue_preference, "
                  "COALESCE(r.target_sitting_date, ''), COALESCE(r.missed_cutoff_date, ''), "
                  "r.late_accepted_at, (SELECT c.consultation_id || '|' || c.referred_at FROM "
                  "request_consultations c WHERE c.request_id = r.id ORDER BY c.id DESC LIMIT 1) "
                  "FROM requests r WHERE r.state = 'submitted' "
                  "ORDER BY r.statutory_due IS NULL, r.statutory_due, r.submitted_at")) {
      if (!triage_allowed(tx, s, a, r.text(1), core::Use::read)) {
        continue;
      }
      const core::PanelType* p = s.panels.find(r.text(1));
      TriageItem item;
      item.request_id = r.integer(0);
      item.panel_id = r.text(1);
      item.panel = p ? p->name : r.text(1);
      item.children = request_children_names(tx, item.request_id, &item.child_count);
      item.request_type = request_type_label(p, r.text(2));
      item.submitted = london_long_date(r.text(3));
      item.statutory_due = long_date(r.text(4));
      item.overdue = !r.text(4).empty() && r.text(4) < today_iso;
      const core::Venue* v = p ? p->venue(r.text(5)) : nullptr;
      item.venue_preference = v ? v->name + " (" + v->code + ")" : "";
      item.minutes = p ? p->hearing_minutes(std::max(1, item.child_count)) : 15;
      const std::string target = r.text(6);
      if (!r.is_null(8)) {
        item.cutoff_status = "Accepted late for " + long_date(target);
      } else if (!r.text(7).empty()) {
        item.late = true;
        item.cutoff_status = "Late: missed the cut-off for " + long_date(r.text(7)) + "; goes to " +
                             long_date(target) + " unless accepted late";
      } else if (!target.empty()) {
        item.cutoff_status = "In time for " + long_date(target);
      }
      item.papers = papers_summary(tx, p, item.request_id, &item.papers_complete);
      if (p) {
        for (const core::Consultation& c : p->consultations) {
          item.consultations.push_back(c);
          if (c.siblings_at_least && item.child_count >= *c.siblings_at_least) {
            item.consultation_suggested = true;
          }
        }
      }
      if (!r.is_null(9)) {
        const std::string referral = r.text(9);
        const auto bar = referral.find('|');
        const std::string id = referral.substr(0, bar);
        std::string with = id;
        if (p) {
          for (const core::Consultation& c : p->consultations) {
            with = c.id == id ? c.with : with;
          }
        }
        item.consultation =
            "Referred to the " + with + " on " + london_long_date(referral.substr(bar + 1));
      }
      for (const auto& [panel_id, sit] : sittings) {
        if (panel_id == item.panel_id && sit.iso_date >= target &&
            sit.booked_minutes + item.minutes <= sit.capacity_minutes &&
            item.sittings.size() < kSittingsOffered) {
          item.sittings.push_back(sit);
        }
      }
      out.push_back(std::move(item));
    }
  });
  // Recorded before the queue is handed out, as a child's record is.
  s.db.write_all([&](Tx& tx) {
    audit(tx, s, a, "triage.view", "request", about_request,
          {{"page", about_request ? "request" : "queue"}, {"shown", out.size()}});
  });
  return out;
}

core::Status schedule_request(Services& s, const Actor& a, std::int64_t request_id,
                              std::int64_t sitting_id, const std::string& start) {
  if (!a.may(core::Permission::triage)) {
    return core::Error::forbidden("Only coordinators schedule requests");
  }
  std::optional<core::LocalTime> wanted;
  if (!start.empty()) {
    wanted = core::parse_hh_mm(start);
    if (!wanted) {
      return core::Error::invalid("start", "Enter the start time as HH:MM, like 13:45");
    }
  }
  return s.db.write<core::Done>([&](Tx& tx) -> core::Status {
    auto req = load_submitted(tx, s, a, request_id);
    if (!req) {
      return req.error();
    }
    auto m = tx.query_one(std::string(kSittingColumns) + "WHERE m.id = $1", {sitting_id});
    if (!m || m->text(1) != req->panel->id || m->text(6) != "planned" ||
        parse_utc(m->text(3)) <= s.clock.now()) {
      return core::Error::invalid("sitting_id", "Select a planned sitting of this panel");
    }
    // A request that missed a sitting's cut-off goes to a later one, unless
    // it was accepted late (which moves its target sitting back).
    if (!req->target_sitting_date.empty() && m->text(2) < req->target_sitting_date) {
      return core::Error::invalid("sitting_id",
                                  "This request arrived after the cut-off for that "
                                  "sitting: accept it late first, or choose the "
                                  "sitting on " +
                                      long_date(req->target_sitting_date) + " or later");
    }
    const int children = request_child_count(tx, request_id);
    const int minutes = req->panel->hearing_minutes(std::max(1, children));
    const core::Instant sitting_start = parse_utc(m->text(3));
    const core::Instant sitting_end = parse_utc(m->text(4));
    const auto taken = booked(tx, sitting_id);
    std::optional<core::Instant> at;
    if (wanted) {
      const core::Instant chosen = core::london_to_utc(core::london_date(sitting_start), *wanted);
      if (!fits_at(taken, chosen, sitting_start, sitting_end, minutes)) {
        return core::Error::invalid("start", "The " + std::to_string(minutes) + " minutes from " +
                                                 start + " are not free in that sitting");
      }
      at = chosen;
    } else {
      at = first_gap(taken, sitting_start, sitting_end, minutes);
      if (!at) {
        return core::Error::invalid("sitting_id", "That sitting has no room for " +
                                                      std::to_string(minutes) + " more minutes");
      }
    }
    insert_hearing(tx, s, a, {request_id, sitting_id, *at, minutes, ""}, {});
    return core::Done{};
  });
}

core::Status ask_for_information(Services& s, const Actor& a, std::int64_t request_id,
                                 const std::string& message) {
  const TriageOutcome outcome{"returned", "draft", "request.ask_information", "message",
                              "Enter what information is needed"};
  return close_triage(s, a, request_id, outcome, message, [&](Tx& tx, const Submitted& req) {
    queue_email(tx, s, req.author_id, req.panel->name + ": more information needed",
                "The coordinator needs more before your request can have a slot: " + message +
                    "\nChange the request and send it again: /requests/" +
                    std::to_string(request_id));
  });
}

core::Status decline_request(Services& s, const Actor& a, std::int64_t request_id,
                             const std::string& reason) {
  const TriageOutcome outcome{"declined", "declined", "request.decline", "decline_reason",
                              "Enter why the request is declined"};
  return close_triage(s, a, request_id, outcome, reason, [&](Tx& tx, const Submitted& req) {
    const std::string subject = req.panel->name + ": request declined";
    const std::string body = "The request /requests/" + std::to_string(request_id) +
                             " was declined by the coordinator. Reason: " + reason;
    queue_email(tx, s, req.author_id, subject, body);
    if (auto manager = team_manager(tx, req.team_id); manager && *manager != req.author_id) {
      queue_email(tx, s, *manager, subject, body);
    }
  });
}

core::Status refer_for_consultation(Services& s, const Actor& a, std::int64_t request_id,
                                    const std::string& consultation_id, const std::string& note) {
  if (!a.may(core::Permission::triage)) {
    return core::Error::forbidden("Only coordinators triage requests");
  }
  if (auto ok = check_text("consultation_note", note, "Enter what advice is needed"); !ok) {
    return ok;
  }
  return s.db.write<core::Done>([&](Tx& tx) -> core::Status {
    auto req = load_submitted(tx, s, a, request_id);
    if (!req) {
      return req.error();
    }
    const core::Consultation* consultation = nullptr;
    for (const core::Consultation& c : req->panel->consultations) {
      consultation = c.id == consultation_id ? &c : consultation;
    }
    if (consultation == nullptr) {
      return core::Error::invalid("consultation_id", "Select who to consult");
    }
    tx.exec(
        "INSERT INTO request_consultations (request_id, consultation_id, note, referred_by, "
        "referred_at) VALUES ($1, $2, $3, $4, $5)",
        {request_id, consultation_id, note, a.id, now_utc(s)});
    audit(tx, s, a, "request.refer_consultation", "request", request_id,
          {{"consultation", consultation_id}, {"note", note}});
    for (const Row& u : tx.query("SELECT DISTINCT ur.user_id FROM user_roles ur JOIN users u ON "
                                 "u.id = ur.user_id WHERE ur.role = $1 AND u.active = 1",
                                 {std::string(core::role_id(consultation->role))})) {
      queue_email(
          tx, s, u.integer(0),
          req->panel->name + ": consultation asked for request " + std::to_string(request_id),
          consultation->label + ". " + note + "\nRequest: /requests/" + std::to_string(request_id));
    }
    queue_email(tx, s, req->author_id,
                req->panel->name + ": your request was referred to the " + consultation->with,
                note);
    return core::Done{};
  });
}

}  // namespace casepanel::app
