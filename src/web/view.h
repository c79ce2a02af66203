// Small helpers turning app/ values into template data.
#pragma once

#include <cstdint>
#include <string>

#include "web/templates.h"

namespace casepanel::web {

inline std::string str(std::int64_t n) { return std::to_string(n); }

// Sets `key` only when the value is non-empty, so {{#key}} sections work.
inline void set_if(Data& d, const std::string& key, const std::string& value) {
  if (!value.empty()) {
    d.set(key, value);
  }
}
inline void set_flag(Data& d, const std::string& key, bool on) {
  if (on) {
    d.set(key, true);
  }
}

}  // namespace casepanel::web
