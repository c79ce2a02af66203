// Fuzz target: the parsers of dates and times typed into forms and
// configuration (core::parse_iso_date, core::parse_hh_mm, core::parse_time_entered), the GOV.UK
// date input read back from a form (web::date_field), and what the rest of the code does with
// whatever they accept: the working-day calendar and the Europe/London conversions.
//
// Properties checked, besides "no crash, no sanitizer report":
//   - a date or time that parses prints back as the same text (so a stored
//     value never changes meaning on its way through);
//   - the calendar answers for any accepted date, not only 1990-2100;
//   - a time as typed ("9.45am") lands on the clock face, and its HH:MM form
//     reads back as the same time.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "core/calendar.h"
#include "core/time_entry.h"
#include "fuzz/property.h"
#include "web/forms.h"

namespace {

using namespace casepanel;

void dates_and_times(std::string_view text) {
  if (const auto d = core::parse_iso_date(text)) {
    FUZZ_CHECK(d->ok());
    FUZZ_CHECK(core::to_iso(*d) == text);
    static const core::Calendar calendar = core::Calendar::england_and_wales();
    (void)calendar.is_working_day(*d);
    const core::Date next = calendar.next_working_day(*d);
    FUZZ_CHECK(calendar.working_days_between(*d, next) == 1);
    const core::Instant at = core::london_to_utc(*d, std::chrono::hours{12});
    (void)core::to_iso_london(at);
    (void)core::to_iso_utc(at);
  }
  if (const auto t = core::parse_hh_mm(text)) {
    FUZZ_CHECK(core::to_hh_mm(*t) == text);
  }
  if (const auto t = core::parse_time_entered(text)) {
    FUZZ_CHECK(t->count() >= 0 && t->count() < 24 * 60);
    FUZZ_CHECK(core::parse_time_entered(core::to_hh_mm(*t)) == t);
  }
}

// The three boxes of a GOV.UK date input, split at the first two '/'.
void date_input(std::string_view text) {
  web::WebRequest r;
  const auto first = text.find('/');
  const auto second = first == std::string_view::npos ? first : text.find('/', first + 1);
  r.form.emplace("when-day", std::string(text.substr(0, first)));
  if (first != std::string_view::npos) {
    r.form.emplace("when-month", std::string(text.substr(first + 1, second - first - 1)));
  }
  if (second != std::string_view::npos) {
    r.form.emplace("when-year", std::string(text.substr(second + 1)));
  }
  const std::string iso = web::date_field(r, "when");
  // Whatever it makes is then read as an ISO date by the use case.
  dates_and_times(iso);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  dates_and_times(text);
  date_input(text);
  return 0;
}
