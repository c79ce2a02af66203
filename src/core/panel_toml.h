// The panel file reader, section by section: each read_* function reads one
// section of a panel file ([schedule], [[decisions]] ...) into the PanelType,
// recording every problem in the TableReader's Problems. PanelType::create
// (core/panel_toml.cc) calls them in the order of read_panel; a section that
// refers to another (a venue rotation to [[venues]], an escalation to a
// decision, the chair and a consultation to [[members]]) is read after it.
//
// Internal to core/panel_toml*.cc. See docs/panel-configuration.md for the
// format itself.
#pragma once

#include "core/panel_type.h"
#include "core/toml_table_reader.h"

namespace casepanel::core::panel_toml {

// The request side (core/panel_toml_requests.cc).
void read_identity(TableReader& r, PanelType& p);
void read_role_titles(TableReader& root, PanelType& p);
void read_requests(TableReader& root, PanelType& p);
void read_request_types(TableReader& root, PanelType& p);
void read_entry_criteria(TableReader& root, PanelType& p);
void read_approval_steps(TableReader& root, PanelType& p);
void read_documents(TableReader& root, PanelType& p);
void read_deadline(TableReader& root, PanelType& p);
void read_consultations(TableReader& root, PanelType& p);

// The sitting side (core/panel_toml_sittings.cc).
void read_venues(TableReader& root, PanelType& p);
void read_schedule(TableReader& root, PanelType& p);
void read_hearing(TableReader& root, PanelType& p);
void read_members(TableReader& root, PanelType& p);
void read_chair(TableReader& root, PanelType& p);

// What panels decide and what follows (core/panel_toml_decisions.cc).
void read_decisions(TableReader& root, PanelType& p);
void read_permanency(TableReader& root, PanelType& p);
void read_timescales(TableReader& root, PanelType& p);
void read_escalations(TableReader& root, PanelType& p);
void read_after_panel(TableReader& root, PanelType& p);

}  // namespace casepanel::core::panel_toml
