// ChangedPanels: a TestWorld's services with the repository's panels changed
// in memory, behind the same database: how a council that edited its panel
// file would see it (tests of configuration keys that act).
#pragma once

#include <memory>
#include <vector>

#include "app/services.h"
#include "support/world.h"

namespace casepanel::testing {

// The world's services with its panels changed by `change`.
class ChangedPanels {
 public:
  template <typename Change>
  ChangedPanels(TestWorld& w, Change change) : calendar_(core::Calendar::england_and_wales()) {
    std::vector<core::PanelType> panels = w.services().panels.all();
    for (core::PanelType& p : panels) {
      change(p);
    }
    catalogue_ = std::make_unique<app::PanelCatalogue>(std::move(panels));
    services_ = std::make_unique<app::Services>(app::Services{
        w.db(), w.clock(), calendar_, *catalogue_, w.dir() / "uploads", 20 * 1024 * 1024});
  }
  app::Services& services() { return *services_; }

 private:
  core::Calendar calendar_;
  std::unique_ptr<app::PanelCatalogue> catalogue_;
  std::unique_ptr<app::Services> services_;
};

}  // namespace casepanel::testing
