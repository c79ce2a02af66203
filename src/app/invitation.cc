#include "app/invitation.h"

#include <libical/ical.h>

#include <cstdlib>
#include <memory>
#include <stdexcept>

#include "core/calendar.h"
#include "core/sittings.h"

namespace casepanel::app {
namespace {

constexpr const char* kLondon = "Europe/London";

struct ComponentFree {
  void operator()(icalcomponent* c) const { icalcomponent_free(c); }
};
using Component = std::unique_ptr<icalcomponent, ComponentFree>;

// Names and addresses go into parameter values and CAL-ADDRESS values, which
// libical does not escape: a control character would end the line and let a
// name inject properties, and RFC 5545 (3.1) allows no DQUOTE in a parameter.
std::string clean(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
      out += ' ';
    } else {
      out += c == '"' ? '\'' : c;
    }
  }
  return out;
}

icaltimetype utc_time(core::Instant t) {
  return icaltime_from_timet_with_zone(static_cast<time_t>(t.time_since_epoch().count()), 0,
                                       icaltimezone_get_utc_timezone());
}

// The London wall-clock time of an instant, as a floating time: the TZID
// parameter is added by hand, so that it names "Europe/London" exactly.
icaltimetype london_time(core::Instant t) {
  const core::Date d = core::london_date(t);
  const core::LocalTime local = core::london_time_of_day(t);
  icaltimetype out = icaltime_null_time();
  out.year = static_cast<int>(d.year());
  out.month = static_cast<int>(static_cast<unsigned>(d.month()));
  out.day = static_cast<int>(static_cast<unsigned>(d.day()));
  out.hour = static_cast<int>(local.count() / 60);
  out.minute = static_cast<int>(local.count() % 60);
  out.second = static_cast<int>(t.time_since_epoch().count() % 60);
  out.is_date = 0;
  return out;
}

icalproperty* with_london_tzid(icalproperty* p) {
  icalproperty_add_parameter(p, icalparameter_new_tzid(kLondon));
  return p;
}

// One half of the Europe/London rules: since 1996 the clocks go forward at
// 01:00 UTC on the last Sunday of March and back on the last Sunday of
// October (Summer Time Order 2002; EU directive 2000/84/EC). DTSTART is a
// local time in the old offset, as RFC 5545 3.6.5 requires.
void add_observance(icalcomponent* zone, icalcomponent_kind kind, const char* name,
                    const char* dtstart, int from_seconds, int to_seconds, const char* rule) {
  icalcomponent* o = icalcomponent_new(kind);
  icalcomponent_add_property(o, icalproperty_new_tzname(name));
  icalcomponent_add_property(o, icalproperty_new_dtstart(icaltime_from_string(dtstart)));
  icalcomponent_add_property(o, icalproperty_new_tzoffsetfrom(from_seconds));
  icalcomponent_add_property(o, icalproperty_new_tzoffsetto(to_seconds));
  icalcomponent_add_property(o, icalproperty_new_rrule(icalrecurrencetype_from_string(rule)));
  icalcomponent_add_component(zone, o);
}

icalcomponent* london_vtimezone() {
  icalcomponent* zone = icalcomponent_new(ICAL_VTIMEZONE_COMPONENT);
  icalcomponent_add_property(zone, icalproperty_new_tzid(kLondon));
  add_observance(zone, ICAL_XSTANDARD_COMPONENT, "GMT", "19701025T020000", 3600, 0,
                 "FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU");
  add_observance(zone, ICAL_XDAYLIGHT_COMPONENT, "BST", "19700329T010000", 0, 3600,
                 "FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU");
  return zone;
}

icalproperty* organizer(const Invitation& in) {
  icalproperty* p = icalproperty_new_organizer(("mailto:" + clean(in.organizer_email)).c_str());
  if (!in.organizer_name.empty()) {
    icalproperty_add_parameter(p, icalparameter_new_cn(clean(in.organizer_name).c_str()));
  }
  return p;
}

icalproperty* attendee(const std::string& name, const std::string& email) {
  icalproperty* p = icalproperty_new_attendee(("mailto:" + clean(email)).c_str());
  if (!name.empty()) {
    icalproperty_add_parameter(p, icalparameter_new_cn(clean(name).c_str()));
  }
  icalproperty_add_parameter(p, icalparameter_new_role(ICAL_ROLE_REQPARTICIPANT));
  icalproperty_add_parameter(p, icalparameter_new_partstat(ICAL_PARTSTAT_NEEDSACTION));
  icalproperty_add_parameter(p, icalparameter_new_rsvp(ICAL_RSVP_TRUE));
  return p;
}

icalcomponent* vevent(const Invitation& in) {
  const bool cancel = in.method == InviteMethod::cancel;
  icalcomponent* e = icalcomponent_new(ICAL_VEVENT_COMPONENT);
  icalcomponent_add_property(e, icalproperty_new_uid(in.uid.c_str()));
  icalcomponent_add_property(e, icalproperty_new_sequence(in.sequence));
  icalcomponent_add_property(e, icalproperty_new_dtstamp(utc_time(in.stamp)));
  icalcomponent_add_property(e, with_london_tzid(icalproperty_new_dtstart(london_time(in.starts))));
  icalcomponent_add_property(e, with_london_tzid(icalproperty_new_dtend(london_time(in.ends))));
  icalcomponent_add_property(e, icalproperty_new_summary(in.summary.c_str()));
  icalcomponent_add_property(e, icalproperty_new_description(in.description.c_str()));
  icalcomponent_add_property(e, icalproperty_new_location(in.location.c_str()));
  icalcomponent_add_property(e, organizer(in));
  for (const auto& [name, email] : in.attendees) {
    icalcomponent_add_property(e, attendee(name, email));
  }
  icalcomponent_add_property(
      e, icalproperty_new_status(cancel ? ICAL_STATUS_CANCELLED : ICAL_STATUS_CONFIRMED));
  icalcomponent_add_property(e, icalproperty_new_transp(ICAL_TRANSP_OPAQUE));
  return e;
}

// A DTSTART or DTEND in words. Ours are London wall-clock times with a TZID,
// read as written; a UTC time is turned into London's.
std::string london_words(icaltimetype t) {
  if (icaltime_is_null_time(t)) {
    return "";
  }
  if (icaltime_is_utc(t)) {
    const core::Instant at{std::chrono::seconds{icaltime_as_timet(t)}};
    return core::long_date(core::london_date(at)) + " at " +
           core::to_hh_mm(core::london_time_of_day(at));
  }
  const core::Date d{std::chrono::year{t.year}, std::chrono::month{static_cast<unsigned>(t.month)},
                     std::chrono::day{static_cast<unsigned>(t.day)}};
  return core::long_date(d) + " at " +
         core::to_hh_mm(
             core::LocalTime{std::chrono::hours{t.hour} + std::chrono::minutes{t.minute}});
}

std::string text_or_empty(const char* text) { return text == nullptr ? "" : text; }

}  // namespace

std::optional<InvitationSummary> read_invitation(const std::string& ics) {
  Component calendar(icalparser_parse_string(ics.c_str()));
  if (!calendar) {
    return std::nullopt;
  }
  icalcomponent* event =
      icalcomponent_isa(calendar.get()) == ICAL_VEVENT_COMPONENT
          ? calendar.get()
          : icalcomponent_get_first_component(calendar.get(), ICAL_VEVENT_COMPONENT);
  if (event == nullptr) {
    return std::nullopt;
  }
  InvitationSummary out;
  out.method = icalcomponent_get_method(calendar.get()) == ICAL_METHOD_CANCEL
                   ? InviteMethod::cancel
                   : InviteMethod::request;
  out.uid = text_or_empty(icalcomponent_get_uid(event));
  out.sequence = icalcomponent_get_sequence(event);
  out.summary = text_or_empty(icalcomponent_get_summary(event));
  icalproperty* start = icalcomponent_get_first_property(event, ICAL_DTSTART_PROPERTY);
  icalproperty* end = icalcomponent_get_first_property(event, ICAL_DTEND_PROPERTY);
  out.starts = start ? london_words(icalproperty_get_dtstart(start)) : "";
  out.ends = end ? london_words(icalproperty_get_dtend(end)) : "";
  out.location = text_or_empty(icalcomponent_get_location(event));
  return out;
}

const char* invite_method_name(InviteMethod method) {
  return method == InviteMethod::cancel ? "CANCEL" : "REQUEST";
}

std::string invitation_ics(const Invitation& in) {
  Component calendar(icalcomponent_new(ICAL_VCALENDAR_COMPONENT));
  icalcomponent* c = calendar.get();
  icalcomponent_add_property(c, icalproperty_new_prodid("-//casepanel//casepanel//EN"));
  icalcomponent_add_property(c, icalproperty_new_version("2.0"));
  icalcomponent_add_property(
      c, icalproperty_new_method(in.method == InviteMethod::cancel ? ICAL_METHOD_CANCEL
                                                                   : ICAL_METHOD_REQUEST));
  icalcomponent_add_component(c, london_vtimezone());
  icalcomponent_add_component(c, vevent(in));
  char* text = icalcomponent_as_ical_string_r(c);
  if (text == nullptr) {
    throw std::runtime_error("libical could not write the invitation");
  }
  std::string out(text);
  std::free(text);
  return out;
}

}  // namespace casepanel::app
