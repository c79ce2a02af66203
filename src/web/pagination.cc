#include "web/pagination.h"

#include "web/view.h"

namespace casepanel::web {

std::string pagination(const Site& site, int page, int pages,
                       const std::function<std::string(int)>& href, const std::string& label) {
  if (pages <= 1) {
    return "";
  }
  Data d;
  d.set("label", label);
  if (page > 1) {
    d.set("previous", href(page - 1));
  }
  if (page < pages) {
    d.set("next", href(page + 1));
  }
  Data items{Data::type::list};
  int last_shown = 0;
  for (int n = 1; n <= pages; ++n) {
    if (n != 1 && n != pages && (n < page - 1 || n > page + 1)) {
      continue;
    }
    if (n > last_shown + 1) {
      Data gap;
      gap.set("ellipsis", true);
      items.push_back(gap);
    }
    Data item;
    item.set("number", str(n));
    item.set("href", href(n));
    set_flag(item, "current", n == page);
    items.push_back(item);
    last_shown = n;
  }
  d.set("page_items", items);
  return site.fragment("pagination", d);
}

}  // namespace casepanel::web
