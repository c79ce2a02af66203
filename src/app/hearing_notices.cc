#include "app/hearing_notices.h"

#include <algorithm>

#include "app/child_names.h"
#include "app/display.h"
#include "app/invitation.h"
#include "app/members.h"
#include "app/outbox.h"

namespace casepanel::app {
namespace {

using store::Row;
using store::Tx;

std::string venue_label(const core::PanelType* panel, const std::string& venue_id,
                        const std::string& room) {
  const core::Venue* v = panel ? panel->venue(venue_id) : nullptr;
  std::string out = v ? v->name + " (" + v->code + ")" : venue_id;
  if (!room.empty()) {
    out += out.empty() ? room : ", " + room;
  }
  return out;
}

// The invitation's organiser: the panel's coordinator.
void set_organizer(Tx& tx, Invitation& inv) {
  auto r = tx.query_one(
      "SELECT u.name, u.email FROM users u JOIN user_roles ur ON ur.user_id = u.id "
      "WHERE ur.role = 'coordinator' AND u.active = 1 ORDER BY u.id LIMIT 1");
  inv.organizer_name = r ? r->text(0) : "casepanel";
  inv.organizer_email = r ? r->text(1) : "casepanel@localhost";
}

// Sends each person their own copy: the invitation names them as attendee.
void send_each(Tx& tx, const Services& s, const std::vector<std::int64_t>& users,
               const std::string& subject, const std::string& body, Invitation inv) {
  for (std::int64_t user : users) {
    auto u = tx.query_one("SELECT name, email FROM users WHERE id = $1", {user});
    if (!u) {
      continue;
    }
    inv.attendees = {{u->text(0), u->text(1)}};
    queue_invitation(tx, s, user, subject, body, inv);
  }
}

}  // namespace

std::vector<std::int64_t> hearing_presenters(Tx& tx, std::int64_t hearing_id) {
  std::vector<std::int64_t> out;
  for (const Row& r : tx.query("SELECT r.author_id, t.manager_id FROM hearings h "
                               "JOIN requests r ON r.id = h.request_id "
                               "LEFT JOIN teams t ON t.id = r.team_id WHERE h.id = $1",
                               {hearing_id})) {
    out.push_back(r.integer(0));
    if (auto manager = r.optional_integer(1); manager && *manager != r.integer(0)) {
      out.push_back(*manager);
    }
  }
  return out;
}

void notify_presenters(Tx& tx, const Services& s, std::int64_t hearing_id, Notice notice,
                       const std::string& why) {
  auto h = tx.query_one(
      "SELECT h.request_id, h.starts_at, h.minutes, m.panel_id, m.venue_id, m.room, "
      "m.conference_details FROM hearings h JOIN sittings m ON m.id = h.sitting_id "
      "WHERE h.id = $1",
      {hearing_id});
  if (!h) {
    return;
  }
  if (notice != Notice::scheduled) {
    tx.exec("UPDATE hearings SET invite_sequence = invite_sequence + 1 WHERE id = $1",
            {hearing_id});
  }
  const core::PanelType* panel = s.panels.find(h->text(3));
  const std::string panel_name = panel ? panel->name : h->text(3);
  // Email is not a safe channel for a child's details: the notice names the
  // request, and the presenters open it in casepanel to see who it is for.
  const int child_count = request_child_count(tx, h->integer(0));
  const std::string request = "request " + std::to_string(h->integer(0));
  const std::string for_whom =
      request + " (" + std::to_string(child_count) + (child_count == 1 ? " child)" : " children)");
  const std::string when = london_long_date(h->text(1)) + " at " + london_hh_mm(h->text(1));
  std::string subject;
  std::string body;
  switch (notice) {
    case Notice::scheduled:
      subject = panel_name + ": " + request + " will be heard on " + when;
      body = "The hearing for " + for_whom + " has a " + std::to_string(h->integer(2)) +
             "-minute slot at " + panel_name + " on " + when + ".";
      break;
    case Notice::moved:
      subject = panel_name + ": the hearing for " + request + " has moved to " + when;
      body = "The hearing for " + for_whom + " is now on " + when + ".";
      break;
    case Notice::updated:
      subject = panel_name + ": the hearing for " + request + " on " + when + " has changed";
      body = "The details of the hearing for " + for_whom + " on " + when + " have changed.";
      break;
    case Notice::cancelled:
      subject = panel_name + ": the hearing for " + request + " on " + when + " is cancelled";
      body = "The hearing for " + for_whom + " on " + when +
             " is cancelled. The request is back with the coordinator, who will give it a new "
             "slot.";
      break;
  }
  if (notice != Notice::cancelled) {
    const std::string where = venue_label(panel, h->text(4), h->text(5));
    if (!where.empty()) {
      body += "\nVenue: " + where;
    }
    if (!h->text(6).empty()) {
      body += "\nConference call: " + h->text(6);
    }
  }
  if (!why.empty()) {
    body += "\nReason: " + why;
  }
  body += "\nRequest: /requests/" + std::to_string(h->integer(0));
  // The presenters' invitation is for their exact slot; every change raises
  // its sequence so that calendars replace it.
  Invitation inv;
  inv.uid = "hearing-" + std::to_string(hearing_id) + "@casepanel";
  inv.sequence = static_cast<int>(
      tx.query_one("SELECT invite_sequence FROM hearings WHERE id = $1", {hearing_id})->integer(0));
  inv.method = notice == Notice::cancelled ? InviteMethod::cancel : InviteMethod::request;
  inv.starts = parse_utc(h->text(1));
  inv.ends = inv.starts + std::chrono::minutes{h->integer(2)};
  inv.summary = panel_name + ": " + for_whom;
  inv.description = body;
  inv.location = venue_label(panel, h->text(4), h->text(5));
  set_organizer(tx, inv);
  send_each(tx, s, hearing_presenters(tx, hearing_id), subject, body, inv);
}

void notify_members(Tx& tx, const Services& s, std::int64_t sitting_id, Notice notice,
                    const std::string& why) {
  auto m = tx.query_one(
      "SELECT panel_id, starts_at, ends_at, venue_id, room, conference_details FROM sittings "
      "WHERE id = $1",
      {sitting_id});
  if (!m) {
    return;
  }
  if (notice != Notice::scheduled) {
    tx.exec("UPDATE sittings SET invite_sequence = invite_sequence + 1 WHERE id = $1",
            {sitting_id});
  }
  const core::PanelType* panel = s.panels.find(m->text(0));
  const std::string panel_name = panel ? panel->name : m->text(0);
  const std::string when = london_long_date(m->text(1)) + ", " + london_hh_mm(m->text(1)) + " to " +
                           london_hh_mm(m->text(2));
  std::string subject;
  std::string body;
  switch (notice) {
    case Notice::scheduled:
      subject = panel_name + ": agenda for " + when;
      body = "The agenda for the sitting on " + when + " is published.";
      break;
    case Notice::moved:
      subject = panel_name + ": the sitting has moved to " + when;
      body = "The sitting is now on " + when + ".";
      break;
    case Notice::updated:
      subject = panel_name + ": agenda updated for " + when;
      body = "The agenda for the sitting on " + when + " has changed.";
      break;
    case Notice::cancelled:
      subject = panel_name + ": the sitting on " + when + " is cancelled";
      body = "The sitting on " + when + " is cancelled.";
      break;
  }
  const std::string where = venue_label(panel, m->text(3), m->text(4));
  if (notice != Notice::cancelled && !where.empty()) {
    body += "\nVenue: " + where;
  }
  if (notice != Notice::cancelled && !m->text(5).empty()) {
    body += "\nConference call: " + m->text(5);
  }
  if (!why.empty()) {
    body += "\nReason: " + why;
  }
  body += "\nAgenda: /sittings/" + std::to_string(sitting_id);
  Invitation inv;
  inv.uid = "sitting-" + std::to_string(sitting_id) + "@casepanel";
  inv.sequence = static_cast<int>(
      tx.query_one("SELECT invite_sequence FROM sittings WHERE id = $1", {sitting_id})->integer(0));
  inv.method = notice == Notice::cancelled ? InviteMethod::cancel : InviteMethod::request;
  inv.starts = parse_utc(m->text(1));
  inv.ends = parse_utc(m->text(2));
  inv.summary = panel_name + " sitting";
  inv.description = body;
  inv.location = where;
  set_organizer(tx, inv);
  std::vector<std::int64_t> members;
  for (const SittingMember& member : sitting_members(tx, s, sitting_id)) {
    members.push_back(member.user_id);
  }
  send_each(tx, s, members, subject, body, inv);
}

}  // namespace casepanel::app
