// A record's id with the name a person reads (a child, a manager to choose).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "store/role_holders.h"

namespace casepanel::app {

struct NamedId {
  std::int64_t id = 0;
  std::string name;
};

// The people as a choice list shows them.
inline std::vector<NamedId> named(const std::vector<store::PersonContact>& people) {
  std::vector<NamedId> out;
  out.reserve(people.size());
  for (const store::PersonContact& p : people) {
    out.push_back({p.id, p.name});
  }
  return out;
}

}  // namespace casepanel::app
