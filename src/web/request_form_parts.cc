#include "web/request_form_parts.h"

#include "core/calendar.h"
#include "web/view.h"

namespace casepanel::web {

void set_date_parts(Data& d, const std::string& prefix, const WebRequest& r,
                    const std::string& field, const std::string& stored, bool posted) {
  if (posted) {
    d.set(prefix + "day", r.field(field + "-day"));
    d.set(prefix + "month", r.field(field + "-month"));
    d.set(prefix + "year", r.field(field + "-year"));
  } else if (auto date = core::parse_iso_date(stored)) {
    d.set(prefix + "day", std::to_string(static_cast<unsigned>(date->day())));
    d.set(prefix + "month", std::to_string(static_cast<unsigned>(date->month())));
    d.set(prefix + "year", std::to_string(static_cast<int>(date->year())));
  }
}

Data people(const std::vector<app::NamedId>& list, std::int64_t selected) {
  Data out{Data::type::list};
  for (const auto& p : list) {
    Data x;
    x.set("id", str(p.id));
    x.set("name", p.name);
    set_flag(x, "selected", p.id == selected);
    out.push_back(x);
  }
  return out;
}

std::string joined_names(const std::vector<app::NamedId>& children) {
  std::string out;
  for (const auto& c : children) {
    out += (out.empty() ? "" : ", ") + c.name;
  }
  return out;
}

}  // namespace casepanel::web
