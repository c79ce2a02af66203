#include "store/settings.h"

namespace casepanel::store {

std::optional<std::string> find_setting(Tx& tx, const std::string& key) {
  auto row = tx.query_one("SELECT value FROM settings WHERE key = $1", {key});
  if (!row) {
    return std::nullopt;
  }
  return row->text(0);
}

void put_setting(Tx& tx, const std::string& key, const std::string& value) {
  tx.exec(
      "INSERT INTO settings (key, value) VALUES ($1, $2) "
      "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
      {key, value});
}

std::string setting_or_put(Tx& tx, const std::string& key, const std::string& value) {
  tx.exec("INSERT INTO settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING",
          {key, value});
  return find_setting(tx, key).value_or(value);
}

}  // namespace casepanel::store
