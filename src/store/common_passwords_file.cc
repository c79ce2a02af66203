#include "store/common_passwords_file.h"

#include <fstream>
#include <sstream>

namespace casepanel::store {

core::Result<core::CommonPasswords> load_common_passwords(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return core::Error::invalid("common_passwords",
                                path + ": cannot read the common-password list");
  }
  std::stringstream text;
  text << in.rdbuf();
  core::CommonPasswords list = core::CommonPasswords::from_lines(text.str());
  if (list.size() < kMinCommonPasswords) {
    return core::Error::invalid(
        "common_passwords", path + ": the common-password list has " + std::to_string(list.size()) +
                                " entries; at least " + std::to_string(kMinCommonPasswords) +
                                " are needed");
  }
  return list;
}

}  // namespace casepanel::store
