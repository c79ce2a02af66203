// A count and its noun, as a sentence says it: "1 hearing", "2 hearings",
// "0 hearings". One helper, so that no page says "1 hearings". And a number
// as GOV.UK writes one: "4,298".
//
// Pure; thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace casepanel::core {

// "1 hearing" when n is 1, "n hearings" otherwise. `many` is given whole,
// since English plurals are not always "s" ("1 child", "2 children").
std::string counted(std::int64_t n, std::string_view one, std::string_view many);

// The GOV.UK style guide's numbers: a comma between thousands ("4,298",
// "1,000,000"), none under 1,000 ("999").
std::string thousands(std::int64_t n);

}  // namespace casepanel::core
