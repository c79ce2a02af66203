// Reading the common-password list (config/common-passwords.txt by default;
// where it comes from is in its header and docs/people.md) from disk, once,
// when the server starts. The list itself is core::CommonPasswords.
#pragma once

#include <string>

#include "core/password_policy.h"
#include "core/result.h"

namespace casepanel::store {

// The fewest entries a list may have: the review (ASVS 6.2.4) asks for the
// 10,000 most common passwords at least.
inline constexpr std::size_t kMinCommonPasswords = 10000;

// The list in the file at `path`; an error naming the file when it cannot be
// read or holds fewer than kMinCommonPasswords entries.
core::Result<core::CommonPasswords> load_common_passwords(const std::string& path);

}  // namespace casepanel::store
