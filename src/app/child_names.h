// The names of the children a request or a sitting is about, as pages and
// emails show them: "Amy Smith, Ben Smith", eldest first.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>

#include "store/database.h"

namespace casepanel::app {

// The names of a request's children, eldest first, joined with ", "; their
// number in `count` when given.
std::string request_children_names(store::Tx& tx, std::int64_t request_id, int* count = nullptr);
// How many children a request is for, without reading their names.
int request_child_count(store::Tx& tx, std::int64_t request_id);
// The children's names of every request heard at a sitting, by request id,
// as request_children_names gives them one request at a time, in one query.
// A request with no children has no entry.
struct ChildrenNames {
  std::string names;
  int count = 0;
};
std::unordered_map<std::int64_t, ChildrenNames> sitting_children_names(store::Tx& tx,
                                                                       std::int64_t sitting_id);

}  // namespace casepanel::app
