#include "core/statutory.h"

#include "core/sittings.h"
#include "core/text.h"

namespace casepanel::core {

bool heard_after_deadline(std::optional<Date> due, Date heard_on) {
  return due && std::chrono::sys_days{*due} < std::chrono::sys_days{heard_on};
}

Status check_statutory_date(std::optional<Date> due, Date heard_on, std::string_view late_reason) {
  if (!heard_after_deadline(due, heard_on)) {
    return ok_status();
  }
  if (blank(late_reason)) {
    return Error::invalid("late_reason", "This request must be heard by " + long_date(*due) +
                                             " (statutory) and the sitting is on " +
                                             long_date(heard_on) +
                                             ": enter why it is heard after that date");
  }
  if (late_reason.size() > kMaxLateReasonChars) {
    return Error::invalid("late_reason", "Keep the reason to 2,000 characters or fewer");
  }
  return ok_status();
}

std::string late_hearing_tag(Date due, std::string_view reason) {
  const std::string tag = "Heard after the statutory deadline of " + long_date(due);
  return blank(reason) ? tag : tag + ": " + std::string(reason);
}

}  // namespace casepanel::core
