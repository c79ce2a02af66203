// Invitations: the text is read back with libical's own parser, so each test
// checks what a calendar client would see, not how we happened to write it.
#include "app/invitation.h"

#include <gtest/gtest.h>
#include <libical/ical.h>

#include <memory>
#include <sstream>

namespace casepanel::app {
namespace {

using namespace std::chrono_literals;
using std::chrono::sys_days;
using std::chrono::year;

struct ComponentFree {
  void operator()(icalcomponent* c) const { icalcomponent_free(c); }
};
using Parsed = std::unique_ptr<icalcomponent, ComponentFree>;

core::Instant utc(int y, unsigned m, unsigned d, std::chrono::minutes at) {
  return core::Instant{sys_days{year{y} / m / d} + at};
}

Invitation hearing(core::Instant starts) {
  Invitation in;
  in.uid = "hearing-42@casepanel";
  in.sequence = 0;
  in.starts = starts;
  in.ends = starts + 30min;
  in.stamp = utc(2026, 11, 24, 9h);
  in.summary = "CLAM Panel: Ada Testchild";
  in.description = "Emergency review.";
  in.location = "County Hall, Room 2";
  in.organizer_name = "Cora Ordinator";
  in.organizer_email = "coord@test";
  in.attendees = {{"Sam Alpha", "sw_a@test"}, {"Pat Alpha", "pm_a@test"}};
  return in;
}

Parsed parse(const std::string& text) { return Parsed(icalparser_parse_string(text.c_str())); }

icalcomponent* event_of(icalcomponent* calendar) {
  return icalcomponent_get_first_component(calendar, ICAL_VEVENT_COMPONENT);
}

std::string tzid_of(icalproperty* p) {
  icalparameter* tz = icalproperty_get_first_parameter(p, ICAL_TZID_PARAMETER);
  return tz ? icalparameter_get_tzid(tz) : "";
}

// The instant a DTSTART stands for, resolved through the calendar's own
// VTIMEZONE (libical attaches it when the TZID matches one in the calendar).
core::Instant resolved_start(icalcomponent* event) {
  const icaltimetype t = icalcomponent_get_dtstart(event);
  return core::Instant{std::chrono::seconds{icaltime_as_timet_with_zone(t, t.zone)}};
}

std::string local_start(icalcomponent* event) {
  icalproperty* p = icalcomponent_get_first_property(event, ICAL_DTSTART_PROPERTY);
  char* s = icaltime_as_ical_string_r(icalproperty_get_dtstart(p));
  std::string out(s);
  std::free(s);
  return out;
}

struct TimeCase {
  const char* name;
  core::Instant starts;  // UTC
  const char* london;    // the DTSTART value a client shows
};

TEST(Invitation, StartsAreLondonWallClockTimesThatResolveToTheRightInstant) {
  const TimeCase cases[] = {
      {.name = "GMT (December)",
       .starts = utc(2026, 12, 1, 13h + 30min),
       .london = "20261201T133000"},
      {.name = "BST (June)", .starts = utc(2027, 6, 1, 12h + 30min), .london = "20270601T133000"},
      {.name = "first morning of BST", .starts = utc(2027, 3, 28, 9h), .london = "20270328T100000"},
      {.name = "last evening of GMT before BST",
       .starts = utc(2027, 3, 27, 18h),
       .london = "20270327T180000"},
      {.name = "first morning of GMT",
       .starts = utc(2027, 10, 31, 9h),
       .london = "20271031T090000"},
      {.name = "last evening of BST",
       .starts = utc(2027, 10, 30, 18h),
       .london = "20271030T190000"},
  };
  for (const TimeCase& c : cases) {
    Parsed cal = parse(invitation_ics(hearing(c.starts)));
    ASSERT_TRUE(cal) << c.name;
    icalcomponent* event = event_of(cal.get());
    ASSERT_NE(event, nullptr) << c.name;
    icalproperty* start = icalcomponent_get_first_property(event, ICAL_DTSTART_PROPERTY);
    EXPECT_EQ(tzid_of(start), "Europe/London") << c.name;
    EXPECT_EQ(local_start(event), c.london) << c.name;
    EXPECT_EQ(resolved_start(event), c.starts) << c.name;
  }
}

TEST(Invitation, TheEndIsWrittenLikeTheStart) {
  const std::string text = invitation_ics(hearing(utc(2027, 6, 1, 12h + 30min)));
  EXPECT_NE(text.find("DTEND;TZID=Europe/London:20270601T140000\r\n"), std::string::npos) << text;
}

TEST(Invitation, ARequestCarriesMethodUidSequenceAndConfirmedStatus) {
  Invitation in = hearing(utc(2026, 12, 1, 13h + 30min));
  in.sequence = 3;
  Parsed cal = parse(invitation_ics(in));
  ASSERT_TRUE(cal);
  EXPECT_EQ(icalcomponent_get_method(cal.get()), ICAL_METHOD_REQUEST);
  icalcomponent* event = event_of(cal.get());
  ASSERT_NE(event, nullptr);
  EXPECT_STREQ(icalcomponent_get_uid(event), "hearing-42@casepanel");
  EXPECT_EQ(icalcomponent_get_sequence(event), 3);
  EXPECT_EQ(icalcomponent_get_status(event), ICAL_STATUS_CONFIRMED);
  EXPECT_STREQ(icalcomponent_get_summary(event), "CLAM Panel: Ada Testchild");
  EXPECT_STREQ(icalcomponent_get_location(event), "County Hall, Room 2");
}

TEST(Invitation, ACancellationSaysCancelTwice) {
  Invitation in = hearing(utc(2026, 12, 1, 13h + 30min));
  in.method = InviteMethod::cancel;
  in.sequence = 1;
  const std::string text = invitation_ics(in);
  EXPECT_NE(text.find("METHOD:CANCEL\r\n"), std::string::npos);
  EXPECT_NE(text.find("STATUS:CANCELLED\r\n"), std::string::npos);
  Parsed cal = parse(text);
  ASSERT_TRUE(cal);
  EXPECT_EQ(icalcomponent_get_method(cal.get()), ICAL_METHOD_CANCEL);
  EXPECT_EQ(icalcomponent_get_status(event_of(cal.get())), ICAL_STATUS_CANCELLED);
  EXPECT_EQ(icalcomponent_get_sequence(event_of(cal.get())), 1);
  EXPECT_STREQ(invite_method_name(InviteMethod::cancel), "CANCEL");
  EXPECT_STREQ(invite_method_name(InviteMethod::request), "REQUEST");
}

TEST(Invitation, TheCalendarCarriesEuropeLondonAsGmtAndBstWithTheEuRules) {
  const std::string text = invitation_ics(hearing(utc(2026, 12, 1, 13h)));
  Parsed cal = parse(text);
  ASSERT_TRUE(cal);
  icalcomponent* zone = icalcomponent_get_first_component(cal.get(), ICAL_VTIMEZONE_COMPONENT);
  ASSERT_NE(zone, nullptr);
  icalproperty* tzid = icalcomponent_get_first_property(zone, ICAL_TZID_PROPERTY);
  ASSERT_NE(tzid, nullptr);
  EXPECT_STREQ(icalproperty_get_tzid(tzid), "Europe/London");
  for (const char* block :
       {"BEGIN:STANDARD\r\nTZNAME:GMT\r\nDTSTART:19701025T020000\r\nTZOFFSETFROM:+0100\r\n"
        "TZOFFSETTO:+0000\r\nRRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10\r\nEND:STANDARD\r\n",
        "BEGIN:DAYLIGHT\r\nTZNAME:BST\r\nDTSTART:19700329T010000\r\nTZOFFSETFROM:+0000\r\n"
        "TZOFFSETTO:+0100\r\nRRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3\r\nEND:DAYLIGHT\r\n"}) {
    EXPECT_NE(text.find(block), std::string::npos) << block << "\nin:\n" << text;
  }
}

TEST(Invitation, TheEnvelopeHasProdidVersionAndAUtcStamp) {
  const std::string text = invitation_ics(hearing(utc(2026, 12, 1, 13h)));
  EXPECT_EQ(text.rfind("BEGIN:VCALENDAR\r\n", 0), 0u) << text;
  EXPECT_NE(text.find("\r\nPRODID:-//casepanel//casepanel//EN\r\n"), std::string::npos);
  EXPECT_NE(text.find("\r\nVERSION:2.0\r\n"), std::string::npos);
  EXPECT_NE(text.find("\r\nDTSTAMP:20261124T090000Z\r\n"), std::string::npos) << text;
  EXPECT_NE(text.find("END:VCALENDAR\r\n"), std::string::npos);
}

TEST(Invitation, OrganizerAndAttendeesAreAddressedAndAskedToReply) {
  Parsed cal = parse(invitation_ics(hearing(utc(2026, 12, 1, 13h))));
  ASSERT_TRUE(cal);
  icalcomponent* event = event_of(cal.get());
  icalproperty* org = icalcomponent_get_first_property(event, ICAL_ORGANIZER_PROPERTY);
  ASSERT_NE(org, nullptr);
  EXPECT_STREQ(icalproperty_get_organizer(org), "mailto:coord@test");
  EXPECT_STREQ(icalproperty_get_parameter_as_string(org, "CN"), "Cora Ordinator");
  std::vector<std::string> seen;
  for (icalproperty* a = icalcomponent_get_first_property(event, ICAL_ATTENDEE_PROPERTY); a;
       a = icalcomponent_get_next_property(event, ICAL_ATTENDEE_PROPERTY)) {
    seen.push_back(std::string(icalproperty_get_parameter_as_string(a, "CN")) + " " +
                   icalproperty_get_attendee(a));
    EXPECT_STREQ(icalproperty_get_parameter_as_string(a, "ROLE"), "REQ-PARTICIPANT");
    EXPECT_STREQ(icalproperty_get_parameter_as_string(a, "PARTSTAT"), "NEEDS-ACTION");
    EXPECT_STREQ(icalproperty_get_parameter_as_string(a, "RSVP"), "TRUE");
  }
  EXPECT_EQ(seen,
            (std::vector<std::string>{"Sam Alpha mailto:sw_a@test", "Pat Alpha mailto:pm_a@test"}));
}

TEST(Invitation, CommasSemicolonsAndNewlinesInTextAreEscapedAndComeBackIntact) {
  Invitation in = hearing(utc(2026, 12, 1, 13h));
  in.summary = "Panel, room 2; bring papers";
  in.description = "Line one\nLine two, with a comma; and a semicolon\\ and a backslash";
  const std::string text = invitation_ics(in);
  EXPECT_NE(text.find("SUMMARY:Panel\\, room 2\\; bring papers\r\n"), std::string::npos) << text;
  EXPECT_NE(text.find("DESCRIPTION:Line one\\nLine two\\, with a comma\\; and a semicolon\\\\ "),
            std::string::npos)
      << text;
  Parsed cal = parse(text);
  ASSERT_TRUE(cal);
  EXPECT_EQ(std::string(icalcomponent_get_summary(event_of(cal.get()))), in.summary);
  EXPECT_EQ(std::string(icalcomponent_get_description(event_of(cal.get()))), in.description);
}

TEST(Invitation, LongLinesAreFoldedAtSeventyFiveOctetsWithCrlf) {
  Invitation in = hearing(utc(2026, 12, 1, 13h));
  in.description.clear();
  for (int i = 0; i < 40; ++i) {
    in.description += "Ådne's papers " + std::to_string(i) + ", ";
  }
  in.description += "the end.";
  const std::string text = invitation_ics(in);
  std::size_t start = 0;
  int continuation_lines = 0;
  while (start < text.size()) {
    const std::size_t end = text.find("\r\n", start);
    ASSERT_NE(end, std::string::npos) << "the text must end with CRLF";
    const std::string line = text.substr(start, end - start);
    EXPECT_LE(line.size(), 75u) << line;
    EXPECT_EQ(line.find('\n'), std::string::npos) << "bare LF in " << line;
    // RFC 5545 3.1: a fold should not split a multi-octet UTF-8 character.
    if (line.size() > 1 && line[0] == ' ') {
      EXPECT_NE(static_cast<unsigned char>(line[1]) & 0xC0, 0x80) << "split character: " << line;
    }
    continuation_lines += !line.empty() && line[0] == ' ';
    start = end + 2;
  }
  EXPECT_GT(continuation_lines, 5);
  Parsed cal = parse(text);
  ASSERT_TRUE(cal);
  EXPECT_EQ(std::string(icalcomponent_get_description(event_of(cal.get()))), in.description);
}

TEST(Invitation, ANameCannotInjectLinesOrProperties) {
  Invitation in = hearing(utc(2026, 12, 1, 13h));
  in.attendees = {{"Eve\r\nATTENDEE:mailto:eve@evil.example", "sw_a@test"},
                  {"Quote \"Q\" Person", "q@test\r\nX-EVIL:1"}};
  const std::string text = invitation_ics(in);
  Parsed cal = parse(text);
  ASSERT_TRUE(cal);
  icalcomponent* event = event_of(cal.get());
  EXPECT_EQ(icalcomponent_count_properties(event, ICAL_ATTENDEE_PROPERTY), 2) << text;
  EXPECT_EQ(icalcomponent_count_properties(event, ICAL_X_PROPERTY), 0) << text;
  EXPECT_EQ(text.find("\r\nATTENDEE:mailto:eve"), std::string::npos) << text;
}

}  // namespace
}  // namespace casepanel::app
