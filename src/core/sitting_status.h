// The states of a sitting, of a hearing on its agenda, and of a member's
// attendance, as enums with the ids the database stores. app/ and web/
// compare these, never the text; the store maps text to enum and fails
// closed (throws) on an id casepanel never wrote.
//
//   sitting:  planned --the day passes--> held
//             planned --the coordinator cancels--> cancelled   (final)
//   hearing:  scheduled --every child has a decision--> heard
//   member:   expected | present | conference_call | apologies | absent
//             (recorded by the coordinator or the panel administrator; the
//             same values record a hearing's presenter)
//
// Pure: values in, values out; safe from any thread.
#pragma once

#include <optional>
#include <string_view>

namespace casepanel::core {

enum class SittingStatus { planned, held, cancelled };
std::string_view sitting_status_id(SittingStatus s);  // "planned"
std::optional<SittingStatus> sitting_status_from_id(std::string_view id);
std::string_view sitting_status_label(SittingStatus s);  // "Planned"

enum class HearingStatus { scheduled, heard };
std::string_view hearing_status_id(HearingStatus s);
std::optional<HearingStatus> hearing_status_from_id(std::string_view id);

// `present` is in person; `conference_call` joined by telephone or video.
enum class Attendance { expected, present, conference_call, apologies, absent };
inline constexpr Attendance kAttendances[] = {Attendance::expected, Attendance::present,
                                              Attendance::conference_call, Attendance::apologies,
                                              Attendance::absent};
std::string_view attendance_id(Attendance a);  // "apologies"
std::optional<Attendance> attendance_from_id(std::string_view id);
std::string_view attendance_label(Attendance a);  // "By conference call"
// Present in person or by conference call: what the quorum counts.
bool attends(Attendance a);
// Gave apologies or did not come: a seat's deputies are then expected.
bool away(Attendance a);

}  // namespace casepanel::core
