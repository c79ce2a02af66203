// The tests' dates, written as ISO text in their tables ("2026-12-25"); a
// malformed one fails the test that wrote it instead of reading as 1970.
#pragma once

#include <gtest/gtest.h>

#include <optional>
#include <string_view>

#include "core/calendar.h"

namespace casepanel::core {

inline Date date(std::string_view iso) {
  const std::optional<Date> d = parse_iso_date(iso);
  EXPECT_TRUE(d.has_value()) << "bad date in test table: " << iso;
  return d.value_or(Date{});
}

}  // namespace casepanel::core
