// A record's id with the name a person reads (a child, a manager to choose).
#pragma once

#include <cstdint>
#include <string>

namespace casepanel::app {

struct NamedId {
  std::int64_t id = 0;
  std::string name;
};

}  // namespace casepanel::app
