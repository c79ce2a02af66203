#include "shipped_panels.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace casepanel::core {

PanelType shipped(const std::string& file) {
  const std::string path = std::string(CASEPANEL_SOURCE_DIR) + "/config/panels/" + file;
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  auto loaded = PanelType::create(text.str(), path);
  EXPECT_TRUE(loaded.panel.has_value()) << path;
  return loaded.panel.value_or(PanelType{});
}

}  // namespace casepanel::core
