// What a page says after a change (GOV.UK notification banner, success):
// a handler redirects to the page with ?done=KEY, and the layout shows the
// message kept for KEY here. The text never comes from the URL, so a link
// cannot make the page say anything else; an unknown key shows nothing.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace casepanel::web {

// `path` with ?done=KEY (or &done=KEY), before any #fragment.
std::string confirmed(const std::string& path, std::string_view key);

// The message for a ?done= key, or nothing for an unknown or missing one.
std::optional<std::string_view> confirmation(std::string_view key);

}  // namespace casepanel::web
