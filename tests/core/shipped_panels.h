// The panel types the repository ships (config/panels/), loaded for tests of
// the rules that read them.
#pragma once

#include <string>

#include "core/panel_type.h"

namespace casepanel::core {

// Loads config/panels/FILE; a test fails (and an empty panel returns) when it
// does not load.
PanelType shipped(const std::string& file);

}  // namespace casepanel::core
