// Fuzz target: the settings loader, cli::settings_from_toml (what
// load_settings does with config/casepanel.toml once it has read the file).
// The input is the whole file.
//
// Its contract is to throw std::runtime_error, with the file and line, for
// anything that is not valid settings; any other exception escaping it (an
// std::out_of_range from a number that does not fit, a TOML library error
// type) is a bug the operator would see as a crash at start-up, so only
// std::runtime_error is caught here and everything else aborts the run.
//
// Properties checked for settings that load: the values the loader promises
// to check are in range.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <stdexcept>
#include <string_view>

#include "cli/settings.h"
#include "fuzz/property.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    const auto s = casepanel::cli::settings_from_toml(text, "fuzz.toml");
    FUZZ_CHECK(s.server.max_threads >= 1 && s.server.max_queued >= 1 && s.plan_ahead >= 1);
    FUZZ_CHECK(s.max_upload_bytes >= 1024 * 1024 && s.max_upload_bytes <= 1024ull * 1024 * 1024);
    FUZZ_CHECK(s.smtp.port >= 1 && s.smtp.port <= 65535);
    FUZZ_CHECK(s.smtp_max_attempts >= 1 && s.smtp_interval_seconds >= 1);
  } catch (const std::runtime_error& e) {
    FUZZ_CHECK(std::string_view(e.what()).starts_with("fuzz.toml"));
  }
  return 0;
}
