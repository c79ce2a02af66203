#include "store/role_holders.h"

namespace casepanel::store {

std::vector<RoleHolder> role_holders(Tx& tx, core::Role role) {
  std::vector<RoleHolder> out;
  for (const Row& r : tx.query("SELECT u.id, u.name, u.email FROM users u JOIN user_roles ur ON "
                               "ur.user_id = u.id WHERE ur.role = $1 AND u.active = 1 "
                               "ORDER BY u.name, u.id",
                               {std::string(core::role_id(role))})) {
    out.push_back({r.integer(0), r.text(1), r.text(2)});
  }
  return out;
}

bool holds_role(Tx& tx, std::int64_t user_id, core::Role role) {
  return user_id != 0 && tx.query_one(
                               "SELECT 1 FROM user_roles ur JOIN users u ON u.id = ur.user_id "
                               "WHERE ur.user_id = $1 AND ur.role = $2 AND u.active = 1",
                               {user_id, std::string(core::role_id(role))})
                             .has_value();
}

std::string user_name(Tx& tx, std::int64_t user_id) {
  auto r = tx.query_one("SELECT name FROM users WHERE id = $1", {user_id});
  return r ? r->text(0) : std::string();
}

}  // namespace casepanel::store
