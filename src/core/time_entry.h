// Times of day as people type them (issue 14, item 15; GOV.UK: "let users
// enter times in whatever format is familiar to them").
#pragma once

#include <optional>
#include <string_view>

#include "core/calendar.h"

namespace casepanel::core {

// "9:45", "09:45", "9.45", "9:45am", "9.45 pm", "9am", "12pm", "noon" and
// "midday" -> minutes since midnight; std::nullopt for anything else,
// including "13pm", "9:60" and "24:00". Case and surrounding spaces do not
// matter; "a.m." and "p.m." are read as "am" and "pm".
std::optional<LocalTime> parse_time_entered(std::string_view text);

}  // namespace casepanel::core
