#include "web/forms.h"

#include <cctype>

namespace casepanel::web {
namespace {

std::string trimmed(std::string v) {
  v.erase(0, v.find_first_not_of(' '));
  v.erase(v.find_last_not_of(' ') + 1);
  return v;
}

bool digits(const std::string& v, std::size_t min, std::size_t max) {
  if (v.size() < min || v.size() > max) {
    return false;
  }
  for (char c : v) {
    if (!std::isdigit(static_cast<unsigned char>(c))) {
      return false;
    }
  }
  return true;
}

}  // namespace

std::string date_field(const WebRequest& r, const std::string& name) {
  const std::string day = trimmed(r.field(name + "-day"));
  const std::string month = trimmed(r.field(name + "-month"));
  const std::string year = trimmed(r.field(name + "-year"));
  if (day.empty() && month.empty() && year.empty()) {
    return "";
  }
  if (!digits(day, 1, 2) || !digits(month, 1, 2) || !digits(year, 4, 4)) {
    return "not a date";
  }
  return year + "-" + (month.size() == 1 ? "0" : "") + month + "-" + (day.size() == 1 ? "0" : "") +
         day;
}

}  // namespace casepanel::web
