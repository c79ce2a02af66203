// Fuzz target: the panel configuration loader, core::PanelType::create, which
// parses and validates a council's panel file (TOML text written by hand,
// docs/panel-configuration.md). The input is the whole file.
//
// A file that loads is then used the way the service uses a panel: its titles
// and options are read, a year of sittings is planned from its schedule, and
// the submission cut-off and target sitting are computed, so that a value
// the validation lets through (a huge slot length, a sitting past midnight)
// cannot crash or overflow later.
//
// Properties checked: create() returns either a panel or problems, never
// both and never neither; every problem names its source.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "core/calendar.h"
#include "core/cutoff.h"
#include "core/panel_type.h"
#include "core/sittings.h"
#include "fuzz/property.h"

namespace {

using namespace casepanel;

void use(const core::PanelType& panel) {
  for (core::Role role : core::kAllRoles) {
    (void)panel.title_of(role);
  }
  for (int children = 1; children <= 4; ++children) {
    (void)panel.hearing_minutes(children);
  }
  for (const auto& t : panel.request_types) {
    FUZZ_CHECK(panel.request_type(t.id) != nullptr);
  }
  for (const auto& d : panel.decisions) {
    FUZZ_CHECK(panel.decision(d.id) != nullptr);
  }
  static const core::Calendar calendar = core::Calendar::england_and_wales();
  const core::Date from{std::chrono::year{2026}, std::chrono::January, std::chrono::day{1}};
  const auto sittings = core::sittings_from(panel, calendar, from, 12);
  for (const auto& s : sittings) {
    (void)core::submission_cutoff(panel, calendar, s.date);
    (void)core::next_slot(s, 0, panel.hearing_minutes(2));
  }
  const core::Instant arrives = core::london_to_utc(from, std::chrono::hours{9});
  (void)core::target_sitting(panel, calendar, sittings, arrives, false);
  (void)core::target_sitting(panel, calendar, sittings, arrives, true);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto loaded = core::PanelType::create(text, "fuzz.toml");
  FUZZ_CHECK(loaded.panel.has_value() != !loaded.problems.empty());
  for (const auto& problem : loaded.problems) {
    FUZZ_CHECK(problem.source == "fuzz.toml");
    (void)problem.to_string();
  }
  if (loaded.panel) {
    use(*loaded.panel);
  }
  return 0;
}
