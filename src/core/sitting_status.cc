#include "core/sitting_status.h"

namespace casepanel::core {
namespace {

// One table per enum: the id stored in the database beside the value, so the
// two directions cannot disagree.
template <typename E, std::size_t N>
std::optional<E> from_id(const std::pair<E, std::string_view> (&table)[N], std::string_view id) {
  for (const auto& [value, name] : table) {
    if (name == id) {
      return value;
    }
  }
  return std::nullopt;
}

template <typename E, std::size_t N>
std::string_view to_id(const std::pair<E, std::string_view> (&table)[N], E value) {
  for (const auto& [v, name] : table) {
    if (v == value) {
      return name;
    }
  }
  return "";
}

constexpr std::pair<SittingStatus, std::string_view> kSittingIds[] = {
    {SittingStatus::planned, "planned"},
    {SittingStatus::held, "held"},
    {SittingStatus::cancelled, "cancelled"},
};
constexpr std::pair<HearingStatus, std::string_view> kHearingIds[] = {
    {HearingStatus::scheduled, "scheduled"},
    {HearingStatus::heard, "heard"},
};
constexpr std::pair<Attendance, std::string_view> kAttendanceIds[] = {
    {Attendance::expected, "expected"},
    {Attendance::present, "present"},
    {Attendance::conference_call, "conference_call"},
    {Attendance::apologies, "apologies"},
    {Attendance::absent, "absent"},
};

}  // namespace

std::string_view sitting_status_id(SittingStatus s) { return to_id(kSittingIds, s); }
std::optional<SittingStatus> sitting_status_from_id(std::string_view id) {
  return from_id(kSittingIds, id);
}
std::string_view sitting_status_label(SittingStatus s) {
  switch (s) {
    case SittingStatus::planned:
      return "Planned";
    case SittingStatus::held:
      return "Held";
    case SittingStatus::cancelled:
      return "Cancelled";
  }
  return "";
}

std::string_view hearing_status_id(HearingStatus s) { return to_id(kHearingIds, s); }
std::optional<HearingStatus> hearing_status_from_id(std::string_view id) {
  return from_id(kHearingIds, id);
}

std::string_view attendance_id(Attendance a) { return to_id(kAttendanceIds, a); }
std::optional<Attendance> attendance_from_id(std::string_view id) {
  return from_id(kAttendanceIds, id);
}

std::string_view attendance_label(Attendance a) {
  switch (a) {
    case Attendance::expected:
      return "Expected";
    case Attendance::present:
      return "In person";
    case Attendance::conference_call:
      return "By conference call";
    case Attendance::apologies:
      return "Apologies";
    case Attendance::absent:
      return "Absent";
  }
  return "";
}

bool attends(Attendance a) { return a == Attendance::present || a == Attendance::conference_call; }

bool away(Attendance a) { return a == Attendance::apologies || a == Attendance::absent; }

}  // namespace casepanel::core
