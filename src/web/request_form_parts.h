// Pieces of the request pages' forms that the drafting pages and the request
// page share: a date input's three boxes, a list of people to choose from,
// and the children's names in one line.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "app/named_id.h"
#include "web/site.h"
#include "web/templates.h"

namespace casepanel::web {

// Splits an ISO date (or, after a post, what was typed) for a date input's
// three boxes: `prefix`day, `prefix`month, `prefix`year.
void set_date_parts(Data& d, const std::string& prefix, const WebRequest& r,
                    const std::string& field, const std::string& stored, bool posted);

// People for a select, with `selected` marked.
Data people(const std::vector<app::NamedId>& list, std::int64_t selected);

// "Amy Smith, Ben Smith".
std::string joined_names(const std::vector<app::NamedId>& children);

}  // namespace casepanel::web
