// Organisation settings repository: the `settings` table, a key and a text
// value per row (e.g. `require_two_factor` = "on"). Runs inside the caller's
// transaction.
#pragma once

#include <optional>
#include <string>

#include "store/database.h"

namespace casepanel::store {

std::optional<std::string> find_setting(Tx& tx, const std::string& key);
void put_setting(Tx& tx, const std::string& key, const std::string& value);
// The stored value; `value` stored and returned when there is none yet.
std::string setting_or_put(Tx& tx, const std::string& key, const std::string& value);

}  // namespace casepanel::store
