#include "app/hearing_notices.h"

#include <algorithm>

#include "app/audit_trail.h"
#include "app/child_names.h"
#include "app/display.h"
#include "app/invitation.h"
#include "app/members.h"
#include "app/notifications.h"
#include "app/outbox.h"
#include "app/scope.h"
#include "app/sitting_rows.h"
#include "core/sittings.h"
#include "store/hearings.h"
#include "store/outbox.h"
#include "store/sittings.h"

namespace casepanel::app {
namespace {

using store::Tx;

// "Horsham (CHN), Room 2": where a sitting is.
std::string where_of(const core::PanelType* panel, const store::SittingRecord& m) {
  std::string out = venue_label(panel, m.venue_id);
  if (!m.room.empty()) {
    out += out.empty() ? m.room : ", " + m.room;
  }
  // venues.address: where to go, for the calendar invitation's LOCATION.
  const core::Venue* v = panel ? panel->venue(m.venue_id) : nullptr;
  if (v != nullptr && !v->address.empty()) {
    out += out.empty() ? v->address : ", " + v->address;
  }
  return out;
}

std::string london_long(core::Instant t) { return core::long_date(core::london_date(t)); }

// The invitation's organiser: the panel's coordinator.
void set_organizer(Tx& tx, Invitation& inv) {
  auto coordinator = store::first_coordinator(tx);
  inv.organizer_name = coordinator ? coordinator->name : "casepanel";
  inv.organizer_email = coordinator ? coordinator->email : "casepanel@localhost";
}

// Sends each person their own copy: the invitation names them as attendee.
void send_each(Tx& tx, const Services& s, const std::vector<std::int64_t>& users,
               const std::string& subject, const std::string& body, Invitation inv) {
  for (std::int64_t user : users) {
    auto u = store::find_contact(tx, user);
    if (!u) {
      continue;
    }
    inv.attendees = {{u->name, u->email}};
    queue_invitation(tx, s, user, subject, body, inv);
  }
}

struct Message {
  std::string subject;
  std::string body;
};

// What the presenters of a hearing are told. Email is not a safe channel for
// a child's details: the notice names the request, and the presenters open it
// in casepanel to see who it is for.
Message presenters_message(Notice notice, const std::string& panel_name, const std::string& request,
                           const std::string& for_whom, const std::string& when, int minutes) {
  switch (notice) {
    case Notice::scheduled:
      return {panel_name + ": " + request + " will be heard on " + when,
              "The hearing for " + for_whom + " has a " + std::to_string(minutes) +
                  "-minute slot at " + panel_name + " on " + when + "."};
    case Notice::moved:
      return {panel_name + ": the hearing for " + request + " has moved to " + when,
              "The hearing for " + for_whom + " is now on " + when + "."};
    case Notice::updated:
      return {panel_name + ": the hearing for " + request + " on " + when + " has changed",
              "The details of the hearing for " + for_whom + " on " + when + " have changed."};
    case Notice::cancelled:
      return {panel_name + ": the hearing for " + request + " on " + when + " is cancelled",
              "The hearing for " + for_whom + " on " + when +
                  " is cancelled. The request is back with the coordinator, who will give it a "
                  "new slot."};
  }
  return {};
}

// What a sitting's members are told.
Message members_message(Notice notice, const std::string& panel_name, const std::string& when) {
  switch (notice) {
    case Notice::scheduled:
      return {panel_name + ": agenda for " + when,
              "The agenda for the sitting on " + when + " is published."};
    case Notice::moved:
      return {panel_name + ": the sitting has moved to " + when,
              "The sitting is now on " + when + "."};
    case Notice::updated:
      return {panel_name + ": agenda updated for " + when,
              "The agenda for the sitting on " + when + " has changed."};
    case Notice::cancelled:
      return {panel_name + ": the sitting on " + when + " is cancelled",
              "The sitting on " + when + " is cancelled."};
  }
  return {};
}

// The venue and conference call (not for a cancellation), then the reason.
void add_details(std::string& body, Notice notice, const std::string& where,
                 const std::string& conference, const std::string& why) {
  if (notice != Notice::cancelled && !where.empty()) {
    body += "\nVenue: " + where;
  }
  if (notice != Notice::cancelled && !conference.empty()) {
    body += "\nConference call: " + conference;
  }
  if (!why.empty()) {
    body += "\nReason: " + why;
  }
}

// Who is sent a notice about the calendar event `uid`. A cancellation goes to
// exactly those who were sent its invitation, whether or not they are still
// expected, and to nobody who never was (issue 14, item 11: "nobody who was
// never invited gets a cancellation"); any other notice to those `expected`.
std::vector<std::int64_t> told_of(Tx& tx, Notice notice, const std::string& uid,
                                  std::vector<std::int64_t> expected) {
  if (notice == Notice::cancelled) {
    return store::invited_to(tx, uid);
  }
  return expected;
}

Invitation invitation_of(std::string uid, int sequence, Notice notice, core::Instant starts,
                         core::Instant ends) {
  Invitation inv;
  inv.uid = std::move(uid);
  inv.sequence = sequence;
  inv.method = notice == Notice::cancelled ? InviteMethod::cancel : InviteMethod::request;
  inv.starts = starts;
  inv.ends = ends;
  return inv;
}

}  // namespace

std::vector<std::int64_t> hearing_presenters(Tx& tx, std::int64_t hearing_id) {
  std::vector<std::int64_t> out;
  if (auto p = store::hearing_people(tx, hearing_id)) {
    out.push_back(p->author.id);
    if (p->team_manager && p->team_manager->id != p->author.id) {
      out.push_back(p->team_manager->id);
    }
  }
  return out;
}

void notify_presenters(Tx& tx, const Services& s, std::int64_t hearing_id, Notice notice,
                       const std::string& why) {
  auto h = store::find_hearing(tx, hearing_id);
  auto m = h ? store::find_sitting(tx, h->sitting_id) : std::nullopt;
  if (!m) {
    return;
  }
  // The presenters' invitation is for their exact slot; every change raises
  // its sequence so that calendars replace it.
  const int sequence =
      notice == Notice::scheduled ? h->invite_sequence : store::raise_hearing_invite(tx, h->id);
  const core::PanelType* panel = s.panels.find(m->panel_id);
  const std::string panel_name = panel ? panel->name : m->panel_id;
  const int child_count = app::request_child_count(tx, h->request_id);
  const std::string request = "request " + std::to_string(h->request_id);
  const std::string for_whom =
      request + " (" + std::to_string(child_count) + (child_count == 1 ? " child)" : " children)");
  const std::string when = london_long(h->starts_at) + " at " + london_time(h->starts_at);
  Message msg = presenters_message(notice, panel_name, request, for_whom, when, h->minutes);
  add_details(msg.body, notice, where_of(panel, *m), m->conference_details, why);
  msg.body += "\nRequest: " + link(s, "/requests/" + std::to_string(h->request_id));
  const std::string uid = "hearing-" + std::to_string(hearing_id) + "@casepanel";
  Invitation inv = invitation_of(uid, sequence, notice, h->starts_at,
                                 h->starts_at + std::chrono::minutes{h->minutes});
  inv.summary = panel_name + ": " + for_whom;
  inv.description = msg.body;
  inv.location = where_of(panel, *m);
  set_organizer(tx, inv);
  send_each(tx, s, told_of(tx, notice, uid, hearing_presenters(tx, hearing_id)), msg.subject,
            msg.body, inv);
}

void notify_members(Tx& tx, const Services& s, std::int64_t sitting_id, Notice notice,
                    const std::string& why) {
  auto m = store::find_sitting(tx, sitting_id);
  // Members are invited when the agenda is published: before, a move is no
  // news to them (and a cancellation finds nobody invited).
  if (!m || (notice == Notice::moved && !m->published_at)) {
    return;
  }
  const int sequence =
      notice == Notice::scheduled ? m->invite_sequence : store::raise_sitting_invite(tx, m->id);
  const core::PanelType* panel = s.panels.find(m->panel_id);
  const std::string panel_name = panel ? panel->name : m->panel_id;
  const std::string when = london_long(m->starts_at) + ", " + london_time(m->starts_at) + " to " +
                           london_time(m->ends_at);
  Message msg = members_message(notice, panel_name, when);
  add_details(msg.body, notice, where_of(panel, *m), m->conference_details, why);
  msg.body += "\nAgenda: " + link(s, "/sittings/" + std::to_string(sitting_id));
  const std::string uid = "sitting-" + std::to_string(sitting_id) + "@casepanel";
  Invitation inv = invitation_of(uid, sequence, notice, m->starts_at, m->ends_at);
  inv.summary = panel_name + " sitting";
  inv.description = msg.body;
  inv.location = where_of(panel, *m);
  set_organizer(tx, inv);
  std::vector<std::int64_t> members;
  for (const SittingMember& member : sitting_members(tx, s, *m)) {
    members.push_back(member.user_id);
  }
  send_each(tx, s, told_of(tx, notice, uid, std::move(members)), msg.subject, msg.body, inv);
}

}  // namespace casepanel::app
