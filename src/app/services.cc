#include "app/services.h"

namespace casepanel::app {

const core::PanelType* PanelCatalogue::find(std::string_view id) const {
  for (const auto& p : panels_) {
    if (p.id == id) {
      return &p;
    }
  }
  return nullptr;
}

std::string Actor::main_role() const {
  if (roles.empty()) {
    return "";
  }
  return std::string(core::role_id(*roles.begin()));
}

}  // namespace casepanel::app
