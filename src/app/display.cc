#include "app/display.h"

#include <array>
#include <sstream>
#include <stdexcept>

namespace casepanel::app {

bool blank(const std::string& text) {
  return text.find_first_not_of(" \t\r\n") == std::string::npos;
}

std::string long_date(const std::string& iso_date) {
  static constexpr std::array<const char*, 12> kMonths = {
      "January", "February", "March",     "April",   "May",      "June",
      "July",    "August",   "September", "October", "November", "December"};
  auto d = core::parse_iso_date(iso_date);
  if (!d) {
    return iso_date;
  }
  std::ostringstream out;
  out << static_cast<unsigned>(d->day()) << ' ' << kMonths[static_cast<unsigned>(d->month()) - 1]
      << ' ' << static_cast<int>(d->year());
  return out.str();
}

core::Instant parse_utc(const std::string& iso_utc) {
  const std::optional<core::Instant> at = core::parse_iso_utc(iso_utc);
  if (!at) {
    throw std::runtime_error("not a UTC instant: \"" + iso_utc + "\"");
  }
  return *at;
}

std::string london_hh_mm(const std::string& iso_utc) {
  return core::to_hh_mm(core::london_time_of_day(parse_utc(iso_utc)));
}

std::string london_long_date(const std::string& iso_utc) {
  return long_date(core::to_iso(core::london_date(parse_utc(iso_utc))));
}

std::string at_time_on(core::Instant t) {
  const std::string iso = core::to_iso_utc(t);
  return "at " + london_hh_mm(iso) + " on " + london_long_date(iso);
}

std::string request_type_label(const core::PanelType* panel, const std::string& type) {
  if (panel == nullptr) {
    return type;
  }
  const core::RequestType* t = panel->request_type(type);
  return t ? t->label : panel->name + " request";
}

}  // namespace casepanel::app
