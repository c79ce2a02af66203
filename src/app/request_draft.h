// A draft request between the form and the repository: the core::RequestDraft
// the rules validate, read from the stored request; one section of it written
// back; each field that changed, for the audit log. Helpers of the drafting
// use cases (app/drafting.h), inside their transaction.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/services.h"
#include "core/request.h"
#include "store/requests.h"

namespace casepanel::app {

// The draft as stored, with its criteria, authorisations and children (and
// the children's records, for the criteria that count months).
core::RequestDraft draft_of(store::Tx& tx, const store::RequestRecord& r);

// The dates on these children's records that criteria count months from.
std::vector<core::ChildOnRecord> children_on_record(store::Tx& tx,
                                                    const std::vector<std::int64_t>& child_ids);

// Fills in whether each authoriser holds the role the criterion asks for.
core::RequestDraft with_authoriser_roles(store::Tx& tx, const core::PanelType& panel,
                                         core::RequestDraft d);

// Copies one section's fields of `input` over `d`.
void take_section(core::RequestDraft& d, core::Section section, const core::RequestDraft& input);

// Writes one section's fields of `d` (validated), and marks the section saved
// in `sections_saved` and the request.
void write_section(store::Tx& tx, const Services& s, const Actor& a, const core::PanelType& panel,
                   std::int64_t id, core::Section section, const core::RequestDraft& d,
                   std::vector<std::string>& sections_saved);

// Each field that changed, with its old and new value.
nlohmann::json draft_changes(const core::RequestDraft& before, const core::RequestDraft& after);

}  // namespace casepanel::app
