// The record form (templates/decision.mustache), shared by the first record
// of a hearing and a correction: reading what was posted into a
// core::DecisionEntry, and filling the form's data from the panel's
// catalogue and from what was posted or saved.
#pragma once

#include <functional>
#include <string>

#include "app/decisions.h"
#include "web/http.h"
#include "web/templates.h"

namespace casepanel::web {

// Action lines the form offers (more can be added by correcting the record).
inline constexpr std::size_t kActionLines = 3;

core::DecisionEntry decision_entry(const WebRequest& r);

// What the form shows in a field: what was posted, or the saved value.
using FieldValue = std::function<std::string(const std::string& field)>;
// The form's items, plans, owners and actions; `value` gives each field.
void fill_decision_form(Data& d, const app::DecisionForm& f, const FieldValue& value,
                        const std::vector<std::string>& chosen_items);

}  // namespace casepanel::web
