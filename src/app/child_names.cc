#include "app/child_names.h"

#include "store/children.h"

namespace casepanel::app {

std::string request_children_names(store::Tx& tx, std::int64_t request_id, int* count) {
  const std::vector<std::string> names = store::request_child_names(tx, request_id);
  std::string out;
  for (const std::string& name : names) {
    out += (out.empty() ? "" : ", ") + name;
  }
  if (count) {
    *count = static_cast<int>(names.size());
  }
  return out;
}

int request_child_count(store::Tx& tx, std::int64_t request_id) {
  return store::request_child_count(tx, request_id);
}

std::unordered_map<std::int64_t, ChildrenNames> sitting_children_names(store::Tx& tx,
                                                                       std::int64_t sitting_id) {
  std::unordered_map<std::int64_t, ChildrenNames> out;
  for (const store::HeardChild& c : store::sitting_child_names(tx, sitting_id)) {
    ChildrenNames& n = out[c.request_id];
    n.names += (n.names.empty() ? "" : ", ") + c.name;
    ++n.count;
  }
  return out;
}

}  // namespace casepanel::app
