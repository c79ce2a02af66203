// Reading GOV.UK form patterns back from a posted form.
#pragma once

#include <string>

#include "web/http.h"

namespace casepanel::web {

// A GOV.UK date input (NAME-day, NAME-month, NAME-year) as "YYYY-MM-DD";
// "" when all three are blank, and text that is not a date when any part is
// not a number, so that validation reports it.
std::string date_field(const WebRequest& r, const std::string& name);

}  // namespace casepanel::web
