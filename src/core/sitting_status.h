// The states of a sitting, of a hearing on its agenda, and of a member's
// attendance, as enums with the ids the database stores. app/ and web/
// compare these, never the text; the store maps text to enum and fails
// closed (throws) on an id casepanel never wrote.
//
//   sitting:  planned --the day passes--> held
//             planned --the coordinator cancels--> cancelled   (final)
//   hearing:  scheduled --every child has a decision--> heard
//   member:   expected | present | apologies | absent          (recorded by
//             the coordinator or the panel administrator)
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

enum class Attendance { expected, present, apologies, absent };
inline constexpr Attendance kAttendances[] = {Attendance::expected, Attendance::present,
                                              Attendance::apologies, Attendance::absent};
std::string_view attendance_id(Attendance a);  // "apologies"
std::optional<Attendance> attendance_from_id(std::string_view id);

}  // namespace casepanel::core
