// The Builder's clock arithmetic, and the small helpers of the demo model.
#include "app/demo/builder.h"

#include <algorithm>

namespace casepanel::app::demo {

using core::Date;
using core::Instant;
using std::chrono::days;
using std::chrono::sys_days;

bool in_care(const std::string& legal_status) {
  return legal_status == "Section 20" || legal_status == "Care Order" ||
         legal_status == "Interim Care Order" || legal_status == "Placement Order";
}

Date plus_days(Date d, int n) { return Date{sys_days{d} + days{n}}; }
int days_from(Date a, Date b) { return static_cast<int>((sys_days{b} - sys_days{a}).count()); }

std::string team_label(const std::string& kind) {
  if (kind == "fast") {
    return "Family Assessment and Support Team (FAST)";
  }
  if (kind == "assessment") {
    return "Assessment Team";
  }
  if (kind == "family_support") {
    return "Family Support Team";
  }
  return "Looked After Children Team";
}

Builder::Builder(Services& s, store::Tx& tx)
    : s_(s), tx_(tx), now_(s.clock.now()), today_(core::london_date(now_)), random_(kSeed) {}

Instant Builder::at(Date d, int minute_of_day) const {
  return core::london_to_utc(d, core::LocalTime{minute_of_day});
}

// A past event is recorded at least a minute before now, whatever its plan.
Instant Builder::before_now(Instant t) const { return std::min(t, now_ - std::chrono::minutes{1}); }

Instant Builder::stamp(Date d, int minute_of_day) const { return before_now(at(d, minute_of_day)); }

// The large council asks for the same few times of day over and over.
Instant Builder::cached_stamp(Date d, int minute_of_day) {
  const long long k =
      static_cast<long long>(sys_days{d}.time_since_epoch().count()) * 2000 + minute_of_day;
  auto it = stamps_.find(k);
  if (it == stamps_.end()) {
    it = stamps_.emplace(k, stamp(d, minute_of_day)).first;
  }
  return it->second;
}

Date Builder::add_working_days(Date d, int n) {
  const long long k = static_cast<long long>(sys_days{d}.time_since_epoch().count()) * 512 + n;
  auto it = working_days_.find(k);
  if (it == working_days_.end()) {
    it = working_days_.emplace(k, s_.calendar.add_working_days(d, n)).first;
  }
  return it->second;
}

Date Builder::working_days_before(Date d, int n) const {
  return s_.calendar.subtract_working_days(d, n);
}

Date Builder::working_day_on_or_before(Date d) const {
  return s_.calendar.working_day_on_or_before(d);
}

}  // namespace casepanel::app::demo
